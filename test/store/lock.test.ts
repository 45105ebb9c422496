import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs } from '../../src/store/fs-layer.js';
import { LockBusyError, withLock } from '../../src/store/lock.js';
import { tempDir } from '../helpers.js';
import { failingFs } from './failing-fs.js';

const options = { fs: nodeFs, timeoutMs: 150, staleMs: 10_000 };

describe('the store lock', () => {
  it('is held while the work runs and gone after, also when the work throws', () => {
    const file = join(tempDir(), 'x.json');
    expect(withLock(file, () => existsSync(`${file}.lock`), options)).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(() =>
      withLock(
        file,
        () => {
          throw new Error('boom');
        },
        options,
      ),
    ).toThrow('boom');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('does not take over a live lock taken while it was breaking a stale one: it puts it back and waits', () => {
    const file = join(tempDir(), 'x.json');
    const lock = `${file}.lock`;
    writeFileSync(lock, `999999999 ${hostname()} dead`); // stale: that process does not exist
    const live = `${process.ppid} ${hostname()} live-owner`;
    const fs = failingFs([]);
    const rename = fs.rename;
    let raced = false;
    fs.rename = (from, to) => {
      if (!raced && from === lock) {
        raced = true;
        // Another process broke the stale lock and took a fresh one just before our rename.
        nodeFs.unlink(lock);
        writeFileSync(lock, live);
      }
      rename(from, to);
    };
    expect(() => withLock(file, () => 'ran', { ...options, fs })).toThrow(LockBusyError);
    expect(raced).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe(live);
  });

  it('a folder that cannot be written fails with that error, not a wait', () => {
    const file = join(tempDir(), 'x.json');
    const fs = failingFs([{ op: 'createExclusive', path: /\.lock$/, code: 'EROFS' }]);
    const started = Date.now();
    expect(() => withLock(file, () => 'ran', { ...options, timeoutMs: 5000, fs })).toThrow(/EROFS/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
