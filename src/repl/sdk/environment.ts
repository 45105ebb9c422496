// azureml.core.Environment (SDK v1): the object is a view of the model's JSON (src/env), so what the REPL
// shows and saves is exactly the definition the statements built. Constructors and static methods follow
// azureml-core's environment.py; calls that need a workspace explain themselves.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newEnvironment } from '../../env/defaults.js';
import { loadDefinition } from '../../env/load.js';
import { ensureRecord, jsonRecord } from '../../env/json.js';
import { v1DirFiles } from '../../env/save.js';
import type { EnvObject } from '../../env/types.js';
import { writeFileAtomic } from '../../util/write-files.js';
import { guardFor } from '../../env/containment.js';
import { method, staticFunction, type CallSite, type PyFunction } from '../callable.js';
import { PyError, typeError, userError } from '../errors.js';
import { PyClass } from '../pyclass.js';
import { reprStr, typeName, type Ctx, type Value } from '../values.js';
import { OFFLINE } from './cloud.js';
import { CondaDependencies, condaFromSpecification } from './conda.js';
import { findCurated } from './curated.js';
import { assertInsideProject, isDirectory, readText, resolvePath, splitLines } from './files.js';
import { maskSecrets, sortedJson } from './mask.js';
import { RECORD_CLASSES, FieldObject } from './record.js';
import { ROOT_INFO } from './sections.js';

const RESERVED = /^(azureml|microsoft)/i;
const pythonType = (v: Value) => `<class '${typeName(v)}'>`;

export class EnvironmentV1 extends FieldObject {
  static create(data: EnvObject): EnvironmentV1 {
    const view = FieldObject.view(ROOT_INFO, data);
    if (!(view instanceof EnvironmentV1)) throw new Error('internal: the environment view is not registered');
    return view;
  }

  get env(): EnvObject {
    return this.data;
  }

  getAttr(name: string, ctx: Ctx): Value | undefined {
    const m = this.methods()[name];
    if (m) return m;
    const field = super.getAttr(name, ctx);
    return field !== undefined ? field : environmentStatics()[name];
  }

  setAttr(name: string, value: Value, ctx: Ctx): void {
    if (name === 'environment_variables')
      ctx.warn(
        'Property environment_variables is deprecated. Use RunConfiguration.environment_variables ' +
          'to set runtime variables.',
      );
    if (this.methods()[name] || environmentStatics()[name])
      throw new PyError('AttributeError', `can't set attribute '${name}': it is a method of Environment`);
    super.setAttr(name, value, ctx);
  }

  attrNames(): string[] {
    return [...super.attrNames(), ...Object.keys(this.methods()), ...Object.keys(environmentStatics())];
  }

  /** Python's repr: json.dumps of the definition with sorted keys (secrets masked). */
  repr(): string {
    return JSON.stringify(sortedJson(maskSecrets(this.env)), null, 4);
  }

  str(): string {
    return `Environment(Name: ${this.env.name ?? 'None'},\nVersion: ${this.env.version ?? 'None'})`;
  }

