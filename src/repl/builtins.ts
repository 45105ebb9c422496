// The few Python builtins that SDK snippets use (print, len, open(...).read(), list(...), dir...), and the
// methods of str, list and dict.
import { method, staticFunction, type PyFunction } from './callable.js';
import { PyError, typeError } from './errors.js';
import { PyClass } from './pyclass.js';
import { readText } from './sdk/files.js';
import {
  PyFloat,
  PyObject,
  PyTuple,
  assertNoCycle,
  attributeError,
  builtinAttrNames,
  isDict,
  repr,
  reprStr,
  sequence,
  str,
  truthy,
  typeName,
  type PyDict,
  type Value,
} from './values.js';

/** Thrown by exit() and quit(): the session ends as :quit does. */
export class QuitRequest extends Error {}

/** What open(path) returns: a text file read at once. */
export class PyFile extends PyObject {
  readonly typeName = 'TextIOWrapper';
  private consumed = false;

  constructor(
    readonly path: string,
    private readonly text: string,
  ) {
    super();
  }

  read(): string {
    const out = this.consumed ? '' : this.text;
    this.consumed = true;
    return out;
  }

  getAttr(name: string): Value | undefined {
    if (name === 'read') return method('TextIOWrapper', 'read', { params: [] }, () => this.read());
    if (name === 'readlines')
      return method('TextIOWrapper', 'readlines', { params: [] }, () =>
        this.read()
          .split(/(?<=\n)/)
          .filter(Boolean),
      );
    if (name === 'close') return method('TextIOWrapper', 'close', { params: [] }, () => null);
    if (name === 'name') return this.path;
    return undefined;
  }

  attrNames(): string[] {
    return ['close', 'name', 'read', 'readlines'];
  }

  repr(): string {
    return `<_io.TextIOWrapper name=${reprStr(this.path)} mode='r' encoding='UTF-8'>`;
  }
}

function iterable(v: Value, fn: string): Value[] {
  const items = sequence(v);
  if (items) return items;
  if (typeof v === 'string') return [...v];
  if (isDict(v)) return Object.keys(v);
  throw typeError(`'${typeName(v)}' object is not iterable (${fn}() needs a list, tuple, str or dict)`);
}

const builtin = (name: string, params: PyFunction['signature']['params'], impl: PyFunction['impl']) =>
  staticFunction('', name, { params }, impl);

/** The builtins by name, for a fresh scope. */
export function builtins(): Record<string, Value> {
  return {
    // The evaluator calls print itself (it takes any number of arguments); this entry makes the name exist.
    print: staticFunction('', 'print', { params: [], varKeywords: true }, () => null),
    len: builtin('len', [{ name: 'obj' }], (a) => {
      const v = a.obj;
      if (typeof v === 'string') return [...v].length;
      const items = sequence(v);
      if (items) return items.length;
      if (isDict(v)) return Object.keys(v).length;
      throw typeError(`object of type '${typeName(v)}' has no len()`);
    }),
    str: builtin('str', [{ name: 'object', default: '' }], (a) => str(a.object)),
    repr: builtin('repr', [{ name: 'obj' }], (a) => repr(a.obj)),
    type: builtin('type', [{ name: 'object' }], (a) => `<class '${typeName(a.object)}'>`),
    bool: builtin('bool', [{ name: 'x', default: false }], (a) => truthy(a.x)),
    int: builtin('int', [{ name: 'x', default: 0 }], (a) => {
      const v = a.x;
      if (typeof v === 'number') return v;
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (v instanceof PyFloat) return Math.trunc(v.value);
      if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number(v);
      throw new PyError('ValueError', `invalid literal for int() with base 10: ${repr(v)}`);
    }),
    float: builtin('float', [{ name: 'x', default: 0 }], (a) => {
      const v = a.x;
      if (typeof v === 'number') return new PyFloat(v);
      if (v instanceof PyFloat) return v;
      if (typeof v === 'string' && v.trim() && !Number.isNaN(Number(v))) return new PyFloat(Number(v));
      throw new PyError('ValueError', `could not convert string to float: ${repr(v)}`);
    }),
    list: builtin('list', [{ name: 'iterable', default: [] }], (a) => [...iterable(a.iterable, 'list')]),
    tuple: builtin(
      'tuple',
      [{ name: 'iterable', default: [] }],
      (a) => new PyTuple([...iterable(a.iterable, 'tuple')]),
    ),
    dict: staticFunction('', 'dict', { params: [], varKeywords: true }, (a) => ({ ...(a.__kwargs ?? {}) })),
    sorted: builtin('sorted', [{ name: 'iterable' }], (a) =>
      [...iterable(a.iterable, 'sorted')].sort((x, y) => String(x).localeCompare(String(y))),
    ),
    exit: builtin('exit', [{ name: 'code', default: null }], () => {
      throw new QuitRequest('exit');
    }),
    quit: builtin('quit', [{ name: 'code', default: null }], () => {
      throw new QuitRequest('quit');
    }),
    help: builtin('help', [{ name: 'object', default: null }], (a, site) => {
      const v = a.object;
      const names = (v instanceof PyObject ? v.attrNames() : builtinAttrNames(v)).filter((n) => !n.startsWith('_'));
      site.ctx.print(
        v === null
          ? 'The REPL runs SDK statements; :help lists what it understands and its meta commands.'
          : `${typeName(v)}: ${names.length ? names.sort().join(', ') : 'no attributes'}\n:explain NAME explains an attribute (e.g. :explain user_managed_dependencies)`,
      );
      return null;
    }),
    dir: builtin('dir', [{ name: 'object' }], (a) => {
      const v = a.object;
      return (v instanceof PyObject ? v.attrNames() : builtinAttrNames(v)).filter((n) => !n.startsWith('_')).sort();
    }),
    open: builtin(
      'open',
      [
        { name: 'file', type: 'str' },
        { name: 'mode', default: 'r', type: 'str' },
        { name: 'encoding', default: null, type: 'str?' },
      ],
      (a, site) => {
        if (a.mode !== 'r' && a.mode !== 'rt')
          throw new PyError(
            'ValueError',
            `the REPL opens files for reading only (mode 'r'), not ${reprStr(String(a.mode))}`,
          );
        const path = String(a.file);
        return new PyFile(path, readText(site.ctx.cwd, path));
      },
    ),
  };
}

