// Python tokens for the subset the REPL understands. Newlines inside brackets, triple-quoted strings and
// backslash continuations join lines as Python does; input that stops inside one of them is "incomplete",
// so the prompt can ask for the next line instead of failing.
import { syntaxError, type Span } from './errors.js';

export type TokenType = 'name' | 'int' | 'float' | 'string' | 'op' | 'newline' | 'eof';

export interface Token extends Span {
  type: TokenType;
  /** Names and operators as written; strings decoded; numbers as written without underscores. */
  value: string;
}

export interface TokenizeResult {
  tokens: Token[];
  /** Set when the input ended inside brackets, a triple-quoted string or after a backslash. */
  incomplete?: { message: string; span: Span };
}

const OPERATORS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '==',
  '!=',
  '<=',
  '>=',
  '**',
  '//',
  '<<',
  '>>',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
];
const SINGLE = '()[]{},:.;=+-*/%@<>&|^~!';
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const isNameStart = (c: string) => /[\p{L}_]/u.test(c);
const isNamePart = (c: string) => /[\p{L}\p{N}_]/u.test(c);

export function tokenize(source: string): TokenizeResult {
  const tokens: Token[] = [];
  const brackets: Token[] = [];
  let i = 0;
  const push = (type: TokenType, value: string, start: number, end: number) => tokens.push({ type, value, start, end });

  while (i < source.length) {
    const c = source[i];
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      const start = i;
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      if (brackets.length === 0 && tokens.length > 0 && tokens[tokens.length - 1].type !== 'newline')
        push('newline', '\n', start, start + 1);
      continue;
    }
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined)
        return {
          tokens,
          incomplete: {
            message: 'unexpected end of input after line continuation character',
            span: { start: i, end: i + 1 },
          },
        };
      if (next === '\n' || next === '\r') {
        i += next === '\r' && source[i + 2] === '\n' ? 3 : 2;
        continue;
      }
      throw syntaxError('unexpected character after line continuation character', { start: i, end: i + 1 });
    }
    const prefix = /^(?:[rRuUfFbB]|[rR][bBfF]|[bBfF][rR])?(?=['"])/.exec(source.slice(i, i + 3));
    if (prefix) {
      const result = readString(source, i, prefix[0]);
      if ('incomplete' in result) return { tokens, incomplete: result.incomplete };
      push('string', result.value, i, result.end);
      i = result.end;
      continue;
    }
    if (isNameStart(c)) {
      const start = i;
      while (i < source.length && isNamePart(source[i])) i++;
      push('name', source.slice(start, i), start, i);
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const number = readNumber(source, i);
      push(number.type, number.value, i, number.end);
      i = number.end;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? (SINGLE.includes(c) ? c : undefined);
    if (op) {
      const token: Token = { type: 'op', value: op, start: i, end: i + op.length };
      if (op === '(' || op === '[' || op === '{') brackets.push(token);
      else if (op in CLOSERS) {
        const open = brackets.pop();
        if (!open) throw syntaxError(`unmatched '${op}'`, token);
        if (open.value !== CLOSERS[op]) {
          throw syntaxError(`closing parenthesis '${op}' does not match opening parenthesis '${open.value}'`, token);
        }
      }
      tokens.push(token);
      i += op.length;
      continue;
    }
    const code = c.codePointAt(0) ?? 0;
    throw syntaxError(
      `invalid character '${String.fromCodePoint(code)}' (U+${code.toString(16).toUpperCase().padStart(4, '0')})`,
      { start: i, end: i + 1 },
    );
  }
  if (brackets.length > 0) {
    const open = brackets[brackets.length - 1];
    return { tokens, incomplete: { message: `'${open.value}' was never closed`, span: open } };
  }
  if (tokens.length > 0 && tokens[tokens.length - 1].type !== 'newline')
    push('newline', '\n', source.length, source.length);
  push('eof', '', source.length, source.length);
  return { tokens };
}

function readNumber(source: string, start: number): { type: 'int' | 'float'; value: string; end: number } {
  const rest = source.slice(start);
  const radix = /^0([xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)/.exec(rest);
  let text: string;
  let type: 'int' | 'float' = 'int';
  if (radix) text = radix[0];
  else {
    const m = /^(?:\d[\d_]*)?(?:\.\d[\d_]*|\.)?(?:[eE][+-]?\d[\d_]*)?/.exec(rest);
    text = m?.[0] ?? '';
    if (/[.eE]/.test(text)) type = 'float';
  }
  const end = start + text.length;
  const after = source[end] ?? '';
  if (after === 'j' || after === 'J')
    throw syntaxError('complex numbers are not supported in the REPL', { start, end: end + 1 });
  if (isNamePart(after))
    throw syntaxError(`invalid ${type === 'int' ? 'decimal literal' : 'decimal literal'}`, { start, end: end + 1 });
  if (text.includes('__') || text.endsWith('_')) throw syntaxError('invalid decimal literal', { start, end });
  if (type === 'int' && !radix && /^0\d/.test(text.replace(/_/g, '')) && /[1-9]/.test(text)) {
    throw syntaxError(
      'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
      { start, end },
    );
  }
  return { type, value: text.replace(/_/g, ''), end };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

function readString(
  source: string,
  start: number,
  prefix: string,
): { value: string; end: number } | { incomplete: TokenizeResult['incomplete'] & object } {
  const flags = prefix.toLowerCase();
  const quoteAt = start + prefix.length;
  const quote = source[quoteAt];
  const triple = source.startsWith(quote.repeat(3), quoteAt);
  const delimiter = triple ? quote.repeat(3) : quote;
  const raw = flags.includes('r');
  const span = { start, end: quoteAt + delimiter.length };
  if (flags.includes('b'))
    throw syntaxError('bytes literals (b"...") are not supported in the REPL; use a plain string', span);
  let i = quoteAt + delimiter.length;
  let value = '';
  for (;;) {
    if (i >= source.length) {
      if (triple)
        return {
          incomplete: {
            message: `unterminated triple-quoted string literal (detected at line ${lineOf(source, source.length)})`,
            span,
          },
        };
      throw syntaxError(`unterminated string literal (detected at line ${lineOf(source, i)})`, span);
    }
    const c = source[i];
    if (source.startsWith(delimiter, i)) {
      i += delimiter.length;
      break;
    }
    if (!triple && (c === '\n' || c === '\r'))
      throw syntaxError(`unterminated string literal (detected at line ${lineOf(source, i)})`, span);
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) {
        i++;
        continue;
      }
      if (raw) {
        value += c + next;
        i += 2;
        continue;
      }
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (next in SIMPLE_ESCAPES) {
        value += SIMPLE_ESCAPES[next];
        i += 2;
        continue;
      }
      const hex = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
      if (hex) {
        const digits = source.slice(i + 2, i + 2 + hex);
        if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits))
          throw syntaxError(`(unicode error) truncated \\${next}${'X'.repeat(hex)} escape`, { start: i, end: i + 2 });
        value += String.fromCodePoint(parseInt(digits, 16));
        i += 2 + hex;
        continue;
      }
      const octal = /^[0-7]{1,3}/.exec(source.slice(i + 1, i + 4));
      if (octal) {
        value += String.fromCharCode(parseInt(octal[0], 8));
        i += 1 + octal[0].length;
        continue;
      }
      // Python keeps an unknown escape as written (with a warning).
      value += c + next;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  if (flags.includes('f') && /(^|[^{])\{(?!\{)/.test(value)) {
    throw syntaxError('f-strings with {...} are not supported in the REPL; write the text itself', { start, end: i });
  }
  return { value: flags.includes('f') ? value.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : value, end: i };
}

function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}
