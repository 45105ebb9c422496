// azure.ai.ml.MLClient and its environment operations (SDK v2), offline. MLClient is a placeholder that
// contacts nothing; ml_client.environments.create_or_update(env) runs the same v2 rules as `amlenv validate`
// on the YAML the environment would produce and says what the service would do; get() reads curated
// environments from the catalog; list/archive/restore/share explain themselves.
import type { Diagnostic } from '../../env/types.js';
import { validateLoaded } from '../../rules/validate.js';
import { method, staticFunction, type Args, type PyFunction } from '../callable.js';
import { loadedDefinition } from '../definition.js';
import { PyError, typeError } from '../errors.js';
import { PyClass } from '../pyclass.js';
import { PyObject, reprStr, typeName, type Ctx, type Value } from '../values.js';
import { OFFLINE } from './cloud.js';
import { findCurated } from './curated.js';
import { EnvironmentV2 } from './v2.js';

/** The workspace (or registry) an MLClient was made for, as far as the statement said. */
interface ClientScope {
  workspace: string | null;
  registry: string | null;
}

const where = (scope: ClientScope) =>
  scope.registry
    ? `registry ${reprStr(scope.registry)}`
    : scope.workspace
      ? `workspace ${reprStr(scope.workspace)}`
      : 'the workspace';

export class EnvironmentOperations extends PyObject {
  readonly typeName = 'EnvironmentOperations';

  constructor(private readonly scope: ClientScope) {
    super();
  }

  getAttr(name: string): Value | undefined {
    return this.methods()[name];
  }

  attrNames(): string[] {
    return Object.keys(this.methods());
  }

  repr(): string {
    return `<offline EnvironmentOperations placeholder for ${where(this.scope)}>`;
  }

  private methods(): Record<string, PyFunction> {
    const m = (name: string, signature: PyFunction['signature'], impl: PyFunction['impl']) =>
      method('EnvironmentOperations', name, signature, impl);
    const nameVersion = [
      { name: 'name', type: 'str' as const },
      { name: 'version', default: null, type: 'str?' as const },
      { name: 'label', default: null, type: 'str?' as const },
    ];
    return {
      create_or_update: m('create_or_update', { params: [{ name: 'environment' }] }, (a, site) =>
        createOrUpdate(a.environment, this.scope, site.ctx),
      ),
      get: m('get', { params: nameVersion }, (a, site) => getCurated(a, this.scope, site.ctx)),
      list: m(
        'list',
        {
          params: [
            { name: 'name', default: null, type: 'str?' },
            { name: 'version', default: null },
          ],
          varKeywords: true,
        },
        (a, site) => {
          site.ctx.note(
            typeof a.name === 'string'
              ? `ml_client.environments.list(name=${reprStr(a.name)}) would list every version of that environment in ${where(this.scope)}. ${OFFLINE} It returns an empty list here.`
              : `ml_client.environments.list() would list the latest version of each environment in ${where(this.scope)} (archived ones only with list_view_type=ARCHIVED_ONLY). ${OFFLINE} It returns an empty list here; amlenv curated lists the curated environments.`,
          );
          return [];
        },
      ),
      archive: m('archive', { params: nameVersion }, (a, site) => {
        site.ctx.note(
          `ml_client.environments.archive(${reprStr(String(a.name))}${typeof a.version === 'string' ? `, version=${reprStr(a.version)}` : ''}) would archive ${typeof a.version === 'string' ? 'that version' : 'the environment and all its versions'} in ${where(this.scope)}: hidden from list() and the studio, still usable by jobs that name it exactly, and restore() brings it back. ${OFFLINE}`,
        );
        return null;
      }),
      restore: m('restore', { params: nameVersion }, (a, site) => {
        site.ctx.note(
          `ml_client.environments.restore(${reprStr(String(a.name))}) would bring an archived environment back into list() in ${where(this.scope)}. ${OFFLINE}`,
        );
        return null;
      }),
      share: m(
        'share',
        {
          params: [
            { name: 'name', type: 'str' },
            { name: 'version', type: 'str' },
            { name: 'share_with_name', type: 'str', keywordOnly: true },
            { name: 'share_with_version', type: 'str', keywordOnly: true },
            { name: 'registry_name', type: 'str', keywordOnly: true },
          ],
        },
        (a, site) => {
          const [name, version, newName, newVersion, registry] = [
            a.name,
            a.version,
            a.share_with_name,
            a.share_with_version,
            a.registry_name,
          ].map(String);
          site.ctx.note(
            `ml_client.environments.share(...) would copy ${name}:${version} from ${where(this.scope)} into the registry ${reprStr(registry)} as ${newName}:${newVersion}, so other workspaces can use it as azureml://registries/${registry}/environments/${newName}/versions/${newVersion}. A registry version cannot change once created. ${OFFLINE}`,
          );
          return null;
        },
      ),
    };
  }
}

/** What create_or_update prints: each finding of the v2 rules, as :validate words it. */
function findingLine(d: Diagnostic): string {
  return `${d.path ? `${d.path}: ` : ''}${d.message} [${d.rule}]`;
}

