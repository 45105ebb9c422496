// The wizard's draft: the environment being built (SDK v1 shape, which the v2 form is written from) plus the
// choices that are not part of it and the keys only v2 has. Pure functions only; every change returns a new draft.
import type { Json } from '../../env/fields.js';
import { ensureList, ensureRecord, isJsonRecord, type JsonRecord, jsonList, jsonRecord } from '../../env/json.js';
import { holdsSecret } from '../../rules/env-vars.js';
import type { EnvObject } from '../../env/types.js';

/** The SDK the wizard writes for: v2 (azure-ai-ml, az ml) or v1 (azureml-core, out of support since 2026-06-30). */
export type Sdk = 'v1' | 'v2';
export type PythonKind = 'conda' | 'user' | 'base';
/** Where the image comes from; 'build' is v2's build context (a folder with a Dockerfile). */
export type ImageSource = 'catalog' | 'custom' | 'dockerfile' | 'build';
export type OutputForm = 'v1-file' | 'v1-dir' | 'v2' | 'all';
export const ROUTES = ['liveness_route', 'readiness_route', 'scoring_route'] as const;
export type RouteName = (typeof ROUTES)[number];

export interface DraftMeta {
  /** Step index the user was on. */
  step: number;
  /** Absent in drafts saved before the SDK choice existed: those are v1 drafts. */
  sdk?: Sdk;
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
  /** What the other image modes had, so switching back restores it (never written to the files). */
  keptImage?: KeptImage;
}

/** What only a v2 environment (or its job) has, as the user typed it. */
export interface V2Part {
  description: string;
  tags: Record<string, string>;
  /** A serving image: inference_config with its three routes is written. */
  serving: boolean;
  /** Port and path of each route, as typed (a port that is not a whole number is written as typed, and flagged). */
  routes: Record<RouteName, { port: string; path: string }>;
  /** The command of the job.yml written beside the environment. */
  command: string;
  /** The job's code folder, relative to where amlenv runs (written relative to job.yml). */
  code: string;
}

export interface Draft {
  env: EnvObject;
  meta: DraftMeta;
  /** The registry password lives only in memory: it is never saved with the draft. */
  password: string;
  /** v2 drafts: the v2-only keys. */
  v2?: V2Part;
}

export const sdkOf = (draft: Draft): Sdk => draft.meta.sdk ?? 'v1';

export function emptyV2(): V2Part {
  return {
    description: '',
    tags: {},
    serving: false,
    routes: {
      liveness_route: { port: '5001', path: '/' },
      readiness_route: { port: '5001', path: '/' },
      scoring_route: { port: '5001', path: '/score' },
    },
    command: 'python train.py',
    code: '.',
  };
}

export const v2Of = (draft: Draft): V2Part => draft.v2 ?? emptyV2();

/** Returns a copy of the draft with `change` applied to a copy of its v2 part. */
export function withV2(draft: Draft, change: (v2: V2Part) => void): Draft {
  const v2 = structuredClone(v2Of(draft));
  change(v2);
  return { ...draft, v2 };
}

/** The inference_config the draft writes: ports that are whole numbers become numbers, as the schema wants. */
export function inferenceConfig(v2: V2Part): JsonRecord | undefined {
  if (!v2.serving) return undefined;
  const out: JsonRecord = {};
  for (const name of ROUTES) {
    const { port, path } = v2.routes[name];
    const route: JsonRecord = {};
    if (port.trim()) route.port = /^\d+$/.test(port.trim()) ? Number(port.trim()) : port.trim();
    if (path.trim()) route.path = path.trim();
    out[name] = route;
  }
  return out;
}
export type ListKey = 'channels' | 'conda' | 'pip' | 'env' | 'sparkRepos' | 'sparkPackages' | 'tags';

const clone = <T>(v: T): T => structuredClone(v);
export const section = (env: JsonRecord, name: string): JsonRecord => jsonRecord(env[name]) ?? {};

/** Returns a copy of the draft with `change` applied to a copy of its environment. */
export function withEnv(draft: Draft, change: (env: EnvObject) => void): Draft {
  const env = clone(draft.env);
  change(env);
  return { ...draft, env };
}

export function ensureSection(env: EnvObject, name: string): JsonRecord {
  return ensureRecord(env, name);
}

export function pythonKind(env: EnvObject): PythonKind {
  const python = section(env, 'python');
  if (python.userManagedDependencies === true) return 'user';
  if (typeof python.baseCondaEnvironment === 'string' && python.baseCondaEnvironment) return 'base';
  return 'conda';
}

const condaSpec = (env: EnvObject): JsonRecord | undefined => jsonRecord(section(env, 'python').condaDependencies);
const condaDeps = (env: EnvObject): Json[] => jsonList(condaSpec(env)?.dependencies) ?? [];

function ensureConda(env: EnvObject): JsonRecord {
  const python = ensureSection(env, 'python');
  if (!isJsonRecord(python.condaDependencies))
    python.condaDependencies = { channels: ['conda-forge'], dependencies: [] };
  const spec = ensureRecord(python, 'condaDependencies');
  ensureList(spec, 'dependencies');
  return spec;
}

