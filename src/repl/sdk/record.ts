// SDK objects whose attributes are fields of the model (PythonSection, DockerSection, ContainerRegistry...).
// Attribute names are the SDK's snake_case (fields.ts `sdk`, else snake()); values live in the model's JSON,
// so reading and writing an attribute reads and writes the definition itself.
import { snake, type FieldSpec, type Json } from '../../env/fields.js';
import { isJsonRecord } from '../../env/json.js';
import { setOwn } from '../../env/path.js';
import { looksSecret } from '../../rules/env-vars.js';
import { typeError } from '../errors.js';
import {
  PyFloat,
  PyObject,
  PyTuple,
  attributeError,
  isDict,
  repr,
  toJson,
  typeName,
  type Ctx,
  type Value,
} from '../values.js';

export interface RecordInfo {
  /** Python class name, e.g. DockerSection. */
  className: string;
  /** Python module of the class, for reprs. */
  module: string;
  /** Model path of the object (`docker.baseImageRegistry`); '' for the environment itself. */
  path: string;
  spec: FieldSpec;
}

/** Class name and module of the object at a model path. */
const CLASSES: Record<string, [string, string]> = {
  python: ['PythonSection', 'azureml.core.environment'],
  docker: ['DockerSection', 'azureml.core.environment'],
  spark: ['SparkSection', 'azureml.core.environment'],
  databricks: ['DatabricksSection', 'azureml.core.databricks'],
  r: ['RSection', 'azureml.core.environment'],
  'docker.baseImageRegistry': ['ContainerRegistry', 'azureml.core.container_registry'],
  'docker.baseImageRegistry.registryIdentity': ['RegistryIdentity', 'azureml.core.container_registry'],
  'docker.platform': ['DockerImagePlatform', 'azureml.core.environment'],
  'docker.buildContext': ['DockerBuildContext', 'azureml.core.environment'],
};

export const childInfo = (parent: RecordInfo, key: string, spec: FieldSpec): RecordInfo => {
  const path = parent.path ? `${parent.path}.${key}` : key;
  const [className, module] = CLASSES[path] ?? [key, parent.module];
  return { className, module, path, spec };
};

export const sdkName = (key: string, spec: FieldSpec): string => spec.sdk ?? snake(key);

/** The model key and spec behind an SDK attribute name. */
export function fieldFor(spec: FieldSpec, attr: string): [string, FieldSpec] | undefined {
  return Object.entries(spec.fields ?? {}).find(([key, f]) => sdkName(key, f) === attr);
}

/** Is this field an object the SDK models as a class (rather than a dict)? */
export const isClassField = (spec: FieldSpec) => spec.kind === 'object' && Boolean(spec.fields) && !spec.open;

const views = new WeakMap<object, FieldObject>();

/** Subclasses with SDK property logic (setters that warn, reset each other, read files), by model path. */
export const RECORD_CLASSES = new Map<string, new (info: RecordInfo, data: { [key: string]: Json }) => FieldObject>();

/** Sets a key keeping the SDK's field order when the key was missing (a file may have left it out). */
export function setOrdered(target: { [key: string]: Json }, key: string, value: Json, order: string[]): void {
  if (Object.hasOwn(target, key)) {
    setOwn(target, key, value);
    return;
  }
  const at = order.indexOf(key);
  const entries = Object.entries(target);
  const insertAt = at < 0 ? entries.length : entries.findIndex(([k]) => order.indexOf(k) > at);
  if (insertAt < 0) {
    setOwn(target, key, value);
    return;
  }
  entries.splice(insertAt, 0, [key, value]);
  for (const k of Object.keys(target)) delete target[k];
  for (const [k, v] of entries) setOwn(target, k, v);
}

export class FieldObject extends PyObject {
  readonly typeName: string;

  constructor(
    readonly info: RecordInfo,
    readonly data: { [key: string]: Json },
  ) {
    super();
    this.typeName = info.className;
  }

  /** The view of `data` (one per object, so identity holds across attribute reads). */
  static view(info: RecordInfo, data: { [key: string]: Json }): FieldObject {
    const existing = views.get(data);
    if (existing && existing.info.path === info.path) return existing;
    const Ctor = RECORD_CLASSES.get(info.path) ?? FieldObject;
    const view = new Ctor(info, data);
    views.set(data, view);
    return view;
  }

  json(): Json {
    return this.data;
  }

  protected get fields(): Array<[string, FieldSpec]> {
    return Object.entries(this.info.spec.fields ?? {});
  }

