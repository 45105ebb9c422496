// `amlenv solve` as a user runs it (the built bundle), against a channel this test serves on loopback.
// The CLI runs as a child process without blocking, so the server in this process can answer it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, type CliResult } from '../helpers.js';
import { closedPort, serveChannel, type ServedChannel } from './channel.js';

let channel: ServedChannel;
let dir: string;

beforeAll(async () => {
  channel = await serveChannel();
  dir = tempDir();
});
afterAll(() => channel.close());

function run(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'amlenv.js'), ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', AMLENV_CACHE_DIR: join(dir, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function conda(name: string, deps: string[], pip: string[] = []): string {
  const text = [
    'name: cli-env',
    'channels:',
    `  - ${channel.url}`,
    '  - nodefaults',
    'dependencies:',
    ...deps.map((d) => `  - ${d}`),
    ...(pip.length ? ['  - pip:', ...pip.map((p) => `    - ${p}`)] : []),
    '',
  ].join('\n');
  writeFileSync(join(dir, name), text);
  return name;
}

// each case starts several CLI processes; on a loaded machine that takes a while
describe('amlenv solve', { timeout: 90_000 }, () => {
  it('prints the resolved packages as a table with the time taken, exit 0', async () => {
    const file = conda('ok.yml', ['python=3.11', 'scikit-learn=1.5', 'pip']);
    const r = await run(['solve', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok\.yml \(conda-yaml\): solved for linux-64 \+ noarch in \d+\.\d+ s/);
    expect(r.stdout).toMatch(/name\s+version\s+build\s+channel/);
    expect(r.stdout).toMatch(
      new RegExp(`scikit-learn\\s+1\\.5\\.1\\s+py311h1e6b9c1_0\\s+${channel.url.replace(/[.]/g, '\\.')}`),
    );
    expect(r.stdout).toMatch(/13 packages/);
  });

  it('explains a conflict at file:line:column with a fix, exit 1', async () => {
    const file = conda('old.yml', ['python=3.8', 'scikit-learn=1.5', 'pip']);
    const r = await run(['solve', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('old.yml (conda-yaml): cannot be solved for linux-64 + noarch');
    expect(r.stdout).toMatch(
      /error\s+old\.yml:7:5: scikit-learn 1\.5\.\* cannot be installed: scikit-learn 1\.5\.1 would require python >=3\.9,<3\.10\.0a0, for which no candidates were found \[solve\/unsatisfiable\]/,
    );
    expect(r.stdout).toMatch(/fix: .*raise the python pin, or pin an older scikit-learn/);
  });

  it('--json gives the packages, the diagnostics and the timing', async () => {
    const file = conda('pip.yml', ['python=3.11', 'numpy=1.26', 'scikit-learn', 'pip'], ['numpy==1.18.5']);
    const r = await run(['solve', file, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      path: 'pip.yml',
      format: 'conda-yaml',
      platform: 'linux-64',
      solved: true,
      valid: false,
      lock: null,
    });
    expect(out.packages.find((p: { name: string }) => p.name === 'numpy')).toMatchObject({
      version: '1.26.4',
      build: 'py311h64a7726_0',
      channel: channel.url,
    });
    expect(out.diagnostics[0]).toMatchObject({
      rule: 'solve/pip-contradicts-conda',
      severity: 'error',
      file: 'pip.yml',
      line: 11,
      column: 7,
    });
    expect(typeof out.seconds).toBe('number');
  });

  it('an unreachable channel: one line on stderr, exit 3', async () => {
    const file = conda('down.yml', ['python=3.11']);
    const url = `http://127.0.0.1:${await closedPort()}/gone`;
    const r = await run(['solve', file, '--channel', url]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      new RegExp(`^amlenv: cannot reach the conda channel ${url.replace(/[.]/g, '\\.')} \\(ECONNREFUSED\\)`),
    );
  });

  it('offline with a cached index: solves, with one warning line per index on stderr', async () => {
    const own = await serveChannel();
    writeFileSync(
      join(dir, 'offline.yml'),
      `name: o\nchannels:\n  - ${own.url}\n  - nodefaults\ndependencies:\n  - python=3.11\n`,
    );
    expect((await run(['solve', 'offline.yml'])).code).toBe(0);
    await own.close();
    const r = await run(['solve', 'offline.yml']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^amlenv: ${own.url.replace(/[.]/g, '\\.')}/(linux-64|noarch)/repodata\\.json did not answer \\(ECONNREFUSED\\); using the copy cached \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC$`,
      ),
    );
    expect((await run(['solve', 'offline.yml', '--refresh'])).code).toBe(3);
  });

  it('--channel overrides the file; --lock writes a pinned file once, refuses to overwrite without --force; validate recognises it', async () => {
    const file = 'override.yml';
    writeFileSync(
      join(dir, file),
      'name: o\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n  - numpy\n  - pip\n  - pip:\n    - requests==2.32.3\n',
    );
    const r = await run(['solve', file, '--channel', channel.url, '--lock', 'o.lock.yml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`channels: ${channel.url} (from --channel)`);
    expect(r.stdout).toContain('wrote o.lock.yml: 9 packages pinned to exact builds');
    const lock = readFileSync(join(dir, 'o.lock.yml'), 'utf8');
    expect(lock).toContain(`- ${channel.url}::numpy=1.26.4=py310h64a7726_0`);
    expect(lock).toContain('- requests==2.32.3');
    const again = await run(['solve', file, '--channel', channel.url, '--lock', 'o.lock.yml']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/o\.lock\.yml already exists; .*--force/);
    expect((await run(['solve', file, '--channel', channel.url, '--lock', 'o.lock.yml', '--force'])).code).toBe(0);
    const validated = await run(['validate', 'o.lock.yml']);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(
      /info\s+o\.lock\.yml.*locked by amlenv solve for linux-64 on \d{4}-\d{2}-\d{2}: all 9 conda packages pinned to exact version, build and channel \[conda\/locked\]/,
    );
    // the lock solves to the same packages
    const relock = await run(['solve', 'o.lock.yml', '--json']);
    const pinned = [...lock.matchAll(/::(\S+?)=(\S+?)=(\S+)$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(pinned).toHaveLength(9);
    expect(
      JSON.parse(relock.stdout).packages.map(
        (p: { name: string; version: string; build: string }) => `${p.name} ${p.version} ${p.build}`,
      ),
    ).toEqual(pinned);
  });

  it('no lock is written when the environment cannot be solved', async () => {
    const file = conda('bad.yml', ['python=3.10', 'tensorflw']);
    const r = await run(['solve', file, '--lock', 'bad.lock.yml']);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'bad.lock.yml'))).toBe(false);
    expect(r.stderr).toContain('bad.lock.yml was not written: the environment cannot be solved');
    const pip = conda('pipbad.yml', ['python=3.11', 'scikit-learn', 'pip'], ['numpy==1.18.5']);
    const p = await run(['solve', pip, '--lock', 'pipbad.lock.yml']);
    expect(p.code).toBe(1);
    expect(existsSync(join(dir, 'pipbad.lock.yml'))).toBe(false);
    expect(p.stderr).toContain(
      'pipbad.lock.yml was not written: fix the problems between the pip list and the solve first',
    );
  });

  it('usage errors exit 2: a missing file, nothing to solve, an unknown platform', async () => {
    expect((await run(['solve', 'nope.yml'])).code).toBe(2);
    writeFileSync(
      join(dir, 'image.yml'),
      'name: x\nimage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\n',
    );
    const image = await run(['solve', 'image.yml']);
    expect(image.code).toBe(2);
    expect(image.stderr).toMatch(/nothing to solve: it has no conda_file/);
    const plat = await run(['solve', conda('p.yml', ['python']), '--platform', 'linux-65']);
    expect(plat.code).toBe(2);
    expect(plat.stderr).toContain('--platform linux-65: not a conda platform');
  });

  it('solve --help documents every flag', async () => {
    const r = await run(['solve', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--channel URL', '--platform P', '--lock FILE', '--force', '--refresh', '--json'])
      expect(r.stdout).toContain(flag);
    expect(r.stdout).toMatch(/3 channels unreachable/);
  });
});
