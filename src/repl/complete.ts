// Tab completion: meta commands, modules and their names after import, attributes after a dot (found by
// reading the chain of names and attributes, never by calling anything), keyword arguments inside a call,
// and names in scope.
import { getAttribute } from './builtins.js';
import { PyFunction } from './callable.js';
import { explainNames } from './explain.js';
import { META_COMMANDS, SHOW_FORMATS } from './meta.js';
import { moduleTable } from './modules.js';
import { CONSTANTS } from './name-hint.js';
import { PyClass } from './pyclass.js';
import type { ReplSession } from './session.js';
import { PyObject, builtinAttrNames, type Ctx, type Value } from './values.js';

export interface Completion {
  /** The span of the line the candidates replace. */
  start: number;
  end: number;
  candidates: string[];
}

const SILENT: Omit<Ctx, 'cwd'> = { print: () => {}, warn: () => {}, note: () => {} };
/** Keywords that start a statement, offered only at the start of a line. */
const STATEMENT_WORDS = ['from', 'import', 'del', 'pass'];
// True, False and None are values: offered wherever a name is (`x = Tr` completes to True).

function result(cursor: number, prefix: string, items: string[]): Completion {
  const candidates = [...new Set(items.filter((c) => c.startsWith(prefix)))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  return { start: cursor - prefix.length, end: cursor, candidates };
}

/** Keyword arguments first, private-looking names last. */
const rank = (c: string) => (c.endsWith('=') ? 0 : c.startsWith('_') ? 2 : 1);

/** Reads `a.b.c` without calling anything; undefined when a part is unknown. */
function resolveChain(session: ReplSession, chain: string): Value | undefined {
  const [first, ...rest] = chain.split('.');
  let value = session.interpreter.lookup(first);
  if (value === undefined) return undefined;
  const ctx = { ...SILENT, cwd: session.options.cwd };
  for (const part of rest) {
    try {
      value = getAttribute(value, part, ctx);
    } catch {
      return undefined;
    }
  }
  return value;
}

function attributeNames(value: Value): string[] {
  return (value instanceof PyObject ? value.attrNames() : builtinAttrNames(value)).filter((n) => !n.startsWith('_'));
}

/** The position of the innermost "(" still open before the cursor (outside strings), or -1. */
function openParen(text: string): number {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') stack.push(c === '(' ? i : -1 - i);
    else if (c === ')' || c === ']' || c === '}') stack.pop();
  }
  const last = stack[stack.length - 1];
  return last === undefined || last < 0 ? -1 : last;
}

function keywordNames(callee: Value | undefined, given: string): string[] {
  const fn = callee instanceof PyClass ? callee.init : callee instanceof PyFunction ? callee : undefined;
  if (!fn) return [];
  const used = new Set([...given.matchAll(/(?<!\w)([A-Za-z_]\w*)\s*=(?!=)/g)].map((m) => m[1]));
  return fn.signature.params.filter((p) => !used.has(p.name)).map((p) => `${p.name}=`);
}

export function complete(session: ReplSession, line: string, cursor = line.length): Completion {
  const text = line.slice(0, cursor);
  const trimmed = text.trimStart();
  if (trimmed.startsWith(':')) {
    const meta = /^:(\S*)$/.exec(trimmed);
    if (meta)
      return result(
        cursor,
        trimmed,
        META_COMMANDS.map((m) => m.name),
      );
    const show = /^:show\s+(\S*)$/.exec(trimmed);
    if (show) return result(cursor, show[1], SHOW_FORMATS);
    const explain = /^:explain\s+(\S*)$/.exec(trimmed);
    if (explain) return result(cursor, explain[1], explainNames());
    return { start: cursor, end: cursor, candidates: [] };
  }
  const modules = Object.keys(moduleTable()).filter((m) => m.includes('.') || m === 'azureml' || m === 'azure');
  const fromModule = /^\s*(?:from|import)\s+([\w.]*)$/.exec(text);
  if (fromModule) return result(cursor, fromModule[1], modules);
  const fromNames = /^\s*from\s+([\w.]+)\s+import\s(?:[\w\s,()]*[,(])?\s*(\w*)$/.exec(text);
  if (fromNames) return result(cursor, fromNames[2], Object.keys(moduleTable()[fromNames[1]] ?? {}));
  if (/(["'])[^"']*$/.test(text) && (text.match(/["']/g) ?? []).length % 2 === 1)
    return { start: cursor, end: cursor, candidates: [] };
  const attribute = /(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(\w*)$/.exec(text);
  if (attribute) {
    const value = resolveChain(session, attribute[1]);
    return result(cursor, attribute[2], value === undefined ? [] : attributeNames(value));
  }
  const word = /(?<!\w)(\w*)$/.exec(text)?.[1] ?? '';
  const paren = openParen(text);
  const names = session.interpreter.names();
  if (paren >= 0 && /[(,]\s*\w*$/.test(text)) {
    const calleeText = /(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*$/.exec(text.slice(0, paren))?.[1];
    const callee = calleeText ? resolveChain(session, calleeText) : undefined;
    return result(cursor, word, [...keywordNames(callee, text.slice(paren + 1)), ...names, ...CONSTANTS]);
  }
  return result(cursor, word, [...names, ...CONSTANTS, ...(text.trim() === word ? STATEMENT_WORDS : [])]);
}

/** The longest text all candidates start with. */
export function commonPrefix(candidates: string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0];
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