function createOrUpdate(value: Value, scope: ClientScope, ctx: Ctx): Value {
  if (!(value instanceof EnvironmentV2))
    throw typeError(
      `create_or_update() takes an azure.ai.ml.entities.Environment, not ${typeName(value)}${value instanceof PyObject && value.typeName === 'Environment' ? ' (this is an SDK v1 azureml.core Environment: use env.register(ws), or :show v2 for its ' + 'v2 form)' : ''}`,
    );
  const diagnostics = validateLoaded(loadedDefinition(value, ctx.cwd), ctx.today ? { today: ctx.today } : {});
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) {
    if (d.severity === 'error') ctx.note(`error ${findingLine(d)}`);
    else if (d.severity === 'warning') ctx.warn(findingLine(d));
    else ctx.note(`info ${findingLine(d)}`);
  }
  const name = value.values.name;
  const label = typeof name === 'string' ? reprStr(name) : 'without a name';
  if (errors.length > 0)
    throw new PyError(
      'ValidationException',
      `the service would refuse environment ${label}: ${errors.length} error${errors.length === 1 ? '' : 's'} (listed above; :validate shows the fixes). ${OFFLINE}`,
    );
  const version = value.values.version;
  const builds = value.values.build !== undefined || value.values.conda_file !== undefined;
  ctx.note(
    [
      `ml_client.environments.create_or_update(env) would register environment ${label} in ${where(scope)}`,
      typeof version === 'string'
        ? `as version ${reprStr(version)} (refused if that version already exists with a different definition: a registered version never changes).`
        : 'with the next version number (1 for a new name, else the latest version + 1); offline, ' +
          'the copy it returns keeps version None.',
      builds
        ? 'Registration builds nothing: the image is built the first time a job or deployment uses ' +
          'this version, from the build context or the image plus conda file, and reused after that.'
        : 'The image is used as it is; nothing is built.',
      `${OFFLINE} :save PATH writes the files for az ml environment create --file; :build builds the image locally.`,
    ].join(' '),
  );
  const registered = value.copy();
  return registered;
}

function getCurated(a: Args, scope: ClientScope, ctx: Ctx): Value {
  const name = String(a.name);
  const version = typeof a.version === 'string' ? a.version : null;
  const label = typeof a.label === 'string' ? a.label : null;
  if (version && label) throw new PyError('ValidationException', 'Cannot specify both version and label.');
  if (!version && !label)
    throw new PyError(
      'ValidationException',
      'Must provide either version or label. (e.g. ml_client.environments.get(name, label="latest"))',
    );
  if (label && label !== 'latest')
    throw new PyError(
      'ValidationException',
      `offline, only label="latest" can be resolved; ${reprStr(label)} is a label someone set in a workspace`,
    );
  const curated = findCurated(name, 'ml_client.environments.get');
  const env = new EnvironmentV2();
  env.values.name = curated.name.toLowerCase() === name.toLowerCase() ? curated.name : (curated.legacy ?? name);
  if (version) env.values.version = version;
  env.values.image = `${curated.image}:latest`;
  ctx.note(
    `offline copy of curated ${curated.name} from the catalog: its image only${version ? `; the catalog does not list versions, so version ${reprStr(version)} is taken as given` : ''}. The copy in ${scope.registry ? where(scope) : 'the azureml registry'} also has a dated image tag, a conda file and ${version ? 'its own' : 'a'} version number. Curated names are reserved: to change it, copy it under a name of your own.`,
  );
  return env;
}

const CLIENT_USE =
  'ml_client.environments.get(name, label="latest") works for curated environments from the ' +
  'catalog; create_or_update(env) runs the v2 rules and says what the service would do.';

export class MLClientPlaceholder extends PyObject {
  readonly typeName = 'MLClient';
  private readonly environments: EnvironmentOperations;

  constructor(private readonly scope: ClientScope) {
    super();
    this.environments = new EnvironmentOperations(scope);
  }

  getAttr(name: string): Value | undefined {
    if (name === 'environments') return this.environments;
    if (name === 'workspace_name') return this.scope.workspace;
    return undefined;
  }

  attrNames(): string[] {
    return ['environments', 'workspace_name'];
  }

  repr(): string {
    return `<offline MLClient placeholder for ${where(this.scope)}>`;
  }
}

const str = (v: Value | undefined) => (typeof v === 'string' ? v : null);

export function mlClientClass(): PyClass {
  return new PyClass(
    'MLClient',
    'azure.ai.ml',
    staticFunction(
      'MLClient',
      '__init__',
      {
        params: [
          { name: 'credential' },
          { name: 'subscription_id', default: null, type: 'str?' },
          { name: 'resource_group_name', default: null, type: 'str?' },
          { name: 'workspace_name', default: null, type: 'str?' },
        ],
        varKeywords: true,
      },
      (a, site) => {
        site.ctx.note(
          `offline: this MLClient is a placeholder and nothing is contacted (the real client signs in with the credential when it first calls ${where({ workspace: str(a.workspace_name), registry: str(a.__kwargs?.registry_name) })}). ${CLIENT_USE}`,
        );
        return new MLClientPlaceholder({ workspace: str(a.workspace_name), registry: str(a.__kwargs?.registry_name) });
      },
    ),
    () => ({
      from_config: staticFunction(
        'MLClient',
        'from_config',
        {
          params: [
            { name: 'credential' },
            { name: 'path', default: null, type: 'str?' },
            { name: 'file_name', default: null, type: 'str?' },
          ],
          varKeywords: true,
        },
        (_a, site) => {
          site.ctx.note(
            `offline: MLClient.from_config would read the workspace ids from config.json (in this folder or a parent, or path=...); here it gives a placeholder and nothing is contacted. ${CLIENT_USE}`,
          );
          return new MLClientPlaceholder({ workspace: null, registry: null });
        },
      ),
    }),
  );
}