const isPythonEntry = (d: Json) => typeof d === 'string' && /^\s*python(\s|[=<>!~]|$)/.test(d);
const pipList = (d: Json): Json[] | undefined => jsonList(jsonRecord(d)?.pip);
const pipEntryIndex = (deps: Json[]) => deps.findIndex((d) => pipList(d) !== undefined);

/** The python version the conda spec declares ("3.11"), or "" when there is none. */
export function pythonVersion(env: EnvObject): string {
  const entry = condaDeps(env).find(isPythonEntry);
  return typeof entry === 'string' ? entry.replace(/^\s*python\s*=*\s*/, '') : '';
}

/** The model path of the python entry in the conda dependencies, or of the list while there is none. */
export function pythonEntryPath(env: EnvObject): string {
  const at = condaDeps(env).findIndex(isPythonEntry);
  return at >= 0 ? `python.condaDependencies.dependencies[${at}]` : 'python.condaDependencies.dependencies';
}

export function setPythonVersion(draft: Draft, version: string): Draft {
  return withEnv(draft, (env) => {
    const deps = ensureList(ensureConda(env), 'dependencies');
    const at = deps.findIndex(isPythonEntry);
    const value = version.trim() ? `python=${version.trim().replace(/^=+/, '')}` : undefined;
    if (at >= 0) {
      if (value) deps[at] = value;
      else deps.splice(at, 1);
    } else if (value) deps.unshift(value);
  });
}

const tagPath = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? `tags.${name}` : `tags[${JSON.stringify(name)}]`;

/** Where the items of each list live in the model, as [index in that array] → model path. */
export function listPaths(env: EnvObject, key: ListKey, v2?: V2Part): string[] {
  const deps = condaDeps(env);
  switch (key) {
    case 'channels':
      return (jsonList(condaSpec(env)?.channels) ?? []).map((_, i) => `python.condaDependencies.channels[${i}]`);
    case 'conda':
      return deps
        .map((d, i) => ({ d, i }))
        .filter(({ d }) => typeof d === 'string' && !isPythonEntry(d))
        .map(({ i }) => `python.condaDependencies.dependencies[${i}]`);
    case 'pip': {
      const at = pipEntryIndex(deps);
      const pip = at >= 0 ? (pipList(deps[at]) ?? []) : [];
      return pip.map((_, j) => `python.condaDependencies.dependencies[${at}].pip[${j}]`);
    }
    case 'env':
      return Object.keys(section(env, 'environmentVariables')).map((name) =>
        /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)
          ? `environmentVariables.${name}`
          : `environmentVariables[${JSON.stringify(name)}]`,
      );
    case 'sparkRepos':
      return (jsonList(section(env, 'spark').repositories) ?? []).map((_, i) => `spark.repositories[${i}]`);
    case 'sparkPackages':
      return (jsonList(section(env, 'spark').packages) ?? []).map((_, i) => `spark.packages[${i}]`);
    case 'tags':
      return Object.keys(v2?.tags ?? {}).map(tagPath);
  }
}

