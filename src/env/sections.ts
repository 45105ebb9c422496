// Typed views of a loaded definition's sections. A loaded file keeps every value as it was written (any field
// may be missing, null or of the wrong type), so each view reads a field only when it has the expected type and
// leaves it undefined otherwise: rules about wrong types read the raw model, everything else reads these views.
// Narrowing is by checks (json.ts), never by assertion. The views are snapshots: write through `raw`.
import type { Json } from './fields.js';
import { isJsonRecord, type JsonRecord, jsonList, jsonRecord, jsonString } from './json.js';
import type { EnvObject } from './types.js';

// ---- primitives -------------------------------------------------------------------------------------------

/** The value when it is a boolean, else undefined. */
export function jsonBoolean(value: Json | undefined): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The value when it is a finite number, else undefined. */
export function jsonNumber(value: Json | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The strings of a list (other items left out); an empty list when the value is not a list. */
export function jsonStrings(value: Json | undefined): string[] {
  return (jsonList(value) ?? []).filter((item): item is string => typeof item === 'string');
}

/** The string-valued entries of a mapping (other values left out), or undefined when it is not a mapping. */
export function stringMap(value: Json | undefined): Record<string, string> | undefined {
  const record = jsonRecord(value);
  if (!record) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(record)) if (typeof item === 'string') out[key] = item;
  return out;
}

