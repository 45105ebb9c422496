// Tokens → statements. Recursive descent over the Python subset; anything outside it (operators, control
// flow, comprehensions) is a SyntaxError that says so, placed on the token where it starts.
import type { Expr, ImportName, Keyword, Stmt, Target } from './ast.js';
import { syntaxError, type Span } from './errors.js';
import { tokenize, type Token } from './tokenizer.js';

export type ParseResult = { ok: true; statements: Stmt[] } | { ok: false; incomplete: { message: string; span: Span } };

export const KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);
const COMPOUND = new Set([
  'if',
  'elif',
  'else',
  'for',
  'while',
  'with',
  'def',
  'class',
  'try',
  'except',
  'finally',
  'async',
]);
const BINARY_OPS = new Set([
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  '**',
  '//',
  '<',
  '>',
  '==',
  '!=',
  '<=',
  '>=',
  '&',
  '|',
  '^',
  '<<',
  '>>',
  '~',
  '!',
  ':=',
  '->',
]);
const BINARY_WORDS = new Set(['and', 'or', 'in', 'is', 'not', 'if', 'else']);
const AUGMENTED = new Set(['+=', '-=', '*=', '/=', '%=', '**=', '//=', '&=', '|=', '^=', '>>=', '<<=', '@=']);

/** Parses one input (one or more lines); returns `incomplete` when more lines are needed. Throws PyError (SyntaxError). */
export function parse(source: string): ParseResult {
  const { tokens, incomplete } = tokenize(source);
  if (incomplete) return { ok: false, incomplete };
  return { ok: true, statements: new Parser(tokens).program() };
}

const span = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

class Parser {
  private i = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  private get tok(): Token {
    return this.tokens[this.i];
  }

  private peek(n = 1): Token {
    return this.tokens[Math.min(this.i + n, this.tokens.length - 1)];
  }

  private isOp(value: string, t = this.tok): boolean {
    return t.type === 'op' && t.value === value;
  }

  private isWord(value: string, t = this.tok): boolean {
    return t.type === 'name' && t.value === value;
  }