  private methods(): { [name: string]: PyFunction } {
    const m = (
      name: string,
      params: PyFunction['signature']['params'],
      impl: PyFunction['impl'],
      varKeywords = false,
    ) => method('Environment', name, { params, varKeywords }, impl);
    return {
      save_to_directory: m(
        'save_to_directory',
        [
          { name: 'path', type: 'str' },
          { name: 'overwrite', default: false, type: 'bool' },
        ],
        (a, site) => {
          saveToDirectory(this.env, String(a.path), a.overwrite === true, site.ctx);
          return null;
        },
      ),
      clone: m('clone', [{ name: 'new_name' }], (a) => {
        if (!a.new_name) throw userError('Name is required to instantiate an Environment object');
        if (typeof a.new_name !== 'string')
          throw typeError(`Environment name expected str, ${pythonType(a.new_name)} found`);
        const data = structuredClone(this.env);
        data.name = a.new_name;
        data.version = null;
        data.assetId = null;
        return EnvironmentV1.create(data);
      }),
      register: m('register', [{ name: 'workspace' }], (_a, site) => {
        if (this.env.version !== null && this.env.version !== undefined)
          site.ctx.warn(
            'Environment version is set. Attempting to register desired version. To auto-version, ' +
              'reset version to None.',
          );
        const name = String(this.env.name ?? '');
        site.ctx.note(
          `env.register(workspace) would store this definition in the workspace as environment ${reprStr(name)}, version ${this.env.version ?? 'assigned by the service (1, 2, ...)'}, and return that registered copy. ${OFFLINE}` +
            (RESERVED.test(name)
              ? ` The service would refuse this name: "Environment name can not start with the prefix AzureML. To alter a curated environment first create a copy of it." (env.clone("my-name")).`
              : '') +
            ' :validate checks the definition; :build builds the image locally.',
        );
        return this;
      }),
      build: m('build', [{ name: 'workspace' }, { name: 'image_build_compute', default: null }], (_a, site) => {
        site.ctx.note(
          `env.build(workspace) would register the environment and build its image in the cloud, into the workspace's container registry (on image_build_compute when given). ${OFFLINE} :build builds the same kind of image here with Docker; :show dockerfile shows its Dockerfile.`,
        );
        return null;
      }),
      build_local: m(
        'build_local',
        [{ name: 'workspace' }, { name: 'platform', default: null }],
        (a, site) => {
          const kwargs = Object.keys(a.__kwargs ?? {});
          site.ctx.note(
            `env.build_local(workspace${kwargs.length ? `, ${kwargs.map((k) => `${k}=...`).join(', ')}` : ''}) would ask the workspace for the build recipe of this REGISTERED environment and run it on this machine (useDocker=True: a Docker build; pushImageToWorkspaceAcr=True: push it to the workspace registry). ${OFFLINE} :build builds the image locally without a workspace.`,
          );
          return null;
        },
        true,
      ),
      get_image_details: m('get_image_details', [{ name: 'workspace' }], (_a, site) => {
        site.ctx.note(
          `env.get_image_details(workspace) would return the image the workspace built for this environment: registry, image name and the generated Dockerfile. ${OFFLINE} :show dockerfile shows the Dockerfile amlenv would build.`,
        );
        return null;
      }),
    };
  }
}

RECORD_CLASSES.set('', EnvironmentV1);

/** Environment(name): the SDK defaults, exactly src/env/defaults.ts newEnvironment(name). */
export function newEnvironmentObject(name: Value, site: CallSite | { ctx: Ctx }): EnvironmentV1 {
  if (name !== null && typeof name !== 'string')
    throw typeError(
      `Environment name expected str, ${pythonType(name)} found`,
      'span' in site ? (site.argSpans.name ?? site.span) : undefined,
    );
  const data = newEnvironment(name ?? '');
  if (name === null) data.name = null;
  return EnvironmentV1.create(data);
}

/** Environment(name, _skip_defaults=True): what from_docker_build_context starts from. */
function skipDefaults(name: string): EnvironmentV1 {
  const data = newEnvironment(name);
  data.environmentVariables = {};
  const python = ensureRecord(data, 'python');
  delete python.condaDependencies;
  const docker = ensureRecord(data, 'docker');
  docker.baseImage = null;
  docker.shmSize = null;
  return EnvironmentV1.create(data);
}

function saveToDirectory(env: EnvObject, path: string, overwrite: boolean, ctx: Ctx): void {
  const full = resolvePath(ctx.cwd, path);
  if (existsSync(full) && (!overwrite || !statSync(full).isDirectory())) {
    throw new PyError(
      'FileExistsError',
      `[Errno 17] File exists: ${reprStr(path)} (pass overwrite=True to write into it)`,
    );
  }
  const conda = jsonRecord(jsonRecord(env.python)?.condaDependencies);
  if (conda) CondaDependencies.of(conda).validate();
  mkdirSync(full, { recursive: true });
  const files = v1DirFiles(env);
  for (const [file, text] of Object.entries(files)) writeFileAtomic(join(full, file), text);
  ctx.note(
    `wrote ${Object.keys(files)
      .map((f) => join(path, f))
      .join(', ')}`,
  );
}

function fromDependencies(name: Value, conda: Value, pip: Value, site: CallSite): EnvironmentV1 {
  if (conda && pip)
    throw userError('Only one of conda_specification or pip_requirements can be specified as python dependencies');
  if (typeof conda === 'string' && conda) return fromConda(name, conda, site);
  if (typeof pip === 'string' && pip) return fromPip(name, pip, null, site);
  const env = newEnvironmentObject(name, site);
  ensureRecord(env.env, 'python').userManagedDependencies = true;
  return env;
}

