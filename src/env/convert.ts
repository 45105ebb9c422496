// SDK v1 ↔ v2 conversion, pure. Every field v2 cannot carry is named in a note saying where it went or why
// it was dropped: nothing disappears silently.
import { stringify } from 'yaml';
import { newEnvironment } from './defaults.js';
import { V1_FIELDS, type Json } from './fields.js';
import { jsonRecord } from './json.js';
import { isRecord } from './path.js';
import type { EnvObject } from './types.js';
import { plural } from '../util/plural.js';

export const V2_ENV_SCHEMA = 'https://azuremlschemas.azureedge.net/latest/environment.schema.json';
export const V2_JOB_SCHEMA = 'https://azuremlschemas.azureedge.net/latest/commandJob.schema.json';
export const CONDA_FILE = 'conda.yml';
export const CONTEXT_DIR = 'context';

export interface ConversionNote {
  /** The v1 (or v2) field the note is about. */
  path: string;
  message: string;
}

export interface V2Result {
  environment: Record<string, Json>;
  /** The conda file beside the environment YAML (conda_file points at it). */
  conda?: Json;
  /** Files of the build context folder (relative path → text), when the definition has a Dockerfile. */
  context?: Record<string, string>;
  job: Record<string, Json>;
  notes: ConversionNote[];
}

export interface V2Options {
  /** The job's command; default "python train.py". */
  command?: string;
  /** The job's code folder, relative to the job file; default ".". */
  code?: string;
  /** Keep a reserved name as it is (the wizard writes what the user typed, and its rules flag it). */
  keepName?: boolean;
}

const RESERVED = /^(azureml|microsoft)[-_]*/i;
const obj = (v: Json | undefined): Record<string, Json> => jsonRecord(v) ?? {};
const has = (v: unknown) =>
  v !== undefined &&
  v !== null &&
  v !== '' &&
  !(Array.isArray(v) && v.length === 0) &&
  !(isRecord(v) && Object.keys(v).length === 0);

/** A v2 name for a v1 name: curated prefixes removed (they cannot be registered), otherwise unchanged. */
export function v2Name(name: string): string {
  const stripped = name.replace(RESERVED, '');
  return stripped === name ? name : stripped || 'environment';
}

