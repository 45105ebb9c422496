// The wizard's findings: the rules of `amlenv validate`, run on the draft as it would be written, and which row
// and step each finding belongs to.
import { basename, dirname, resolve, sep } from 'node:path';
import { jsonRecord, jsonString } from '../../env/json.js';
import { diskReader, type FileReader, readWith } from '../../env/files.js';
import { loadDefinitionText } from '../../env/load.js';
import { SDK_JSON_STYLE } from '../../env/save.js';
import type { Diagnostic, LoadedDefinition } from '../../env/types.js';
import { validateLoaded } from '../../rules/validate.js';
import { safeDiagnostic } from '../../util/safe-text.js';
import { groupBySection as groupFindings } from '../components/diagnostic-groups.js';
import { type Draft, sdkOf, v2Of } from './draft.js';
import { besideYaml, type OutputFile, outputEnv, outputFiles } from './output.js';
import { stepsOf } from './steps.js';

const cache = new WeakMap<Draft, Diagnostic[]>();

/** The same rules as `amlenv validate`, run on the draft as it would be written. Needs loadFieldLibs(). */
export function draftDiagnostics(draft: Draft): Diagnostic[] {
  let found = cache.get(draft);
  if (!found) {
    found = (sdkOf(draft) === 'v2' ? v2Diagnostics(draft) : v1Diagnostics(draft)).map(safeDiagnostic);
    cache.set(draft, found);
  }
  return found;
}

function v1Diagnostics(draft: Draft): Diagnostic[] {
  const def: LoadedDefinition = {
    path: 'draft',
    format: 'v1-json',
    env: outputEnv(draft),
    positions: new Map(),
    problems: [],
    sources: [{ file: 'draft', text: '', style: SDK_JSON_STYLE }],
    parsed: true,
  };
  return validateLoaded(def).map((d) => inWizardTerms(d, draft, 'draft'));
}

/** Reads the files about to be written from memory, and everything else (a build folder) from disk. */
function overlayReader(files: OutputFile[]): FileReader {
  const memory = new Map(files.map((f) => [resolve(f.path), f.text]));
  const inMemory = (path: string) => memory.get(resolve(path));
  return {
    read: (path) => inMemory(path) ?? diskReader.read(path),
    readChecked: (path, kind) => {
      const text = inMemory(path);
      return text !== undefined
        ? { ok: true, text, bytes: Buffer.byteLength(text), realPath: resolve(path) }
        : readWith(diskReader, path, kind);
    },
    isDirectory: (path) =>
      [...memory.keys()].some((file) => file.startsWith(resolve(path) + sep)) || diskReader.isDirectory(path),
    size: (path) => {
      const text = inMemory(path);
      return text !== undefined ? Buffer.byteLength(text) : diskReader.size(path);
    },
  };
}

/**
 * A v2 draft is checked as its three files: environment.yml (and the conda.yml it names) as `amlenv validate
 * environment.yml` checks them, and job.yml as `amlenv validate job.yml` does. Findings in conda.yml and on the
 * job's variables are told on the rows that edit them (model paths); the review list names their file.
 */
function v2Diagnostics(draft: Draft): Diagnostic[] {
  const { files } = outputFiles(draft);
  const reader = overlayReader(files);
  const out: Diagnostic[] = [];
  for (const file of files) {
    const name = basename(file.path);
    if (name !== 'environment.yml' && name !== 'job.yml') continue;
    // job: 'whole' checks the job itself, as `amlenv validate job.yml` does.
    const loaded = loadDefinitionText(file.text, file.path, { reader, job: 'whole' });
    if (!loaded.ok) continue;
    for (const d of validateLoaded(loaded.def)) {
      // The job's inline environment (and its conda.yml) was checked above, as environment.yml.
      if (name === 'job.yml' && d.file && basename(d.file) !== 'job.yml') continue;
      const path = modelPath(d, name);
      if (path !== undefined) out.push(inWizardTerms({ ...d, path }, draft, file.path));
    }
  }
  return out;
}

/** The build folder as the draft holds it (empty until the user types one). */
const buildFolder = (draft: Draft): string =>
  jsonString(jsonRecord(jsonRecord(draft.env.docker)?.buildContext)?.location)?.trim() ?? '';

/**
 * A finding told as the wizard's rows show things: a build context with no folder yet is about the Build folder
 * row (not "neither image nor build"), and the job's code folder is named as the user typed it, not as job.yml
 * spells it relative to the output folder. The rule stays the same, so `amlenv explain` still finds it.
 */
