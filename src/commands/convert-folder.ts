// `amlenv convert DIR --to v2`: every v1 definition under a folder (v1 JSON files and v1 folders), each into its
// own v2 folder, with one summary table. The loader detects each file's format; the conversion itself is the
// single-file one (env/v2-files.ts), so a folder converts exactly as its files would one by one.
import { type Dirent, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { guardFor, OUTSIDE_RULE, type PathGuard, refusalHint, refusalMessage } from '../env/containment.js';
import { loadDefinition, V1_DIR_JSON } from '../env/load.js';
import { v1View } from '../env/sections.js';
import type { Diagnostic, LoadedDefinition } from '../env/types.js';
import { v2Files } from '../env/v2-files.js';
import { CONDA_FILE } from '../env/convert.js';
import { validateDefinition } from '../rules/validate.js';
import { dim, yellow } from '../util/color.js';
import { errorMessage, EXIT, UsageError } from '../util/errors.js';
import { plural } from '../util/plural.js';
import { safeFileName } from '../util/safe-name.js';
import { safeLine } from '../util/safe-text.js';
import { writeSet } from '../util/write-set.js';

/** Folders never walked: dependencies, version control and Python caches hold no definitions of yours. */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.venv', '__pycache__'];
/** How deep below DIR the walk goes, how many entries it looks at, and how many definitions it converts. */
export const WALK_LIMITS = { depth: 8, entries: 5000, definitions: 200 };

export type SkipReason = 'not-v1' | 'invalid' | 'exists' | 'outside';

export interface FolderRow {
  /** The definition as found: DIR joined with its path below DIR. */
  source: string;
  format?: string;
  status: 'converted' | 'would-convert' | 'skipped';
  /** The folder the v2 files go to (converted, would convert, or skipped because it exists). */
  output?: string;
  /** What the conversion did not carry over or moved (one line each). */
  warnings: string[];
  reason?: SkipReason;
  /** Why it was skipped, in words; for a converted one with errors left, the first of them. */
  detail?: string;
  /** Errors the converted files still have (amlenv validate OUTPUT/environment.yml says which). */
  errors?: number;
}

export interface FolderReport {
  root: string;
  dryRun: boolean;
  rows: FolderRow[];
  /** YAML files that are no environment (conda files, jobs, pipelines): counted, not listed. */
  otherYaml: number;
  /** Set when a walk limit stopped the search early. */
  truncated?: string;
}

export interface FolderOptions {
  out?: string;
  force: boolean;
  dryRun: boolean;
  command?: string;
  code?: string;
}

interface Candidate {
  path: string;
  kind: 'file' | 'folder';
}

/** True when `path` is a folder that is not itself a v1 folder (those convert alone, as before). */
export function isDefinitionFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory() && !existsSync(join(path, V1_DIR_JSON));
  } catch {
    return false;
  }
}

/** NAME-v2 beside NAME.json or the v1 folder NAME: what an earlier run wrote (its source's row says it exists). */
function isOutputOf(dir: string, name: string): boolean {
  const stem = /^(.+)-v2$/.exec(name)?.[1];
  return stem !== undefined && (existsSync(join(dir, `${stem}.json`)) || existsSync(join(dir, stem, V1_DIR_JSON)));
}

