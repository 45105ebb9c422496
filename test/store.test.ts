import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonStore } from '../src/store/json-store.js';
import { tempDir } from './helpers.js';

type Counter = { count: number };
const isCounter = (v: unknown): v is Counter => typeof v === 'object' && v !== null && typeof (v as Counter).count === 'number';
const open = (dir: string) => new JsonStore<Counter>('counter', () => ({ count: 0 }), isCounter, dir);

describe('JsonStore', () => {
  it('starts from defaults and keeps what was set across instances', () => {
    const dir = tempDir();
    expect(open(dir).get()).toEqual({ count: 0 });
    open(dir).set({ count: 3 });
    expect(open(dir).get()).toEqual({ count: 3 });
  });

  it('sets a corrupt file aside, restores the last good copy and says so', () => {
    const dir = tempDir();
    const s = open(dir);
    s.set({ count: 1 });
    s.set({ count: 2 });
    writeFileSync(join(dir, 'counter.json'), '{"count": 2, trunc');
    const again = open(dir);
    expect(again.get()).toEqual({ count: 1 });
    expect(again.problem).toMatch(/unreadable.*moved to .*corrupt.*last good copy was restored/);
    const aside = readdirSync(dir).find((f) => f.startsWith('counter.corrupt-'));
    expect(aside && readFileSync(join(dir, aside), 'utf8')).toBe('{"count": 2, trunc');
  });

  it('falls back to defaults when the content has the wrong shape and there is no backup', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counter.json'), '{"count": "many"}');
    const s = open(dir);
    expect(s.get()).toEqual({ count: 0 });
    expect(s.problem).toMatch(/defaults are used/);
  });

  it('leaves no temporary files behind', () => {
    const dir = tempDir();
    const s = open(dir);
    for (let i = 0; i < 5; i++) s.update((c) => ({ count: c.count + 1 }));
    expect(readdirSync(dir).sort()).toEqual(['counter.bak.json', 'counter.json']);
    expect(existsSync(join(dir, 'counter.json'))).toBe(true);
  });
});
