// The SDK's Environment.from_* constructors, offline: each builds the SDK v1 model the SDK would build.
import type { ConversionNote } from './convert.js';
import { newEnvironment } from './defaults.js';
import type { Json } from './fields.js';
import { parseYamlWithPositions } from './parse-yaml.js';
import { ensureList, ensureRecord, isJsonRecord } from './json.js';
import type { EnvObject } from './types.js';

/** CondaDependencies' PYTHON_DEFAULT_VERSION in the current SDK. */
export const SDK_DEFAULT_PYTHON = '3.8.13';

export interface Imported {
  env: EnvObject;
  notes: ConversionNote[];
}

function base(name: string): EnvObject {
  const env = newEnvironment(name);
  env.environmentVariables = {};
  return env;
}

const python = (env: EnvObject) => ensureRecord(env, 'python');
const docker = (env: EnvObject) => ensureRecord(env, 'docker');

/** Parses a conda YAML; throws a one-line error for anything that is not a conda mapping. */
export function parseCondaText(text: string, file: string): Record<string, Json> {
  // The loaders' parser: linear duplicate-key check, capped nesting and alias expansion.
  const parsed = parseYamlWithPositions(text.replace(/^\ufeff/, ''), file);
  if (parsed.error) {
    const { line, column, message, rule } = parsed.error;
    throw new Error(
      `${file}:${line}:${column}: ${rule ? `the YAML is ${message} [${rule}]` : `invalid YAML: ${message}`}`,
    );
  }
  const value = parsed.value;
  if (!isJsonRecord(value))
    throw new Error(`${file}: not a conda environment file (expected name, channels and dependencies)`);
  return value;
}

/** Environment.from_conda_specification(name, file). */
export function fromCondaSpecification(name: string, text: string, file: string): Imported {
  const spec = parseCondaText(text, file);
  const env = base(name);
  const notes: ConversionNote[] = [];
  const deps = ensureList(spec, 'dependencies');
  if (!deps.some((d) => typeof d === 'string' && /^\s*python(\s|[=<>!~]|$)/.test(d))) {
    deps.unshift(`python=${SDK_DEFAULT_PYTHON}`);
    notes.push({
      path: 'python.condaDependencies',
      message: `no python version in ${file}: the SDK defaults to ${SDK_DEFAULT_PYTHON} (past end of life); set python=3.12 or another supported version`,
    });
  }
  python(env).condaDependencies = spec;
  return { env, notes };
}

/** The requirement lines of a requirements.txt: comments, blank lines and line continuations removed. */
export function requirementLines(text: string): string[] {
  return text
    .replace(/^\ufeff/, '')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

/** Environment.from_pip_requirements(name, file): a conda environment with pip and these requirements. */
export function fromPipRequirements(name: string, text: string, file: string): Imported {
  const env = base(name);
  const lines = requirementLines(text);
  const notes: ConversionNote[] = [
    {
      path: 'python.condaDependencies',
      message: `python pinned to the SDK default ${SDK_DEFAULT_PYTHON} (past end of life); set python=3.12 or another supported version`,
    },
  ];
  for (const line of lines.filter((l) => /^-(r|c)\s|^--(requirement|constraint)/.test(l)))
    notes.push({
      path: 'python.condaDependencies',
      message: `"${line}" in ${file} names another file, which is not copied: list its requirements directly`,
    });
  python(env).condaDependencies = {
    name: 'project_environment',
    dependencies: [`python=${SDK_DEFAULT_PYTHON}`, 'pip', { pip: lines }],
    channels: ['conda-forge'],
  };
  return { env, notes };
}

/** Environment.from_dockerfile(name, dockerfile, conda_specification=None, pip_requirements=None). */
export function fromDockerfile(
  name: string,
  dockerfile: string,
  extra: { conda?: { text: string; file: string }; requirements?: { text: string; file: string } } = {},
): Imported {
  let imported: Imported;
  if (extra.conda) imported = fromCondaSpecification(name, extra.conda.text, extra.conda.file);
  else if (extra.requirements) imported = fromPipRequirements(name, extra.requirements.text, extra.requirements.file);
  else {
    imported = { env: base(name), notes: [] };
    python(imported.env).userManagedDependencies = true;
    delete python(imported.env).condaDependencies;
    imported.notes.push({
      path: 'python.userManagedDependencies',
      message: 'no conda or pip file: python is user-managed, so the Dockerfile must install every package',
    });
  }
  docker(imported.env).baseImage = null;
  docker(imported.env).baseDockerfile = dockerfile;
  return imported;
}