/** Methods and attributes of str, list and dict values. */
export function builtinAttr(v: Value, name: string): Value | undefined {
  const m = (params: PyFunction['signature']['params'], impl: PyFunction['impl']) =>
    method(typeName(v), name, { params }, impl);
  if (typeof v === 'string') {
    switch (name) {
      case 'strip':
        return m([{ name: 'chars', default: null, type: 'str?' }], (a) =>
          a.chars === null ? v.trim() : trimChars(v, String(a.chars)),
        );
      case 'lower':
        return m([], () => v.toLowerCase());
      case 'upper':
        return m([], () => v.toUpperCase());
      case 'startswith':
        return m([{ name: 'prefix', type: 'str' }], (a) => v.startsWith(String(a.prefix)));
      case 'endswith':
        return m([{ name: 'suffix', type: 'str' }], (a) => v.endsWith(String(a.suffix)));
      case 'replace':
        return m(
          [
            { name: 'old', type: 'str' },
            { name: 'new', type: 'str' },
          ],
          (a) => v.split(String(a.old)).join(String(a.new)),
        );
      case 'split':
        return m([{ name: 'sep', default: null, type: 'str?' }], (a) =>
          a.sep === null ? v.trim().split(/\s+/).filter(Boolean) : v.split(String(a.sep)),
        );
      case 'splitlines':
        return m([], () => v.split(/\r\n|\r|\n/).filter((l, i, all) => i < all.length - 1 || l !== ''));
      case 'join':
        return m([{ name: 'iterable' }], (a) =>
          iterable(a.iterable, 'join')
            .map((x) => {
              if (typeof x !== 'string') throw typeError(`sequence item: expected str instance, ${typeName(x)} found`);
              return x;
            })
            .join(v),
        );
      case 'format':
        return staticFunction('str', 'format', { params: [], varKeywords: true }, () => v);
      default:
        return undefined;
    }
  }
  if (Array.isArray(v)) {
    switch (name) {
      case 'append':
        return m([{ name: 'object' }], (a) => {
          assertNoCycle(v, a.object);
          v.push(a.object);
          return null;
        });
      case 'extend':
        return m([{ name: 'iterable' }], (a) => {
          const items = iterable(a.iterable, 'extend');
          for (const x of items) assertNoCycle(v, x);
          v.push(...items);
          return null;
        });
      case 'insert':
        return m([{ name: 'index', type: 'int' }, { name: 'object' }], (a) => {
          assertNoCycle(v, a.object);
          v.splice(Number(a.index) < 0 ? Math.max(0, v.length + Number(a.index)) : Number(a.index), 0, a.object);
          return null;
        });
      case 'remove':
        return m([{ name: 'value' }], (a) => {
          const i = v.findIndex((x) => equal(x, a.value));
          if (i < 0) throw new PyError('ValueError', 'list.remove(x): x not in list');
          v.splice(i, 1);
          return null;
        });
      case 'pop':
        return m([{ name: 'index', default: -1, type: 'int' }], (a) => {
          if (v.length === 0) throw new PyError('IndexError', 'pop from empty list');
          const i = Number(a.index) < 0 ? v.length + Number(a.index) : Number(a.index);
          if (i < 0 || i >= v.length) throw new PyError('IndexError', 'pop index out of range');
          return v.splice(i, 1)[0];
        });
      case 'clear':
        return m([], () => {
          v.splice(0);
          return null;
        });
      case 'copy':
        return m([], () => [...v]);
      case 'index':
        return m([{ name: 'value' }], (a) => {
          const i = v.findIndex((x) => equal(x, a.value));
          if (i < 0) throw new PyError('ValueError', `${repr(a.value)} is not in list`);
          return i;
        });
      case 'count':
        return m([{ name: 'value' }], (a) => v.filter((x) => equal(x, a.value)).length);
      default:
        return undefined;
    }
  }
  if (isDict(v)) {
    const d: PyDict = v;
    switch (name) {
      case 'get':
        return m([{ name: 'key' }, { name: 'default', default: null }], (a) =>
          typeof a.key === 'string' && Object.hasOwn(d, a.key) ? d[a.key] : a.default,
        );
      case 'keys':
        return m([], () => Object.keys(d));
      case 'values':
        return m([], () => Object.values(d));
      case 'items':
        return m([], () => Object.entries(d).map(([k, x]) => new PyTuple([k, x])));
      case 'update':
        return staticFunction(
          'dict',
          'update',
          { params: [{ name: 'other', default: null, type: 'dict?' }], varKeywords: true },
          (a) => {
            for (const [k, x] of Object.entries({ ...(isDict(a.other) ? a.other : {}), ...(a.__kwargs ?? {}) })) {
              assertNoCycle(d, x);
              d[k] = x;
            }
            return null;
          },
        );
      case 'pop':
        return m([{ name: 'key' }, { name: 'default', default: undefined }], (a) => {
          if (typeof a.key === 'string' && Object.hasOwn(d, a.key)) {
            const x = d[a.key];
            delete d[a.key];
            return x;
          }
          if (a.default !== undefined) return a.default;
          throw new PyError('KeyError', repr(a.key));
        });
      case 'setdefault':
        return m(
          [
            { name: 'key', type: 'str' },
            { name: 'default', default: null },
          ],
          (a) => {
            const k = String(a.key);
            if (!Object.hasOwn(d, k)) {
              assertNoCycle(d, a.default);
              d[k] = a.default;
            }
            return d[k];
          },
        );
      case 'clear':
        return m([], () => {
          for (const k of Object.keys(d)) delete d[k];
          return null;
        });
      case 'copy':
        return m([], () => ({ ...d }));
      default:
        return undefined;
    }
  }
  return undefined;
}

export function equal(a: Value, b: Value): boolean {
  if (a instanceof PyFloat || b instanceof PyFloat) {
    const x = a instanceof PyFloat ? a.value : a;
    const y = b instanceof PyFloat ? b.value : b;
    return x === y;
  }
  if (a instanceof PyObject || b instanceof PyObject) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function trimChars(s: string, chars: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && chars.includes(s[start])) start++;
  while (end > start && chars.includes(s[end - 1])) end--;
  return s.slice(start, end);
}

/** getattr on any value: objects first, then the built-in methods; AttributeError with a suggestion otherwise. */
export function getAttribute(v: Value, name: string, ctx: Parameters<PyObject['getAttr']>[1]): Value {
  const found = v instanceof PyObject ? v.getAttr(name, ctx) : builtinAttr(v, name);
  if (found !== undefined) return found;
  if (v instanceof PyClass)
    throw new PyError('AttributeError', `type object '${v.name}' has no attribute '${name}'${suggest(v, name)}`);
  throw attributeError(v, name);
}

function suggest(v: PyObject, name: string): string {
  const e = attributeError(v, name);
  const m = /\. Did you mean: '([^']+)'\?$/.exec(e.message);
  return m ? `. Did you mean: '${m[1]}'?` : '';
}
