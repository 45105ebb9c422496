// Python values as the evaluator holds them. Plain JS values where Python and JSON agree (None → null,
// bool, int → number, str, list → array, dict → plain object), so values can live inside the environment
// model by reference, as they do in the SDK; a float keeps its own class so 3.10 stays visibly the float 3.1.
import type { Json } from '../env/fields.js';
import type { JsonRecord } from '../env/json.js';
import { didYouMean } from '../rules/helpers.js';
import { PyError, typeError, type Span } from './errors.js';

export class PyFloat {
  constructor(readonly value: number) {}

  /** JSON.stringify writes the number: a float inside the model is a JSON number. */
  toJSON(): number {
    return this.value;
  }
}

export type PyDict = { [key: string]: Value };
export type Value = null | boolean | number | string | PyFloat | Value[] | PyDict | PyObject;

/** What the evaluator passes to objects: the REPL's folder and a sink for what Python would print or log. */
export interface Ctx {
  cwd: string;
  /** print() output. */
  print(text: string): void;
  /** What the SDK logs as a warning. */
  warn(text: string): void;
  /** What the REPL adds: explanations of cloud calls, files written. */
  note(text: string): void;
  /** The date the rules take as today (tests fix it). */
  today?: Date;
}

export abstract class PyObject {
  /** The Python type name used in messages ('PythonSection', 'CondaDependencies'). */
  abstract readonly typeName: string;

  /** Undefined when there is no such attribute. */
  getAttr(_name: string, _ctx: Ctx): Value | undefined {
    return undefined;
  }

  setAttr(name: string, _value: Value, _ctx: Ctx): void {
    throw attributeError(this, name);
  }

  /** Attribute names for completion and "did you mean". */
  attrNames(): string[] {
    return [];
  }

  repr(): string {
    return `<${this.typeName} object>`;
  }

  str(): string {
    return this.repr();
  }

  /** The JSON the object stands for inside a definition (sections, CondaDependencies), or undefined. */
  json(): Json | undefined {
    return undefined;
  }

  /** JSON.stringify of a model that holds an object: its JSON when it has one, else its repr. */
  toJSON(): unknown {
    const data = this.json();
    return data !== undefined ? data : this.repr();
  }
}

/** A deep copy of the lists and dicts in a value; floats and SDK objects are shared. */
export function cloneValue(v: Value): Value {
  if (Array.isArray(v)) return v.map(cloneValue);
  if (isDict(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneValue(x)]));
  return v;
}

/** A value read from a file (YAML or JSON) as a Python value, checked item by item; `what` names it in errors. */
export function fromData(data: unknown, what: string): Value {
  if (data === null || data === undefined) return null;
  if (typeof data === 'boolean' || typeof data === 'string') return data;
  if (typeof data === 'number') return Number.isInteger(data) ? data : new PyFloat(data);
  if (Array.isArray(data)) return data.map((x) => fromData(x, what));
  if (typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype)
    return Object.fromEntries(Object.entries(data).map(([k, x]) => [k, fromData(x, what)]));
  throw typeError(`${what} holds a value the REPL cannot represent (${Object.prototype.toString.call(data)})`);
}

/** Refuses to put a list or dict inside itself: definitions are JSON, which has no cycles. */
export function assertNoCycle(container: object, value: Value): void {
  const seen = new Set<object>();
  const walk = (v: Value): boolean => {
    if (v === container) return true;
    if (typeof v !== 'object' || v === null || v instanceof PyFloat || seen.has(v)) return false;
    seen.add(v);
    if (Array.isArray(v)) return v.some(walk);
    if (v instanceof PyTuple) return v.items.some(walk);
    if (v instanceof PyObject) {
      const data = v.json();
      return data !== undefined && walk(data);
    }
    return Object.values(v).some(walk);
  };
  if (walk(value))
    throw new PyError(
      'ValueError',
      'a list or dict cannot contain itself in the REPL (environment definitions are JSON, which has no cycles)',
    );
}

/**
 * A copy of a model as plain JSON: floats become numbers, SDK objects their JSON (as JSON.stringify writes
 * them; a model may hold Python values by reference, whatever its static type says).
 */
export function plainJson(value: JsonRecord): JsonRecord;
export function plainJson(value: Json): Json;
export function plainJson(value: Json): Json {
  return plainValue(value);
}

function plainValue(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof PyFloat) return plainValue(v.value);
  if (v instanceof PyObject) return plainValue(v.toJSON());
  if (Array.isArray(v)) return v.map(plainValue);
  if (typeof v !== 'object') return null;
  const out: JsonRecord = {};
  for (const [key, x] of Object.entries(v)) if (x !== undefined && typeof x !== 'function') out[key] = plainValue(x);
  return out;
}

/** A likely intended name: a close spelling (didYouMean), else the one known name that starts with what was typed. */
export function suggest(name: string, known: string[]): string | undefined {
  const close = didYouMean(name, known);
  if (close) return close;
  const starts = known.filter((k) => k.toLowerCase().startsWith(name.toLowerCase()));
  return name.length >= 3 && starts.length === 1 ? starts[0] : undefined;
}

