// Runs statements against a scope of Python values. Each error is a PyError pointing at the node that
// caused it; nothing is half-done by a statement that fails in its value (the value is computed before
// any name or attribute is written).
import type { Expr, Stmt, Target } from './ast.js';
import { builtins, getAttribute } from './builtins.js';
import { PyFunction } from './callable.js';
import { PyError, typeError, type Span } from './errors.js';
import { importName, moduleObject, moduleTable } from './modules.js';
import { parse } from './parser.js';
import { nameHint } from './name-hint.js';
import { OutOfScope, PyClass } from './pyclass.js';
import {
  PyFloat,
  PyObject,
  PyTuple,
  assertNoCycle,
  isDict,
  repr,
  reprStr,
  str,
  suggest,
  typeName,
  type Ctx,
  type PyDict,
  type Value,
} from './values.js';

/** Where each SDK name is imported from, for the NameError hint. */
const IMPORT_HINTS: Record<string, string> = {
  Environment: 'from azureml.core import Environment',
  CondaDependencies: 'from azureml.core.conda_dependencies import CondaDependencies',
  Workspace: 'from azureml.core import Workspace',
  BuildContext: 'from azure.ai.ml.entities import BuildContext',
  ContainerRegistry: 'from azureml.core.container_registry import ContainerRegistry',
  SparkPackage: 'from azureml.core.environment import SparkPackage',
  DockerBuildContext: 'from azureml.core.environment import DockerBuildContext',
  MLClient: 'from azure.ai.ml import MLClient',
};

export interface ExecResult {
  /** Values of expression statements, to echo (None is not echoed). */
  results: Value[];
  /** Names bound by the statements, in order. */
  bound: string[];
}

export class Interpreter {
  readonly scope = new Map<string, Value>();
  readonly builtins: Record<string, Value> = builtins();

  constructor(readonly ctx: Ctx) {}

  /** Parses and runs one complete input. Throws PyError; returns `incomplete` when more lines are needed. */
  exec(source: string): ExecResult | { incomplete: { message: string; span: Span } } {
    const parsed = parse(source);
    if (!parsed.ok) return { incomplete: parsed.incomplete };
    const result: ExecResult = { results: [], bound: [] };
    for (const stmt of parsed.statements) this.statement(stmt, result);
    return result;
  }

  /** Every name the statements can use: bound names, then builtins. */
  names(): string[] {
    return [...this.scope.keys(), ...Object.keys(this.builtins)];
  }

  lookup(name: string): Value | undefined {
    return this.scope.has(name) ? this.scope.get(name) : this.builtins[name];
  }

  private statement(stmt: Stmt, result: ExecResult): void {
    switch (stmt.kind) {
      case 'pass':
        return;
      case 'expr': {
        const value = this.eval(stmt.expr);
        if (value !== null) result.results.push(value);
        return;
      }
      case 'assign': {
        const value = this.eval(stmt.value);
        for (const target of stmt.targets) {
          this.assign(target, value);
          if (target.kind === 'name') result.bound.push(target.id);
        }
        return;
      }
      case 'del':
        for (const target of stmt.targets) this.delete(target);
        return;
      case 'import':
        for (const m of stmt.modules) {
          try {
            moduleObject(m.name);
          } catch (err) {
            throw err instanceof PyError ? err.at(m) : err;
          }
          const bind = m.alias ?? m.name.split('.')[0];
          this.scope.set(bind, moduleObject(m.alias ? m.name : m.name.split('.')[0]));
          result.bound.push(bind);
        }
        return;
      case 'from':
        if (!moduleTable()[stmt.module]) {
          try {
            moduleObject(stmt.module);
          } catch (err) {
            throw err instanceof PyError ? err.at(stmt.moduleSpan) : err;
          }
        }
        for (const n of stmt.names) {
          let value: Value;
          try {
            value = importName(stmt.module, n.name);
          } catch (err) {
            throw err instanceof PyError ? err.at(n) : err;
          }
          this.scope.set(n.alias ?? n.name, value);
          result.bound.push(n.alias ?? n.name);
        }
        return;
    }
  }

  private assign(target: Target, value: Value): void {
    switch (target.kind) {
      case 'name':
        this.scope.set(target.id, value);
        return;
      case 'attr': {
        const obj = this.eval(target.object);
        this.at(target.nameSpan, () => {
          if (obj instanceof PyObject) obj.setAttr(target.name, value, this.ctx);
          else throw new PyError('AttributeError', `'${typeName(obj)}' object attribute '${target.name}' is read-only`);
        });
        return;
      }
      case 'subscript': {
        const obj = this.eval(target.object);
        const key = this.eval(target.index);
        this.at(target, () => setItem(obj, key, value));
        return;
      }
    }
  }

  private delete(target: Target): void {
    if (target.kind === 'name') {
      if (!this.scope.has(target.id)) throw this.nameError(target.id, target);
      this.scope.delete(target.id);
      return;
    }
    if (target.kind === 'attr')
      throw typeError(
        `deleting attributes is not supported in the REPL; set it to None instead: ${reprStr(target.name)} = None`,
        target,
      );
    const obj = this.eval(target.object);
    const key = this.eval(target.index);
    this.at(target, () => {
      if (isDict(obj)) {
        if (typeof key !== 'string' || !Object.hasOwn(obj, key)) throw new PyError('KeyError', repr(key));
        delete obj[key];
      } else if (Array.isArray(obj)) obj.splice(index(obj, key, 'list assignment index out of range'), 1);
      else throw typeError(`'${typeName(obj)}' object doesn't support item deletion`);
    });
  }

