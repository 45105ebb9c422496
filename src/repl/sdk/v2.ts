// azure.ai.ml.entities.Environment and BuildContext (SDK v2): keyword-only constructors; conda_file given as
// a path is read at once, as the SDK does. The REPL keeps the path too, so the YAML it shows and saves refers
// to the file the way a hand-written environment YAML does.
import { stringify } from 'yaml';
import type { Json } from '../../env/fields.js';
import { method, staticFunction, type PyFunction } from '../callable.js';
import { PyError, typeError } from '../errors.js';
import { PyClass } from '../pyclass.js';
import {
  PyObject,
  attributeError,
  cloneValue,
  isDict,
  repr,
  toJson,
  typeName,
  fromData,
  type Ctx,
  type Value,
} from '../values.js';
import { readYaml } from './files.js';

const V2_ENV_SCHEMA = 'https://azuremlschemas.azureedge.net/latest/environment.schema.json';

/** The attributes of a v2 environment, in the order its YAML lists them. */
export const V2_ATTRIBUTES = [
  'name',
  'version',
  'description',
  'tags',
  'image',
  'conda_file',
  'build',
  'os_type',
  'inference_config',
  'properties',
  'datastore',
] as const;
type V2Attribute = (typeof V2_ATTRIBUTES)[number];

export class BuildContext extends PyObject {
  readonly typeName = 'BuildContext';

  constructor(
    public path: string | null,
    public dockerfilePath: string | null,
  ) {
    super();
  }

  getAttr(name: string): Value | undefined {
    if (name === 'path') return this.path;
    if (name === 'dockerfile_path') return this.dockerfilePath;
    return undefined;
  }

  setAttr(name: string, value: Value): void {
    if (name !== 'path' && name !== 'dockerfile_path') throw attributeError(this, name);
    if (value !== null && typeof value !== 'string')
      throw typeError(`BuildContext.${name} must be a str or None, not ${typeName(value)}`);
    if (name === 'path') this.path = value;
    else this.dockerfilePath = value;
  }

  attrNames(): string[] {
    return ['dockerfile_path', 'path'];
  }

  json(): Json {
    const out: { [key: string]: Json } = {};
    if (this.path !== null) out.path = this.path;
    if (this.dockerfilePath !== null) out.dockerfile_path = this.dockerfilePath;
    return out;
  }

  repr(): string {
    return `BuildContext(path=${repr(this.path)}, dockerfile_path=${repr(this.dockerfilePath)})`;
  }
}

const V2_NAMES: ReadonlySet<string> = new Set(V2_ATTRIBUTES);
const isV2Attribute = (name: string): name is V2Attribute => V2_NAMES.has(name);

export class EnvironmentV2 extends PyObject {
  readonly typeName = 'Environment';
  readonly values: { [K in V2Attribute]?: Value } = {};
  /** The path conda_file was read from, kept for the YAML. */
  condaPath: string | null = null;

  getAttr(name: string, _ctx: Ctx): Value | undefined {
    if (name === 'validate')
      return method('Environment', 'validate', { params: [] }, () => {
        this.validate();
        return null;
      });
    if (isV2Attribute(name)) return this.values[name] ?? null;
    return undefined;
  }

  setAttr(name: string, value: Value, ctx: Ctx): void {
    if (!isV2Attribute(name))
      throw attributeError(
        this,
        name,
        name === 'environment_variables'
          ? ' (a v2 environment has no environment variables: set them on the job, ' +
              'command(environment_variables={...}) or environment_variables: in job.yml)'
          : '',
      );
    this.assign(name, value, ctx);
  }

  /** A copy, as the SDK returns from create_or_update (lists and dicts copied, the build context too). */
  copy(): EnvironmentV2 {
    const env = new EnvironmentV2();
    for (const key of V2_ATTRIBUTES) {
      const v = this.values[key];
      if (v === undefined) continue;
      env.values[key] = v instanceof BuildContext ? new BuildContext(v.path, v.dockerfilePath) : cloneValue(v);
    }
    env.condaPath = this.condaPath;
    return env;
  }

