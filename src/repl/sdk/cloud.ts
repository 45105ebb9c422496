// Calls that need a workspace. Offline there is none: a placeholder stands in for Workspace / MLClient,
// and each cloud call says what it would do and where to do the local equivalent.
import { staticFunction, method } from '../callable.js';
import { PyClass } from '../pyclass.js';
import { PyObject, reprStr, type Ctx, type Value } from '../values.js';

export const OFFLINE = 'Nothing was sent: the REPL works offline.';

export class WorkspacePlaceholder extends PyObject {
  readonly typeName: string;

  constructor(
    readonly kind: 'Workspace' | 'MLClient' | 'DefaultAzureCredential',
    readonly name: string | null,
    private readonly members: () => Record<string, Value> = () => ({}),
  ) {
    super();
    this.typeName = kind;
  }

  getAttr(name: string): Value | undefined {
    if (name === 'name' && this.kind === 'Workspace') return this.name;
    return this.members()[name];
  }

  attrNames(): string[] {
    return [...(this.kind === 'Workspace' ? ['name'] : []), ...Object.keys(this.members())];
  }

  repr(): string {
    return `<offline ${this.kind} placeholder${this.name ? ` ${reprStr(this.name)}` : ''}>`;
  }
}

const WORKSPACE_NOTE =
  'offline: this Workspace is a placeholder. The real call reads config.json (or the ids you give) and signs in to Azure. Pass it on: Environment.get(ws, "<curated name>") works from the catalog, and cloud calls (register, build, ...) explain what they would do.';

export function workspaceClass(): PyClass {
  const make = (name: Value, ctx: Ctx) => {
    ctx.note(WORKSPACE_NOTE);
    return new WorkspacePlaceholder('Workspace', typeof name === 'string' ? name : null);
  };
  return new PyClass(
    'Workspace',
    'azureml.core.workspace',
    staticFunction(
      'Workspace',
      '__init__',
      {
        params: [
          { name: 'subscription_id', default: null },
          { name: 'resource_group', default: null },
          { name: 'workspace_name', default: null },
        ],
        varKeywords: true,
      },
      (a, site) => make(a.workspace_name, site.ctx),
    ),
    () => ({
      from_config: staticFunction(
        'Workspace',
        'from_config',
        { params: [{ name: 'path', default: null }], varKeywords: true },
        (_a, site) => make(null, site.ctx),
      ),
      get: staticFunction('Workspace', 'get', { params: [{ name: 'name' }], varKeywords: true }, (a, site) =>
        make(a.name, site.ctx),
      ),
    }),
  );
}

/** azure.ai.ml.MLClient: `ml_client.environments.create_or_update(env)` and friends explain themselves. */
export function mlClientClass(getCurated: (name: string, ctx: Ctx) => Value): PyClass {
  const environments = new WorkspacePlaceholder('MLClient', null, () => ({
    create_or_update: method(
      'EnvironmentOperations',
      'create_or_update',
      { params: [{ name: 'environment' }] },
      (_a, site) => {
        site.ctx.note(
          `ml_client.environments.create_or_update(env) would register the environment in the workspace (a new version when the definition changed) and start its image build on first use. ${OFFLINE} Use :validate to check it and :build to build the image locally.`,
        );
        return null;
      },
    ),
    get: method(
      'EnvironmentOperations',
      'get',
      {
        params: [
          { name: 'name', type: 'str' },
          { name: 'version', default: null },
          { name: 'label', default: null },
        ],
      },
      (a, site) => getCurated(String(a.name), site.ctx),
    ),
    list: method(
      'EnvironmentOperations',
      'list',
      { params: [{ name: 'name', default: null }], varKeywords: true },
      (_a, site) => {
        site.ctx.note(
          `ml_client.environments.list() would list the workspace's environments. ${OFFLINE} amlenv curated lists the curated ones.`,
        );
        return [];
      },
    ),
  }));
  const make = (ctx: Ctx) => {
    ctx.note(
      'offline: this MLClient is a placeholder. ml_client.environments.get("<curated name>") works from the catalog; create_or_update explains what it would do.',
    );
    return new WorkspacePlaceholder('MLClient', null, () => ({ environments }));
  };
  return new PyClass(
    'MLClient',
    'azure.ai.ml',
    staticFunction(
      'MLClient',
      '__init__',
      {
        params: [
          { name: 'credential', default: null },
          { name: 'subscription_id', default: null },
          { name: 'resource_group_name', default: null },
          { name: 'workspace_name', default: null },
        ],
        varKeywords: true,
      },
      (_a, site) => make(site.ctx),
    ),
    () => ({
      from_config: staticFunction(
        'MLClient',
        'from_config',
        { params: [{ name: 'credential', default: null }], varKeywords: true },
        (_a, site) => make(site.ctx),
      ),
    }),
  );
}

export function credentialClass(): PyClass {
  return new PyClass(
    'DefaultAzureCredential',
    'azure.identity',
    staticFunction(
      'DefaultAzureCredential',
      '__init__',
      { params: [], varKeywords: true },
      () => new WorkspacePlaceholder('DefaultAzureCredential', null),
    ),
  );
}
