// What a build needs from a loaded definition, read once from the model: the base, the conda spec, the local
// packages it installs, Spark packages, platform, and the run-time variables (which never reach the image).
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { homedir } from 'node:os';
import { DEFAULT_CPU_IMAGE, type Json } from '../env/fields.js';
import { parsePipEntry } from '../env/deps.js';
import { isJsonRecord, jsonRecord } from '../env/json.js';
import type { LoadedDefinition } from '../env/types.js';
import { UsageError } from '../util/errors.js';

export type BaseSource =
  | { kind: 'image'; image: string; registry?: RegistryAuth }
  | { kind: 'dockerfile'; text: string }
  | { kind: 'context'; dir: string; dockerfilePath: string };

export interface RegistryAuth {
  address: string;
  username?: string;
  password?: string;
}

/** A local file named in the pip list (a private wheel or sdist): copied into the build context. */
export interface LocalPackage {
  /** The pip entry as written. */
  entry: string;
  /** Where it is on this machine. */
  path: string;
  fileName: string;
}

export interface BuildInputs {
  name: string;
  /** The definition as the user named it, recorded in a label. */
  source: string;
  base: BaseSource;
  userManaged: boolean;
  /** The interpreter a run starts: `python` of the conda environment, or interpreterPath when user-managed. */
  interpreter: string;
  /** The conda spec (conda environments only). */
  conda?: Record<string, Json>;
  localPackages: LocalPackage[];
  spark: { repositories: string[]; packages: string[]; precache: boolean };
  platform: { os: string; architecture: string };
  /** Set when a run starts; never part of the image or its hash. */
  env: Record<string, string>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Reads the build inputs; a definition that cannot be built locally is a usage error naming the field. */
export function buildInputs(def: LoadedDefinition, isFile: (path: string) => boolean): BuildInputs {
  const env = def.env;
  const python = jsonRecord(env.python) ?? {};
  const docker = jsonRecord(env.docker) ?? {};
  const userManaged = python.userManagedDependencies === true;
  const inputs: BuildInputs = {
    name: str(env.name) ?? 'environment',
    source: def.path,
    base: baseSource(def, docker),
    userManaged,
    interpreter: userManaged ? (str(python.interpreterPath) ?? 'python') : 'python',
    localPackages: [],
    spark: sparkOf(env.spark),
    platform: platformOf(docker.platform),
    env: envVars(env.environmentVariables),
  };
  if (inputs.platform.os.toLowerCase() !== 'linux') {
    throw new UsageError(
      `${def.path}: docker.platform.os is "${inputs.platform.os}"; amlenv builds Linux images only (a Linux Docker daemon cannot build ${inputs.platform.os} images)`,
    );
  }
  if (!userManaged) {
    const spec = jsonRecord(python.condaDependencies);
    if (!spec) {
      throw new UsageError(
        `${def.path}: python.condaDependencies is missing, so there is nothing for conda to install; add a conda spec, or set python.userManagedDependencies to true`,
      );
    }
    const conda = structuredClone(spec);
    const baseDir = dirname(def.conda?.file ?? def.path);
    inputs.localPackages = localPackages(conda, baseDir, isFile, def.conda?.file ?? def.path);
    inputs.conda = conda;
  }
  return inputs;
}

function baseSource(def: LoadedDefinition, docker: Record<string, Json>): BaseSource {
  const dockerfile = str(docker.baseDockerfile);
  if (dockerfile) return { kind: 'dockerfile', text: dockerfile };
  const context = isJsonRecord(docker.buildContext) ? docker.buildContext : undefined;
  const location = str(context?.location);
  if (location) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location) || location.startsWith('git+') || location.startsWith('azureml:')) {
      throw new UsageError(
        `${def.path}: the build context ${location} is remote; amlenv builds local folders only (clone or download it and point the build path at the folder)`,
      );
    }
    return {
      kind: 'context',
      dir: resolve(dirname(def.path), location),
      dockerfilePath: str(context?.dockerfilePath) ?? 'Dockerfile',
    };
  }
  const image = str(docker.baseImage) ?? (def.format === 'conda-yaml' ? DEFAULT_CPU_IMAGE : undefined);
  if (!image)
    throw new UsageError(
      `${def.path}: no docker.baseImage, baseDockerfile or buildContext, so there is no image to build on; set docker.baseImage`,
    );
  const registry = isJsonRecord(docker.baseImageRegistry) ? docker.baseImageRegistry : undefined;
  const address = str(registry?.address);
  return {
    kind: 'image',
    image,
    registry: address ? { address, username: str(registry?.username), password: str(registry?.password) } : undefined,
  };
}

function sparkOf(spark: Json | undefined): BuildInputs['spark'] {
  const s = isJsonRecord(spark) ? spark : {};
  const repositories = Array.isArray(s.repositories)
    ? s.repositories.filter((r): r is string => typeof r === 'string')
    : [];
  const packages = (Array.isArray(s.packages) ? s.packages : [])
    .filter((p): p is Record<string, Json> => isJsonRecord(p))
    .map((p) => [p.group, p.artifact, p.version].map((x) => (typeof x === 'string' ? x : '')).join(':'))
    .filter((c) => !c.startsWith(':'));
  return { repositories, packages, precache: s.precachePackages !== false };
}

function platformOf(platform: Json | undefined): BuildInputs['platform'] {
  const p = isJsonRecord(platform) ? platform : {};
  return { os: str(p.os) ?? 'Linux', architecture: str(p.architecture) ?? 'amd64' };
}

function envVars(vars: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isJsonRecord(vars)) return out;
  for (const [k, v] of Object.entries(vars)) if (v !== null && typeof v !== 'object') out[k] = String(v);
  return out;
}

/** Finds local file paths in the pip list; the renderer copies them into the context and points pip at the copy. */
function localPackages(
  conda: Record<string, Json>,
  baseDir: string,
  isFile: (path: string) => boolean,
  where: string,
): LocalPackage[] {
  const found: LocalPackage[] = [];
  const deps = Array.isArray(conda.dependencies) ? conda.dependencies : [];
  for (const item of deps) {
    if (!isJsonRecord(item) || !Array.isArray(item.pip)) continue;
    for (const entry of item.pip) {
      if (typeof entry !== 'string' || parsePipEntry(entry, '').kind !== 'path') continue;
      const raw = entry.trim();
      const expanded = raw.startsWith('~') ? homedir() + raw.slice(1) : raw;
      const path = isAbsolute(expanded) ? expanded : resolve(baseDir, expanded);
      if (!isFile(path)) {
        throw new UsageError(
          `${where}: the pip entry "${raw}" is a local path, but ${path} is not a file; build a wheel (python -m pip wheel DIR) and list the .whl file`,
        );
      }
      const fileName = basename(path);
      const clash = found.find((p) => p.fileName === fileName && p.path !== path);
      if (clash)
        throw new UsageError(
          `${where}: two local packages are both named ${fileName} (${clash.path} and ${path}); rename one`,
        );
      if (!found.some((p) => p.path === path)) found.push({ entry, path, fileName });
    }
  }
  return found;
}
