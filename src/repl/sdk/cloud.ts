// SDK v1 calls that need a workspace. Offline there is none: a placeholder stands in for Workspace (and for
// DefaultAzureCredential); each cloud call says what it would do. The v2 MLClient lives in ml-client.ts.
import { staticFunction } from '../callable.js';
import { PyClass } from '../pyclass.js';
import { PyObject, reprStr, type Ctx, type Value } from '../values.js';

export const OFFLINE = 'Nothing was sent: the REPL works offline.';

export class WorkspacePlaceholder extends PyObject {
  readonly typeName: string;

  constructor(
    readonly kind: 'Workspace' | 'DefaultAzureCredential',
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
  'offline: this Workspace is a placeholder. The real call reads config.json (or the ids you ' +
  'give) and signs in to Azure. Pass it on: Environment.get(ws, "<curated name>") works from ' +
  'the catalog, and cloud calls (register, build, ...) explain what they would do.';

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

export function credentialClass(): PyClass {
  return new PyClass(
    'DefaultAzureCredential',
    'azure.identity',
    staticFunction('DefaultAzureCredential', '__init__', { params: [], varKeywords: true }, (_a, site) => {
      site.ctx.note(
        'offline: this DefaultAzureCredential is a placeholder; nothing signs in (the real one ' +
          'tries environment variables, a managed identity, then az login). Pass it to MLClient.',
      );
      return new WorkspacePlaceholder('DefaultAzureCredential', null);
    }),
  );
}
