// Counts type assertions (`x as T`, `<T>x`) in src/, excluding `as const`; prints per-folder totals.
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../src/', import.meta.url).pathname;
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.tsx?$/.test(name)) files.push(path);
  }
})(root);

const byFolder = new Map();
let total = 0;
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let count = 0;
  const visit = (node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && node.type.getText(source) !== 'const')
      count++;
    ts.forEachChild(node, visit);
  };
  visit(source);
  const folder = relative(root, file)
    .split('/')
    .slice(0, process.argv.includes('--deep') ? 2 : 1)
    .join('/');
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + count);
  total += count;
}
for (const [folder, count] of [...byFolder].sort((a, b) => b[1] - a[1]))
  if (count) console.log(`${String(count).padStart(5)}  ${folder}`);
console.log(`${String(total).padStart(5)}  total`);