/** The files and v1 folders below `root` worth loading, in a stable order, within the walk limits. */
export function findCandidates(
  root: string,
  guard: PathGuard,
  skip: string[] = [],
  limits: typeof WALK_LIMITS = WALK_LIMITS,
): { candidates: Candidate[]; outside: Array<{ path: string; detail: string }>; truncated?: string } {
  const candidates: Candidate[] = [];
  const outside: Array<{ path: string; detail: string }> = [];
  let entries = 0;
  let truncated: string | undefined;
  const skipped = new Set(skip.map((p) => resolve(p)));
  const walk = (dir: string, depth: number) => {
    let list: Dirent[];
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds nothing we can convert
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of list) {
      if (truncated) return;
      if (++entries > limits.entries) {
        truncated = `stopped after ${limits.entries} entries`;
        return;
      }
      const path = join(dir, entry.name);
      if (skipped.has(resolve(path))) continue;
      // Links are not followed into folders; a linked file is read only when it resolves inside the project.
      if (entry.isSymbolicLink()) {
        if (!/\.(json|ya?ml)$/i.test(entry.name)) continue;
        const refusal = guard.check(path);
        if (refusal) {
          outside.push({ path, detail: `${refusalMessage('this link', path, refusal)}; ${refusalHint(refusal)}` });
          continue;
        }
        if (statSync(path, { throwIfNoEntry: false })?.isFile()) candidates.push({ path, kind: 'file' });
      } else if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.includes(entry.name) || isOutputOf(dir, entry.name)) continue;
        if (existsSync(join(path, V1_DIR_JSON))) candidates.push({ path, kind: 'folder' });
        else if (depth < limits.depth) walk(path, depth + 1);
      } else if (entry.isFile() && /\.(json|ya?ml)$/i.test(entry.name)) {
        candidates.push({ path, kind: 'file' });
      }
      if (candidates.length >= limits.definitions * 5) {
        truncated = `stopped after ${candidates.length} files`;
        return;
      }
    }
  };
  walk(root, 0);
  return { candidates, outside, truncated };
}

/** Conda dependencies that a managed (not user-managed) environment had, or should have had, and the result lacks. */
export function droppedConda(findings: Diagnostic[], hasConda: boolean, userManaged: boolean): string | undefined {
  if (hasConda || userManaged) return undefined;
  const why = findings.find((d) => d.severity !== 'info' && /conda|python|pip/.test(d.rule));
  return `no conda dependencies could be carried${why ? ` (${why.path || 'python'}: ${why.message} [${why.rule}])` : ''}; the result uses the image's python as it is, and converting it back gives a user-managed environment`;
}

/** The errors that stop a conversion (a curated name is renamed by the conversion itself, and the note says so). */
export const blockingErrors = (findings: Diagnostic[]): Diagnostic[] =>
  findings.filter((d) => d.severity === 'error' && d.rule !== 'name/reserved-prefix');

const where = (d: Diagnostic): string =>
  `${d.path || '(top level)'}${d.line !== undefined ? ` (line ${d.line})` : ''}: ${d.message} [${d.rule}]`;

/** v1 JSON keys that say a file that does not parse was meant as an environment. */
const V1_KEY = /"(python|docker|environmentVariables|inferencingStackVersion|spark|databricks)"\s*:/;

async function convertOne(
  candidate: Candidate,
  display: string,
  outDir: string,
  options: FolderOptions,
): Promise<FolderRow | 'other-yaml'> {
  const yaml = candidate.kind === 'file' && /\.ya?ml$/i.test(candidate.path);
  const row: FolderRow = { source: display, status: 'skipped', warnings: [] };
  const outcome = loadDefinition(candidate.path);
  if (!outcome.ok) {
    if (yaml) return 'other-yaml';
    return { ...row, reason: 'not-v1', detail: 'not an SDK v1 environment (no name, python or docker keys)' };
  }
  const def: LoadedDefinition = outcome.def;
  row.format = def.format;
  if (def.format === 'v2-yaml') return { ...row, reason: 'not-v1', detail: 'already a v2 environment' };
  if (def.format === 'conda-yaml' || yaml) return 'other-yaml';
  if (!def.parsed) {
    const text = def.sources[0]?.text ?? '';
    const problem = def.problems.find((p) => p.severity === 'error');
    if (candidate.kind === 'file' && !V1_KEY.test(text))
      return { ...row, format: undefined, reason: 'not-v1', detail: 'not JSON an environment could be read from' };
    return { ...row, reason: 'invalid', detail: problem ? where(problem) : 'could not be read' };
  }
  const refused = def.problems.find((p) => p.rule === OUTSIDE_RULE);
  if (refused) return { ...row, reason: 'outside', detail: `${refused.path}: ${refused.message}` };
  const findings = await validateDefinition(def);
  const errors = blockingErrors(findings);
  if (errors.length && !options.force)
    return {
      ...row,
      reason: 'invalid',
      detail: `${plural(errors.length, 'error')}, first ${where(errors[0])}; fix, or pass --force`,
    };

  row.output = outDir;
  const { result, files } = v2Files(def.env, outDir, {
    source: display,
    command: options.command,
    code: options.code,
  });
  row.warnings = result.notes.map((n) => `${n.path}: ${n.message}`);
  if (errors.length) row.warnings.unshift(`converted despite ${plural(errors.length, 'error')} (--force)`);
  const lost = droppedConda(
    findings,
    result.conda !== undefined || CONDA_FILE in (result.context ?? {}),
    v1View(def.env).python?.userManagedDependencies === true,
  );
  if (lost) row.warnings.push(`python.condaDependencies: ${lost}`);
  if (!options.force && occupied(outDir))
    return { ...row, reason: 'exists', detail: `${outDir} exists; pass --force to write into it`, warnings: [] };
  if (options.dryRun) return { ...row, status: 'would-convert' };
  try {
    writeSet(files, { force: options.force, folder: outDir });
  } catch (err) {
    if (err instanceof UsageError) return { ...row, reason: 'exists', detail: errorMessage(err), warnings: [] };
    throw err;
  }
  row.status = 'converted';
  const check = loadDefinition(join(outDir, 'environment.yml'));
  if (check.ok) {
    const left = (await validateDefinition(check.def)).filter((d) => d.severity === 'error');
    if (left.length) {
      row.errors = left.length;
      row.detail = where(left[0]);
    }
  }
  return row;
}

