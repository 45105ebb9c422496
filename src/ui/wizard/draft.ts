// The wizard's draft: the environment being built (SDK v1 shape) plus the choices that are not part of it.
// Pure functions only; every change returns a new draft.
import type { Json } from '../../env/fields.js';
import { isRecord } from '../../env/path.js';
import { holdsSecret } from '../../rules/env-vars.js';
import type { EnvObject } from '../../env/types.js';

export type PythonKind = 'conda' | 'user' | 'base';
export type ImageSource = 'catalog' | 'custom' | 'dockerfile';
export type OutputForm = 'v1-file' | 'v1-dir' | 'v2' | 'all';

export interface DraftMeta {
  /** Step index the user was on. */
  step: number;
  imageSource: ImageSource;
  dockerfilePath: string;
  output: OutputForm;
  outPath: string;
  writePassword: boolean;
  /** Where the draft started (template name, file path), for the resume prompt. */
  origin: string;
  /** The user chose to keep the registry password and secret-looking values in the saved draft. */
  draftSecrets?: boolean;
  /** Secrets left out of the saved draft ("password", or variable names): a resumed draft lacks them. */
  withheld?: string[];
}

export interface Draft {
  env: EnvObject;
  meta: DraftMeta;
  /** The registry password lives only in memory: it is never saved with the draft. */
  password: string;
}

export type ListKey = 'channels' | 'conda' | 'pip' | 'env' | 'sparkRepos' | 'sparkPackages';

const clone = <T>(v: T): T => structuredClone(v);
export const section = (env: EnvObject, name: string): Record<string, Json> =>
  isRecord(env[name]) ? (env[name] as Record<string, Json>) : {};

/** Returns a copy of the draft with `change` applied to a copy of its environment. */
export function withEnv(draft: Draft, change: (env: EnvObject) => void): Draft {
  const env = clone(draft.env);
  change(env);
  return { ...draft, env };
}

export function ensureSection(env: EnvObject, name: string): Record<string, Json> {
  if (!isRecord(env[name])) env[name] = {};
  return env[name] as Record<string, Json>;
}

export function pythonKind(env: EnvObject): PythonKind {
  const python = section(env, 'python');
  if (python.userManagedDependencies === true) return 'user';
  if (typeof python.baseCondaEnvironment === 'string' && python.baseCondaEnvironment) return 'base';
  return 'conda';
}

function condaSpec(env: EnvObject): Record<string, Json> | undefined {
  const spec = section(env, 'python').condaDependencies;
  return isRecord(spec) ? (spec as Record<string, Json>) : undefined;
}

function ensureConda(env: EnvObject): Record<string, Json> {
  const python = ensureSection(env, 'python');
  if (!isRecord(python.condaDependencies)) python.condaDependencies = { channels: ['conda-forge'], dependencies: [] };
  const spec = python.condaDependencies as Record<string, Json>;
  if (!Array.isArray(spec.dependencies)) spec.dependencies = [];
  return spec;
}

const isPythonEntry = (d: Json) => typeof d === 'string' && /^\s*python(\s|[=<>!~]|$)/.test(d);
const pipEntryIndex = (deps: Json[]) =>
  deps.findIndex((d) => isRecord(d) && Array.isArray((d as Record<string, Json>).pip));

/** The python version the conda spec declares ("3.11"), or "" when there is none. */
export function pythonVersion(env: EnvObject): string {
  const entry = (condaSpec(env)?.dependencies as Json[] | undefined)?.find(isPythonEntry);
  return typeof entry === 'string' ? entry.replace(/^\s*python\s*=*\s*/, '') : '';
}

/** The model path of the python entry in the conda dependencies, or of the list while there is none. */
export function pythonEntryPath(env: EnvObject): string {
  const at = ((condaSpec(env)?.dependencies as Json[] | undefined) ?? []).findIndex(isPythonEntry);
  return at >= 0 ? `python.condaDependencies.dependencies[${at}]` : 'python.condaDependencies.dependencies';
}

