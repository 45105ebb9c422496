import { basename, dirname, join } from 'node:path';
import type { Json } from './fields.js';
import { checkNamedPaths } from './contained-paths.js';
import { attachCondaFile, CONDA_PATH, resolveBeside } from './conda-file.js';
import { guardFor, refuseOutside, type PathGuard } from './containment.js';
import { diskReader, readWith, type FileReader } from './files.js';
import { limitHint, readReferenced, refusedDefinition } from './read-input.js';
import { parseJsonWithPositions, type ParsedText } from './parse-json.js';
import { parseYamlWithPositions } from './parse-yaml.js';
import { ensureRecord, isJsonRecord } from './json.js';
import { isRecord } from './path.js';
import { excerpt } from '../util/safe-text.js';
import { readStyle } from './text.js';
import type { EnvObject, Format, LoadedDefinition, Position, SourceText } from './types.js';
import { jobToModel, looksLikeJob } from './job-environment.js';
import { looksLikeV2, v2ToModel } from './v2-model.js';

// Re-exported: callers import the conda-file helpers from the loader.
export { attachCondaFile, CONDA_PATH, mergePositions, resolveBeside } from './conda-file.js';

export const V1_DIR_JSON = 'azureml_environment.json';
export const V1_DIR_CONDA = 'conda_dependencies.yml';
export const V1_DIR_DOCKERFILE = 'BaseDockerfile';

export type LoadOutcome =
  | { ok: true; def: LoadedDefinition }
  | { ok: false; reason: 'missing' | 'unrecognized'; message: string };

export interface LoadOptions {
  reader?: FileReader;
  /** Skip detection (the wizard and exercises know what they hold). */
  format?: Format;
  /** Where files named inside the definition may be read from (default: its containment root). */
  guard?: PathGuard;
  /**
   * A command job file: 'environment' (the default) loads its inline environment as a v2 environment, for the
   * commands that need one environment; 'whole' loads the job itself (format v2-job), for validate.
   */
  job?: 'environment' | 'whole';
}

/** Loads a file or folder in any supported format, detected from its content. */
export function loadDefinition(path: string, options: LoadOptions = {}): LoadOutcome {
  const reader = options.reader ?? diskReader;
  const guard = options.guard ?? guardFor(path);
  if (reader.isDirectory(path)) return withNamedPaths(loadV1Dir(path, path, reader, guard), guard);
  if (basename(path) === V1_DIR_JSON && options.format !== 'v1-json')
    return withNamedPaths(loadV1Dir(dirname(path), path, reader, guard), guard);
  const read = readWith(reader, path, 'definition');
  if (!read.ok && read.missing)
    return { ok: false, reason: 'missing', message: `${path}: no such file or folder; check the path` };
  if (!read.ok) return { ok: true, def: refusedDefinition(path, read, options.format) };
  return loadDefinitionText(read.text, path, { ...options, guard });
}

/** Loads definition text that came from `file` (which need not exist; referenced files are resolved beside it). */
export function loadDefinitionText(raw: string, file: string, options: LoadOptions = {}): LoadOutcome {
  const guard = options.guard ?? guardFor(file);
  return withNamedPaths(loadText(raw, file, options, guard), guard);
}

function withNamedPaths(outcome: LoadOutcome, guard: PathGuard): LoadOutcome {
  if (outcome.ok) checkNamedPaths(outcome.def, guard);
  return outcome;
}

