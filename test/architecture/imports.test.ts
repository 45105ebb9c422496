// The import rules of ARCHITECTURE.md, checked on every file of src/ (static imports, re-exports and dynamic
// import() calls, read with the TypeScript parser so strings and comments cannot fool it).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

interface Edge {
  from: string;
  to: string;
  /** import() rather than a static import. */
  dynamic: boolean;
  /** `import type` / `export type`: gone after compilation. */
  typeOnly: boolean;
}

const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  const hit = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path));
  return hit && relative(SRC, hit);
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const from = relative(SRC, file);
  const edges: Edge[] = [];
  const add = (specifier: ts.Expression | undefined, dynamic: boolean, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const to = resolveImport(file, specifier.text);
    if (to) edges.push({ from, to, dynamic, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier, false, typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, false, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], true, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const edges = sourceFiles(SRC).flatMap(importsOf);

/** The top folder of a src path (`env`, `ui`, `cli.ts`). */
const top = (path: string) => path.split('/')[0];
/** The part of ui/ a path is in: a feature folder (`ui/quiz`) or one of ui/'s own files (`ui/App.tsx`). */
const uiPart = (path: string) => {
  const parts = path.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : path;
};
const list = (found: Edge[]) => found.map((e) => `${e.from} → ${e.to}${e.dynamic ? ' (dynamic)' : ''}`);

/** Cycles in a graph given as edges between names: each cycle as its names, smallest first. */
function cycles(pairs: Array<[string, string]>): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)?.add(b);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w !== undefined) {
          onStack.delete(w);
          component.push(w);
        }
      } while (w !== undefined && w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

describe('import rules (ARCHITECTURE.md)', () => {
  it('reads the imports of every source file (the check itself works)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((e) => e.from === 'cli.ts' && e.to.startsWith('commands/'))).toBe(true);
    expect(edges.some((e) => e.dynamic)).toBe(true);
  });

  it('no file outside ui/ and commands/ (and the cli.ts entry) imports from ui/ or commands/', () => {
    const wrong = edges.filter(
      (e) => !['ui', 'commands', 'cli.ts'].includes(top(e.from)) && ['ui', 'commands'].includes(top(e.to)),
    );
    expect(list(wrong)).toEqual([]);
  });

  it('commands/ reach ui/ only through import(), so plain commands start without Ink and React', () => {
    const wrong = edges.filter((e) => top(e.from) === 'commands' && top(e.to) === 'ui' && !e.dynamic && !e.typeOnly);
    expect(list(wrong)).toEqual([]);
  });

  it('ui/ never imports commands/', () => {
    expect(list(edges.filter((e) => top(e.from) === 'ui' && top(e.to) === 'commands'))).toEqual([]);
  });

  it('util/ imports nothing from the rest of src/', () => {
    expect(list(edges.filter((e) => top(e.from) === 'util' && top(e.to) !== 'util'))).toEqual([]);
  });

  it('ui/components and ui/hooks import no screen folder', () => {
    const shared = ['ui/components', 'ui/hooks'];
    const wrong = edges.filter(
      (e) =>
        shared.includes(uiPart(e.from)) &&
        top(e.to) === 'ui' &&
        e.to.split('/').length > 2 &&
        !shared.includes(uiPart(e.to)),
    );
    expect(list(wrong)).toEqual([]);
  });

  it('no two files import each other, directly or round a loop (runtime imports)', () => {
    const runtime = edges.filter((e) => !e.typeOnly);
    expect(cycles(runtime.map((e) => [e.from, e.to]))).toEqual([]);
  });

  it('no two folders under src/ import each other, directly or round a loop', () => {
    // A file directly in src/ or in ui/ (cli.ts, ui/App.tsx, ui/keys.ts) is not in a folder: it starts no folder edge.
    const folderOf = (path: string) => (top(path) === 'ui' ? uiPart(path) : top(path));
    const inFolder = (path: string) => path.split('/').length > (top(path) === 'ui' ? 2 : 1);
    const pairs = edges
      .filter((e) => inFolder(e.from))
      .map((e): [string, string] => [folderOf(e.from), folderOf(e.to)]);
    expect(cycles(pairs)).toEqual([]);
  });

  it('screens take colours from the one theme: no colour is named in src/ui outside ui/components/theme.ts', () => {
    const named = /['"](red|yellow|green|cyan|blue|magenta|white|gray|grey)['"]/;
    const wrong = sourceFiles(join(SRC, 'ui'))
      .filter((file) => !file.endsWith(join('components', 'theme.ts')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(SRC, file)}:${i + 1}` }))
          .filter(({ line }) => named.test(line) && !line.trim().startsWith('//'))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(wrong).toEqual([]);
  });

  it('finds a loop when there is one (the check can fail)', () => {
    expect(
      cycles([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
      ]),
    ).toEqual([['a', 'b', 'c']]);
  });
});
