// npm run corpus [-- DIR]: runs every loader, the validator and the v1 round trip over a folder of real
// environment files (default ../shared/real-world/). Files that belong together there share a name prefix;
// SOURCES.tsv tells each file's original repository path, so each file is loaded at its original path and
// references between files (conda_file, azureml_environment.json + conda_dependencies.yml) resolve.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileReader } from '../src/env/files.js';
import { loadFieldLibs } from '../src/env/libs.js';
import { loadDefinition, loadDefinitionText, V1_DIR_JSON } from '../src/env/load.js';
import { definitionJson } from '../src/env/save.js';
import type { EnvObject } from '../src/env/types.js';
import { v2Files } from '../src/env/v2-files.js';
import { validateLoaded } from '../src/rules/validate.js';
import { parseIgnoreFile } from '../src/snapshot/ignore-file.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface CorpusReport {
  files: number;
  loaded: number;
  crashes: Array<{ file: string; error: string }>;
  notLoaded: Array<{ file: string; reason: string }>;
  roundTrips: { identical: number; total: number; different: string[] };
  folders: { loaded: number; total: number };
  /** v1 definitions whose only errors (if any) are reserved names, converted to v2 and validated. */
  conversions: { valid: number; total: number; failures: string[] };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** Maps each corpus file to a virtual path /corpus/<repo>/<original path>, so relative references resolve. */
function virtualLayout(dir: string, files: string[]): Map<string, string> {
  const map = new Map<string, string>();
  const sources = join(dir, 'SOURCES.tsv');
  if (existsSync(sources)) {
    for (const line of readFileSync(sources, 'utf8').split(/\r?\n/).slice(1)) {
      const [saved, repo, path] = line.split('\t');
      if (saved && repo && path) map.set(`/corpus/${repo}/${path}`, join(dir, saved));
    }
  }
  for (const file of files) if (![...map.values()].includes(file)) map.set(file, file);
  return map;
}

function virtualReader(layout: Map<string, string>): FileReader {
  const dirs = new Set<string>();
  for (const virtual of layout.keys())
    for (let d = posix.dirname(virtual); d !== '/' && d !== '.'; d = posix.dirname(d)) dirs.add(d);
  const real = (path: string) => layout.get(posix.normalize(path));
  return {
    read: (path) => {
      const file = real(path);
      return file ? readFileSync(file, 'utf8') : undefined;
    },
    isDirectory: (path) => dirs.has(posix.normalize(path).replace(/\/$/, '')),
    size: (path) => {
      const file = real(path);
      return file ? statSync(file).size : undefined;
    },
  };
}

/** Converts to v2 in memory and validates the result with our own v2 loader; returns the first error, if any. */
function convertedV2Errors(env: EnvObject, folder: string): string | undefined {
  const dir = `${folder}-v2`;
  const files = new Map(v2Files(env, dir).files.map((f) => [f.path, f.text]));
  const reader: FileReader = {
    read: (p) => files.get(posix.normalize(p)),
    isDirectory: (p) => [...files.keys()].some((f) => f.startsWith(`${posix.normalize(p)}/`)),
    size: (p) => files.get(p)?.length,
  };
  const outcome = loadDefinition(`${dir}/environment.yml`, { reader });
  if (!outcome.ok) return outcome.message;
  const error = validateLoaded(outcome.def).find((d) => d.severity === 'error');
  return error && `${error.rule} at ${error.path}: ${error.message}`;
}

export async function runCorpus(dir: string): Promise<CorpusReport> {
  await loadFieldLibs();
  const files = listFiles(dir).filter((f) => !['README.md', 'SOURCES.tsv'].includes(basename(f)));
  const layout = virtualLayout(dir, files);
  const reader = virtualReader(layout);
  const report: CorpusReport = {
    files: files.length,
    loaded: 0,
    crashes: [],
    notLoaded: [],
    roundTrips: { identical: 0, total: 0, different: [] },
    folders: { loaded: 0, total: 0 },
    conversions: { valid: 0, total: 0, failures: [] },
  };
  const shown = (file: string) => relative(dir, file);
  const v1Folders = new Set<string>();

  for (const [virtual, file] of layout) {
    if (!files.includes(file)) continue;
    try {
      const raw = readFileSync(file, 'utf8');
      if (/(^|[_/])\.?amlignore$|\.gitignore$/.test(file)) {
        parseIgnoreFile(raw);
        report.loaded++;
        continue;
      }
      const outcome = loadDefinitionText(raw, virtual, { reader });
      if (!outcome.ok) {
        report.notLoaded.push({ file: shown(file), reason: outcome.message.slice(virtual.length + 2) });
        continue;
      }
      report.loaded++;
      validateLoaded(outcome.def);
      if (outcome.def.format === 'v1-json' && outcome.def.parsed) {
        report.roundTrips.total++;
        if (definitionJson(outcome.def) === raw) report.roundTrips.identical++;
        else report.roundTrips.different.push(shown(file));
        if (basename(virtual) === V1_DIR_JSON) v1Folders.add(posix.dirname(virtual));
      }
    } catch (err) {
      report.crashes.push({ file: shown(file), error: String((err as Error).stack ?? err) });
    }
  }
  for (const folder of v1Folders) {
    report.folders.total++;
    try {
      const outcome = loadDefinition(folder, { reader });
      if (outcome.ok) {
        const diagnostics = validateLoaded(outcome.def);
        report.folders.loaded++;
        if (diagnostics.every((d) => d.severity !== 'error' || d.rule === 'name/reserved-prefix')) {
          report.conversions.total++;
          const failure = convertedV2Errors(outcome.def.env, folder);
          if (failure) report.conversions.failures.push(`${folder}: ${failure}`);
          else report.conversions.valid++;
        }
      }
    } catch (err) {
      report.crashes.push({ file: `${folder} (as a v1 folder)`, error: String((err as Error).stack ?? err) });
    }
  }
  return report;
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'real-world'));
  if (!existsSync(dir)) {
    console.log(`corpus: ${dir} does not exist; nothing to check (pass a folder: npm run corpus -- DIR)`);
    return;
  }
  const r = await runCorpus(dir);
  for (const c of r.crashes) console.log(`CRASH ${c.file}\n${c.error}`);
  for (const n of r.notLoaded) console.log(`not an environment: ${n.file}: ${n.reason}`);
  for (const d of r.roundTrips.different) console.log(`round trip differs: ${d}`);
  for (const f of r.conversions.failures) console.log(`v1→v2 conversion invalid: ${f}`);
  console.log(`v1 folders: ${r.folders.loaded}/${r.folders.total} loaded`);
  console.log(`v1→v2 conversions: ${r.conversions.valid}/${r.conversions.total} valid`);
  console.log(
    `corpus: ${r.files} files, ${r.loaded} loaded, ${r.crashes.length} crashes, ${r.roundTrips.identical}/${r.roundTrips.total} v1 round-trips identical`,
  );
  if (r.crashes.length > 0 || r.roundTrips.different.length > 0 || r.conversions.failures.length > 0)
    process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
