import { loadCatalog, type Catalog } from '../content/catalog.js';
import { readDeps } from '../env/deps.js';
import { loadFieldLibs } from '../env/libs.js';
import { CONDA_PATH } from '../env/conda-file.js';
import { JOB_ENV_VARS } from '../env/job-environment.js';
import { isRecord } from '../env/path.js';
import type { Diagnostic, LoadedDefinition, Position } from '../env/types.js';
import { V2_PATH_ALIASES } from '../env/v2-model.js';
import { RULES } from './index.js';
import type { RuleContext } from './types.js';

/**
 * A generated file can break one rule thousands of times: the first findings say everything, and listing all
 * of them would cost more time and memory than the whole check.
 */
export const MAX_FINDINGS_PER_RULE = 100;

export interface ValidateOptions {
  today?: Date;
  catalog?: Catalog;
}

/** Loads the field libraries on first use, then validates. */
export async function validateDefinition(def: LoadedDefinition, options: ValidateOptions = {}): Promise<Diagnostic[]> {
  await loadFieldLibs();
  return validateLoaded(def, options);
}

/** Runs every rule that applies to the definition's format. Needs loadFieldLibs() to have resolved. */
export function validateLoaded(def: LoadedDefinition, options: ValidateOptions = {}): Diagnostic[] {
  const out = def.problems.map((p) => withPosition(def, p));
  if (!def.parsed) return out;
  const python = isRecord(def.env.python) ? def.env.python : {};
  const ctx: RuleContext = {
    def,
    env: def.env,
    deps: readDeps(python.condaDependencies, CONDA_PATH),
    catalog: options.catalog ?? loadCatalog(),
    today: options.today ?? new Date(),
  };
  for (const rule of RULES) {
    if (!rule.check || !rule.formats.includes(def.format)) continue;
    // An inline environment of a job is anonymous: its name is not used, so name rules do not apply.
    if (def.anonymous && rule.id.startsWith('name/')) continue;
    const findings = rule.check(ctx);
    for (const finding of findings.slice(0, MAX_FINDINGS_PER_RULE)) {
      out.push(
        withPosition(def, {
          rule: rule.id,
          severity: rule.severity,
          path: finding.path,
          message: finding.message,
          hint: finding.hint ?? rule.hint,
        }),
      );
    }
    if (findings.length > MAX_FINDINGS_PER_RULE) {
      const more = findings.length - MAX_FINDINGS_PER_RULE;
      const next = findings[MAX_FINDINGS_PER_RULE];
      out.push(
        withPosition(def, {
          rule: rule.id,
          severity: rule.severity,
          path: next.path,
          message: `and ${more} more like this (only the first ${MAX_FINDINGS_PER_RULE} are listed)`,
          hint: next.hint ?? rule.hint,
        }),
      );
    }
  }
  if (def.jobEnvironment) out.push(...validateLoaded(def.jobEnvironment, options).map(insideJob));
  return sortDiagnostics(out);
}

/** A diagnostic of a job's inline environment, with its path as the job file spells it. */
function insideJob(d: Diagnostic): Diagnostic {
  if (d.file) return d; // in the environment's conda file or Dockerfile: the path is that file's own
  return { ...d, path: d.path ? `environment.${d.path}` : 'environment' };
}

export const isValid = (diagnostics: Diagnostic[]): boolean => !diagnostics.some((d) => d.severity === 'error');

/** Adds line, column and file from the nearest path that has a position, and shows the path as the format spells it. */
function withPosition(def: LoadedDefinition, d: Diagnostic): Diagnostic {
  const pos = d.line !== undefined ? undefined : nearestPosition(def.positions, d.path);
  const file = d.file ?? pos?.file;
  const line = d.line ?? pos?.line;
  const column = d.column ?? pos?.column;
  // Key order is the order of the --json output.
  return {
    rule: d.rule,
    severity: d.severity,
    path: displayPath(def, d.path, file),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(file && file !== def.sources[0]?.file ? { file } : {}),
    message: d.message,
    hint: d.hint,
  };
}

function nearestPosition(positions: Map<string, Position>, path: string): Position | undefined {
  for (let p = path; p; p = parentPath(p)) {
    const pos = positions.get(p);
    if (pos) return pos;
  }
  return undefined;
}

/** The path without its last segment (".key" or "[...]"); scanned, as a regex for it was quadratic. */
export function parentPath(path: string): string {
  const starts: number[] = [];
  if (path.endsWith(']')) {
    const open = path.indexOf('[', path.lastIndexOf(']', path.length - 2) + 1);
    if (open >= 0 && open < path.length - 1) starts.push(open);
  }
  const dot = path.lastIndexOf('.');
  if (dot >= 0 && dot < path.length - 1 && !path.includes('[', dot) && !path.includes(']', dot)) starts.push(dot);
  return starts.length ? path.slice(0, Math.min(...starts)) : '';
}

/** Model paths as the user's format writes them: v2 keys for v2 files, the conda file's own keys for conda files. */
export function displayPath(def: LoadedDefinition, path: string, file?: string): string {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
  if (def.format === 'conda-yaml' && under(CONDA_PATH)) return path.slice(CONDA_PATH.length).replace(/^\./, '');
  if (def.format === 'v2-job' && under(JOB_ENV_VARS)) return `environment_variables${path.slice(JOB_ENV_VARS.length)}`;
  if (def.format !== 'v2-yaml') return path;
  if (path === '["$schema"]') return '$schema';
  if (under(CONDA_PATH)) {
    const rest = path.slice(CONDA_PATH.length);
    return def.conda?.file && file === def.conda.file ? rest.replace(/^\./, '') || 'conda_file' : `conda_file${rest}`;
  }
  for (const [model, shown] of V2_PATH_ALIASES) if (under(model)) return shown + path.slice(model.length);
  return path;
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.file ? 1 : 0);
  return list
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        rank(a.d) - rank(b.d) ||
        (a.d.file ?? '').localeCompare(b.d.file ?? '') ||
        (a.d.line ?? 1e9) - (b.d.line ?? 1e9) ||
        (a.d.column ?? 0) - (b.d.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ d }) => d);
}
