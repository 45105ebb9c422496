// The SDK section classes whose properties do more than store a value: PythonSection.conda_dependencies
// holds a CondaDependencies object, and DockerSection's base_image / base_dockerfile / build_context reset
// each other with the SDK's warnings. Also the constructors of the small SDK classes (ContainerRegistry...).
import { V1_FIELDS, type FieldSpec, type Json } from '../../env/fields.js';
import { newEnvironment } from '../../env/defaults.js';
import { ensureRecord, jsonRecord } from '../../env/json.js';
import { PyFile } from '../builtins.js';
import { staticFunction } from '../callable.js';
import { typeError } from '../errors.js';
import { PyClass } from '../pyclass.js';
import { truthy, typeName, type Ctx, type Value } from '../values.js';
import { CondaDependencies } from './conda.js';
import { isFile, readText } from './files.js';
import { RECORD_CLASSES, FieldObject, childInfo, setOrdered, type RecordInfo } from './record.js';

function fieldOf(spec: FieldSpec, key: string): FieldSpec {
  const field = spec.fields?.[key];
  if (!field) throw new Error(`internal: the model has no field ${key}`);
  return field;
}
export const PYTHON_SPEC = V1_FIELDS.python;
export const DOCKER_SPEC = V1_FIELDS.docker;
export const SPARK_SPEC = V1_FIELDS.spark;
export const REGISTRY_SPEC = fieldOf(DOCKER_SPEC, 'baseImageRegistry');
export const PLATFORM_SPEC = fieldOf(DOCKER_SPEC, 'platform');
export const BUILD_CONTEXT_SPEC = fieldOf(DOCKER_SPEC, 'buildContext');
export const IDENTITY_SPEC = fieldOf(REGISTRY_SPEC, 'registryIdentity');

export const ROOT_INFO: RecordInfo = {
  className: 'Environment',
  module: 'azureml.core.environment',
  path: '',
  spec: { kind: 'object', fields: V1_FIELDS, doc: '' },
};

class PythonSection extends FieldObject {
  getAttr(name: string, ctx: Ctx): Value | undefined {
    if (name === 'conda_dependencies') {
      const spec = jsonRecord(this.data.condaDependencies);
      return spec ? CondaDependencies.of(spec) : null;
    }
    return super.getAttr(name, ctx);
  }

  setAttr(name: string, value: Value, ctx: Ctx): void {
    if (name === 'conda_dependencies') {
      if (value === null) {
        delete this.data.condaDependencies;
        return;
      }
      if (!(value instanceof CondaDependencies)) {
        throw typeError(
          `PythonSection.conda_dependencies must be a CondaDependencies object or None, not ${typeName(value)} (build one with CondaDependencies.create(...) or CondaDependencies())`,
        );
      }
      setOrdered(this.data, 'condaDependencies', value.spec, Object.keys(PYTHON_SPEC.fields ?? {}));
      return;
    }
    if (name === 'conda_dependencies_file') {
      ctx.warn('Property conda_dependencies_file is deprecated. Use Environment.from_conda_specification');
      super.setAttr(name, truthy(value) ? value : null, ctx);
      return;
    }
    super.setAttr(name, value, ctx);
  }
}

const EXCLUSIVE = [
  ['baseImage', 'base_image'],
  ['baseDockerfile', 'base_dockerfile'],
  ['buildContext', 'build_context'],
] as const;

const DEPRECATED_DOCKER: { [attr: string]: string } = {
  enabled:
    "'enabled' is deprecated. Please use the azureml.core.runconfig.DockerConfiguration object " +
    "with the 'use_docker' param instead.",
  shared_volumes:
    "'shared_volumes' is deprecated. Please use the azureml.core.runconfig.DockerConfiguration object instead.",
  arguments: "'arguments' is deprecated. Please use the azureml.core.runconfig.DockerConfiguration object instead.",
  shm_size: "'shm_size' is deprecated. Please use the azureml.core.runconfig.DockerConfiguration object instead.",
};
const GPU_SUPPORT =
  "'gpu_support' is no longer necessary; AzureML now automatically detects and uses nvidia " +
  'docker extension when it is available. It will be removed in a future release.';

class DockerSection extends FieldObject {
  getAttr(name: string, ctx: Ctx): Value | undefined {
    if (name === 'gpu_support') {
      ctx.warn(GPU_SUPPORT);
      return true;
    }
    return super.getAttr(name, ctx);
  }