export function attributeError(obj: Value, name: string, extra = ''): PyError {
  const names = obj instanceof PyObject ? obj.attrNames() : builtinAttrNames(obj);
  const guess = suggest(
    name,
    names.filter((n) => !n.startsWith('_')),
  );
  const what =
    obj instanceof PyObject && obj.typeName === 'module'
      ? `module '${'name' in obj && typeof obj.name === 'string' ? obj.name : obj.typeName}' has no attribute '${name}'`
      : `'${typeName(obj)}' object has no attribute '${name}'`;
  return new PyError('AttributeError', `${what}${guess ? `. Did you mean: '${guess}'?` : ''}${extra}`);
}

export function typeName(v: Value): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyFloat) return 'float';
  if (Array.isArray(v)) return 'list';
  if (v instanceof PyObject) return v.typeName;
  return 'dict';
}

export const isDict = (v: Value | undefined): v is PyDict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyObject) && !(v instanceof PyFloat);

/** Python's repr of a str: single quotes unless the text holds a single quote and no double quote. */
export function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return quote + out + quote;
}

/** Python's repr of a float: the shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function reprFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16)
    return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`.replace(
      '.0e',
      'e',
    );
  const fixed = String(n);
  return /[.e]/.test(fixed) ? fixed : `${fixed}.0`;
}

export function repr(v: Value, seen: Set<object> = new Set()): string {
  if (v === null) return 'None';
  if (typeof v === 'object' && !(v instanceof PyObject) && !(v instanceof PyFloat)) {
    // A list or dict that holds itself prints as Python prints it.
    if (seen.has(v)) return Array.isArray(v) ? '[...]' : '{...}';
    seen = new Set(seen).add(v);
  }
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return reprStr(v);
  if (v instanceof PyFloat) return reprFloat(v.value);
  if (Array.isArray(v)) return `[${v.map((x) => repr(x, seen)).join(', ')}]`;
  if (v instanceof PyObject) return v.repr();
  return `{${Object.entries(v)
    .map(([k, x]) => `${reprStr(k)}: ${repr(x, seen)}`)
    .join(', ')}}`;
}

export function str(v: Value): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyObject) return v.str();
  return repr(v);
}

export function truthy(v: Value): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (v instanceof PyFloat) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (isDict(v)) return Object.keys(v).length > 0;
  if (v instanceof PyObject && 'items' in v && Array.isArray(v.items)) return v.items.length > 0;
  return true;
}

export class PyTuple extends PyObject {
  readonly typeName = 'tuple';
  constructor(readonly items: Value[]) {
    super();
  }
  repr(): string {
    return this.items.length === 1 ? `(${repr(this.items[0])},)` : `(${this.items.map((x) => repr(x)).join(', ')})`;
  }
}

/** The items of a list or tuple, or undefined for anything else. */
export function sequence(v: Value): Value[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof PyTuple) return v.items;
  return undefined;
}

/** The items of a list or tuple of str, or undefined for anything else. */
export function strings(v: Value): string[] | undefined {
  const items = sequence(v);
  if (!items) return undefined;
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') return undefined;
    out.push(item);
  }
  return out;
}

/**
 * Converts a value to JSON for storing it in the environment model. Lists and dicts are converted in place
 * and stored by reference, as Python stores them; objects that stand for JSON (sections, CondaDependencies)
 * give their data. Anything else cannot be part of a definition.
 */
export function toJson(v: Value, what: string, span?: Span, seen: Set<object> = new Set()): Json {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'object' && !(v instanceof PyObject)) {
    if (seen.has(v))
      throw typeError(`${what} cannot hold a list or dict that contains itself (JSON has no cycles)`, span);
    seen = new Set(seen).add(v);
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = toJson(v[i], what, span, seen);
    return v as Json[];
  }
  if (v instanceof PyTuple) return v.items.map((x) => toJson(x, what, span, seen));
  if (v instanceof PyObject) {
    const data = v.json();
    if (data !== undefined) return data;
    throw typeError(`${what} cannot hold a ${v.typeName} object (it is not part of an environment definition)`, span);
  }
  for (const key of Object.keys(v)) v[key] = toJson(v[key], what, span, seen);
  return v as Json;
}

/** Methods and attributes of the built-in types, for completion and "did you mean". */
export function builtinAttrNames(v: Value): string[] {
  if (typeof v === 'string')
    return ['endswith', 'format', 'join', 'lower', 'replace', 'split', 'splitlines', 'startswith', 'strip', 'upper'];
  if (Array.isArray(v)) return ['append', 'clear', 'copy', 'count', 'extend', 'index', 'insert', 'pop', 'remove'];
  if (isDict(v)) return ['clear', 'copy', 'get', 'items', 'keys', 'pop', 'setdefault', 'update', 'values'];
  return [];
}
