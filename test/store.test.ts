import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonStore, type StoreOptions } from '../src/store/json-store.js';
import { tempDir } from './helpers.js';
import { failingFs } from './store/failing-fs.js';

type Counter = { count: number; seen?: Record<string, number> };
const isCounter = (v: unknown): v is Counter =>
  typeof v === 'object' && v !== null && typeof (v as Counter).count === 'number';
const open = (dir: string, options?: StoreOptions) =>
  new JsonStore<Counter>('counter', () => ({ count: 0 }), isCounter, dir, options);
const onDisk = (dir: string) => JSON.parse(readFileSync(join(dir, 'counter.json'), 'utf8')) as Counter;
const mode = (path: string) => statSync(path).mode & 0o777;

describe('JsonStore', () => {
  it('starts from defaults and keeps what was set across instances', () => {
    const dir = tempDir();
    expect(open(dir).get()).toEqual({ count: 0 });
    expect(open(dir).set({ count: 3 })).toEqual({ saved: true });
    expect(open(dir).get()).toEqual({ count: 3 });
  });

  it('sets a damaged file aside, restores the last good copy on disk and says so', () => {
    const dir = tempDir();
    const s = open(dir);
    s.set({ count: 1 });
    s.set({ count: 2 });
    writeFileSync(join(dir, 'counter.json'), '{"count": 2, trunc');
    const again = open(dir);
    expect(again.get()).toEqual({ count: 1 });
    expect(again.problem).toMatch(/was damaged.*moved to .*corrupt.*last good copy was restored/);
    const aside = readdirSync(dir).find((f) => f.startsWith('counter.corrupt-'));
    expect(aside && readFileSync(join(dir, aside), 'utf8')).toBe('{"count": 2, trunc');
    expect(aside && mode(join(dir, aside))).toBe(0o600);
    // The restored copy is on disk, so another process opening the store now sees it, not the damage.
    expect(onDisk(dir)).toEqual({ count: 1 });
  });

  it('falls back to defaults when the content has the wrong shape and there is no backup', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counter.json'), '{"count": "many"}');
    const s = open(dir);
    expect(s.get()).toEqual({ count: 0 });
    expect(s.problem).toMatch(/defaults are used/);
  });

  it('leaves no temporary or lock files behind', () => {
    const dir = tempDir();
    const s = open(dir);
    for (let i = 0; i < 5; i++) s.update((c) => ({ count: c.count + 1 }));
    expect(readdirSync(dir).sort()).toEqual(['counter.bak.json', 'counter.json']);
    expect(onDisk(dir).count).toBe(5);
  });

  it('writes the store and its backup 0600 and a folder it creates 0700', () => {
    const dir = join(tempDir(), 'settings', 'amlenv');
    const s = open(dir);
    s.set({ count: 1 });
    s.set({ count: 2 });
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'counter.json'))).toBe(0o600);
    expect(mode(join(dir, 'counter.bak.json'))).toBe(0o600);
  });

  it('tightens a store file that was world-readable when it writes it again', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counter.json'), '{"count": 1}', { mode: 0o644 });
    open(dir).update((c) => ({ count: c.count + 1 }));
    expect(mode(join(dir, 'counter.json'))).toBe(0o600);
  });
});

describe('JsonStore with two writers', () => {
  it('merges interleaved changes of two instances instead of the last writer winning', () => {
    const dir = tempDir();
    const a = open(dir);
    const b = open(dir); // both loaded the same empty store
    for (let i = 0; i < 20; i++) {
      a.update((c) => ({ count: c.count + 1, seen: { ...c.seen, [`a${i}`]: i } }));
      b.update((c) => ({ count: c.count + 1, seen: { ...c.seen, [`b${i}`]: i } }));
    }
    const final = onDisk(dir);
    expect(final.count).toBe(40);
    expect(Object.keys(final.seen ?? {})).toHaveLength(40);
  });

  it('breaks a lock left by a process that is gone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counter.json.lock'), `999999999 ${hostname()} deadtoken`);
    expect(open(dir, { lockTimeoutMs: 200 }).set({ count: 7 })).toEqual({ saved: true });
    expect(existsSync(join(dir, 'counter.json.lock'))).toBe(false);
  });

  it('breaks a lock older than the stale limit even from another host', () => {
    const dir = tempDir();
    const lock = join(dir, 'counter.json.lock');
    writeFileSync(lock, '1 some-other-host token');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(open(dir, { lockTimeoutMs: 200, staleLockMs: 10_000 }).set({ count: 7 })).toEqual({ saved: true });
  });

  it('a lock held by a live process past the timeout: not saved, kept in memory, said once', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counter.json.lock'), `${process.ppid} ${hostname()} livetoken`);
    const s = open(dir, { lockTimeoutMs: 100 });
    const first = s.update((c) => ({ count: c.count + 1 }));
    expect(first).toMatchObject({
      saved: false,
      first: true,
      reason: expect.stringMatching(/another amlenv \(pid \d+\) is writing/),
    });
    expect(s.get().count).toBe(1);
    expect(existsSync(join(dir, 'counter.json'))).toBe(false);
    expect(readFileSync(join(dir, 'counter.json.lock'), 'utf8')).toContain('livetoken');
  });

  it('a damaged file another process already set aside is not an error (rename ENOENT)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counter.json'), '{oops');
    let raced = false;
    const fs = failingFs([]);
    const rename = fs.rename;
    fs.rename = (from, to) => {
      if (!raced && to.includes('.corrupt-')) {
        raced = true;
        rename(from, join(dir, 'counter.corrupt-by-the-other-process.json')); // the other process wins the race
        throw Object.assign(new Error('ENOENT: no such file or directory, rename'), { code: 'ENOENT' });
      }
      rename(from, to);
    };
    const s = open(dir, { fs });
    expect(raced).toBe(true);
    expect(s.get()).toEqual({ count: 0 });
    expect(s.problem).toBeUndefined(); // the process that moved it tells the user
    expect(s.set({ count: 1 })).toEqual({ saved: true });
  });
});