  assign(name: V2Attribute, value: Value, ctx: Ctx): void {
    if (value === null) {
      delete this.values[name];
      if (name === 'conda_file') this.condaPath = null;
      return;
    }
    switch (name) {
      case 'conda_file':
        if (typeof value === 'string') {
          this.values.conda_file = fromData(readYaml(ctx.cwd, value), `conda file ${value}`);
          this.condaPath = value;
        } else if (isDict(value)) {
          this.values.conda_file = value;
          this.condaPath = null;
        } else throw typeError(`Environment.conda_file must be a path (str) or a dict, not ${typeName(value)}`);
        return;
      case 'build':
        if (!(value instanceof BuildContext))
          throw typeError(
            `Environment.build must be a BuildContext, not ${typeName(value)} (build=BuildContext(path="docker-context"))`,
          );
        this.values.build = value;
        return;
      case 'tags':
      case 'properties':
      case 'inference_config':
        if (!isDict(value)) throw typeError(`Environment.${name} must be a dict, not ${typeName(value)}`);
        this.values[name] = value;
        return;
      default:
        if (typeof value !== 'string') {
          throw typeError(
            `Environment.${name} must be a str, not ${typeName(value)}${typeof value === 'number' && name === 'version' ? `; versions are strings: version="${value}"` : ''}`,
          );
        }
        this.values[name] = value;
    }
  }

  /** The SDK's validate(): the checks it runs before create_or_update. */
  validate(): void {
    if (this.values.name === undefined) throw new PyError('ValidationException', 'Environment name is required');
    if (this.values.image === undefined && this.values.build === undefined)
      throw new PyError('ValidationException', 'Docker image or Dockerfile is required for environments');
    if (this.values.image !== undefined && this.values.build !== undefined)
      throw new PyError('ValidationException', 'Docker image or Dockerfile should be provided not both');
  }

  attrNames(): string[] {
    return [...V2_ATTRIBUTES, 'validate'];
  }

  /** The v2 document as an environment YAML holds it. */
  document(): { [key: string]: Json } {
    const doc: { [key: string]: Json } = { $schema: V2_ENV_SCHEMA };
    for (const key of V2_ATTRIBUTES) {
      const v = this.values[key];
      if (v === undefined) continue;
      if (key === 'conda_file' && this.condaPath) doc.conda_file = this.condaPath;
      else doc[key] = v instanceof BuildContext ? v.json() : toJson(cloneValue(v), `Environment.${key}`);
    }
    return doc;
  }

  yaml(): string {
    return documentYaml(this.document());
  }

  json(): Json {
    return this.document();
  }

  repr(): string {
    return `Environment(${V2_ATTRIBUTES.filter((k) => this.values[k] !== undefined)
      .map((k) => `${k}=${repr(this.values[k] ?? null)}`)
      .join(', ')})`;
  }

  str(): string {
    return this.yaml().trimEnd();
  }
}

export function documentYaml(doc: { [key: string]: Json }): string {
  return stringify(doc, { indentSeq: false, lineWidth: 0 });
}

// The SDK takes os_type and inference_config through **kwargs; they are listed here so Tab completes them.
const V2_PARAMS: PyFunction['signature']['params'] = V2_ATTRIBUTES.map((name) => ({
  name,
  default: null,
  keywordOnly: true,
}));

export function environmentV2Class(): PyClass {
  return new PyClass(
    'Environment',
    'azure.ai.ml.entities',
    staticFunction('Environment', '__init__', { params: V2_PARAMS, varKeywords: true }, (a, site) => {
      const env = new EnvironmentV2();
      const extra = a.__kwargs ?? {};
      for (const key of V2_ATTRIBUTES) {
        const value = key in a ? a[key] : extra[key];
        if (value !== undefined && value !== null) {
          try {
            env.assign(key, value, site.ctx);
          } catch (err) {
            throw err instanceof PyError ? err.at(site.argSpans[key]) : err;
          }
        }
      }
      for (const key of Object.keys(extra)) {
        if (!isV2Attribute(key))
          site.ctx.warn(`Environment() does not use the keyword argument ${key}=...; it was ignored`);
      }
      return env;
    }),
  );
}

export function buildContextClass(): PyClass {
  return new PyClass(
    'BuildContext',
    'azure.ai.ml.entities',
    staticFunction(
      'BuildContext',
      '__init__',
      {
        params: [
          { name: 'dockerfile_path', default: null, type: 'str?', keywordOnly: true },
          { name: 'path', default: null, type: 'str?', keywordOnly: true },
        ],
      },
      (a) =>
        new BuildContext(
          typeof a.path === 'string' ? a.path : null,
          typeof a.dockerfile_path === 'string' ? a.dockerfile_path : null,
        ),
    ),
  );
}