function fromConda(name: Value, path: string, site: CallSite): EnvironmentV1 {
  const cd = condaFromSpecification(site.ctx, path);
  const env = newEnvironmentObject(name, site);
  ensureRecord(env.env, 'python').condaDependencies = cd.spec;
  return env;
}

function fromPip(name: Value, path: string, pipVersion: Value, site: CallSite): EnvironmentV1 {
  const env = newEnvironmentObject(name, site);
  const cd = CondaDependencies.of(ensureRecord(ensureRecord(env.env, 'python'), 'condaDependencies'));
  cd.setPipRequirements(splitLines(readText(site.ctx.cwd, path)));
  cd.addCondaPackage(typeof pipVersion === 'string' && pipVersion ? `pip=${pipVersion}` : 'pip');
  return env;
}

function setDocker(env: EnvironmentV1, attr: string, value: Value, ctx: Ctx): void {
  const docker = env.getAttr('docker', ctx);
  if (docker instanceof FieldObject) docker.setAttr(attr, value, ctx);
}

let statics: { [name: string]: PyFunction } | undefined;

/** The static methods of Environment, by name. */
export function environmentStatics(): { [name: string]: PyFunction } {
  if (statics) return statics;
  const s = (name: string, params: PyFunction['signature']['params'], impl: PyFunction['impl']) =>
    staticFunction('Environment', name, { params }, impl);
  const nameParam = { name: 'name' };
  statics = {
    from_conda_specification: s(
      'from_conda_specification',
      [nameParam, { name: 'file_path', type: 'str' }],
      (a, site) => fromConda(a.name, String(a.file_path), site),
    ),
    from_pip_requirements: s(
      'from_pip_requirements',
      [nameParam, { name: 'file_path', type: 'str' }, { name: 'pip_version', default: null, type: 'str?' }],
      (a, site) => fromPip(a.name, String(a.file_path), a.pip_version, site),
    ),
    from_dockerfile: s(
      'from_dockerfile',
      [
        nameParam,
        { name: 'dockerfile' },
        { name: 'conda_specification', default: null, type: 'str?' },
        { name: 'pip_requirements', default: null, type: 'str?' },
      ],
      (a, site) => {
        const env = fromDependencies(a.name, a.conda_specification, a.pip_requirements, site);
        const docker = ensureRecord(env.env, 'docker');
        docker.baseImage = null;
        docker.buildContext = null;
        setDocker(env, 'base_dockerfile', a.dockerfile, site.ctx);
        return env;
      },
    ),
    from_docker_image: s(
      'from_docker_image',
      [
        nameParam,
        { name: 'image', type: 'str' },
        { name: 'container_registry', default: null },
        { name: 'conda_specification', default: null, type: 'str?' },
        { name: 'pip_requirements', default: null, type: 'str?' },
      ],
      (a, site) => {
        const env = fromDependencies(a.name, a.conda_specification, a.pip_requirements, site);
        const docker = ensureRecord(env.env, 'docker');
        docker.baseDockerfile = null;
        docker.buildContext = null;
        setDocker(env, 'base_image', a.image, site.ctx);
        if (a.container_registry) setDocker(env, 'base_image_registry', a.container_registry, site.ctx);
        return env;
      },
    ),
    from_docker_build_context: s(
      'from_docker_build_context',
      [nameParam, { name: 'docker_build_context' }],
      (a, site) => {
        if (a.name !== null && typeof a.name !== 'string')
          throw typeError(`Environment name expected str, ${pythonType(a.name)} found`);
        const env = skipDefaults(String(a.name ?? ''));
        setDocker(env, 'build_context', a.docker_build_context, site.ctx);
        return env;
      },
    ),
    from_existing_conda_environment: s(
      'from_existing_conda_environment',
      [nameParam, { name: 'conda_environment_name', type: 'str' }],
      (a, site) => {
        site.ctx.note(
          `Environment.from_existing_conda_environment runs "conda env export --no-builds --name ${String(a.conda_environment_name)}" on this machine and reads the result like from_conda_specification. The REPL does not run conda: export the file yourself, then use Environment.from_conda_specification(name, "environment.yml").`,
        );
        return null;
      },
    ),
    load_from_directory: s('load_from_directory', [{ name: 'path', type: 'str' }], (a, site) => {
      const path = String(a.path);
      const full = resolvePath(site.ctx.cwd, path);
      assertInsideProject(site.ctx.cwd, path);
      if (!isDirectory(site.ctx.cwd, path) || !existsSync(join(full, 'azureml_environment.json')))
        throw new PyError('FileNotFoundError', join(path, 'azureml_environment.json'));
      const outcome = loadDefinition(full, { guard: guardFor(site.ctx.cwd, { cwd: site.ctx.cwd }) });
      if (!outcome.ok) throw new PyError('FileNotFoundError', outcome.message);
      if (!outcome.def.parsed) {
        const p = outcome.def.problems[0];
        throw new PyError(
          'JSONDecodeError',
          `${p?.message ?? 'unreadable'}: line ${p?.line ?? 1} column ${p?.column ?? 1}`,
        );
      }
      return EnvironmentV1.create(outcome.def.env);
    }),
    get: s(
      'get',
      [{ name: 'workspace' }, nameParam, { name: 'version', default: null }, { name: 'label', default: null }],
      (a, site) => {
        if (a.version && a.label) throw userError('Only one of version or label can be specified');
        if (typeof a.name !== 'string')
          throw typeError(`Environment.get() argument 'name' must be str, not ${typeName(a.name)}`);
        return curatedV1(a.name, site.ctx);
      },
    ),
    list: s('list', [{ name: 'workspace' }], (_a, site) => {
      site.ctx.note(
        `Environment.list(workspace) would return a dict of every environment registered in the workspace, by name. ${OFFLINE} amlenv curated lists the curated environments; Environment.get(ws, NAME) loads one.`,
      );
      return {};
    }),
    label: s('label', [{ name: 'workspace' }, nameParam, { name: 'version' }, { name: 'labels' }], (_a, site) => {
      site.ctx.note(
        `Environment.label(...) would attach labels to a registered environment version in the workspace. ${OFFLINE}`,
      );
      return null;
    }),
    add_private_pip_wheel: s(
      'add_private_pip_wheel',
      [{ name: 'workspace' }, { name: 'file_path', type: 'str' }, { name: 'exist_ok', default: false, type: 'bool' }],
      (a, site) => {
        const file = String(a.file_path);
        try {
          statSync(resolvePath(site.ctx.cwd, file));
        } catch {
          throw userError(`Please make sure the wheel file exists at: ${file}`);
        }
        const wheel = file.split(/[\\/]/).pop() ?? file;
        const url = `https://WORKSPACE-STORAGE.blob.core.windows.net/azureml/Environment/azureml-private-packages/${wheel}`;
        site.ctx.note(
          `Environment.add_private_pip_wheel would upload ${wheel} to the workspace storage account and return its URL to list as a pip package. ${OFFLINE} The URL returned here has a placeholder for the storage account.`,
        );
        return url;
      },
    ),
  };
  return statics;
}

