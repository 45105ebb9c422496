// The app's screens on a settings folder amlenv may not touch, in a real pseudo-terminal. The tests run as
// root here, where permissions deny nothing, so as root the app runs as uid 65534 (nobody) against files
// owned by root; as any other user chmod does the job. The kernel, not a mock, refuses.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';
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

  it('progress --json on an unreadable store: one line on stderr naming the file and the fix, no JSON, exit 3', () => {
    const dir = home();
    const good = JSON.stringify({ version: 1, cards: {}, days: { '2026-11-25': 3 }, exams: [] });
    writeFileSync(join(dir, 'learning.json'), good);
    chmodSync(join(dir, 'learning.json'), asRoot ? 0o600 : 0o000);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'amlenv.js'), 'progress', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', AMLENV_HOME: dir, HOME: '/tmp' },
      input: '',
      ...who,
    });
    // An empty report would tell a script this learner has no history at all: nothing is printed instead.
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^amlenv: cannot read \S*learning\.json \(permission denied\)/);
    expect(r.stderr).toMatch(/permissions.*AMLENV_HOME/);
    expect(r.status).toBe(3);
    chmodSync(join(dir, 'learning.json'), 0o600);
    expect(readFileSync(join(dir, 'learning.json'), 'utf8')).toBe(good);
    expect(readdirSync(dir)).toEqual(['learning.json']);
  });

  it('progress --json on a readable store the app may not write still reports, exit 0', () => {
    const dir = home();
    writeFileSync(join(dir, 'learning.json'), JSON.stringify({ version: 1, cards: {}, days: {}, exams: [] }));
    chmodSync(join(dir, 'learning.json'), 0o644);
    chmodSync(dir, 0o555);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'amlenv.js'), 'progress', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', AMLENV_HOME: dir, HOME: '/tmp' },
      input: '',
      ...who,
    });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toHaveProperty('overall');
    expect(r.status).toBe(0);
    chmodSync(dir, 0o755);
  });

  it('practice on an unreadable store never says "saved": the summary says the answers were not saved', async () => {
    const dir = home();
    const good = JSON.stringify({ version: 1, cards: {}, days: {}, exams: [] });
    writeFileSync(join(dir, 'learning.json'), good);
    chmodSync(join(dir, 'learning.json'), asRoot ? 0o600 : 0o000);
    const s = spawnCli(['quiz', '--count', '1', '--topic', 'concepts'], {
      env: { AMLENV_HOME: dir, HOME: '/tmp', EDITOR: '', VISUAL: '' },
      ...who,
    });
    let screen = await s.waitFor(/Quiz · .*1 of 1/, 20000);
    expect(screen).toMatch(/cannot read \S*learning\.json/);
    await new Promise((r) => setTimeout(r, 150));
    if (screen.includes('choose all that apply')) await keys(s, ' ', SEQ.enter);
    else if (screen.includes('type the answer')) await keys(s, 'x', SEQ.enter);
    else await keys(s, SEQ.enter);
    await s.waitFor(/Enter finish/);
    await keys(s, SEQ.enter);
    screen = await s.waitFor(/NOT saved/);
    expect(screen).not.toMatch(/answers are saved/);
    await keys(s, SEQ.esc);
    expect(await s.exited).toBe(0);
    chmodSync(join(dir, 'learning.json'), 0o600);
    expect(readFileSync(join(dir, 'learning.json'), 'utf8')).toBe(good);
  }, 60000);
});