describe('JsonStore when the disk says no', () => {
  it('EACCES on read (simulated: tests run as root): not damaged, never moved aside, never overwritten', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counter.json'), '{"count": 41}');
    const s = open(dir, { fs: failingFs([{ op: 'readFile', path: /counter\.json$/, code: 'EACCES' }]) });
    expect(s.get()).toEqual({ count: 0 });
    expect(s.problem).toMatch(
      /cannot read .*counter\.json \(permission denied\): it was left untouched.*saves nothing/,
    );
    expect(s.update((c) => ({ count: c.count + 1 }))).toMatchObject({ saved: false, first: false });
    expect(s.get()).toEqual({ count: 1 });
    expect(readdirSync(dir)).toEqual(['counter.json']);
    expect(onDisk(dir)).toEqual({ count: 41 });
  });

  it('a folder where the store file should be (real, root-proof EISDIR): unreadable, left alone', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'counter.json'));
    const s = open(dir);
    expect(s.problem).toMatch(/cannot read .*counter\.json \(it is a folder, not a file\)/);
    expect(s.set({ count: 2 })).toMatchObject({ saved: false });
    expect(statSync(join(dir, 'counter.json')).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual(['counter.json']);
  });

  it('a settings folder that is a file (real ENOTDIR): no throw, said plainly, nothing saved', () => {
    const parent = tempDir();
    const dir = join(parent, 'amlenv');
    writeFileSync(dir, 'not a folder');
    const s = open(dir);
    expect(s.problem).toMatch(/settings folder .*amlenv is a file, not a folder/);
    expect(s.set({ count: 2 })).toMatchObject({ saved: false });
    expect(readFileSync(dir, 'utf8')).toBe('not a folder');
  });

  it('a read-only store (simulated EROFS): says so once, goes on in memory', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counter.json'), '{"count": 5}');
    const s = open(dir, { fs: failingFs([{ op: '*write', path: /./, code: 'EROFS' }]) });
    expect(s.problem).toBeUndefined();
    const first = s.update((c) => ({ count: c.count + 1 }));
    expect(first).toMatchObject({ saved: false, first: true, reason: expect.stringMatching(/read-only file system/) });
    expect(s.update((c) => ({ count: c.count + 1 }))).toMatchObject({ saved: false, first: false });
    expect(s.get()).toEqual({ count: 7 });
    expect(s.writable).toBe(false);
    expect(onDisk(dir)).toEqual({ count: 5 });
  });

  it('a read-only file in a writable folder (simulated EACCES on the rename over it)', () => {
    const dir = tempDir();
    const s = open(dir, { fs: failingFs([{ op: 'rename', path: /\.tmp$/, code: 'EACCES' }]) });
    expect(s.set({ count: 1 })).toMatchObject({
      saved: false,
      first: true,
      reason: expect.stringMatching(/permission denied/),
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a damaged store in a read-only folder (simulated): left in place, no throw, nothing saved', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counter.json'), '{damaged');
    const s = open(dir, { fs: failingFs([{ op: '*write', path: /./, code: 'EROFS' }]) });
    expect(s.get()).toEqual({ count: 0 });
    expect(s.problem).toMatch(
      /damaged .* was left in place: .*read-only file system\. Defaults are used for this session and nothing is saved/,
    );
    expect(s.set({ count: 1 })).toMatchObject({ saved: false, first: false });
    expect(readdirSync(dir)).toEqual(['counter.json']);
  });

  it('a full disk (simulated ENOSPC) while writing: the old file stays whole', () => {
    const dir = tempDir();
    open(dir).set({ count: 3 });
    const s = open(dir, { fs: failingFs([{ op: 'writeFile', path: /counter\.json\..*\.tmp$/, code: 'ENOSPC' }]) });
    expect(s.set({ count: 4 })).toMatchObject({ saved: false, reason: expect.stringMatching(/no space left/) });
    expect(onDisk(dir)).toEqual({ count: 3 });
  });
});