  setAttr(name: string, value: Value, ctx: Ctx): void {
    if (name === 'gpu_support') {
      ctx.warn(GPU_SUPPORT);
      return;
    }
    const exclusive = EXCLUSIVE.find(([, attr]) => attr === name);
    if (!exclusive) {
      super.setAttr(name, value, ctx);
      if (DEPRECATED_DOCKER[name]) ctx.warn(DEPRECATED_DOCKER[name]);
      return;
    }
    if (!truthy(value)) {
      super.setAttr(name, null, ctx);
      return;
    }
    let stored = value;
    if (name === 'base_dockerfile') {
      // The SDK accepts Dockerfile text, an open file, or the path of a file.
      if (value instanceof PyFile) stored = value.read();
      else if (typeof value === 'string' && !value.includes('\n') && isFile(ctx.cwd, value))
        stored = readText(ctx.cwd, value);
    }
    super.setAttr(name, stored, ctx);
    for (const [key, attr] of EXCLUSIVE) {
      if (attr === name || !truthy(this.data[key] ?? null)) continue;
      this.data[key] = null;
      ctx.warn(`Property ${attr} is mutually exclusive with ${name}. Reset ${attr} to None`);
    }
  }
}

RECORD_CLASSES.set('python', PythonSection);
RECORD_CLASSES.set('docker', DockerSection);

const defaults = () => newEnvironment('');

/** A detached SDK object (ContainerRegistry(), SparkPackage(...)) with the spec its field expects. */
function detached(
  className: string,
  module: string,
  path: string,
  spec: FieldSpec,
  data: { [key: string]: Json },
): FieldObject {
  return FieldObject.view({ className, module, path, spec }, data);
}

const str = (v: Value, what: string): Json => {
  if (v !== null && typeof v !== 'string') throw typeError(`${what} must be a str or None, not ${typeName(v)}`);
  return v;
};

/** The small SDK classes a learner constructs, by import name. */
export function sectionClasses(): { [name: string]: PyClass } {
  const env = () => defaults();
  const section = (name: string, module: string, key: 'python' | 'docker' | 'spark' | 'databricks') =>
    new PyClass(
      name,
      module,
      staticFunction(name, '__init__', { params: [] }, () =>
        FieldObject.view(childInfo(ROOT_INFO, key, V1_FIELDS[key]), ensureRecord(env(), key)),
      ),
    );
  const registry = () =>
    detached(
      'ContainerRegistry',
      'azureml.core.container_registry',
      'docker.baseImageRegistry',
      REGISTRY_SPEC,
      ensureRecord(ensureRecord(env(), 'docker'), 'baseImageRegistry'),
    );
  return {
    PythonSection: section('PythonSection', 'azureml.core.environment', 'python'),
    DockerSection: section('DockerSection', 'azureml.core.environment', 'docker'),
    SparkSection: section('SparkSection', 'azureml.core.environment', 'spark'),
    DatabricksSection: section('DatabricksSection', 'azureml.core.databricks', 'databricks'),
    ContainerRegistry: new PyClass(
      'ContainerRegistry',
      'azureml.core.container_registry',
      staticFunction('ContainerRegistry', '__init__', { params: [] }, () => registry()),
    ),
    DockerImagePlatform: new PyClass(
      'DockerImagePlatform',
      'azureml.core.environment',
      staticFunction('DockerImagePlatform', '__init__', { params: [] }, () =>
        detached('DockerImagePlatform', 'azureml.core.environment', 'docker.platform', PLATFORM_SPEC, {
          ...ensureRecord(ensureRecord(env(), 'docker'), 'platform'),
        }),
      ),
    ),
    DockerBuildContext: new PyClass(
      'DockerBuildContext',
      'azureml.core.environment',
      staticFunction(
        'DockerBuildContext',
        '__init__',
        {
          params: [
            { name: 'location_type', default: null },
            { name: 'location', default: null },
            { name: 'dockerfile_path', default: 'Dockerfile' },
          ],
        },
        (a) =>
          detached('DockerBuildContext', 'azureml.core.environment', 'docker.buildContext', BUILD_CONTEXT_SPEC, {
            locationType: str(a.location_type, 'location_type'),
            location: str(a.location, 'location'),
            dockerfilePath: str(a.dockerfile_path, 'dockerfile_path') || 'Dockerfile',
          }),
      ),
      () => ({
        from_local_directory: staticFunction(
          'DockerBuildContext',
          'from_local_directory',
          {
            params: [
              { name: 'workspace' },
              { name: 'path', type: 'str' },
              { name: 'dockerfile_path', default: 'Dockerfile', type: 'str' },
            ],
          },
          (_a, site) => {
            site.ctx.note(
              'DockerBuildContext.from_local_directory(workspace, path) would upload the folder to the ' +
                'workspace storage account and return a context pointing at it; offline nothing is ' +
                'uploaded. To build a local folder, use the v2 form: ' +
                'Environment(build=BuildContext(path=...)) from azure.ai.ml.entities, then :build.',
            );
            return null;
          },
        ),
      }),
    ),
    SparkPackage: new PyClass(
      'SparkPackage',
      'azureml.core.environment',
      staticFunction(
        'SparkPackage',
        '__init__',
        {
          params: [
            { name: 'group', default: null },
            { name: 'artifact', default: null },
            { name: 'version', default: null },
          ],
        },
        (a): Value => ({
          group: str(a.group, 'group'),
          artifact: str(a.artifact, 'artifact'),
          version: str(a.version, 'version'),
        }),
      ),
    ),
  };
}
