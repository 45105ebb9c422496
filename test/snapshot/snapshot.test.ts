import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectTree } from '../../src/snapshot/collect.js';
import { copySnapshot } from '../../src/snapshot/copy.js';
import { checkSnapshot, SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_FILES } from '../../src/snapshot/limits.js';
import { scanTree } from '../../src/snapshot/scan.js';
import { prepareWorkspace } from '../../src/snapshot/workspace.js';
import { tempDir } from '../helpers.js';

function tree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const paths = (root: string) => scanTree(root).files.map((f) => f.path);

describe('snapshot scan (.amlignore and .gitignore)', () => {
  it('with neither file, everything is in the snapshot, sorted, with sizes', () => {
    const root = tree({ 'train.py': 'print(1)\n', 'data/a.csv': 'x,y\n', 'data/deep/b.csv': '1\n' });
    const scan = scanTree(root);
    expect(scan.files.map((f) => f.path)).toEqual(['data/a.csv', 'data/deep/b.csv', 'train.py']);
    expect(scan.totalBytes).toBe(9 + 4 + 2);
    expect(scan.ignoreFile).toBeUndefined();
  });

  it('.gitignore applies when there is no .amlignore', () => {
    const root = tree({
      '.gitignore': 'data/\n*.log\n',
      'train.py': '',
      'data/a.csv': '',
      'run.log': '',
      'sub/x.log': '',
    });
    expect(paths(root)).toEqual(['.gitignore', 'train.py']);
    expect(scanTree(root).ignoreFile).toBe('.gitignore');
  });

  it('.amlignore wins over .gitignore: the .gitignore is not used at all', () => {
    const root = tree({
      '.amlignore': 'secrets/\n',
      '.gitignore': 'data/\n',
      'train.py': '',
      'data/a.csv': '',
      'secrets/key.txt': '',
    });
    expect(paths(root)).toEqual(['.amlignore', '.gitignore', 'data/a.csv', 'train.py']);
    expect(scanTree(root).ignoreFile).toBe('.amlignore');
  });

  it('negation and comments work as in git (CRLF endings too)', () => {
    const root = tree({
      '.amlignore': '# data is big\r\n*.csv\r\n!keep.csv\r\n',
      'a.csv': '',
      'keep.csv': '',
      'b.txt': '',
    });
    expect(paths(root)).toEqual(['.amlignore', 'b.txt', 'keep.csv']);
  });

  it('links are recorded with their target and never followed', () => {
    const root = tree({ 'train.py': '' });
    const outside = tree({ 'big.bin': 'x'.repeat(1000) });
    symlinkSync(outside, join(root, 'elsewhere'));
    const scan = scanTree(root);
    expect(scan.files).toContainEqual({ path: 'elsewhere', size: 0, executable: false, link: outside });
    expect(scan.totalBytes).toBe(0);
  });
});

describe('snapshot limits (300 MB, 2,000 files)', () => {
  it("are Azure ML's numbers", () => {
    expect(SNAPSHOT_MAX_BYTES).toBe(300 * 1024 * 1024);
    expect(SNAPSHOT_MAX_FILES).toBe(2000);
  });

  it('2,000 files pass, 2,001 are refused naming the folders with the most files', () => {
    const root = tempDir();
    mkdirSync(join(root, 'node_modules'));
    mkdirSync(join(root, 'src'));
    for (let i = 0; i < 1990; i++) writeFileSync(join(root, 'node_modules', `f${i}.js`), '');
    for (let i = 0; i < 10; i++) writeFileSync(join(root, 'src', `s${i}.py`), '');
    expect(checkSnapshot(scanTree(root)).ok).toBe(true);
    writeFileSync(join(root, 'train.py'), '');
    const verdict = checkSnapshot(scanTree(root));
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/is 0 B in 2,001 files, over Azure ML's limit of 2,000 files$/);
    expect(verdict.offenders).toEqual(['node_modules/ (1,990 files)', 'src/ (10 files)', '(top level) (1 file)']);
  });

  it('too many bytes is refused naming the largest files (limits scaled down for the test)', () => {
    const root = tree({ 'model.bin': 'x'.repeat(5000), 'data.csv': 'x'.repeat(3000), 'train.py': 'x' });
    const verdict = checkSnapshot(scanTree(root), { maxBytes: 4096, maxFiles: 2000 });
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/is 7\.8 KB in 3 files, over Azure ML's limit of 4\.0 KB$/);
    expect(verdict.offenders).toEqual(['model.bin (4.9 KB)', 'data.csv (2.9 KB)', 'train.py (1 B)']);
  });

  it('ignored files do not count', () => {
    const root = tree({ '.amlignore': 'model.bin\n', 'model.bin': 'x'.repeat(5000), 'train.py': 'x' });
    expect(checkSnapshot(scanTree(root), { maxBytes: 4096, maxFiles: 2000 }).ok).toBe(true);
  });
});

