// Against a stand-in daemon (test/docker/fake-daemon.ts), not the real one: a daemon that stalls, and what
// amlenv sends to it. Runs the built CLI, so it needs `node scripts/build.mjs` first, but no Docker.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pullAuth } from '../../src/job/ensure-image.js';
import { ROOT, tempDir } from '../helpers.js';
import { noImagesThen, stall, startFakeDaemon, type FakeDaemon } from './fake-daemon.js';

const SCRIPT_DIR = join(ROOT, 'fixtures', 'docker', 'scripts');

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  msAfterInterrupt?: number;
}

/** Runs the CLI against `daemon`; `interruptAfter` (true: the first call after /_ping) sends Ctrl-C (SIGINT) once it resolves. */
function amlenv(
  args: string[],
  daemon: FakeDaemon,
  env: Record<string, string> = {},
  interruptAfter: boolean | Promise<unknown> = false,
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'amlenv.js'), ...args], {
      cwd: tempDir(),
      env: { ...process.env, NO_COLOR: '1', CI: '1', DOCKER_HOST: daemon.host, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let interruptedAt: number | undefined;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    if (interruptAfter) {
      void (interruptAfter === true ? daemon.firstCall : interruptAfter).then(() =>
        setTimeout(() => {
          interruptedAt = performance.now();
          child.kill('SIGINT');
        }, 300),
      );
    }
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      const now = performance.now();
      resolve({
        code,
        signal,
        stdout,
        stderr,
        ms: now - started,
        msAfterInterrupt: interruptedAt === undefined ? undefined : now - interruptedAt,
      });
    });
  });
}

function writeEnv(env: object): string {
  const dir = tempDir();
  const path = join(dir, 'env.json');
  writeFileSync(path, JSON.stringify(env, null, 2));
  return path;
}

const userManaged = (docker: object = {}) =>
  writeEnv({
    name: 'faults',
    python: { userManagedDependencies: true, interpreterPath: 'python3' },
    docker: { baseImage: 'amlenv-test/python:bookworm', ...docker },
  });

let daemon: FakeDaemon | undefined;
afterEach(async () => {
  await daemon?.close();
  daemon = undefined;
});

