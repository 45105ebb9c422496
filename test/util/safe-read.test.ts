import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_CAPS, safeReadText } from '../../src/util/safe-read.js';
import { tempDir } from '../helpers.js';

const refusal = (r: ReturnType<typeof safeReadText>) => (r.ok ? 'read' : r.missing ? 'missing' : r.rule);

describe('safeReadText', () => {
  it('reads a regular file and reports its real path', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'env.yml'), 'name: x\n');
    const r = safeReadText(join(dir, 'env.yml'), 'definition');
    expect(r).toMatchObject({ ok: true, text: 'name: x\n', bytes: 8 });
  });

  it('a missing file is missing, not refused', () => {
    expect(refusal(safeReadText(join(tempDir(), 'nope.yml'), 'conda'))).toBe('missing');
  });

  it('refuses /dev/zero, /proc/self/environ and /sys without reading them', () => {
    const zero = safeReadText('/dev/zero', 'conda');
    expect(refusal(zero)).toBe('input/system-path');
    expect(refusal(safeReadText('/proc/self/environ', 'definition'))).toBe('input/system-path');
    expect(refusal(safeReadText('/sys/kernel/notes', 'definition'))).toBe('input/system-path');
  });

  it('follows a link to /dev/zero and refuses its target', () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'conda.yml'));
    const r = safeReadText(join(dir, 'conda.yml'), 'conda');
    expect(refusal(r)).toBe('input/system-path');
    expect(r.ok ? '' : r.message).toMatch(/leads to \/dev\/zero/);
  });

  it('refuses a FIFO at once instead of blocking on it', () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo.yml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const started = performance.now();
    const r = safeReadText(fifo, 'conda');
    expect(performance.now() - started).toBeLessThan(500);
    expect(refusal(r)).toBe('input/not-a-file');
    expect(r.ok ? '' : r.message).toMatch(/named pipe/);
  });

  it('refuses a folder as not a file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    expect(refusal(safeReadText(join(dir, 'sub'), 'dockerfile'))).toBe('input/not-a-file');
  });

  it("refuses a file over its kind's cap, and reads one exactly at the cap", () => {
    const dir = tempDir();
    const cap = READ_CAPS.requirements;
    writeFileSync(join(dir, 'over.txt'), 'a'.repeat(cap + 1));
    writeFileSync(join(dir, 'at.txt'), 'a'.repeat(cap));
    const over = safeReadText(join(dir, 'over.txt'), 'requirements');
    expect(refusal(over)).toBe('input/too-large');
    expect(over.ok ? '' : over.message).toMatch(
      /is 262145 bytes; amlenv reads at most 262144 bytes for a requirements file/,
    );
    expect(safeReadText(join(dir, 'at.txt'), 'requirements')).toMatchObject({ ok: true, bytes: cap });
  });

  it('a sparse 3 GiB file is refused from its size, without reading it', () => {
    const dir = tempDir();
    const big = join(dir, 'huge.yml');
    expect(spawnSync('truncate', ['-s', '3G', big]).status).toBe(0);
    const started = performance.now();
    const r = safeReadText(big, 'definition');
    expect(performance.now() - started).toBeLessThan(500);
    expect(r.ok ? '' : r.message).toMatch(/3072\.0 MB/);
  });

  it.skipIf(process.getuid?.() === 0)('EACCES is "permission denied", not "no such file"', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret.yml'), 'name: x\n');
    chmodSync(join(dir, 'secret.yml'), 0o000);
    const r = safeReadText(join(dir, 'secret.yml'), 'definition');
    expect(refusal(r)).toBe('input/unreadable');
    expect(r.ok ? '' : r.message).toMatch(/permission denied/);
  });

  it('a link loop is unreadable, with the reason', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    const r = safeReadText(join(dir, 'a'), 'definition');
    expect(refusal(r)).toBe('input/unreadable');
    expect(r.ok ? '' : r.message).toMatch(/loop/);
  });
});