  private next(): Token {
    const t = this.tok;
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  private expectOp(value: string): Token {
    if (!this.isOp(value)) throw this.unexpected();
    return this.next();
  }

  /** The error for the current token: an unsupported operator or keyword gets its own message. */
  private unexpected(t = this.tok): Error {
    if (t.type === 'op' && AUGMENTED.has(t.value))
      return syntaxError(
        `augmented assignment ('${t.value}') is not supported in the REPL; assign the whole value instead`,
        t,
      );
    if (t.type === 'op' && BINARY_OPS.has(t.value))
      return syntaxError(
        `the '${t.value}' operator is not supported in the REPL (it runs assignments, calls, attributes, subscripts and literals)`,
        t,
      );
    if (t.type === 'op' && t.value === '...') return syntaxError('Ellipsis (...) is not supported in the REPL', t);
    if (t.type === 'name' && BINARY_WORDS.has(t.value))
      return syntaxError(
        `'${t.value}' expressions are not supported in the REPL (it runs assignments, calls, attributes, subscripts and literals)`,
        t,
      );
    if (this.depth > 0 && !['op', 'newline', 'eof'].includes(t.type))
      return syntaxError('invalid syntax. Perhaps you forgot a comma?', t);
    return syntaxError('invalid syntax', t);
  }

  program(): Stmt[] {
    const out: Stmt[] = [];
    while (this.tok.type !== 'eof') {
      if (this.tok.type === 'newline' || this.isOp(';')) {
        if (this.isOp(';') && (out.length === 0 || this.tokens[this.i - 1]?.type === 'newline'))
          throw syntaxError('invalid syntax', this.tok);
        this.next();
        continue;
      }
      out.push(this.statement());
      if (this.isOp(';')) {
        this.next();
        continue;
      }
      const after = this.tokens[this.i];
      if (after.type !== 'newline' && after.type !== 'eof') throw this.unexpected();
    }
    return out;
  }

  private statement(): Stmt {
    const t = this.tok;
    if (t.type === 'name') {
      if (COMPOUND.has(t.value)) {
        throw syntaxError(
          `compound statements ('${t.value}') are not supported in the REPL: type one simple statement per line`,
          t,
        );
      }
      if (
        ['return', 'yield', 'raise', 'global', 'nonlocal', 'assert', 'break', 'continue', 'await', 'lambda'].includes(
          t.value,
        )
      ) {
        throw syntaxError(`'${t.value}' is not supported in the REPL`, t);
      }
      if (t.value === 'import') return this.importStatement();
      if (t.value === 'from') return this.fromStatement();
      if (t.value === 'pass') return { kind: 'pass', ...this.next() };
      if (t.value === 'del') return this.delStatement();
      const after = this.peek();
      if (
        t.value === 'print' &&
        (after.type === 'string' || after.type === 'name' || after.type === 'int' || after.type === 'float')
      ) {
        throw syntaxError("Missing parentheses in call to 'print'. Did you mean print(...)?", span(t, after));
      }
    }
    const first = this.exprList();
    if (this.tok.type === 'op' && AUGMENTED.has(this.tok.value)) throw this.unexpected();
    if (this.isOp(':')) throw syntaxError('variable annotations (name: type) are not supported in the REPL', this.tok);
    if (!this.isOp('=')) return { kind: 'expr', expr: first, start: first.start, end: first.end };
    const targets: Target[] = [];
    let value = first;
    while (this.isOp('=')) {
      targets.push(this.target(value, 'assign'));
      this.next();
      value = this.exprList();
    }
    return { kind: 'assign', targets, value, start: first.start, end: value.end };
  }

  private target(e: Expr, why: 'assign' | 'del'): Target {
    const meant = why === 'assign' ? " here. Maybe you meant '==' instead of '='?" : '';
    switch (e.kind) {
      case 'name':
      case 'attr':
      case 'subscript':
        return e;
      case 'call':
        throw syntaxError(`cannot ${why === 'assign' ? 'assign to' : 'delete'} function call${meant}`, e);
      case 'bool':
        throw syntaxError(`cannot ${why === 'assign' ? 'assign to' : 'delete'} ${e.value ? 'True' : 'False'}`, e);
      case 'none':
        throw syntaxError(`cannot ${why === 'assign' ? 'assign to' : 'delete'} None`, e);
      case 'tuple':
      case 'list':
        throw syntaxError(
          `${why === 'assign' ? 'assigning' : 'deleting'} several names at once is not supported in the REPL; use one statement per name`,
          e,
        );
      case 'dict':
        throw syntaxError(`cannot ${why === 'assign' ? 'assign to' : 'delete'} dict literal${meant}`, e);
      case 'neg':
        throw syntaxError(`cannot ${why === 'assign' ? 'assign to' : 'delete'} expression${meant}`, e);
      default:
        throw syntaxError(`cannot ${why === 'assign' ? 'assign to' : 'delete'} literal${meant}`, e);
    }
  }

  private dotted(): { name: string } & Span {
    const first = this.tok;
    if (first.type !== 'name' || KEYWORDS.has(first.value)) throw this.unexpected();
    this.next();
    let name = first.value;
    let end = first.end;
    while (this.isOp('.')) {
      this.next();
      const part = this.tok;
      if (part.type !== 'name' || KEYWORDS.has(part.value)) throw this.unexpected();
      this.next();
      name += `.${part.value}`;
      end = part.end;
    }
    return { name, start: first.start, end };
  }

  private alias(): string | undefined {
    if (!this.isWord('as')) return undefined;
    this.next();
    const t = this.tok;
    if (t.type !== 'name' || KEYWORDS.has(t.value)) throw this.unexpected();
    this.next();
    return t.value;
  }

  private importStatement(): Stmt {
    const start = this.next();
    const modules: ImportName[] = [];
    do {
      if (modules.length > 0) this.next();
      const d = this.dotted();
      modules.push({ ...d, alias: this.alias() });
    } while (this.isOp(','));
    return { kind: 'import', modules, start: start.start, end: modules[modules.length - 1].end };
  }

  private fromStatement(): Stmt {
    const start = this.next();
    if (this.isOp('.') || this.isOp('...'))
      throw syntaxError(
        'relative imports are not supported in the REPL; import from the SDK package, e.g. from ' +
          'azureml.core import Environment',
        this.tok,
      );
    const module = this.dotted();
    if (!this.isWord('import')) throw this.unexpected();
    this.next();
    if (this.isOp('*'))
      throw syntaxError('wildcard imports (import *) are not supported in the REPL; name what you import', this.tok);
    const parens = this.isOp('(');
    if (parens) {
      this.next();
      this.depth++;
    }
    const names: ImportName[] = [];
    for (;;) {
      const t = this.tok;
      if (t.type !== 'name' || KEYWORDS.has(t.value)) throw this.unexpected();
      this.next();
      names.push({ name: t.value, start: t.start, end: t.end, alias: this.alias() });
      if (!this.isOp(',')) break;
      this.next();
      if (parens && this.isOp(')')) break;
    }
    let end = names[names.length - 1].end;
    if (parens) {
      end = this.expectOp(')').end;
      this.depth--;
    }
    return { kind: 'from', module: module.name, moduleSpan: module, names, start: start.start, end };
  }

  private delStatement(): Stmt {
    const start = this.next();
    const targets: Target[] = [];
    do {
      if (targets.length > 0) this.next();
      targets.push(this.target(this.expr(), 'del'));
    } while (this.isOp(','));
    return { kind: 'del', targets, start: start.start, end: targets[targets.length - 1].end };
  }

  /** expr or a bare tuple `a, b` */
  private exprList(): Expr {
    const first = this.expr();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.tok.type === 'newline' || this.tok.type === 'eof' || this.isOp('=') || this.isOp(';')) break;
      items.push(this.expr());
    }
    return { kind: 'tuple', items, start: first.start, end: items[items.length - 1].end };
  }

  private expr(): Expr {
    const t = this.tok;
    if (this.isOp('-') || this.isOp('+')) {
      this.next();
      const operand = this.expr();
      return t.value === '-' ? { kind: 'neg', operand, start: t.start, end: operand.end } : operand;
    }
    if (t.type === 'name' && ['not', 'lambda', 'await', 'yield'].includes(t.value)) {
      throw syntaxError(`'${t.value}' is not supported in the REPL`, t);
    }
    const e = this.primary();
    const after = this.tok;
    if (
      (after.type === 'op' && BINARY_OPS.has(after.value)) ||
      (after.type === 'name' && BINARY_WORDS.has(after.value))
    )
      throw this.unexpected(after);
    return e;
  }

  private primary(): Expr {
    let e = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const name = this.tok;
        if (name.type !== 'name' || KEYWORDS.has(name.value)) throw syntaxError('invalid syntax', name);
        this.next();
        e = {
          kind: 'attr',
          object: e,
          name: name.value,
          nameSpan: { start: name.start, end: name.end },
          start: e.start,
          end: name.end,
        };
      } else if (this.isOp('(')) {
        e = this.call(e);
      } else if (this.isOp('[')) {
        this.next();
        this.depth++;
        if (this.isOp(':')) throw syntaxError('slices ([a:b]) are not supported in the REPL', this.tok);
        const index = this.exprList();
        if (this.isOp(':')) throw syntaxError('slices ([a:b]) are not supported in the REPL', this.tok);
        const close = this.expectOp(']');
        this.depth--;
        e = { kind: 'subscript', object: e, index, start: e.start, end: close.end };
      } else return e;
    }
  }

  private call(func: Expr): Expr {
    this.next();
    this.depth++;
    const args: Expr[] = [];
    const kwargs: Keyword[] = [];
    while (!this.isOp(')')) {
      if (this.isOp('*') || this.isOp('**'))
        throw syntaxError(`argument unpacking (${this.tok.value}) is not supported in the REPL`, this.tok);
      const t = this.tok;
      if (t.type === 'name' && !KEYWORDS.has(t.value) && this.isOp('=', this.peek())) {
        this.next();
        this.next();
        const value = this.expr();
        if (kwargs.some((k) => k.name === t.value)) throw syntaxError(`keyword argument repeated: ${t.value}`, t);
        kwargs.push({ name: t.value, value, start: t.start, end: value.end });
      } else {
        const value = this.expr();
        if (this.isOp('='))
          throw syntaxError('expression cannot contain assignment, perhaps you meant "=="?', span(value, this.tok));
        if (this.isWord('for')) throw syntaxError('generator expressions are not supported in the REPL', this.tok);
        if (kwargs.length > 0) throw syntaxError('positional argument follows keyword argument', value);
        args.push(value);
      }
      if (this.isOp(',')) this.next();
      else if (!this.isOp(')')) throw this.unexpected();
    }
    const close = this.next();
    this.depth--;
    return { kind: 'call', func, args, kwargs, start: func.start, end: close.end };
  }

  private atom(): Expr {
    const t = this.tok;
    switch (t.type) {
      case 'name': {
        this.next();
        if (t.value === 'True' || t.value === 'False')
          return { kind: 'bool', value: t.value === 'True', start: t.start, end: t.end };
        if (t.value === 'None') return { kind: 'none', start: t.start, end: t.end };
        if (KEYWORDS.has(t.value)) throw syntaxError('invalid syntax', t);
        return { kind: 'name', id: t.value, start: t.start, end: t.end };
      }
      case 'int':
        this.next();
        return { kind: 'int', value: Number(t.value), start: t.start, end: t.end };
      case 'float':
        this.next();
        return { kind: 'float', value: Number(t.value), start: t.start, end: t.end };
      case 'string': {
        this.next();
        let value = t.value;
        let end = t.end;
        while (this.tok.type === 'string') {
          value += this.tok.value;
          end = this.next().end;
        }
        return { kind: 'str', value, start: t.start, end };
      }
      case 'op':
        if (t.value === '(') return this.parenthesized();
        if (t.value === '[') return this.listDisplay();
        if (t.value === '{') return this.dictDisplay();
        throw this.unexpected();
      default:
        throw syntaxError('invalid syntax', t);
    }
  }

  private parenthesized(): Expr {
    const open = this.next();
    this.depth++;
    if (this.isOp(')')) {
      const close = this.next();
      this.depth--;
      return { kind: 'tuple', items: [], start: open.start, end: close.end };
    }
    const first = this.expr();
    if (this.isWord('for')) throw syntaxError('generator expressions are not supported in the REPL', this.tok);
    if (this.isOp(')')) {
      const close = this.next();
      this.depth--;
      return { ...first, start: open.start, end: close.end };
    }
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.isOp(')')) break;
      items.push(this.expr());
    }
    const close = this.expectOp(')');
    this.depth--;
    return { kind: 'tuple', items, start: open.start, end: close.end };
  }

  private listDisplay(): Expr {
    const open = this.next();
    this.depth++;
    const items: Expr[] = [];
    while (!this.isOp(']')) {
      items.push(this.expr());
      if (this.isWord('for'))
        throw syntaxError('list comprehensions are not supported in the REPL; write the list out', this.tok);
      if (this.isOp(',')) this.next();
      else if (!this.isOp(']')) throw this.unexpected();
    }
    const close = this.next();
    this.depth--;
    return { kind: 'list', items, start: open.start, end: close.end };
  }

  private dictDisplay(): Expr {
    const open = this.next();
    this.depth++;
    const entries: Array<[Expr, Expr]> = [];
    while (!this.isOp('}')) {
      if (this.isOp('**')) throw syntaxError('dict unpacking (**) is not supported in the REPL', this.tok);
      const key = this.expr();
      if (!this.isOp(':')) {
        if (this.isOp(',') || this.isOp('}'))
          throw syntaxError('set literals ({a, b}) are not supported in the REPL; use a list [a, b]', key);
        throw this.unexpected();
      }
      this.next();
      const value = this.expr();
      if (this.isWord('for')) throw syntaxError('dict comprehensions are not supported in the REPL', this.tok);
      entries.push([key, value]);
      if (this.isOp(',')) this.next();
      else if (!this.isOp('}')) throw this.unexpected();
    }
    const close = this.next();
    this.depth--;
    return { kind: 'dict', entries, start: open.start, end: close.end };
  }
}