/** Environment.get(ws, name) for a curated environment, from the catalog: its image, used as it is. */
function curatedV1(name: string, ctx: Ctx): EnvironmentV1 {
  const curated = findCurated(name);
  const data = newEnvironment(name);
  data.environmentVariables = {};
  const python = ensureRecord(data, 'python');
  python.userManagedDependencies = true;
  delete python.condaDependencies;
  ensureRecord(data, 'docker').baseImage = `${curated.image}:latest`;
  ctx.note(
    `offline copy of curated ${curated.name} from the catalog: its image ${curated.image}${curated.python ? ` (python ${curated.python})` : ''}, used as it is (user-managed). The workspace copy also pins a dated image tag and has a version. Curated names are reserved: to change it, env.clone("my-name") first.`,
  );
  return EnvironmentV1.create(data);
}

export function environmentClass(): PyClass {
  return new PyClass(
    'Environment',
    'azureml.core.environment',
    staticFunction('Environment', '__init__', { params: [{ name: 'name' }], varKeywords: true }, (a, site) => {
      for (const key of Object.keys(a.__kwargs ?? {})) {
        site.ctx.warn(
          `Environment() ignores the keyword argument ${key}=... (the SDK accepts it and drops it); set it on the object afterwards, e.g. env.python.${key} = ...`,
        );
      }
      return newEnvironmentObject(a.name, site);
    }),
    () => environmentStatics(),
  );
}