describe('snapshot copy and run workspace', () => {
  it('copies only what the snapshot keeps, readable by others, links as links', () => {
    const root = tree({
      '.amlignore': 'secret.txt\n',
      'train.py': 'print(1)\n',
      'pkg/mod.py': 'X = 1\n',
      'secret.txt': 'no',
    });
    writeFileSync(join(root, 'run.sh'), '#!/bin/sh\n', { mode: 0o700 });
    writeFileSync(join(root, 'private.py'), 'p', { mode: 0o600 });
    symlinkSync('/etc/passwd', join(root, 'passwd-link'));
    const dest = join(tempDir(), 'copy');
    copySnapshot(scanTree(root), dest);
    expect(readFileSync(join(dest, 'pkg', 'mod.py'), 'utf8')).toBe('X = 1\n');
    expect(existsSync(join(dest, 'secret.txt'))).toBe(false);
    expect(statSync(join(dest, 'private.py')).mode & 0o777).toBe(0o644);
    expect(statSync(join(dest, 'run.sh')).mode & 0o777).toBe(0o755);
    expect(readlinkSync(join(dest, 'passwd-link'))).toBe('/etc/passwd');
    expect(statSync(join(root, 'private.py')).mode & 0o777).toBe(0o600);
  });

  it('the workspace has outputs/ and logs/ mount points in the snapshot, even over a file of that name, and is removed afterwards', () => {
    const root = tree({ 'train.py': '', outputs: 'a file named outputs' });
    const ws = prepareWorkspace(scanTree(root));
    expect(statSync(join(ws.snapshot, 'outputs')).isDirectory()).toBe(true);
    expect(statSync(join(ws.snapshot, 'logs')).isDirectory()).toBe(true);
    expect(statSync(ws.writable.outputs).isDirectory()).toBe(true);
    ws.remove();
    expect(existsSync(ws.root)).toBe(false);
    expect(readFileSync(join(root, 'outputs'), 'utf8')).toBe('a file named outputs');
  });
});

describe('collecting outputs', () => {
  it('copies files and folders, and leaves links behind without following them', () => {
    const from = tree({ 'result.txt': '42\n', 'nested/deeper/x.txt': 'x' });
    symlinkSync('/etc/passwd', join(from, 'passwd'));
    symlinkSync('..', join(from, 'nested', 'up'));
    symlinkSync('result.txt', join(from, 'inside-link'));
    const to = join(tempDir(), 'collected');
    const got = collectTree(from, to);
    expect(got).toEqual({
      files: 2,
      bytes: 4,
      skipped: expect.arrayContaining([
        { path: 'passwd', reason: 'a link (links are not followed)' },
        { path: 'nested/up', reason: 'a link (links are not followed)' },
        { path: 'inside-link', reason: 'a link (links are not followed)' },
      ]),
    });
    expect(readFileSync(join(to, 'nested', 'deeper', 'x.txt'), 'utf8')).toBe('x');
    for (const link of ['passwd', 'nested/up', 'inside-link']) expect(() => lstatSync(join(to, link))).toThrow();
  });
});