  /** Reads a field as the SDK object holds it. */
  protected readField(key: string, spec: FieldSpec): Value {
    const raw = this.data[key];
    if (isClassField(spec)) return isJsonRecord(raw) ? FieldObject.view(childInfo(this.info, key, spec), raw) : null;
    if (
      (spec.kind === 'map' || spec.kind === 'array') &&
      (raw === undefined || raw === null) &&
      'default' in spec &&
      spec.default !== null
    ) {
      // The SDK object always has its lists and dicts; a file that left one out gets an empty one.
      const fresh: Json = spec.kind === 'map' ? {} : [];
      setOrdered(
        this.data,
        key,
        fresh,
        this.fields.map(([k]) => k),
      );
      return fresh;
    }
    return raw ?? null;
  }

  getAttr(name: string, _ctx: Ctx): Value | undefined {
    const field = fieldFor(this.info.spec, name);
    return field ? this.readField(field[0], field[1]) : undefined;
  }

  setAttr(name: string, value: Value, ctx: Ctx): void {
    const field = fieldFor(this.info.spec, name);
    if (!field) throw attributeError(this, name);
    this.writeField(field[0], field[1], name, value, ctx);
  }

  protected writeField(key: string, spec: FieldSpec, attr: string, value: Value, _ctx: Ctx): void {
    checkField(
      this.typeName,
      attr,
      spec,
      value,
      isClassField(spec) ? childInfo(this.info, key, spec).className : undefined,
    );
    setOrdered(
      this.data,
      key,
      toJson(value, `${this.typeName}.${attr}`),
      this.fields.map(([k]) => k),
    );
  }

  attrNames(): string[] {
    return this.fields.map(([key, spec]) => sdkName(key, spec));
  }

  repr(): string {
    const parts = this.fields
      .filter(([key]) => key in this.data)
      .map(([key, spec]) => {
        const value = this.data[key];
        const shown =
          isClassField(spec) && isJsonRecord(value)
            ? FieldObject.view(childInfo(this.info, key, spec), value).repr()
            : reprField(key, value);
        return `${sdkName(key, spec)}=${shown}`;
      });
    return `${this.info.className}(${parts.join(', ')})`;
  }
}

/** A field value as Python would show it, with secrets masked. */
function reprField(key: string, value: Json): string {
  if (key === 'password' && typeof value === 'string' && value) return "'***'";
  if (isJsonRecord(value)) {
    const entries = Object.entries(value).map(
      ([k, v]) => `${repr(k)}: ${looksSecret(k) && typeof v === 'string' && v ? "'***'" : reprField(k, v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return repr(value);
}

const KIND_WORDS: Partial<Record<FieldSpec['kind'], string>> = {
  string: 'a str',
  boolean: 'a bool (True or False)',
  number: 'a number',
  array: 'a list',
  map: 'a dict',
};

/** TypeError when a value cannot be what the field holds. None is accepted everywhere, as the SDK writes null freely. */
export function checkField(owner: string, attr: string, spec: FieldSpec, value: Value, className?: string): void {
  if (value === null) return;
  const fail = (wanted: string, hint = '') => {
    throw typeError(`${owner}.${attr} must be ${wanted} or None, not ${typeName(value)} ${repr(value)}${hint}`);
  };
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string')
        fail(
          'a str',
          typeof value === 'number' || value instanceof PyFloat ? `; put it in quotes: "${repr(value)}"` : '',
        );
      return;
    case 'boolean':
      if (typeof value !== 'boolean')
        fail(
          'a bool (True or False)',
          typeof value === 'string' && /^(true|false)$/i.test(value)
            ? `; write ${value[0].toUpperCase()}${value.slice(1).toLowerCase()} without quotes`
            : '',
        );
      return;
    case 'number':
      if (typeof value !== 'number' && !(value instanceof PyFloat)) fail('a number');
      return;
    case 'array': {
      const items = Array.isArray(value) ? value : value instanceof PyTuple ? value.items : undefined;
      if (!items) fail('a list', typeof value === 'string' ? `; wrap it in a list: [${repr(value)}]` : '');
      if (spec.items?.kind === 'string') {
        const bad = items!.find((x) => typeof x !== 'string');
        if (bad !== undefined)
          throw typeError(`${owner}.${attr} must be a list of str, but it holds ${typeName(bad)} ${repr(bad)}`);
      }
      return;
    }
    case 'map':
      if (!isDict(value)) fail('a dict');
      return;
    case 'object':
      if (isDict(value)) return;
      if (value instanceof FieldObject && value.info.spec === spec) return;
      fail(className ? `a ${className} object` : 'a dict');
      return;
    default:
      if (!KIND_WORDS[spec.kind]) return;
  }
}
