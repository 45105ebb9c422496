// Functions and methods with Python signatures: positional and keyword binding, defaults, and the TypeError
// messages Python writes when a call does not fit ("missing 1 required positional argument: 'file_path'").
import { typeError, type Span } from './errors.js';
import { PyFloat, PyObject, PyTuple, isDict, repr, suggest, typeName, type Ctx, type Value } from './values.js';

/** Accepted argument types; `?` admits None. */
export type ArgType =
  | 'any'
  | 'str'
  | 'str?'
  | 'bool'
  | 'bool?'
  | 'int'
  | 'list'
  | 'list?'
  | 'dict'
  | 'dict?'
  | 'str-list?';

export interface Param {
  name: string;
  /** Absent: required. */
  default?: Value;
  type?: ArgType;
  /** Only by keyword (after `*` in the Python signature). */
  keywordOnly?: boolean;
}

export interface Signature {
  params: Param[];
  /** Accepts any other keyword arguments (`**kwargs`). */
  varKeywords?: boolean;
  /** What to say about a keyword people pass by mistake (CondaDependencies.create(channels=...)). */
  hints?: Record<string, string>;
}

export type Args = Record<string, Value> & { __kwargs?: Record<string, Value> };

export interface CallSite {
  ctx: Ctx;
  span: Span;
  /** Spans of each argument by parameter name, so a TypeError can point at the argument. */
  argSpans: Record<string, Span>;
}

export class PyFunction extends PyObject {
  readonly typeName: string;

  constructor(
    /** Python's qualified name: 'Environment.from_conda_specification'. */
    readonly qualname: string,
    readonly signature: Signature,
    readonly impl: (args: Args, site: CallSite) => Value,
    /** Bound methods count `self` in "takes N positional arguments". */
    readonly bound = false,
  ) {
    super();
    this.typeName = bound ? 'method' : 'function';
  }

  repr(): string {
    return this.bound ? `<bound method ${this.qualname}>` : `<function ${this.qualname}>`;
  }