  private nameError(name: string, span: Span): PyError {
    const hint = IMPORT_HINTS[name];
    if (hint)
      return new PyError('NameError', `name '${name}' is not defined. Did you forget to import it? ${hint}`, span);
    const guess = nameHint(name, this.names());
    return new PyError('NameError', `name '${name}' is not defined${guess ? `. Did you mean: '${guess}'?` : ''}`, span);
  }

  /** Runs fn; a PyError without a position gets this one. */
  private at<T>(span: Span, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof PyError) throw err.at(span);
      throw err;
    }
  }

  eval(e: Expr): Value {
    switch (e.kind) {
      case 'name': {
        const v = this.lookup(e.id);
        if (v === undefined) throw this.nameError(e.id, e);
        return v;
      }
      case 'str':
      case 'int':
      case 'bool':
        return e.value;
      case 'float':
        return new PyFloat(e.value);
      case 'none':
        return null;
      case 'list':
        return e.items.map((x) => this.eval(x));
      case 'tuple':
        return new PyTuple(e.items.map((x) => this.eval(x)));
      case 'dict': {
        const out: PyDict = {};
        for (const [k, v] of e.entries) {
          const key = this.eval(k);
          if (typeof key !== 'string')
            throw typeError(`dict keys must be str in the REPL (definitions are JSON), not ${typeName(key)}`, k);
          Object.defineProperty(out, key, {
            value: this.eval(v),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return out;
      }
      case 'neg': {
        const v = this.eval(e.operand);
        if (typeof v === 'number') return -v;
        if (v instanceof PyFloat) return new PyFloat(-v.value);
        if (typeof v === 'boolean') return v ? -1 : 0;
        throw typeError(`bad operand type for unary -: '${typeName(v)}'`, e);
      }
      case 'attr': {
        const obj = this.eval(e.object);
        return this.at(e.nameSpan, () => getAttribute(obj, e.name, this.ctx));
      }
      case 'subscript': {
        const obj = this.eval(e.object);
        const key = this.eval(e.index);
        return this.at(e, () => getItem(obj, key));
      }
      case 'call':
        return this.call(e);
    }
  }

  private call(e: Extract<Expr, { kind: 'call' }>): Value {
    const fn = this.eval(e.func);
    const args = e.args.map((a) => this.eval(a));
    const kwargs = e.kwargs.map((k) => ({
      name: k.name,
      value: this.eval(k.value),
      span: { start: k.start, end: k.end },
    }));
    return this.at(e, () => {
      if (fn === this.builtins.print) {
        const sep = kwargs.find((k) => k.name === 'sep')?.value;
        this.ctx.print(args.map(str).join(typeof sep === 'string' ? sep : ' '));
        return null;
      }
      if (fn instanceof PyClass) return fn.init.call(args, kwargs, e.args, { ctx: this.ctx, span: e });
      if (fn instanceof PyFunction) return fn.call(args, kwargs, e.args, { ctx: this.ctx, span: e });
      if (fn instanceof OutOfScope) {
        throw new PyError(
          'NotImplementedError',
          `${fn.name} ${fn.what}; the REPL models environments only (Environment, CondaDependencies, the v2 Environment and BuildContext)`,
        );
      }
      throw typeError(`'${typeName(fn)}' object is not callable`);
    });
  }
}

function index(items: Value[], key: Value, outOfRange: string): number {
  if (typeof key !== 'number' && typeof key !== 'boolean')
    throw typeError(`list indices must be integers, not ${typeName(key)}`);
  const n = Number(key);
  const i = n < 0 ? items.length + n : n;
  if (i < 0 || i >= items.length) throw new PyError('IndexError', outOfRange);
  return i;
}

export function getItem(obj: Value, key: Value): Value {
  if (isDict(obj)) {
    if (typeof key === 'string' && Object.hasOwn(obj, key)) return obj[key];
    const guess = typeof key === 'string' ? suggest(key, Object.keys(obj)) : undefined;
    throw new PyError(
      'KeyError',
      `${repr(key)}${
        guess
          ? ` (the keys are ${Object.keys(obj)
              .map((k) => reprStr(k))
              .join(', ')})`
          : ''
      }`,
    );
  }
  if (Array.isArray(obj)) return obj[index(obj, key, 'list index out of range')];
  if (obj instanceof PyTuple) return obj.items[index(obj.items, key, 'tuple index out of range')];
  if (typeof obj === 'string') return [...obj][index([...obj], key, 'string index out of range')];
  throw typeError(`'${typeName(obj)}' object is not subscriptable`);
}

export function setItem(obj: Value, key: Value, value: Value): void {
  if (typeof obj === 'object' && obj !== null) assertNoCycle(obj, value);
  if (isDict(obj)) {
    if (typeof key !== 'string')
      throw typeError(`dict keys must be str in the REPL (definitions are JSON), not ${typeName(key)}`);
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    return;
  }
  if (Array.isArray(obj)) {
    obj[index(obj, key, 'list assignment index out of range')] = value;
    return;
  }
  throw typeError(`'${typeName(obj)}' object does not support item assignment`);
}