export function setPythonVersion(draft: Draft, version: string): Draft {
  return withEnv(draft, (env) => {
    const deps = ensureConda(env).dependencies as Json[];
    const at = deps.findIndex(isPythonEntry);
    const value = version.trim() ? `python=${version.trim().replace(/^=+/, '')}` : undefined;
    if (at >= 0) {
      if (value) deps[at] = value;
      else deps.splice(at, 1);
    } else if (value) deps.unshift(value);
  });
}

/** Where the items of each list live in the model, as [index in that array] → model path. */
export function listPaths(env: EnvObject, key: ListKey): string[] {
  const deps = (condaSpec(env)?.dependencies as Json[] | undefined) ?? [];
  switch (key) {
    case 'channels':
      return ((condaSpec(env)?.channels as Json[] | undefined) ?? []).map(
        (_, i) => `python.condaDependencies.channels[${i}]`,
      );
    case 'conda':
      return deps
        .map((d, i) => ({ d, i }))
        .filter(({ d }) => typeof d === 'string' && !isPythonEntry(d))
        .map(({ i }) => `python.condaDependencies.dependencies[${i}]`);
    case 'pip': {
      const at = pipEntryIndex(deps);
      const pip = at >= 0 ? ((deps[at] as Record<string, Json>).pip as Json[]) : [];
      return pip.map((_, j) => `python.condaDependencies.dependencies[${at}].pip[${j}]`);
    }
    case 'env':
      return Object.keys(section(env, 'environmentVariables')).map((name) =>
        /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)
          ? `environmentVariables.${name}`
          : `environmentVariables[${JSON.stringify(name)}]`,
      );
    case 'sparkRepos':
      return ((section(env, 'spark').repositories as Json[] | undefined) ?? []).map(
        (_, i) => `spark.repositories[${i}]`,
      );
    case 'sparkPackages':
      return ((section(env, 'spark').packages as Json[] | undefined) ?? []).map((_, i) => `spark.packages[${i}]`);
  }
}

