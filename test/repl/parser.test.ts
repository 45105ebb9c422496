import { describe, expect, it } from 'vitest';
import type { Expr, Stmt } from '../../src/repl/ast.js';
import { errorPosition, PyError } from '../../src/repl/errors.js';
import { parse } from '../../src/repl/parser.js';
import { tokenize } from '../../src/repl/tokenizer.js';

/** A compact, readable form of a tree: env.python.x = True → "env.python.x = True". */
function show(e: Expr): string {
  switch (e.kind) {
    case 'name':
      return e.id;
    case 'str':
      return JSON.stringify(e.value);
    case 'int':
      return String(e.value);
    case 'float':
      return `${e.value}f`;
    case 'bool':
      return e.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${e.items.map(show).join(', ')}]`;
    case 'tuple':
      return `(${e.items.map(show).join(', ')},)`;
    case 'dict':
      return `{${e.entries.map(([k, v]) => `${show(k)}: ${show(v)}`).join(', ')}}`;
    case 'attr':
      return `${show(e.object)}.${e.name}`;
    case 'subscript':
      return `${show(e.object)}[${show(e.index)}]`;
    case 'call':
      return `${show(e.func)}(${[...e.args.map(show), ...e.kwargs.map((k) => `${k.name}=${show(k.value)}`)].join(', ')})`;
    case 'neg':
      return `-${show(e.operand)}`;
  }
}

function showStmt(s: Stmt): string {
  switch (s.kind) {
    case 'expr':
      return show(s.expr);
    case 'assign':
      return [...s.targets.map(show), show(s.value)].join(' = ');
    case 'del':
      return `del ${s.targets.map(show).join(', ')}`;
    case 'import':
      return `import ${s.modules.map((m) => m.name + (m.alias ? ` as ${m.alias}` : '')).join(', ')}`;
    case 'from':
      return `from ${s.module} import ${s.names.map((n) => n.name + (n.alias ? ` as ${n.alias}` : '')).join(', ')}`;
    case 'pass':
      return 'pass';
  }
}

function parsed(source: string): string[] {
  const r = parse(source);
  if (!r.ok) throw new Error(`incomplete: ${r.incomplete.message}`);
  return r.statements.map(showStmt);
}

function syntaxErrorOf(source: string): { message: string; line: number; column: number } {
  try {
    parse(source);
  } catch (err) {
    if (!(err instanceof PyError)) throw err;
    const p = errorPosition(source, err.span)!;
    return { message: `${err.type}: ${err.message}`, line: p.line, column: p.column };
  }
  throw new Error(`no error for ${source}`);
}

describe('parser: the statements SDK snippets are made of', () => {
  it.each([
    ['from azureml.core import Environment', ['from azureml.core import Environment']],
    ['from azureml.core import Environment, Workspace as W', ['from azureml.core import Environment, Workspace as W']],
    [
      'from azure.ai.ml.entities import (\n  Environment,\n  BuildContext,\n)',
      ['from azure.ai.ml.entities import Environment, BuildContext'],
    ],
    ['import azureml.core as core', ['import azureml.core as core']],
    ['env = Environment(name="x")', ['env = Environment(name="x")']],
    ['env.python.user_managed_dependencies = True', ['env.python.user_managed_dependencies = True']],
    ['env.environment_variables["A B"] = "1"', ['env.environment_variables["A B"] = "1"']],
    ['a = b = None', ['a = b = None']],
    ['x = [1, 2.5, -3, "s", True, None, {"k": [1]}]', ['x = [1, 2.5f, -3, "s", True, None, {"k": [1]}]']],
    ['t = (1,)', ['t = (1,)']],
    ['t = 1, 2', ['t = (1, 2,)']],
    ["s = 'a' \"b\" '''c'''", ['s = "abc"']],
    ['s = r"C:\\new"', ['s = "C:\\\\new"']],
    ['s = "tab\\there\\x41\\u00e9"', ['s = "tab\\there\\u0041é"'.replace('\\u0041', 'A')]],
    ['cd.add_pip_package("x")  # a comment', ['cd.add_pip_package("x")']],
    ['a = 1; b = 2;', ['a = 1', 'b = 2']],
    ['del env.environment_variables["X"]', ['del env.environment_variables["X"]']],
    ['f(1, k=2,)', ['f(1, k=2)']],
    [
      'deps = CondaDependencies.create(\n    python_version="3.11",  # pinned\n    pip_packages=["a",\n                  "b"],\n)',
      ['deps = CondaDependencies.create(python_version="3.11", pip_packages=["a", "b"])'],
    ],
    ['x = """line one\nline two"""', ['x = "line one\\nline two"']],
    ['x = 1 \\\n    ', ['x = 1']],
    ['    env.name = "indented"', ['env.name = "indented"']],
    ['n = 0x1F', ['n = 31']],
    ['n = 1_000', ['n = 1000']],
    ['pass', ['pass']],
    ['# only a comment', []],
  ])('%s', (source, expected) => {
    expect(parsed(source)).toEqual(expected);
  });
});

describe('parser: input that continues on the next line', () => {
  it.each([
    ['deps = CondaDependencies.create(', "'(' was never closed"],
    ['x = [1,\n 2,', "'[' was never closed"],
    ['d = """FROM ubuntu\n', 'unterminated triple-quoted string literal (detected at line 2)'],
    ['x = 1 + \\', 'unexpected end of input after line continuation character'],
  ])('%s', (source, message) => {
    const r = parse(source);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.incomplete.message).toBe(message);
  });
});

describe('parser: syntax errors, Python wording, at the right column', () => {
  it.each([
    ['env.name =', 'SyntaxError: invalid syntax', 1, 11],
    ['env.python.user_managed_dependencies = True True', 'SyntaxError: invalid syntax', 1, 45],
    ["x = 'abc", 'SyntaxError: unterminated string literal (detected at line 1)', 1, 5],
    ['f(a=1, 2)', 'SyntaxError: positional argument follows keyword argument', 1, 8],
    ['f(a=1, a=2)', 'SyntaxError: keyword argument repeated: a', 1, 8],
    ['f(x.y=1)', 'SyntaxError: expression cannot contain assignment, perhaps you meant "=="?', 1, 3],
    ['f() = 1', "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1],
    ['"a" = 1', "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1],
    ['None = 1', 'SyntaxError: cannot assign to None', 1, 1],
    [
      'a, b = 1, 2',
      'SyntaxError: assigning several names at once is not supported in the REPL; use one statement per name',
      1,
      1,
    ],
    [
      'x == 1',
      "SyntaxError: the '==' operator is not supported in the REPL (it runs assignments, calls, attributes, subscripts and literals)",
      1,
      3,
    ],
    [
      'x += 1',
      "SyntaxError: augmented assignment ('+=') is not supported in the REPL; assign the whole value instead",
      1,
      3,
    ],
    [
      'x = a if b else c',
      "SyntaxError: 'if' expressions are not supported in the REPL (it runs assignments, calls, attributes, subscripts and literals)",
      1,
      7,
    ],
    [
      'with open("f") as f: pass',
      "SyntaxError: compound statements ('with') are not supported in the REPL: type one simple statement per line",
      1,
      1,
    ],
    [
      'def f(): pass',
      "SyntaxError: compound statements ('def') are not supported in the REPL: type one simple statement per line",
      1,
      1,
    ],
    ['print env', "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1],
    ['x = [i for i in y]', 'SyntaxError: list comprehensions are not supported in the REPL; write the list out', 1, 8],
    ['x = {1, 2}', 'SyntaxError: set literals ({a, b}) are not supported in the REPL; use a list [a, b]', 1, 6],
    ['x = y[1:2]', 'SyntaxError: slices ([a:b]) are not supported in the REPL', 1, 8],
    ['f(*args)', 'SyntaxError: argument unpacking (*) is not supported in the REPL', 1, 3],
    ['x = f"{name}"', 'SyntaxError: f-strings with {...} are not supported in the REPL; write the text itself', 1, 5],
    ['x = 1)', "SyntaxError: unmatched ')'", 1, 6],
    ['x = (1]', "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('", 1, 7],
    ['x = 1 $', "SyntaxError: invalid character '$' (U+0024)", 1, 7],
    [
      'x = 012',
      'SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
      1,
      5,
    ],
    ['f(a b)', 'SyntaxError: invalid syntax. Perhaps you forgot a comma?', 1, 5],
    [
      'from . import x',
      'SyntaxError: relative imports are not supported in the REPL; import from the SDK package, e.g. from azureml.core import Environment',
      1,
      6,
    ],
    [
      'from azureml.core import *',
      'SyntaxError: wildcard imports (import *) are not supported in the REPL; name what you import',
      1,
      26,
    ],
    ['x = [\n  1\n  2\n]', 'SyntaxError: invalid syntax. Perhaps you forgot a comma?', 3, 3],
  ])('%s', (source, message, line, column) => {
    expect(syntaxErrorOf(source)).toEqual({ message, line, column });
  });
});

describe('tokenizer', () => {
  it('keeps offsets so carets land under the token', () => {
    const { tokens } = tokenize('env.name = "x"');
    expect(tokens.map((t) => [t.type, t.value, t.start])).toEqual([
      ['name', 'env', 0],
      ['op', '.', 3],
      ['name', 'name', 4],
      ['op', '=', 9],
      ['string', 'x', 11],
      ['newline', '\n', 14],
      ['eof', '', 14],
    ]);
  });

  it('joins lines inside brackets and reports an open bracket as incomplete', () => {
    expect(tokenize('f(\n1,\n').incomplete?.message).toBe("'(' was never closed");
    expect(tokenize('f(\n1)\n').tokens.filter((t) => t.type === 'newline')).toHaveLength(1);
  });
});