/** A path that holds something: a file, or a folder that is not empty (an empty folder is written into). */
function occupied(path: string): boolean {
  try {
    const stat = statSync(path);
    return !stat.isDirectory() || readdirSync(path).length > 0;
  } catch {
    return false;
  }
}

/** Where the v2 files of a definition go: beside it, or mirrored under --out. */
function outputFor(candidate: Candidate, root: string, out: string | undefined): string {
  const name = basename(candidate.path);
  const stem = candidate.kind === 'folder' ? name : name.slice(0, name.length - extname(name).length);
  const folder = `${safeFileName(stem)}-v2`;
  const parent = dirname(candidate.path);
  return out === undefined ? join(parent, folder) : join(out, relative(root, parent), folder);
}

export async function convertFolder(root: string, options: FolderOptions): Promise<FolderReport> {
  const guard = guardFor(root);
  const { candidates, outside, truncated } = findCandidates(root, guard, options.out ? [options.out] : []);
  const report: FolderReport = { root, dryRun: options.dryRun, rows: [], otherYaml: 0, truncated };
  for (const { path, detail } of outside)
    report.rows.push({ source: path, status: 'skipped', warnings: [], reason: 'outside', detail });
  const planned = new Set<string>();
  let definitions = 0;
  for (const candidate of candidates) {
    if (definitions >= WALK_LIMITS.definitions) {
      report.truncated = `stopped after ${WALK_LIMITS.definitions} definitions`;
      break;
    }
    const outDir = outputFor(candidate, root, options.out);
    if (planned.has(resolve(outDir))) {
      report.rows.push({
        source: candidate.path,
        status: 'skipped',
        warnings: [],
        reason: 'exists',
        output: outDir,
        detail: `another definition here converts to ${outDir}; convert this one alone with --out`,
      });
      continue;
    }
    const row = await convertOne(candidate, candidate.path, outDir, options);
    if (row === 'other-yaml') {
      report.otherYaml++;
      continue;
    }
    if (row.output && row.status !== 'skipped') planned.add(resolve(outDir));
    if (row.format === 'v1-json' || row.format === 'v1-dir') definitions++;
    report.rows.push(row);
  }
  // In the walk's order (folder by folder, names sorted), refused links among the rest.
  const order = new Map([...outside.map((o) => o.path), ...candidates.map((c) => c.path)].sort().map((p, i) => [p, i]));
  report.rows.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0));
  return report;
}

/** 0 when every v1 definition found converted cleanly; 1 when one was invalid, refused or converted with errors; 2 when one was not written because its output exists. */
export function folderExitCode(report: FolderReport): number {
  if (report.rows.some((r) => r.reason === 'invalid' || r.reason === 'outside' || (r.errors ?? 0) > 0))
    return EXIT.invalid;
  if (report.rows.some((r) => r.reason === 'exists')) return EXIT.usage;
  return EXIT.ok;
}