function loadText(raw: string, file: string, options: LoadOptions, guard: PathGuard): LoadOutcome {
  const reader = options.reader ?? diskReader;
  if (!options.format && looksLikeRequirements(raw, file)) {
    return unrecognized(
      file,
      'a pip requirements file, not an environment definition (list it under "- pip:" in a conda ' +
        'file, or point a Dockerfile at it)',
    );
  }
  const looksJson =
    options.format === 'v1-json' ||
    /^\s*[{[]/.test(raw.replace(/^\ufeff/, '')) ||
    (!options.format && file.toLowerCase().endsWith('.json'));
  const { text, style } = readStyle(raw, looksJson);
  const source: SourceText = { file, text, style };
  if (looksJson) {
    const parsed = parseJsonWithPositions(text, file);
    if (parsed.error) return { ok: true, def: failed(file, 'v1-json', source, 'syntax/json', parsed) };
    const value = parsed.value;
    if (!isJsonRecord(value) || (options.format === undefined && !looksLikeV1(value))) {
      return unrecognized(
        file,
        'a JSON file that is not an SDK v1 environment (expected keys such as name, python, docker)',
      );
    }
    return { ok: true, def: fromV1Json(file, value, parsed.positions, source, reader, guard) };
  }
  const parsed = parseYamlWithPositions(text, file);
  if (parsed.error) {
    const guess: Format =
      options.format ??
      (/^[ \t]*(dependencies|channels)\s*:/m.test(text) && !/^[ \t]*(image|build|conda_file)\s*:/m.test(text)
        ? 'conda-yaml'
        : 'v2-yaml');
    return { ok: true, def: failed(file, guess, source, 'syntax/yaml', parsed) };
  }
  const value = parsed.value;
  if (!isRecord(value))
    return unrecognized(
      file,
      'YAML whose top level is not a mapping; an environment file is a set of key: value lines',
    );
  if (options.format === 'v2-job' || (options.format === undefined && looksLikeJob(value))) {
    const job = jobToModel(file, value, parsed.positions, source, reader, guard);
    if (options.job === 'whole' || options.format === 'v2-job') return { ok: true, def: job };
    if (job.jobEnvironment) return { ok: true, def: job.jobEnvironment };
    const env = value.environment;
    return unrecognized(
      file,
      `a v2 command job whose environment is ${typeof env === 'string' ? `the registered environment "${excerpt(env, 120)}"` : 'not given inline'}, not an environment definition (amlenv validate checks the job; give other commands the environment's own YAML)`,
    );
  }
  const format = options.format ?? (looksLikeV2(value) ? 'v2-yaml' : looksLikeConda(value) ? 'conda-yaml' : undefined);
  if (format === 'v2-yaml') return { ok: true, def: v2ToModel(file, value, parsed.positions, source, reader, guard) };
  if (format === 'conda-yaml') return { ok: true, def: fromConda(file, value, parsed, source) };
  if (format === 'v1-json' || format === 'v1-dir')
    return { ok: true, def: fromV1Json(file, value, parsed.positions, source, reader, guard) };
  return unrecognized(
    file,
    'YAML that is neither a v2 environment (name, image or build), a v2 command job (type: ' +
      'command) nor a conda file (channels, dependencies)',
  );
}

function unrecognized(file: string, what: string): LoadOutcome {
  return {
    ok: false,
    reason: 'unrecognized',
    message: `${file}: ${what}; amlenv reads v1 JSON, v1 folders, v2 environment and command job YAML, and conda YAML`,
  };
}

function looksLikeRequirements(raw: string, file: string): boolean {
  // The file's own name (not its folders) says "requirements" and ends in .txt or .in.
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).toLowerCase();
  if (name.includes('requirements') && /\.(txt|in)$/.test(name)) return true;
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  return (
    lines.length > 0 &&
    lines.every((l) =>
      /^([A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*((==|>=|<=|~=|!=|<|>)[^\s,;]+\s*,?\s*)*(;.*)?|-[-\w]+(\s+\S+)?)$/.test(
        l,
      ),
    ) &&
    !/:\s/.test(raw)
  );
}

function looksLikeV1(value: Record<string, unknown>): boolean {
  return ['python', 'docker', 'environmentVariables', 'spark', 'databricks', 'inferencingStackVersion', 'name'].some(
    (k) => k in value,
  );
}

function looksLikeConda(value: Record<string, unknown>): boolean {
  return 'dependencies' in value || 'channels' in value;
}

function failed(
  file: string,
  format: Format,
  source: SourceText,
  rule: 'syntax/json' | 'syntax/yaml',
  parsed: ParsedText,
): LoadedDefinition {
  const error = parsed.error ?? { message: 'unreadable', line: 1, column: 1 };
  const kind = rule === 'syntax/json' ? 'JSON' : 'YAML';
  return {
    path: file,
    format,
    env: {},
    positions: new Map(),
    problems: [
      {
        rule: error.rule ?? rule,
        severity: 'error',
        path: '',
        line: error.line,
        column: error.column,
        message: error.rule ? `the ${kind} is ${error.message}` : `invalid ${kind}: ${error.message}`,
        hint: error.rule
          ? limitHint(error.rule)
          : rule === 'syntax/json'
            ? 'fix the JSON at this position (strict JSON: double quotes, no comments, no trailing commas)'
            : 'fix the YAML at this position (check indentation and the ":" after each key)',
      },
    ],
    sources: [source],
    parsed: false,
  };
}

function fromV1Json(
  file: string,
  env: EnvObject,
  positions: Map<string, Position>,
  source: SourceText,
  reader: FileReader,
  guard?: PathGuard,
): LoadedDefinition {
  const def: LoadedDefinition = {
    path: file,
    format: 'v1-json',
    env,
    positions,
    problems: [],
    sources: [source],
    parsed: true,
  };
  const python = env.python;
  if (
    isRecord(python) &&
    typeof python.condaDependenciesFile === 'string' &&
    python.condaDependenciesFile &&
    python.condaDependencies === undefined
  ) {
    const condaFile = resolveBeside(file, python.condaDependenciesFile);
    if (
      refuseOutside(
        def,
        guard,
        condaFile,
        'python.condaDependenciesFile',
        'the conda file',
        python.condaDependenciesFile,
      )
    ) {
      // not read
    } else if (!attachCondaFile(def, condaFile, reader, 'python.condaDependenciesFile')) {
      def.problems.push({
        rule: 'python/conda-file-missing',
        severity: 'warning',
        path: 'python.condaDependenciesFile',
        message: `the conda file "${python.condaDependenciesFile}" was not found beside ${basename(file)}, so its packages were not checked`,
        hint: 'put the conda file next to the JSON, or move its content into python.condaDependencies',
      });
    }
  } else if (isRecord(python) && python.condaDependencies !== undefined) {
    def.conda = { modelPath: CONDA_PATH };
  }
  return def;
}

function loadV1Dir(dir: string, given: string, reader: FileReader, guard: PathGuard): LoadOutcome {
  const jsonPath = join(dir, V1_DIR_JSON);
  const read = readWith(reader, jsonPath, 'definition');
  if (!read.ok && read.missing) {
    return {
      ok: false,
      reason: 'missing',
      message: `${given}: no ${V1_DIR_JSON} in this folder; give an environment file, or a folder written by Environment.save_to_directory`,
    };
  }
  if (!read.ok) return { ok: true, def: refusedDefinition(jsonPath, read, 'v1-dir') };
  const outcome = loadText(read.text, jsonPath, { reader, format: 'v1-json' }, guard);
  if (!outcome.ok) return outcome;
  const def = outcome.def;
  def.format = 'v1-dir';
  def.path = given;
  if (!def.parsed) return outcome;
  // The folder's own files may be links: each is checked like any other named file.
  if (!refuseOutside(def, guard, join(dir, V1_DIR_CONDA), 'python.condaDependencies', 'the conda file', V1_DIR_CONDA))
    attachCondaFile(def, join(dir, V1_DIR_CONDA), reader);
  const dockerfilePath = join(dir, V1_DIR_DOCKERFILE);
  const dockerfile = refuseOutside(
    def,
    guard,
    dockerfilePath,
    'docker.baseDockerfile',
    'the BaseDockerfile',
    V1_DIR_DOCKERFILE,
  )
    ? undefined
    : readReferenced(def, reader, dockerfilePath, 'dockerfile', 'docker.baseDockerfile', V1_DIR_DOCKERFILE).text;
  if (dockerfile !== undefined) {
    ensureRecord(def.env, 'docker').baseDockerfile = dockerfile;
    def.positions.set('docker.baseDockerfile', { file: dockerfilePath, line: 1, column: 1 });
    def.sources.push({ file: dockerfilePath, text: dockerfile, style: readStyle(dockerfile).style });
  }
  return outcome;
}

function fromConda(
  file: string,
  value: Record<string, Json>,
  parsed: ParsedText,
  source: SourceText,
): LoadedDefinition {
  const positions = new Map<string, Position>();
  for (const [path, pos] of parsed.positions) positions.set(`${CONDA_PATH}.${path}`, pos);
  return {
    path: file,
    format: 'conda-yaml',
    env: { python: { userManagedDependencies: false, condaDependencies: value } },
    positions,
    problems: [],
    sources: [source],
    conda: { modelPath: CONDA_PATH, text: source.text },
    parsed: true,
  };
}
