// A CLI v2 command job (type: command) names its environment under `environment:`: a reference to a registered
// or curated environment, or an inline v2 environment. The job is loaded as format `v2-job`; an inline
// environment is loaded as a v2 environment whose positions point into the job file.
import { resolveBeside } from './conda-file.js';
import { refuseOutside, type PathGuard } from './containment.js';
import type { Json } from './fields.js';
import { diskReader, type FileReader } from './files.js';
import { isJsonRecord, type JsonRecord } from './json.js';
import { parseYamlWithPositions } from './parse-yaml.js';
import { SHELL_OPERATORS, shellWords } from './shell-words.js';
import { readStyle } from './text.js';
import type { LoadedDefinition, Position, SourceText } from './types.js';
import { v2ToModel } from './v2-model.js';

/** Where the job's environment variables land in the model, so the env/* rules check them as they do for v1. */
export const JOB_ENV_VARS = 'environmentVariables';

/** A command job: `type: command`, a command job `$schema`, or a `command:` string together with `environment:`. */
export function looksLikeJob(value: JsonRecord): boolean {
  if (value.type === 'command') return true;
  if (typeof value.$schema === 'string' && /commandjob\.schema\.json/i.test(value.$schema)) return true;
  return typeof value.command === 'string' && 'environment' in value;
}

/** Maps a job document onto a definition of format v2-job; its inline environment, if any, is loaded beside it. */
export function jobToModel(
  file: string,
  job: JsonRecord,
  positions: Map<string, Position>,
  source: SourceText,
  reader: FileReader,
  guard?: PathGuard,
): LoadedDefinition {
  const env: JsonRecord = {};
  const vars = job.environment_variables;
  if (vars !== undefined) {
    env[JOB_ENV_VARS] = vars;
    for (const [path, pos] of [...positions])
      if (path === 'environment_variables' || /^environment_variables[.[]/.test(path))
        positions.set(JOB_ENV_VARS + path.slice('environment_variables'.length), pos);
  }
  const def: LoadedDefinition = {
    path: file,
    format: 'v2-job',
    env,
    positions,
    problems: [],
    sources: [source],
    job,
    parsed: true,
  };
  const inline = job.environment;
  if (isJsonRecord(inline)) {
    const inner = new Map<string, Position>();
    for (const [path, pos] of positions)
      if (path.startsWith('environment.')) inner.set(path.slice('environment.'.length), pos);
    const envDef = v2ToModel(file, inline, inner, source, reader, guard);
    envDef.anonymous = true;
    def.jobEnvironment = envDef;
  }
  checkCode(def, file, job, reader, guard);
  return def;
}

/** A code value that names a local folder (not an azureml: asset, a URL or a git repository). */
const isLocalPath = (code: string) => !/^(azureml:|[a-z][a-z0-9+.-]*:\/\/|git\+)/i.test(code) && !code.includes('${{');

/** The Python script a command runs (`python -u train.py --x` → train.py), when it is plain enough to tell. */
export function commandScript(command: string): string | undefined {
  const split = shellWords(command);
  if (!split.ok) return undefined;
  let segmentStart = true;
  const words = split.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (SHELL_OPERATORS.includes(word)) {
      segmentStart = true;
      continue;
    }
    if (!segmentStart) continue;
    segmentStart = false;
    // A command that changes folder first runs its script from somewhere else: not checked.
    if (word === 'cd' || word === 'pushd') return undefined;
    if (!/^python(\d+(\.\d+)?)?$/.test(word)) continue;
    for (let j = i + 1; j < words.length && !SHELL_OPERATORS.includes(words[j]); j++) {
      const arg = words[j];
      if (arg === '-m' || arg === '-c') return undefined;
      if (arg.startsWith('-')) continue;
      return /\.py$/i.test(arg) && !arg.includes('${{') && !arg.startsWith('/') ? arg : undefined;
    }
  }
  return undefined;
}

/** `code` is a folder beside the job (inside the containment root) that holds the script `command` runs. */
function checkCode(def: LoadedDefinition, file: string, job: JsonRecord, reader: FileReader, guard?: PathGuard): void {
  const code = job.code;
  if (typeof code !== 'string' || code.trim() === '' || !isLocalPath(code)) return;
  const folder = resolveBeside(file, code.replace(/^file:/, ''));
  if (refuseOutside(def, guard, folder, 'code', 'the code folder', code)) return;
  if (!reader.isDirectory(folder)) {
    if (reader.size(folder) !== undefined) return; // a single file as code is allowed
    def.problems.push({
      rule: 'job/code-missing',
      severity: 'error',
      path: 'code',
      message: `the code folder "${code}" was not found (looked for ${folder})`,
      hint: 'give the folder that holds your scripts, relative to the job file (for example code: ./src)',
    });
    return;
  }
  const script = typeof job.command === 'string' ? commandScript(job.command) : undefined;
  if (!script) return;
  const path = resolveBeside(`${folder}/x`, script);
  if (refuseOutside(def, guard, path, 'command', 'the script', script)) return;
  if (reader.size(path) === undefined || reader.isDirectory(path)) {
    def.problems.push({
      rule: 'job/script-missing',
      severity: 'warning',
      path: 'command',
      message: `the command runs ${script}, which is not in the code folder "${code}" (looked for ${path})`,
      hint: 'the command runs inside the uploaded code folder: put the script there, or fix its path in command',
    });
  }
}

export type JobEnvironment =
  | { kind: 'not-a-job' }
  | { kind: 'inline'; def: LoadedDefinition }
  | { kind: 'reference'; message: string };

/** Whether the text is a command job, and if so the environment it uses (for commands that need one environment). */
export function readJobEnvironment(raw: string, file: string, reader: FileReader = diskReader): JobEnvironment {
  if (!/^[ \t]*(type\s*:\s*command|command\s*:|\$schema\s*:.*commandjob)/im.test(raw)) return { kind: 'not-a-job' };
  const { text, style } = readStyle(raw);
  const parsed = parseYamlWithPositions(text, file);
  const value: Json | undefined = parsed.value;
  if (parsed.error || !isJsonRecord(value) || !looksLikeJob(value)) return { kind: 'not-a-job' };
  const def = jobToModel(file, value, parsed.positions, { file, text, style }, reader);
  if (def.jobEnvironment) return { kind: 'inline', def: def.jobEnvironment };
  const env = value.environment;
  if (typeof env === 'string') {
    return {
      kind: 'reference',
      message: `${file}: the job uses the registered environment "${env}", which amlenv cannot read; give the environment's own YAML or conda file instead`,
    };
  }
  return {
    kind: 'reference',
    message: `${file}: the job has no environment; add an "environment:" mapping or give an environment file`,
  };
}