export function v1ToV2(env: EnvObject, options: V2Options = {}): V2Result {
  const notes: ConversionNote[] = [];
  const note = (path: string, message: string) => notes.push({ path, message });
  const python = obj(env.python);
  const docker = obj(env.docker);
  const environment: Record<string, Json> = { $schema: V2_ENV_SCHEMA };
  const job: Record<string, Json> = {
    $schema: V2_JOB_SCHEMA,
    code: options.code ?? '.',
    command: options.command ?? 'python train.py',
  };

  const name = typeof env.name === 'string' && env.name.trim() ? env.name : 'environment';
  environment.name = options.keepName ? name : v2Name(name);
  if (environment.name !== name)
    note(
      'name',
      `"${name}" starts with a reserved prefix and could not be registered; renamed to "${environment.name}"`,
    );
  if (has(env.version)) environment.version = String(env.version);
  job.display_name = environment.name;

  const userManaged = python.userManagedDependencies === true;
  const conda = userManaged ? undefined : python.condaDependencies;
  const result: V2Result = { environment, job, notes };

  if (typeof docker.baseDockerfile === 'string' && docker.baseDockerfile.trim()) {
    let dockerfile = docker.baseDockerfile.endsWith('\n') ? docker.baseDockerfile : `${docker.baseDockerfile}\n`;
    result.context = {};
    if (has(conda)) {
      // v2 takes a conda file only next to an image; with a Dockerfile the conda step goes into the Dockerfile.
      result.context[CONDA_FILE] = stringify(conda, { indentSeq: false, lineWidth: 0 });
      const prefix = `/azureml-envs/${environment.name}`;
      dockerfile += `\n# Added by amlenv convert: the conda dependencies of the v1 definition\nCOPY ${CONDA_FILE} /tmp/${CONDA_FILE}\nRUN conda env create -p ${prefix} -f /tmp/${CONDA_FILE} && conda clean -aqy\nENV PATH=${prefix}/bin:$PATH\n`;
      note(
        'python.condaDependencies',
        `a v2 build context cannot take conda_file, so the conda dependencies were written to ${CONTEXT_DIR}/${CONDA_FILE} and installed by steps appended to ${CONTEXT_DIR}/Dockerfile`,
      );
    }
    result.context.Dockerfile = dockerfile;
    environment.build = { path: CONTEXT_DIR, dockerfile_path: 'Dockerfile' };
  } else if (isRecord(docker.buildContext) && has(docker.buildContext.location)) {
    const context = obj(docker.buildContext);
    environment.build = {
      path: String(context.location),
      dockerfile_path: typeof context.dockerfilePath === 'string' ? context.dockerfilePath : 'Dockerfile',
    };
    if (has(conda))
      note(
        'python.condaDependencies',
        "a v2 build context cannot take conda_file; install the conda packages in the context's " +
          'Dockerfile (dropped here)',
      );
  } else {
    if (typeof docker.baseImage === 'string' && docker.baseImage.trim()) environment.image = docker.baseImage;
    if (has(conda)) {
      result.conda = conda;
      environment.conda_file = CONDA_FILE;
    }
  }

  if (userManaged) {
    const interpreter = typeof python.interpreterPath === 'string' ? python.interpreterPath : 'python';
    note(
      'python.userManagedDependencies',
      `user-managed python has no v2 setting: an image without conda_file runs the image's own python${interpreter !== 'python' ? `; interpreterPath "${interpreter}" was dropped, so put it on the PATH or in the job command` : ''}`,
    );
    if (has(python.condaDependencies))
      note('python.condaDependencies', 'ignored in v1 because python is user-managed, so not converted');
  }
  if (has(python.baseCondaEnvironment))
    note(
      'python.baseCondaEnvironment',
      "v2 has no base conda environment; dropped (install into the image's environment in a Dockerfile instead)",
    );

  const platform = obj(docker.platform);
  if (typeof platform.os === 'string' && platform.os.toLowerCase() !== 'linux')
    environment.os_type = platform.os.toLowerCase();
  if (typeof platform.architecture === 'string' && platform.architecture !== 'amd64')
    note('docker.platform.architecture', `v2 has no architecture setting; "${platform.architecture}" was dropped`);

  const vars = obj(env.environmentVariables);
  if (Object.keys(vars).length) {
    job.environment_variables = vars;
    note(
      'environmentVariables',
      `v2 environments have no environment variables; ${plural(Object.keys(vars).length, 'variable')} moved to job.yml (environment_variables)`,
    );
  }

  const resources: Record<string, Json> = {};
  if (typeof docker.shmSize === 'string' && docker.shmSize && docker.shmSize !== '2g') {
    resources.shm_size = docker.shmSize;
    note('docker.shmSize', `moved to job.yml (resources.shm_size: ${docker.shmSize})`);
  }
  if (Array.isArray(docker.arguments) && docker.arguments.length) {
    resources.docker_args = docker.arguments.map(String).join(' ');
    note('docker.arguments', 'moved to job.yml (resources.docker_args)');
  }
  if (Object.keys(resources).length) job.resources = resources;
  if (docker.enabled === true) note('docker.enabled', 'every v2 job runs in Docker; the setting was dropped');
  if (docker.sharedVolumes === false) note('docker.sharedVolumes', 'v2 has no shared-volumes setting; dropped');
  if (docker.gpuSupport !== undefined) note('docker.gpuSupport', 'GPU support is detected from the compute; dropped');

  const registry = obj(docker.baseImageRegistry);
  if (has(registry.address) || has(registry.username) || has(registry.password) || has(registry.registryIdentity)) {
    note(
      'docker.baseImageRegistry',
      'v2 reads private registries through workspace connections or the workspace identity; the ' +
        'credentials were not written (give the full registry host in image)',
    );
  }
  if (has(python.condaDependenciesFile)) note('python.condaDependenciesFile', 'replaced by conda_file');

  const spark = obj(env.spark);
  if (has(spark.packages) || has(spark.repositories))
    note(
      'spark',
      `v2 environments have no spark section; ${plural(Array.isArray(spark.packages) ? spark.packages.length : 0, 'package')} dropped (use a Spark job or serverless Spark compute)`,
    );
  const databricks = obj(env.databricks);
  if (Object.values(databricks).some(has)) note('databricks', 'v2 environments have no databricks section; dropped');
  if (has(env.r)) note('r', 'v2 environments have no R section; dropped (build an image that contains R)');
  if (has(env.inferencingStackVersion))
    note(
      'inferencingStackVersion',
      'v2 deployments bring their own inference server (azureml-inference-server-http); dropped',
    );
  if (has(env.assetId))
    note('assetId', 'the workspace assigns a new asset id when the v2 environment is registered; dropped');

  for (const key of Object.keys(env))
    if (!(key in V1_FIELDS)) note(key, `"${key}" is not an environment field; dropped`);
  for (const [section, value] of [
    ['python', python],
    ['docker', docker],
  ] as const) {
    const known = V1_FIELDS[section].fields ?? {};
    for (const key of Object.keys(value))
      if (!(key in known)) note(`${section}.${key}`, `"${section}.${key}" is not an environment field; dropped`);
  }

  const jobEnvironment: Json = environment.build
    ? { build: environment.build }
    : {
        ...(environment.image ? { image: environment.image } : {}),
        ...(environment.conda_file ? { conda_file: environment.conda_file } : {}),
      };
  const { $schema, code, command, ...rest } = job;
  result.job = { $schema, code, command, environment: jobEnvironment, ...rest };
  return result;
}

