// Real permission errors from the built CLI. Tests run as root here, where chmod does not deny anything, so
// as root the CLI is started as the unprivileged uid 65534 (nobody) against files owned by root; as any
// other user, chmod does the job. Either way the kernel, not a mock, says no.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const asRoot = process.getuid?.() === 0;
const who = asRoot ? 'run as uid 65534 because the tests run as root' : 'with chmod';

function home(): string {
  const dir = join(tempDir(), 'amlenv');
  mkdirSync(dir);
  chmodSync(join(dir, '..'), 0o755);
  return dir;
}

function progressJson(dir: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'amlenv.js'), 'progress', '--json'], {
    env: { ...process.env, AMLENV_HOME: dir, HOME: '/tmp', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const good = JSON.stringify({ version: 1, cards: {}, days: { '2026-11-25': 3 }, exams: [] });

describe(`a store amlenv may not touch (${who})`, () => {
  it('an unreadable learning.json (EACCES) is not damaged: untouched, not set aside, said once in one line', () => {
    const dir = home();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'learning.json'), good);
    chmodSync(join(dir, 'learning.json'), asRoot ? 0o600 : 0o000);
    const r = progressJson(dir);
    // Exit 3 and no JSON: a report built from defaults would tell a script the learner has no history.
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot read .*learning\.json \(permission denied\): fix its permissions/);
    expect(r.stderr).not.toMatch(/\n\s+at |unexpected error/);
    expect(readdirSync(dir)).toEqual(['learning.json']);
    chmodSync(join(dir, 'learning.json'), 0o600);
    expect(readFileSync(join(dir, 'learning.json'), 'utf8')).toBe(good);
  });

  it('a damaged store in a read-only folder: left in place, one plain line, no stack trace', () => {
    const dir = home();
    writeFileSync(join(dir, 'learning.json'), '{"version": 1, "cards": [');
    chmodSync(join(dir, 'learning.json'), 0o644);
    chmodSync(dir, 0o555);
    const r = progressJson(dir);
    chmodSync(dir, 0o755);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/learning\.json is damaged .* left in place: .*permission denied.*nothing is saved/);
    expect(r.stderr).not.toMatch(/\n\s+at |unexpected error|ERROR/);
    expect(readdirSync(dir)).toEqual(['learning.json']);
  });

  it('a settings folder that is a file: one plain line', () => {
    const parent = tempDir();
    chmodSync(parent, 0o755);
    const dir = join(parent, 'amlenv');
    writeFileSync(dir, 'x');
    const r = progressJson(dir);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/settings folder .*amlenv is a file, not a folder/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
