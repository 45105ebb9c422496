// Turns build inputs into everything a build needs: the Dockerfile, the context files, the content hash and the
// tag. Pure: file contents are passed in. The hash is taken over what ends up in the image — the Dockerfile body
// (base image or base Dockerfile, conda environment name, steps) and every context file's bytes (the conda spec,
// local wheels, the Spark list) — plus the platform; the name, version and environment variables are not in it.
import { posix } from 'node:path';
import { stringify } from 'yaml';
import type { Json } from '../env/fields.js';
import { isRecord } from '../env/path.js';
import { CONDA_SPEC_FILE, ENVS_ROOT, PACKAGES_DIR, renderDockerfileBody, withLabels } from './dockerfile.js';
import { canonicalJson, sha256, shortHash } from './hash.js';
import type { BuildInputs } from './inputs.js';
import { BROKEN_PROXY, LOG4J_PROPERTIES, SETUP_DIR, sparkCacheScript } from './setup-files.js';

/** Bumped when the plan changes in a way the Dockerfile text would not show. */
export const PLAN_SCHEMA = 1;
export const LABEL_PREFIX = 'org.amlenv';
export const IMAGE_REPOSITORY = 'amlenv';

/** A file of a local build context, left on disk: it is hashed, packed and copied as a stream, never loaded whole. */
export interface DiskFile {
  disk: string;
  size: number;
  /** sha256 of its bytes, taken by streaming it once. */
  sha256: string;
}

export interface ContextFile {
  /** Path inside the build context, with forward slashes. */
  path: string;
  data: Uint8Array | string | DiskFile;
  /** File mode; 0o644 when absent. */
  mode?: number;
}

export const isDiskFile = (data: ContextFile['data']): data is DiskFile => typeof data === 'object' && 'disk' in data;
const digestOf = (data: ContextFile['data']): string => (isDiskFile(data) ? data.sha256 : sha256(data));

export interface BuildPlan {
  /** The full Dockerfile, labels included. */
  dockerfile: string;
  /** Where the Dockerfile sits in the context. */
  dockerfilePath: string;
  /** Every file of the build context, the Dockerfile included. */
  files: ContextFile[];
  /** 32 hex digits over the canonical definition. */
  hash: string;
  /** `amlenv/<name>:<hash>`. */
  tag: string;
  labels: Record<string, string>;
  /** The conda environment, for conda-managed definitions. */
  conda?: { name: string; prefix: string };
  interpreter: string;
  /** `linux/amd64`. */
  platform: string;
}

export interface PlanFiles {
  /** Bytes of each local package, by its path on this machine. */
  packages: Map<string, Uint8Array>;
  /** For a local build context: its files, listed from its folder (the Dockerfile among them, read as text). */
  context?: ContextFile[];
}

export function planBuild(inputs: BuildInputs, read: PlanFiles): BuildPlan {
  const platform = `${inputs.platform.os.toLowerCase()}/${inputs.platform.architecture.toLowerCase()}`;
  let body: string;
  let dockerfilePath = `${SETUP_DIR}/Dockerfile`;
  let files: ContextFile[];
  let conda: BuildPlan['conda'];
  if (inputs.base.kind === 'context') {
    dockerfilePath = posix.normalize(inputs.base.dockerfilePath.replace(/\\/g, '/'));
    files = (read.context ?? []).filter((f) => f.path !== dockerfilePath);
    const own = read.context?.find((f) => f.path === dockerfilePath);
    if (!own) throw new Error(`internal: the build context has no ${dockerfilePath}`);
    if (isDiskFile(own.data)) throw new Error(`internal: the Dockerfile ${dockerfilePath} was not read`);
    body = typeof own.data === 'string' ? own.data : Buffer.from(own.data).toString('utf8');
  } else {
    files = [
      { path: `${SETUP_DIR}/99brokenproxy`, data: BROKEN_PROXY },
      {
        path: `${SETUP_DIR}/spark_cache.py`,
        data: sparkCacheScript(inputs.spark.precache ? inputs.spark.packages : [], inputs.spark.repositories),
      },
      { path: `${SETUP_DIR}/log4j.properties`, data: LOG4J_PROPERTIES },
    ];
    if (inputs.conda) {
      const name = `azureml_${shortHash(canonicalJson(withoutName(inputs.conda)))}`;
      conda = { name, prefix: `${ENVS_ROOT}/${name}` };
      files.push({ path: CONDA_SPEC_FILE, data: mutatedCondaSpec(inputs, name) });
      for (const pkg of inputs.localPackages) {
        const bytes = read.packages.get(pkg.path);
        if (!bytes) throw new Error(`internal: ${pkg.path} was not read`);
        files.push({ path: `${PACKAGES_DIR}/${pkg.fileName}`, data: bytes });
      }
    }
    body = renderDockerfileBody({
      from: inputs.base.kind === 'image' ? { image: inputs.base.image } : { dockerfile: inputs.base.text },
      condaEnv: conda?.name,
      hasPackages: inputs.conda !== undefined && inputs.localPackages.length > 0,
    });
  }
  const hash = shortHash(
    canonicalJson({
      schema: PLAN_SCHEMA,
      platform,
      dockerfile: body,
      files: files
        .map((f) => [f.path, digestOf(f.data), f.mode ?? 0o644])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    }),
  );
  const labels = {
    [`${LABEL_PREFIX}.hash`]: hash,
    [`${LABEL_PREFIX}.source`]: inputs.source,
    [`${LABEL_PREFIX}.schema`]: String(PLAN_SCHEMA),
  };
  const dockerfile = withLabels(body, labels);
  return {
    dockerfile,
    dockerfilePath,
    files: [...files, { path: dockerfilePath, data: dockerfile }],
    hash,
    tag: `${IMAGE_REPOSITORY}/${safeRepositoryName(inputs.name)}:${hash}`,
    labels,
    conda,
    interpreter: inputs.interpreter,
    platform,
  };
}

function withoutName(spec: Record<string, Json>): Record<string, Json> {
  const { name: _name, ...rest } = spec;
  return rest;
}

/**
 * Azure ML's mutated_conda_dependencies.yml: the user's spec with `name:` replaced by the environment's
 * azureml_<hash> name, and local package paths pointed at their copies in the image.
 */
export function mutatedCondaSpec(inputs: BuildInputs, envName: string): string {
  const spec = withoutName(inputs.conda ?? {});
  const byEntry = new Map(inputs.localPackages.map((p) => [p.entry, `/${PACKAGES_DIR}/${p.fileName}`]));
  if (Array.isArray(spec.dependencies)) {
    spec.dependencies = spec.dependencies.map((item) =>
      isRecord(item) && Array.isArray(item.pip)
        ? { ...item, pip: item.pip.map((e) => (typeof e === 'string' && byEntry.has(e) ? byEntry.get(e)! : e)) }
        : item,
    );
  }
  // A fixed key order (conda's own: name, channels, dependencies, then the rest), so the same spec written with
  // its keys in another order gives the same file and the same hash.
  const ordered: Record<string, Json> = { name: envName };
  for (const key of ['channels', 'dependencies', ...Object.keys(spec).sort()])
    if (key in spec && !(key in ordered)) ordered[key] = spec[key];
  return stringify(ordered, { indentSeq: false, lineWidth: 0 });
}

/** A repository path component docker accepts: lowercase letters and digits, separated by `.`, `_`, `__` or dashes. */
export function safeRepositoryName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/([._-])[._-]+/g, (_m, first: string) => (first === '-' ? '-' : first))
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 100)
    .replace(/(?<![._-])[._-]+$/, '');
  return cleaned || 'environment';
}