export function inWizardTerms(d: Diagnostic, draft: Draft, writtenFile: string): Diagnostic {
  if (d.rule === 'v2/image-or-build' && draft.meta.imageSource === 'build' && !buildFolder(draft))
    return {
      ...d,
      path: 'build.path',
      message: 'the build folder is not set yet',
      hint: 'on the Build folder row, press Enter and type the folder that holds your Dockerfile, e.g. ./docker',
    };
  if (d.rule === 'v2/image-or-build' && draft.meta.imageSource === 'dockerfile')
    return {
      ...d,
      path: 'build',
      message: 'no Dockerfile has been read yet',
      hint: 'on the Dockerfile row, press Enter and type the path of your Dockerfile, e.g. ./Dockerfile',
    };
  // v1: "which image" is told on the row that sets it (the docker section itself has no row).
  if (d.rule === 'docker/no-image' && d.path === 'docker')
    return draft.meta.imageSource === 'dockerfile'
      ? {
          ...d,
          path: 'docker.baseDockerfile',
          message: 'no Dockerfile has been read yet',
          hint: 'on the Dockerfile path row, press Enter and type the path of your Dockerfile, e.g. ./Dockerfile',
        }
      : { ...d, path: 'docker.baseImage', hint: 'on the Base image row, choose or type the image' };
  // The builder's hint says "relative to this file": in the wizard the folder is typed relative to where amlenv runs.
  if (d.rule === 'v2/missing-file' && d.path === 'build.path')
    return { ...d, hint: 'type the folder relative to where you run amlenv (or its absolute path)' };
  if ((d.path === 'job.code' || d.path === 'job.command') && basename(writtenFile) === 'job.yml') {
    const typed = v2Of(draft).code || '.';
    const written = besideYaml(typed, dirname(writtenFile));
    const message = d.message.replace(`code folder "${written}"`, `code folder "${typed}"`);
    const hint =
      d.rule === 'job/code-missing'
        ? 'on the Code folder row, type the folder that holds your scripts (relative to where you run amlenv)'
        : d.hint;
    return { ...d, message, hint };
  }
  return d;
}

const CONDA = 'python.condaDependencies';

/** Where a finding in one of the v2 files is edited in the draft; undefined for the job's copy of the environment. */
function modelPath(d: Diagnostic, file: 'environment.yml' | 'job.yml'): string | undefined {
  if (d.file && basename(d.file) === 'conda.yml')
    return d.path ? `${CONDA}${d.path.startsWith('[') ? '' : '.'}${d.path}` : CONDA;
  if (file === 'environment.yml') return d.path;
  if (d.path === 'environment' || d.path.startsWith('environment.')) return undefined;
  if (d.path === 'environment_variables' || d.path.startsWith('environment_variables'))
    return `environmentVariables${d.path.slice('environment_variables'.length)}`;
  return d.path ? `job.${d.path}` : 'job';
}

/** A finding's path as its file spells it, for the review list (v2 drafts name conda.yml and job.yml). */
export function shownPath(d: Diagnostic, draft: Draft): string {
  if (sdkOf(draft) !== 'v2') return d.path || 'file';
  if (d.path === CONDA || d.path.startsWith(`${CONDA}.`) || d.path.startsWith(`${CONDA}[`))
    return `conda.yml ${d.path.slice(CONDA.length).replace(/^\./, '') || '(file)'}`;
  if (d.path.startsWith('environmentVariables'))
    return `job.yml environment_variables${d.path.slice('environmentVariables'.length)}`;
  if (d.path === 'job' || d.path.startsWith('job.')) return `job.yml ${d.path.slice(4) || '(file)'}`;
  return d.path || 'environment.yml';
}

/** Diagnostics about a row: its own path or anything below it. */
export function diagnosticsAt(diagnostics: Diagnostic[], path: string | undefined): Diagnostic[] {
  if (!path) return [];
  return diagnostics.filter((d) => d.path === path || d.path.startsWith(`${path}.`) || d.path.startsWith(`${path}[`));
}

const under = (path: string, prefix: string) =>
  path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/**
 * Each row's own findings: a finding belongs to the row(s) whose path is the most specific match for its
 * path, so a bad pip entry marks its pip row and not the python row above the whole dependency list.
 */
export function findingsByRow(rows: Array<{ path?: string }>, diagnostics: Diagnostic[]): Diagnostic[][] {
  const out: Diagnostic[][] = rows.map(() => []);
  for (const d of diagnostics) {
    let best = -1;
    rows.forEach((r) => {
      if (r.path && under(d.path, r.path) && r.path.length > best) best = r.path.length;
    });
    if (best < 0) continue;
    rows.forEach((r, i) => {
      if (r.path && r.path.length === best && under(d.path, r.path)) out[i].push(d);
    });
  }
  return out;
}

/** The review list's groups: one per step of the draft's SDK, in step order, the rest under Other. */
export function groupBySteps(diagnostics: Diagnostic[], draft: Draft): Array<{ title: string; items: Diagnostic[] }> {
  const steps = stepsOf(draft).filter((s) => s.id !== 'review' && s.id !== 'sdk');
  return groupFindings(
    diagnostics,
    steps.map((s) => ({ title: s.title, owns: s.owns })),
  );
}