describe('a daemon that answers /_ping and then stalls', () => {
  it('build ends with a clear exit-3 error once the call deadline passes, instead of hanging', async () => {
    daemon = await startFakeDaemon(stall);
    const r = await amlenv(['build', userManaged()], daemon, { AMLENV_DOCKER_TIMEOUT: '2' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /Docker did not answer when asked to inspect the image amlenv\/faults:[0-9a-f]{32} for 2 s at unix:\/\/.*; the daemon seems stuck: restart it/,
    );
    expect(r.stderr).not.toMatch(/please report|at .*\.js:\d+/);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('run ends the same way (exit 3)', async () => {
    daemon = await startFakeDaemon(stall);
    const r = await amlenv(['run', userManaged(), join(SCRIPT_DIR, 'exit_with.py'), '--', '0'], daemon, {
      AMLENV_DOCKER_TIMEOUT: '2',
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Docker did not answer when asked to inspect the image/);
  });

  it('the first Ctrl-C stops a build waiting on it and exits 130 at once (default deadlines)', async () => {
    daemon = await startFakeDaemon(stall);
    const r = await amlenv(['build', userManaged()], daemon, {}, true);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/stopped \(Ctrl-C\)/);
    expect(r.msAfterInterrupt).toBeLessThan(5_000);
  });

  it('the first Ctrl-C stops a run waiting on it and exits 130', async () => {
    daemon = await startFakeDaemon(stall);
    const r = await amlenv(['run', userManaged(), join(SCRIPT_DIR, 'exit_with.py'), '--', '0'], daemon, {}, true);
    expect(r.code).toBe(130);
    expect(r.msAfterInterrupt).toBeLessThan(5_000);
  });

  it('a pull that starts and then sends nothing trips the progress watchdog (exit 3)', async () => {
    daemon = await startFakeDaemon(
      noImagesThen((req, res) => {
        if (req.url?.includes('/images/create')) {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.write(`${JSON.stringify({ status: 'Pulling from amlenv-test/python', id: 'bookworm' })}\n`);
        }
      }),
    );
    const r = await amlenv(['build', userManaged()], daemon, { AMLENV_DOCKER_IDLE_TIMEOUT: '2' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Docker sent nothing while pulling amlenv-test\/python:bookworm for 2 s/);
  });

  it('a build that starts and then sends nothing trips the progress watchdog (exit 3)', async () => {
    daemon = await startFakeDaemon(
      noImagesThen((req, res) => {
        if (req.url?.includes('/images/create')) {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          return void res.end(
            `${JSON.stringify({ status: 'Status: Downloaded newer image for amlenv-test/python:bookworm' })}\n`,
          );
        }
        if (req.url?.includes('/build')) {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.write(`${JSON.stringify({ stream: 'Step 1/9 : FROM amlenv-test/python:bookworm\n' })}\n`);
        }
      }),
    );
    const r = await amlenv(['build', userManaged()], daemon, { AMLENV_DOCKER_IDLE_TIMEOUT: '2' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Docker sent nothing while building the image for 2 s/);
  });
});

describe('a daemon that stalls in the middle of a run', () => {
  // Answers what a run needs up to the start, then never reports the container's end nor obeys the kill.
  const runThenStall = (removed: string[]) =>
    ((req, res) => {
      const url = (req.url ?? '').replace(/^\/v[0-9.]+/, '');
      const json = (code: number, body: unknown) => {
        res.writeHead(code, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && /^\/images\/.+\/json/.test(url))
        return json(200, { Id: `sha256:${'a'.repeat(64)}`, Config: { Labels: {} } });
      if (req.method === 'GET' && url.startsWith('/containers/json')) return json(200, []);
      if (req.method === 'POST' && url.startsWith('/containers/create'))
        return json(201, { Id: 'c0ffee', Warnings: [] });
      if (req.method === 'POST' && url.startsWith('/containers/c0ffee/attach')) {
        res.writeHead(200, { 'Content-Type': 'application/vnd.docker.raw-stream' });
        return res.flushHeaders();
      }
      if (req.method === 'POST' && url.startsWith('/containers/c0ffee/start')) return void res.writeHead(204).end();
      if (req.method === 'DELETE' && url.startsWith('/containers/c0ffee')) {
        removed.push(url);
        return void res.writeHead(204).end();
      }
      // wait and kill: never answered.
    }) as Parameters<typeof startFakeDaemon>[0];

  it('after the run timeout the container is killed; when the daemon never reports its end, exit 3 (and the container is still removed)', async () => {
    const removed: string[] = [];
    daemon = await startFakeDaemon(runThenStall(removed));
    const r = await amlenv(
      ['run', userManaged(), join(SCRIPT_DIR, 'exit_with.py'), '--timeout', '1', '--', '0'],
      daemon,
      { AMLENV_DOCKER_TIMEOUT: '2' },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Docker did not answer when asked to stop the container after the timeout for 2 s/);
    expect(removed.some((u) => u.includes('force=true'))).toBe(true);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('Ctrl-C while the daemon does not report the end: exit 130 at once, and the container removal is asked for', async () => {
    const removed: string[] = [];
    daemon = await startFakeDaemon(runThenStall(removed));
    const r = await amlenv(
      ['run', userManaged(), join(SCRIPT_DIR, 'exit_with.py'), '--', '0'],
      daemon,
      {},
      daemon.waitFor((s) => s.url.includes('/wait')),
    );
    expect(r.msAfterInterrupt).toBeLessThan(5_000);
    expect(r.code).toBe(130);
    expect(removed.some((u) => u.includes('force=true'))).toBe(true);
  });
  it('Ctrl-C while the daemon has not answered the start: exit 130, and it says the run stopped (not a daemon call)', async () => {
    const removed: string[] = [];
    const startNeverAnswered = ((req, res) => {
      if (req.method === 'POST' && (req.url ?? '').includes('/containers/c0ffee/start')) return;
      return runThenStall(removed)?.(req, res);
    }) as Parameters<typeof startFakeDaemon>[0];
    daemon = await startFakeDaemon(startNeverAnswered);
    const r = await amlenv(
      ['run', userManaged(), join(SCRIPT_DIR, 'exit_with.py'), '--', '0'],
      daemon,
      {},
      daemon.waitFor((s) => s.url.includes('/start')),
    );
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/amlenv: the run stopped \(Ctrl-C\); nothing it created was left behind/);
    expect(r.stderr).not.toContain('start the container stopped');
  });
});

describe('registry credentials go only to their registry (what the daemon receives)', () => {
  const PASSWORD = 'pa55-not-for-docker-hub';
  const registry = { address: 'myregistry.azurecr.io', username: 'puller', password: PASSWORD, registryIdentity: null };
  const failPull = noImagesThen((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      `${JSON.stringify({ errorDetail: { message: 'stand-in daemon: no registry here' }, error: 'stand-in daemon: no registry here' })}\n`,
    );
  });
  const authHeaders = (d: FakeDaemon) => d.seen.filter((s) => s.headers['x-registry-auth'] !== undefined);

  it('an image that names no host (Docker Hub) with an azurecr.io address: refused by the validator, nothing is pulled, no X-Registry-Auth is ever sent', async () => {
    daemon = await startFakeDaemon(failPull);
    const path = userManaged({ baseImage: 'team/private-base:1.0', baseImageRegistry: registry });
    const r = await amlenv(['build', path], daemon);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /docker\.baseImageRegistry\.address: the credentials are for myregistry\.azurecr\.io, but docker\.baseImage is pulled from docker\.io/,
    );
    expect(r.stderr).toMatch(/myregistry\.azurecr\.io\/team\/private-base:1\.0/);
    expect(r.stderr + r.stdout).not.toContain(PASSWORD);
    expect(daemon.seen.some((s) => s.url.includes('/images/create'))).toBe(false);
    expect(authHeaders(daemon)).toEqual([]);
  });

  it("an image in the registry of the address: the pull carries that registry's credentials, addressed to it, and the password is never printed", async () => {
    daemon = await startFakeDaemon(failPull);
    const path = userManaged({
      baseImage: 'myregistry.azurecr.io/team/private-base:1.0',
      baseImageRegistry: { ...registry, address: 'https://MyRegistry.azurecr.io/' },
    });
    const r = await amlenv(['build', path], daemon);
    expect(r.code).toBe(1);
    const pulls = daemon.seen.filter((s) => s.url.startsWith('/images/create'));
    expect(pulls).toHaveLength(1);
    expect(pulls[0].url).toContain('fromImage=myregistry.azurecr.io%2Fteam%2Fprivate-base');
    const auth = JSON.parse(Buffer.from(String(pulls[0].headers['x-registry-auth']), 'base64').toString('utf8'));
    expect(auth).toEqual({ serveraddress: 'myregistry.azurecr.io', username: 'puller', password: PASSWORD });
    expect(r.stderr + r.stdout).not.toContain(PASSWORD);
  });

  it('an image of another registry host (mcr.microsoft.com) with an azurecr.io address is refused the same way', async () => {
    daemon = await startFakeDaemon(failPull);
    const r = await amlenv(
      [
        'build',
        userManaged({
          baseImage: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1',
          baseImageRegistry: registry,
        }),
      ],
      daemon,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pulled from mcr\.microsoft\.com.*\[docker\/registry-host-mismatch\]/s);
    expect(authHeaders(daemon)).toEqual([]);
  });

  it('unit: the adapter never gets credentials for a mismatched host, even when the validator is bypassed', () => {
    expect(() =>
      pullAuth('team/private-base:1.0', { address: 'myregistry.azurecr.io', username: 'u', password: 'p' }),
    ).toThrow(/pulled from docker\.io.*not sent/);
    expect(pullAuth('library/python:3.12', { address: 'index.docker.io', username: 'u', password: 'p' })).toEqual({
      serveraddress: 'docker.io',
      username: 'u',
      password: 'p',
    });
    expect(pullAuth('myregistry.azurecr.io/x:1', { address: 'myregistry.azurecr.io' })).toBeUndefined();
  });
});

describe('pip URL credentials are refused before anything reaches Docker or a file', () => {
  const SECRET = 's3cr3t-feed-token';
  const withFeed = () =>
    writeEnv({
      name: 'feed',
      python: {
        userManagedDependencies: false,
        condaDependencies: {
          name: 'feed',
          channels: ['conda-forge'],
          dependencies: [
            'python=3.11',
            'pip=24.2',
            { pip: [`--extra-index-url https://build:${SECRET}@pkgs.example.com/simple/`, 'numpy==1.26.4'] },
          ],
        },
      },
      docker: { baseImage: 'amlenv-test/python:bookworm' },
    });

  it('build exits 1 naming the private-feed lesson; the token is neither printed nor sent to the daemon', async () => {
    daemon = await startFakeDaemon(stall);
    const r = await amlenv(['build', withFeed()], daemon);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /error .*pip\[0\]: this pip entry has a user name and password in its URL; amlenv does not build it/,
    );
    expect(r.stderr).toMatch(/amlenv learn private-packages/);
    expect(r.stderr + r.stdout).not.toContain(SECRET);
    expect(daemon.seen.filter((s) => !s.url.startsWith('/_ping'))).toEqual([]);
  });

  it('run exits 1 the same way, and dockerfile --out writes no file holding it', async () => {
    daemon = await startFakeDaemon(stall);
    const env = withFeed();
    const r = await amlenv(['run', env, join(SCRIPT_DIR, 'exit_with.py'), '--', '0'], daemon);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).not.toContain(SECRET);
    const out = join(tempDir(), 'context');
    const d = await amlenv(['dockerfile', env, '--out', out], daemon);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/private-packages/);
    let written: string[] = [];
    try {
      written = readdirSync(out, { recursive: true }) as string[];
    } catch {
      written = [];
    }
    expect(written).toEqual([]);
    mkdirSync(out, { recursive: true });
  });
});