/** The items of a list as the user edits them: text lines. */
export function listItems(env: EnvObject, key: ListKey, v2?: V2Part): string[] {
  const deps = condaDeps(env);
  switch (key) {
    case 'channels':
      return (jsonList(condaSpec(env)?.channels) ?? []).map(String);
    case 'conda':
      return deps.filter((d): d is string => typeof d === 'string' && !isPythonEntry(d));
    case 'pip': {
      const at = pipEntryIndex(deps);
      return at >= 0 ? (pipList(deps[at]) ?? []).map((p) => (typeof p === 'string' ? p : JSON.stringify(p))) : [];
    }
    case 'env':
      return Object.entries(section(env, 'environmentVariables')).map(
        ([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`,
      );
    case 'sparkRepos':
      return (jsonList(section(env, 'spark').repositories) ?? []).map(String);
    case 'sparkPackages':
      return (jsonList(section(env, 'spark').packages) ?? []).map((p) => {
        const pkg = jsonRecord(p) ?? {};
        return [pkg.group, pkg.artifact, pkg.version]
          .map((x) => (x === undefined || x === null ? '' : String(x)))
          .join(':');
      });
    case 'tags':
      return Object.entries(v2?.tags ?? {}).map(([k, v]) => `${k}=${v}`);
  }
}

/** The items of a list of the draft (the environment's lists, or the v2 tags). */
export const draftListItems = (draft: Draft, key: ListKey): string[] => listItems(draft.env, key, draft.v2);

/** NAME=value lines as a mapping (a line without "=" is a name with an empty value). */
function pairs(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = (eq >= 0 ? item.slice(0, eq) : item).trim();
    if (name) out[name] = eq >= 0 ? item.slice(eq + 1) : '';
  }
  return out;
}

/** Replaces a whole list, keeping the rest of the model as it was. */
export function setListItems(draft: Draft, key: ListKey, items: string[]): Draft {
  if (key === 'tags')
    return withV2(draft, (v2) => {
      v2.tags = pairs(items);
    });
  return withEnv(draft, (env) => {
    switch (key) {
      case 'channels':
        ensureConda(env).channels = items;
        return;
      case 'conda': {
        const spec = ensureConda(env);
        const deps = ensureList(spec, 'dependencies');
        const python = deps.filter(isPythonEntry);
        const pip = deps.filter(isJsonRecord);
        spec.dependencies = [...python, ...items, ...pip];
        return;
      }
      case 'pip': {
        const spec = ensureConda(env);
        const deps = ensureList(spec, 'dependencies').filter((d) => pipList(d) === undefined);
        if (items.length) deps.push({ pip: items });
        spec.dependencies = deps;
        return;
      }
      case 'env':
        env.environmentVariables = pairs(items);
        return;
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
    let target: JsonRecord = env;
    for (const part of parts.slice(0, -1)) target = ensureRecord(target, part);
    target[parts[parts.length - 1]] = value;
  });
}

export function getField(env: EnvObject, path: string): Json | undefined {
  let value: Json | undefined = env;
  for (const part of path.split('.')) value = jsonRecord(value)?.[part];
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

/**
 * What each image mode had when the user left it: switching back brings it back. Kept in the draft's meta (saved
 * with it), never written: the files hold only the chosen mode.
 */
export interface KeptImage {
  /** The image of the catalog or typed-image mode (both edit docker.baseImage). */
  image?: string;
  /** The build context folder and Dockerfile path, as typed. */
  build?: { location: string; dockerfilePath: string };
  /** The text of the Dockerfile that was read. */
  dockerfile?: string;
}

const text = (v: Json | undefined): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The current mode's values, added to what the other modes had kept. */
function keptOf(draft: Draft): KeptImage {
  const kept: KeptImage = { ...draft.meta.keptImage };
  const docker = section(draft.env, 'docker');
  const context = jsonRecord(docker.buildContext);
  switch (draft.meta.imageSource) {
    case 'catalog':
    case 'custom':
      if (text(docker.baseImage)) kept.image = text(docker.baseImage);
      break;
    case 'build':
      if (context)
        kept.build = {
          location: text(context.location) ?? '',
          dockerfilePath: text(context.dockerfilePath) ?? 'Dockerfile',
        };
      break;
    case 'dockerfile':
      if (text(docker.baseDockerfile)) kept.dockerfile = text(docker.baseDockerfile);
      break;
  }
  return kept;
}

export function setImageSource(draft: Draft, source: ImageSource, dockerfileText?: string): Draft {
  const kept = keptOf(draft);
  const next = withEnv(draft, (env) => {
    const docker = ensureSection(env, 'docker');
    if (source === 'dockerfile') {
      docker.baseImage = null;
      docker.baseDockerfile = dockerfileText ?? text(docker.baseDockerfile) ?? kept.dockerfile ?? null;
    } else {
      docker.baseDockerfile = null;
    }
    if ((source === 'catalog' || source === 'custom') && !text(docker.baseImage) && kept.image)
      docker.baseImage = kept.image;
    if (source === 'build') {
      // v2's build context: a folder and the Dockerfile inside it (the image comes from there, not from baseImage).
      docker.baseImage = null;
      const context = jsonRecord(docker.buildContext);
      docker.buildContext = {
        locationType: null,
        location: text(context?.location) ?? kept.build?.location ?? '',
        dockerfilePath: text(context?.dockerfilePath) ?? kept.build?.dockerfilePath ?? 'Dockerfile',
      };
    } else if (draft.meta.imageSource === 'build' || docker.buildContext === undefined) docker.buildContext = null;
  });
  const keptImage = Object.keys(kept).length ? { keptImage: kept } : {};
  return { ...next, meta: { ...next.meta, imageSource: source, ...keptImage } };
}

const PASSWORD = 'password';

/**
 * The draft as it may be saved to disk: unless the user chose otherwise, the registry password and every
 * variable value that env/secret-like would flag are left out, and their names kept in meta.withheld so a
 * resumed draft knows what it lacks.
 */
export function draftForDisk(draft: Draft): { env: EnvObject; meta: DraftMeta; password?: string; v2?: V2Part } {
  const v2 = draft.v2 ? { v2: draft.v2 } : {};
  if (draft.meta.draftSecrets)
    return { env: draft.env, meta: { ...draft.meta, withheld: [] }, password: draft.password || undefined, ...v2 };
  const env = structuredClone(draft.env);
  const withheld = new Set((draft.meta.withheld ?? []).filter((name) => missingSecrets(draft).includes(name)));
  const vars = jsonRecord(env.environmentVariables) ?? {};
  for (const [name, value] of Object.entries(vars)) {
    if (!holdsSecret(name, value)) continue;
    vars[name] = '';
    withheld.add(name);
  }
  if (draft.password) withheld.add(PASSWORD);
  return { env, meta: { ...draft.meta, withheld: [...withheld] }, password: undefined, ...v2 };
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
