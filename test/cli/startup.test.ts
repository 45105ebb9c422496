import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** Every file the bundle's entry loads before running a command: its static imports, followed recursively. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(ROOT, 'dist', file), 'utf8');
    for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']\.\/([^"']+)["'];?$/gm)) visit(m[1]);
  };
  visit(entry);
  return [...seen];
}

it('--help, --version and the plain commands start without Ink or React (they load only for screens)', () => {
  const files = staticGraph('cli.js');
  const code = files.map((f) => readFileSync(join(ROOT, 'dist', f), 'utf8')).join('\n');
  expect(code).not.toContain('Raw mode is not supported');
  expect(code).not.toContain('react.transitional.element');
  expect(code).not.toContain('react-reconciler');
  // and the screens really are there, behind a dynamic import
  expect(readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8')).toMatch(/import\("\.\/run-app-[A-Z0-9]+\.js"\)/);
});