/** The items of a list as the user edits them: text lines. */
export function listItems(env: EnvObject, key: ListKey): string[] {
  const deps = (condaSpec(env)?.dependencies as Json[] | undefined) ?? [];
  switch (key) {
    case 'channels':
      return ((condaSpec(env)?.channels as Json[] | undefined) ?? []).map(String);
    case 'conda':
      return deps.filter((d): d is string => typeof d === 'string' && !isPythonEntry(d));
    case 'pip': {
      const at = pipEntryIndex(deps);
      return at >= 0
        ? ((deps[at] as Record<string, Json>).pip as Json[]).map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
        : [];
    }
    case 'env':
      return Object.entries(section(env, 'environmentVariables')).map(
        ([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`,
      );
    case 'sparkRepos':
      return ((section(env, 'spark').repositories as Json[] | undefined) ?? []).map(String);
    case 'sparkPackages':
      return ((section(env, 'spark').packages as Json[] | undefined) ?? []).map((p) => {
        const pkg = isRecord(p) ? (p as Record<string, Json>) : {};
        return [pkg.group, pkg.artifact, pkg.version]
          .map((x) => (x === undefined || x === null ? '' : String(x)))
          .join(':');
      });
  }
}

/** Replaces a whole list, keeping the rest of the model as it was. */
export function setListItems(draft: Draft, key: ListKey, items: string[]): Draft {
  return withEnv(draft, (env) => {
    switch (key) {
      case 'channels':
        ensureConda(env).channels = items;
        return;
      case 'conda': {
        const spec = ensureConda(env);
        const deps = spec.dependencies as Json[];
        const python = deps.filter(isPythonEntry);
        const pip = deps.filter((d) => isRecord(d));
        spec.dependencies = [...python, ...items, ...pip];
        return;
      }
      case 'pip': {
        const spec = ensureConda(env);
        const deps = (spec.dependencies as Json[]).filter(
          (d) => !(isRecord(d) && Array.isArray((d as Record<string, Json>).pip)),
        );
        if (items.length) deps.push({ pip: items });
        spec.dependencies = deps;
        return;
      }
      case 'env': {
        const vars: Record<string, Json> = {};
        for (const item of items) {
          const eq = item.indexOf('=');
          const name = (eq >= 0 ? item.slice(0, eq) : item).trim();
          if (name) vars[name] = eq >= 0 ? item.slice(eq + 1) : '';
        }
        env.environmentVariables = vars;
        return;
      }
      case 'sparkRepos':
        ensureSection(env, 'spark').repositories = items;
        return;
      case 'sparkPackages':
        ensureSection(env, 'spark').packages = items.map((item) => {
          const [group = '', artifact = '', version = ''] = item.split(':').map((s) => s.trim());
          return { group, artifact, version };
        });
        return;
    }
  });
}

export function setField(draft: Draft, path: string, value: Json): Draft {
  return withEnv(draft, (env) => {
    const parts = path.split('.');
    let target: Record<string, Json> = env;
    for (const part of parts.slice(0, -1)) {
      if (!isRecord(target[part])) target[part] = {};
      target = target[part] as Record<string, Json>;
    }
    target[parts[parts.length - 1]] = value;
  });
}

export function getField(env: EnvObject, path: string): Json | undefined {
  let value: Json | undefined = env;
  for (const part of path.split('.')) value = isRecord(value) ? (value as Record<string, Json>)[part] : undefined;
  return value;
}

export function setPythonKind(draft: Draft, kind: PythonKind): Draft {
  return withEnv(draft, (env) => {
    const python = ensureSection(env, 'python');
    python.userManagedDependencies = kind === 'user';
    if (kind === 'user' && (typeof python.interpreterPath !== 'string' || !python.interpreterPath))
      python.interpreterPath = 'python';
    if (kind !== 'base') python.baseCondaEnvironment = null;
    else if (typeof python.baseCondaEnvironment !== 'string' || !python.baseCondaEnvironment)
      python.baseCondaEnvironment = 'base';
    if (kind !== 'user') ensureConda(env);
  });
}

export function setImageSource(draft: Draft, source: ImageSource, dockerfileText?: string): Draft {
  const next = withEnv(draft, (env) => {
    const docker = ensureSection(env, 'docker');
    if (source === 'dockerfile') {
      docker.baseImage = null;
      docker.baseDockerfile =
        dockerfileText ?? (typeof docker.baseDockerfile === 'string' ? docker.baseDockerfile : null);
    } else {
      docker.baseDockerfile = null;
    }
    docker.buildContext = docker.buildContext === undefined ? null : docker.buildContext;
  });
  return { ...next, meta: { ...next.meta, imageSource: source } };
}

const PASSWORD = 'password';

/**
 * The draft as it may be saved to disk: unless the user chose otherwise, the registry password and every
 * variable value that env/secret-like would flag are left out, and their names kept in meta.withheld so a
 * resumed draft knows what it lacks.
 */
export function draftForDisk(draft: Draft): { env: EnvObject; meta: DraftMeta; password?: string } {
  if (draft.meta.draftSecrets)
    return { env: draft.env, meta: { ...draft.meta, withheld: [] }, password: draft.password || undefined };
  const env = structuredClone(draft.env);
  const withheld = new Set((draft.meta.withheld ?? []).filter((name) => missingSecrets(draft).includes(name)));
  const vars = isRecord(env.environmentVariables) ? (env.environmentVariables as Record<string, Json>) : {};
  for (const [name, value] of Object.entries(vars)) {
    if (!holdsSecret(name, value)) continue;
    vars[name] = '';
    withheld.add(name);
  }
  if (draft.password) withheld.add(PASSWORD);
  return { env, meta: { ...draft.meta, withheld: [...withheld] }, password: undefined };
}

/** Secrets the saved draft left out that are still empty: "password" or variable names. */
export function missingSecrets(draft: Draft): string[] {
  const vars = section(draft.env, 'environmentVariables');
  return (draft.meta.withheld ?? []).filter((name) => (name === PASSWORD ? !draft.password : vars[name] === ''));
}

/** The missing secrets as the write step names them (the password only matters when it is to be written). */
export function missingSecretLabels(draft: Draft): string[] {
  return missingSecrets(draft)
    .filter((name) => name !== PASSWORD || draft.meta.writePassword)
    .map((name) => (name === PASSWORD ? 'the registry password' : name));
}
