// Sources and build contexts that used to crash or exhaust amlenv: the whole disk as --source-dir, an unreadable
// folder in the snapshot, a build-context file over 2 GiB, a large context read into memory. All without Docker
// (the problems are found before a daemon is needed).
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  ftruncateSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTree } from '../../src/snapshot/scan.js';
import { checkSnapshot } from '../../src/snapshot/limits.js';
import { cli, ROOT, tempDir } from '../helpers.js';

const USER_MANAGED = join(ROOT, 'fixtures', 'docker', 'envs', 'user-managed.json');
const NO_DOCKER = { DOCKER_HOST: 'unix:///nonexistent/amlenv-test.sock' };
const MB = 1024 * 1024;

/** A file of `bytes` zeros that takes no disk space. */
function sparse(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

/** A v2 environment built from a local folder `ctx` beside it (which holds a Dockerfile). */
function contextEnv(): { dir: string; env: string; ctx: string } {
  const dir = tempDir();
  const ctx = join(dir, 'ctx');
  mkdirSync(ctx);
  writeFileSync(join(ctx, 'Dockerfile'), 'FROM amlenv-test/python:bookworm\nCOPY . /data\n');
  const env = join(dir, 'env.yml');
  writeFileSync(env, 'name: big-context\nversion: "1"\nbuild:\n  path: ctx\n  dockerfile_path: Dockerfile\n');
  return { dir, env, ctx };
}

/** Runs the CLI and reports its peak memory (ru_maxrss of the node process, in MB). */
function cliWithPeak(
  args: string[],
  cwd: string,
): { code: number; stdout: string; stderr: string; peakMb: number; ms: number } {
  const probe = join(tempDir(), 'peak.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => process.stderr.write(`\\nPEAK_KB ${process.resourceUsage().maxRSS}\\n`));\n",
  );
  const started = performance.now();
  const r = spawnSync(process.execPath, ['-r', probe, join(ROOT, 'bin', 'amlenv.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...NO_DOCKER },
  });
  const ms = performance.now() - started;
  const peak = Number(/PEAK_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr.replace(/\nPEAK_KB \d+\n/, ''),
    peakMb: peak / 1024,
    ms,
  };
}

describe('run: source directories that are not a project', () => {
  it('--source-dir / is refused (exit 2) without walking the disk', () => {
    const started = performance.now();
    const r = cli(['run', USER_MANAGED, '--source-dir', '/', '--sample', 'show-env'], { env: NO_DOCKER });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'amlenv: --source-dir / is the whole file system, not a project; give the folder that holds your script and what it needs',
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('/proc as --source-dir is refused the same way', () => {
    const r = cli(['run', USER_MANAGED, '--source-dir', '/proc', '--sample', 'show-env'], { env: NO_DOCKER });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--source-dir \/proc is a system folder/);
  });

  it('an unreadable subfolder is named with the fix (exit 2), not a crash (run as an unprivileged user when the tests run as root)', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'job.py'), 'print("hi")\n');
    mkdirSync(join(dir, 'secret'));
    writeFileSync(join(dir, 'secret', 'x.txt'), 'x');
    chmodSync(join(dir, 'secret'), 0o000);
    const env = join(dir, 'env.json');
    writeFileSync(env, readFileSync(USER_MANAGED));
    chmodSync(env, 0o644);
    const asRoot = process.getuid?.() === 0;
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'amlenv.js'), 'run', env, join(dir, 'job.py'), '--outputs', join(dir, 'o')],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', ...NO_DOCKER, HOME: dir },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      },
    );
    chmodSync(join(dir, 'secret'), 0o755);
    expect(r.stderr).not.toMatch(/please report|unexpected error|at .*\.js:\d+/);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /secret in the source directory cannot be read \(permission denied\); fix its permissions, or list it in .*\.amlignore/,
    );
  });

  it('the scan stops once the snapshot is over the limit, and says the counts are lower bounds', () => {
    const dir = tempDir();
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `f${i}.txt`), 'x');
    const scan = scanTree(dir, { stopAfter: { files: 10, bytes: MB } });
    expect(scan.truncated).toBe(true);
    expect(scan.files.length).toBe(11);
    const verdict = checkSnapshot(scan, { maxBytes: MB, maxFiles: 10 });
    expect(verdict.message).toMatch(/is at least .* in at least 11 files, over Azure ML's limit of 10 files/);
  });
});

describe('build contexts are streamed from disk, never loaded whole', () => {
  it('a file over 2 GiB in the build context is a clear error (exit 2) in dockerfile, quickly', () => {
    const { dir, env, ctx } = contextEnv();
    sparse(join(ctx, 'huge.bin'), 2 * 1024 ** 3 + 1);
    const r = cliWithPeak(['dockerfile', env], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /^amlenv: .*huge\.bin in the build context is 2\.0 GiB, over the 2 GiB amlenv accepts for one file; list it in .*\.dockerignore/,
    );
    expect(r.ms).toBeLessThan(5_000);
  });

  it('dockerfile on a 600 MB context stays far below its size in memory (measured peak RSS), and --out copies it byte for byte', () => {
    const { dir, env, ctx } = contextEnv();
    sparse(join(ctx, 'weights.bin'), 600 * MB);
    const printed = cliWithPeak(['dockerfile', env], dir);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^FROM amlenv-test\/python:bookworm/);
    expect(printed.peakMb).toBeLessThan(200);
    const out = join(dir, 'out');
    const written = cliWithPeak(['dockerfile', env, '--out', out], dir);
    expect(written.code).toBe(0);
    expect(written.peakMb).toBeLessThan(200);
    expect(statSync(join(out, 'weights.bin')).size).toBe(600 * MB);
    console.log(
      `dockerfile on a 600 MB context: peak RSS ${printed.peakMb.toFixed(0)} MB in ${printed.ms.toFixed(0)} ms; with --out ${written.peakMb.toFixed(0)} MB`,
    );
  }, 60_000);
});
