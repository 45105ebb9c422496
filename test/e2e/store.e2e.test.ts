// The app's screens on a settings folder amlenv may not touch, in a real pseudo-terminal. The tests run as
// root here, where permissions deny nothing, so as root the app runs as uid 65534 (nobody) against files
// owned by root; as any other user chmod does the job. The kernel, not a mock, refuses.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { SEQ } from '../ui/keys.js';
import { keys, spawnCli } from './pty.js';

const asRoot = process.getuid?.() === 0;
const who = asRoot ? { uid: 65534, gid: 65534 } : {};

function home(): string {
  const dir = join(tempDir(), 'amlenv');
  mkdirSync(dir);
  chmodSync(join(dir, '..'), 0o755);
  return dir;
}

describe(`screens on a store amlenv may not touch (${asRoot ? 'run as uid 65534 because the tests run as root' : 'with chmod'})`, () => {
  it("a damaged store in a read-only folder: the progress screen shows a notice, not Ink's ERROR", async () => {
    const dir = home();
    writeFileSync(join(dir, 'learning.json'), '{"version": 1, "cards": [');
    chmodSync(join(dir, 'learning.json'), 0o644);
    chmodSync(dir, 0o555);
    const s = spawnCli(['progress'], { env: { AMLENV_HOME: dir, HOME: '/tmp' }, ...who });
    const screen = await s.waitFor(/Overall/, 20000);
    expect(screen).toMatch(/learning\.json is damaged/);
    expect(screen).not.toMatch(/ERROR|\n\s+at |please report/);
    await keys(s, SEQ.esc);
    expect(await s.exited).toBe(0);
    chmodSync(dir, 0o755);
    expect(readdirSync(dir)).toEqual(['learning.json']);
  }, 60000);

  it('an unreadable store (EACCES): said plainly, and reset refuses instead of wiping it', async () => {
    const dir = home();
    const good = JSON.stringify({ version: 1, cards: {}, days: { '2026-11-25': 3 }, exams: [] });
    writeFileSync(join(dir, 'learning.json'), good);
    chmodSync(join(dir, 'learning.json'), asRoot ? 0o600 : 0o000);
    const s = spawnCli(['progress'], { env: { AMLENV_HOME: dir, HOME: '/tmp' }, ...who });
    let screen = await s.waitFor(/Overall/, 20000);
    expect(screen).toMatch(/cannot read \S*learning\.json\s+\(permission denied\)/);
    await keys(s, 'r');
    await s.waitFor(/Delete all progress/);
    await keys(s, 'y');
    screen = await s.waitFor(/could not reset the saved progress/);
    expect(screen).not.toMatch(/Progress reset/);
    await keys(s, SEQ.esc);
    expect(await s.exited).toBe(0);
    chmodSync(join(dir, 'learning.json'), 0o600);
    expect(readFileSync(join(dir, 'learning.json'), 'utf8')).toBe(good);
    expect(readdirSync(dir)).toEqual(['learning.json']);
  }, 60000);
});