/** YAML text of a v2 document, `$schema` first. */
export function v2Yaml(doc: Record<string, Json>, header?: string): string {
  const body = stringify(doc, { lineWidth: 0, indentSeq: true });
  return (
    (header
      ? `${header
          .split('\n')
          .map((l) => `# ${l}`)
          .join('\n')}\n`
      : '') + body
  );
}

export interface V1Result {
  env: EnvObject;
  notes: ConversionNote[];
}

/**
 * A v2 definition (already mapped onto the v1 shape by the loader) as a complete SDK v1 environment:
 * the SDK's defaults for everything v2 does not say, and notes for what v1 cannot hold.
 */
export function v2ToV1(model: EnvObject, v2: Record<string, Json>, dockerfileText?: string): V1Result {
  const notes: ConversionNote[] = [];
  const name = typeof model.name === 'string' ? model.name : 'environment';
  const env = newEnvironment(name);
  env.version = model.version === undefined ? null : model.version;
  env.environmentVariables = {};
  const python = obj(env.python);
  const fromPython = obj(model.python);
  python.userManagedDependencies = fromPython.userManagedDependencies === true;
  if (fromPython.condaDependencies !== undefined) python.condaDependencies = fromPython.condaDependencies;
  else delete python.condaDependencies;
  const docker = obj(env.docker);
  const fromDocker = obj(model.docker);
  docker.baseImage = typeof fromDocker.baseImage === 'string' ? fromDocker.baseImage : null;
  const context = obj(fromDocker.buildContext);
  if (has(context.location)) {
    const location = String(context.location);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location))
      docker.buildContext = {
        locationType: location.includes('.blob.core.windows.net') ? 'storageAccount' : 'git',
        location,
        dockerfilePath: String(context.dockerfilePath ?? 'Dockerfile'),
      };
    else if (dockerfileText !== undefined) {
      docker.baseDockerfile = dockerfileText;
      notes.push({
        path: 'build',
        message: `the local build context was turned into docker.baseDockerfile (v1 builds a Dockerfile without its folder: files it COPYs from ${location} must be reachable another way)`,
      });
    } else
      notes.push({
        path: 'build',
        message: `the local build context ${location} could not be read; set docker.baseDockerfile by hand`,
      });
  }
  const platform = obj(docker.platform);
  if (typeof fromDocker.platform === 'object') platform.os = obj(fromDocker.platform).os ?? 'Linux';
  for (const key of ['description', 'tags', 'inference_config', 'properties', 'datastore']) {
    if (has(v2[key])) notes.push({ path: key, message: `v1 environments have no ${key}; dropped` });
  }
  if (python.userManagedDependencies)
    notes.push({
      path: 'conda_file',
      message: "no conda_file: the v1 environment is user-managed and runs the image's own python",
    });
  return { env, notes };
}