/** The scalar-valued entries of a mapping as text (`epochs: 3` reads as "3"), or undefined when it is not a mapping. */
export function scalarMap(value: Json | undefined): Record<string, string> | undefined {
  const record = jsonRecord(value);
  if (!record) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(record)) {
    const text = jsonScalarText(item);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

/** A scalar written as text: a string as it is, a number or boolean as YAML would print it (`version: 1`). */
export function jsonScalarText(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

// ---- v1 -------------------------------------------------------------------------------------------------

/** A conda specification (`python.condaDependencies`, a conda file, a v2 inline `conda_file`). */
export interface CondaSpecView {
  name?: string;
  channels: string[];
  /** Every item of `dependencies` as written (match specs and the `{pip: [...]}` mapping). */
  dependencies: Json[];
  /** The match-spec strings of `dependencies`. */
  packages: string[];
  /** The strings of every `{pip: [...]}` item, in order. */
  pip: string[];
  /** Whether a `{pip: [...]}` item is there at all. */
  hasPip: boolean;
  variables?: Record<string, string>;
  raw: JsonRecord;
}

export function condaSpecView(value: Json | undefined): CondaSpecView | undefined {
  const raw = jsonRecord(value);
  if (!raw) return undefined;
  const dependencies = jsonList(raw.dependencies) ?? [];
  const pipItems = dependencies.filter(isJsonRecord).filter((item) => 'pip' in item);
  return {
    name: jsonString(raw.name),
    channels: jsonStrings(raw.channels),
    dependencies,
    packages: jsonStrings(dependencies),
    pip: pipItems.flatMap((item) => jsonStrings(item.pip)),
    hasPip: pipItems.length > 0,
    variables: stringMap(raw.variables),
    raw,
  };
}

export interface PythonView {
  userManagedDependencies?: boolean;
  interpreterPath?: string;
  condaDependenciesFile?: string;
  baseCondaEnvironment?: string;
  /** The inline conda specification, when it is a mapping. */
  condaDependencies?: CondaSpecView;
  raw: JsonRecord;
}

export function pythonView(value: Json | undefined): PythonView | undefined {
  const raw = jsonRecord(value);
  if (!raw) return undefined;
  return {
    userManagedDependencies: jsonBoolean(raw.userManagedDependencies),
    interpreterPath: jsonString(raw.interpreterPath),
    condaDependenciesFile: jsonString(raw.condaDependenciesFile),
    baseCondaEnvironment: jsonString(raw.baseCondaEnvironment),
    condaDependencies: condaSpecView(raw.condaDependencies),
    raw,
  };
}

export interface BuildContextView {
  locationType?: string;
  location?: string;
  dockerfilePath?: string;
  raw: JsonRecord;
}

export interface RegistryView {
  address?: string;
  username?: string;
  password?: string;
  registryIdentity?: { resourceId?: string; clientId?: string; raw: JsonRecord };
  raw: JsonRecord;
}

export interface DockerView {
  enabled?: boolean;
  baseImage?: string;
  baseDockerfile?: string;
  buildContext?: BuildContextView;
  baseImageRegistry?: RegistryView;
  /** The string items of `arguments`. */
  arguments: string[];
  sharedVolumes?: boolean;
  shmSize?: string;
  platform?: { os?: string; architecture?: string; raw: JsonRecord };
  gpuSupport?: boolean;
  raw: JsonRecord;
}

export function dockerView(value: Json | undefined): DockerView | undefined {
  const raw = jsonRecord(value);
  if (!raw) return undefined;
  const context = jsonRecord(raw.buildContext);
  const registry = jsonRecord(raw.baseImageRegistry);
  const identity = registry ? jsonRecord(registry.registryIdentity) : undefined;
  const platform = jsonRecord(raw.platform);
  return {
    enabled: jsonBoolean(raw.enabled),
    baseImage: jsonString(raw.baseImage),
    baseDockerfile: jsonString(raw.baseDockerfile),
    buildContext: context && {
      locationType: jsonString(context.locationType),
      location: jsonString(context.location),
      dockerfilePath: jsonString(context.dockerfilePath),
      raw: context,
    },
    baseImageRegistry: registry && {
      address: jsonString(registry.address),
      username: jsonString(registry.username),
      password: jsonString(registry.password),
      registryIdentity: identity && {
        resourceId: jsonString(identity.resourceId),
        clientId: jsonString(identity.clientId),
        raw: identity,
      },
      raw: registry,
    },
    arguments: jsonStrings(raw.arguments),
    sharedVolumes: jsonBoolean(raw.sharedVolumes),
    shmSize: jsonString(raw.shmSize),
    platform: platform && {
      os: jsonString(platform.os),
      architecture: jsonString(platform.architecture),
      raw: platform,
    },
    gpuSupport: jsonBoolean(raw.gpuSupport),
    raw,
  };
}

export interface SparkPackageView {
  group?: string;
  artifact?: string;
  version?: string;
}

export interface SparkView {
  repositories: string[];
  packages: SparkPackageView[];
  precachePackages?: boolean;
  raw: JsonRecord;
}

export function sparkView(value: Json | undefined): SparkView | undefined {
  const raw = jsonRecord(value);
  if (!raw) return undefined;
  return {
    repositories: jsonStrings(raw.repositories),
    packages: (jsonList(raw.packages) ?? []).filter(isJsonRecord).map((p) => ({
      group: jsonString(p.group),
      artifact: jsonString(p.artifact),
      version: jsonString(p.version),
    })),
    precachePackages: jsonBoolean(raw.precachePackages),
    raw,
  };
}

export interface RView {
  rVersion?: string;
  userManaged?: boolean;
  rscriptPath?: string;
  snapshotDate?: string;
  /** The names of `cranPackages` items (`{name, version, repository}`). */
  cranPackages: string[];
  /** The repositories of `gitHubPackages` items. */
  gitHubPackages: string[];
  customUrlPackages: string[];
  bioConductorPackages: string[];
  raw: JsonRecord;
}

export function rView(value: Json | undefined): RView | undefined {
  const raw = jsonRecord(value);
  if (!raw) return undefined;
  const names = (list: Json | undefined, key: string) =>
    (jsonList(list) ?? []).flatMap((item) => {
      const text = isJsonRecord(item) ? jsonString(item[key]) : jsonString(item);
      return text === undefined ? [] : [text];
    });
  return {
    rVersion: jsonString(raw.rVersion),
    userManaged: jsonBoolean(raw.userManaged),
    rscriptPath: jsonString(raw.rscriptPath),
    snapshotDate: jsonString(raw.snapshotDate),
    cranPackages: names(raw.cranPackages, 'name'),
    gitHubPackages: names(raw.gitHubPackages, 'repository'),
    customUrlPackages: jsonStrings(raw.customUrlPackages),
    bioConductorPackages: jsonStrings(raw.bioConductorPackages),
    raw,
  };
}

/** The SDK v1 definition, section by section. */
export interface V1View {
  name?: string;
  version?: string;
  /** String-valued variables; a non-string value is left out (the env-vars rules report it from the model). */
  environmentVariables?: Record<string, string>;
  python?: PythonView;
  docker?: DockerView;
  spark?: SparkView;
  r?: RView;
  databricks?: JsonRecord;
  inferencingStackVersion?: string;
  assetId?: string;
  raw: EnvObject;
}

export function v1View(env: EnvObject): V1View {
  return {
    name: jsonString(env.name),
    version: jsonScalarText(env.version),
    environmentVariables: stringMap(env.environmentVariables),
    python: pythonView(env.python),
    docker: dockerView(env.docker),
    spark: sparkView(env.spark),
    r: rView(env.r),
    databricks: jsonRecord(env.databricks),
    inferencingStackVersion: jsonString(env.inferencingStackVersion),
    assetId: jsonString(env.assetId),
    raw: env,
  };
}

// ---- v2 -------------------------------------------------------------------------------------------------

export interface RouteView {
  path?: string;
  port?: number;
  raw: JsonRecord;
}

export interface InferenceConfigView {
  liveness_route?: RouteView;
  readiness_route?: RouteView;
  scoring_route?: RouteView;
  raw: JsonRecord;
}

/** A v2 environment YAML document (`az ml environment create --file`), field by field. */
export interface V2View {
  schema?: string;
  name?: string;
  /** A version as written: `version: 1` reads as "1". */
  version?: string;
  image?: string;
  build?: { path?: string; dockerfile_path?: string; raw: JsonRecord };
  /** A path to a conda file, or the conda specification inline. */
  conda_file?: { path: string } | { inline: CondaSpecView };
  os_type?: string;
  inference_config?: InferenceConfigView;
  description?: string;
  /** Tags with scalar values, as text. */
  tags?: Record<string, string>;
  raw: JsonRecord;
}

function routeView(value: Json | undefined): RouteView | undefined {
  const raw = jsonRecord(value);
  return raw && { path: jsonString(raw.path), port: jsonNumber(raw.port), raw };
}

export function v2View(doc: JsonRecord): V2View {
  const build = jsonRecord(doc.build);
  const inference = jsonRecord(doc.inference_config);
  const condaPath = jsonString(doc.conda_file);
  const condaInline = condaSpecView(doc.conda_file);
  return {
    schema: jsonString(doc.$schema),
    name: jsonString(doc.name),
    version: jsonScalarText(doc.version),
    image: jsonString(doc.image),
    build: build && { path: jsonString(build.path), dockerfile_path: jsonString(build.dockerfile_path), raw: build },
    conda_file: condaPath !== undefined ? { path: condaPath } : condaInline && { inline: condaInline },
    os_type: jsonString(doc.os_type),
    inference_config: inference && {
      liveness_route: routeView(inference.liveness_route),
      readiness_route: routeView(inference.readiness_route),
      scoring_route: routeView(inference.scoring_route),
      raw: inference,
    },
    description: jsonString(doc.description),
    tags: scalarMap(doc.tags),
    raw: doc,
  };
}