  call(
    positional: Value[],
    keywords: Array<{ name: string; value: Value; span: Span }>,
    positionalSpans: Span[],
    site: Omit<CallSite, 'argSpans'>,
  ): Value {
    const argSpans: Record<string, Span> = {};
    const args = bind(this, positional, keywords, positionalSpans, argSpans, site.span);
    return this.impl(args, { ...site, argSpans });
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function bind(
  fn: PyFunction,
  positional: Value[],
  keywords: Array<{ name: string; value: Value; span: Span }>,
  positionalSpans: Span[],
  argSpans: Record<string, Span>,
  callSpan: Span,
): Args {
  const { params, varKeywords } = fn.signature;
  const name = `${fn.qualname}()`;
  const self = fn.bound || fn.qualname.endsWith('.__init__') ? 1 : 0;
  const positionalParams = params.filter((p) => !p.keywordOnly);
  const args: Args = {};
  if (positional.length > positionalParams.length) {
    const required = positionalParams.filter((p) => !('default' in p)).length;
    const max = positionalParams.length + self;
    const takes =
      required === positionalParams.length
        ? plural(max, 'positional argument')
        : `from ${required + self} to ${max} positional arguments`;
    throw typeError(
      `${name} takes ${takes} but ${positional.length + self} ${positional.length + self === 1 ? 'was' : 'were'} given`,
      positionalSpans[positionalParams.length] ?? callSpan,
    );
  }
  positional.forEach((value, i) => {
    args[positionalParams[i].name] = value;
    argSpans[positionalParams[i].name] = positionalSpans[i];
  });
  for (const kw of keywords) {
    const param = params.find((p) => p.name === kw.name);
    if (!param) {
      if (varKeywords) {
        args.__kwargs ??= {};
        args.__kwargs[kw.name] = kw.value;
        continue;
      }
      const hint = fn.signature.hints?.[kw.name];
      const guess = suggest(
        kw.name,
        params.map((p) => p.name),
      );
      throw typeError(
        `${name} got an unexpected keyword argument '${kw.name}'${hint ? `; ${hint}` : guess ? `. Did you mean '${guess}'?` : ''}`,
        kw.span,
      );
    }
    if (kw.name in args) throw typeError(`${name} got multiple values for argument '${kw.name}'`, kw.span);
    args[kw.name] = kw.value;
    argSpans[kw.name] = kw.span;
  }
  const missing = params.filter((p) => !(p.name in args) && !('default' in p));
  if (missing.length > 0) {
    const names = missing.map((p) => `'${p.name}'`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const kind = missing.every((p) => p.keywordOnly) ? 'keyword-only' : 'positional';
    throw typeError(`${name} missing ${plural(missing.length, `required ${kind} argument`)}: ${list}`, callSpan);
  }
  for (const p of params) {
    if (!(p.name in args) && p.default !== undefined) args[p.name] = structuredCloneValue(p.default);
    if (p.type) checkType(fn.qualname, p, args[p.name], argSpans[p.name] ?? callSpan);
  }
  return args;
}

function structuredCloneValue(v: Value): Value {
  return Array.isArray(v) || isDict(v) ? structuredClone(v) : v;
}

function matches(type: ArgType, v: Value): boolean {
  const optional = type.endsWith('?');
  if (v === null) return optional || type === 'any';
  switch (type.replace('?', '')) {
    case 'any':
      return true;
    case 'str':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'int':
      return typeof v === 'number';
    case 'list':
      return Array.isArray(v) || v instanceof PyTuple;
    case 'str-list':
      return (
        (Array.isArray(v) || v instanceof PyTuple) &&
        (Array.isArray(v) ? v : v.items).every((x) => typeof x === 'string')
      );
    case 'dict':
      return isDict(v);
    default:
      return false;
  }
}

const TYPE_WORDS: Record<string, string> = {
  any: 'anything',
  str: 'str',
  bool: 'bool',
  int: 'int',
  list: 'list',
  dict: 'dict',
  'str-list': 'list of str',
};

export function checkType(qualname: string, p: Param, v: Value, span: Span): void {
  if (!p.type || matches(p.type, v)) return;
  const wanted = TYPE_WORDS[p.type.replace('?', '')] + (p.type.endsWith('?') ? ' or None' : '');
  let hint = '';
  if (v instanceof PyFloat && p.type.startsWith('str'))
    hint = ` (${repr(v)}); put the version in quotes: unquoted, 3.10 is the float 3.1`;
  if (p.type === 'str-list?' && (Array.isArray(v) || v instanceof PyTuple)) {
    const bad = (Array.isArray(v) ? v : v.items).find((x) => typeof x !== 'string');
    throw typeError(
      `${qualname}() argument '${p.name}' must be a list of str, but it holds ${typeName(bad ?? null)} ${repr(bad ?? null)}`,
      span,
    );
  }
  if (p.type.startsWith('str') && typeof v !== 'string' && !hint && (typeof v === 'number' || typeof v === 'boolean'))
    hint = `; put it in quotes: "${repr(v)}"`;
  if (p.type.startsWith('list') || p.type === 'str-list?') {
    if (typeof v === 'string') hint = `; wrap it in a list: [${repr(v)}]`;
  }
  throw typeError(`${qualname}() argument '${p.name}' must be ${wanted}, not ${typeName(v)}${hint}`, span);
}

/** A method bound to its object: `self` is captured by the implementation. */
export function method(
  owner: string,
  name: string,
  signature: Signature,
  impl: (args: Args, site: CallSite) => Value,
): PyFunction {
  return new PyFunction(`${owner}.${name}`, signature, impl, true);
}

export function staticFunction(
  owner: string,
  name: string,
  signature: Signature,
  impl: (args: Args, site: CallSite) => Value,
): PyFunction {
  return new PyFunction(owner ? `${owner}.${name}` : name, signature, impl, false);
}