const STATUS_WORDS: Record<FolderRow['status'], string> = {
  converted: 'converted',
  'would-convert': 'would convert',
  skipped: 'skipped',
};

const REASONS: SkipReason[] = ['not-v1', 'invalid', 'exists', 'outside'];

const REASON_WORDS: Record<SkipReason, string> = {
  'not-v1': 'not v1',
  invalid: 'invalid',
  exists: 'exists',
  outside: 'outside',
};

/** The summary table and its closing line, for the terminal. */
export function folderTable(report: FolderReport): string {
  const rows = report.rows.map((r) => {
    const result = r.status === 'skipped' && r.reason ? `skipped: ${REASON_WORDS[r.reason]}` : STATUS_WORDS[r.status];
    const detail =
      r.status === 'skipped'
        ? (r.detail ?? '')
        : `${r.output ?? ''}${r.errors ? ` — ${plural(r.errors, 'error')} left: ${r.detail}` : ''}`;
    return [safeLine(r.source), result, r.status === 'skipped' ? '-' : String(r.warnings.length), safeLine(detail)];
  });
  const header = [
    'definition',
    'result',
    'warnings',
    report.dryRun ? 'would write to / reason' : 'written to / reason',
  ];
  const widths = header.slice(0, 3).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c))
      .join('  ')
      .trimEnd();
  const converted = report.rows.filter((r) => r.status !== 'skipped');
  const warnings = converted.reduce((n, r) => n + r.warnings.length, 0);
  const skipped = report.rows.filter((r) => r.status === 'skipped');
  const byReason = REASONS.map(
    (reason) => [REASON_WORDS[reason], skipped.filter((r) => r.reason === reason).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([words, n]) => `${n} ${words}`);
  const summary = [
    `${plural(converted.length, 'definition')} ${report.dryRun ? 'would be converted' : 'converted'} (${plural(warnings, 'warning')})`,
    `${skipped.length} skipped${byReason.length ? ` (${byReason.join(', ')})` : ''}`,
    ...(report.otherYaml ? [`${plural(report.otherYaml, 'other YAML file')} not an environment`] : []),
  ].join(', ');
  return [
    ...(rows.length
      ? [line(header), ...rows.map(line)]
      : [`no environment definitions found under ${safeLine(report.root)}`]),
    '',
    `${summary}${report.dryRun ? dim(' — dry run, nothing written') : ''}`,
    ...(report.truncated
      ? [
          yellow(
            `${report.truncated} (limits: depth ${WALK_LIMITS.depth}, ${WALK_LIMITS.entries} entries, ${WALK_LIMITS.definitions} definitions); convert a smaller folder`,
          ),
        ]
      : []),
  ].join('\n');
}

/** The same report as data, for --json. */
export function folderJson(report: FolderReport): unknown {
  return {
    root: report.root,
    dryRun: report.dryRun,
    results: report.rows.map((r) => ({
      source: r.source,
      format: r.format ?? null,
      status: r.status,
      output: r.output ?? null,
      warnings: r.warnings,
      reason: r.reason ?? null,
      detail: r.detail ?? null,
      errors: r.errors ?? 0,
    })),
    summary: {
      converted: report.rows.filter((r) => r.status !== 'skipped').length,
      warnings: report.rows.filter((r) => r.status !== 'skipped').reduce((n, r) => n + r.warnings.length, 0),
      skipped: report.rows.filter((r) => r.status === 'skipped').length,
      otherYaml: report.otherYaml,
    },
    truncated: report.truncated ?? null,
  };
}

/** Each warning of each converted definition, one line on stderr, after the table says what was done. */
export function folderWarnings(report: FolderReport): string {
  return report.rows
    .filter((r) => r.status !== 'skipped')
    .flatMap((r) => r.warnings.map((w) => `${yellow('warning')} ${safeLine(r.source)}: ${safeLine(w)}`))
    .join('\n');
}
