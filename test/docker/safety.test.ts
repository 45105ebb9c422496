// Against the real daemon: containers are labelled with their owner and removed once that amlenv is gone
// (kill -9), and --tag never takes a name from an image amlenv did not build unless told to. Only containers
// and images these tests make are looked at, found by amlenv's labels or by their own names.
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectImage } from '../../src/docker/images.js';
import { cli, ROOT, tempDir } from '../helpers.js';
import { testDaemon } from './daemon.js';
import { BASE_IMAGE, DOCKER_FIXTURES } from './images.js';
import { trackDaemon } from './cleanup.js';
import { lockDaemon } from './lock.js';
import { cliAsync } from './spawn.js';

const SCRIPTS = join(DOCKER_FIXTURES, 'scripts');
const USER_MANAGED = join(DOCKER_FIXTURES, 'envs', 'user-managed.json');
const LONG = 180_000;

const docker = await testDaemon('Docker safety');

describe.skipIf(!docker)('Docker safety (real daemon)', () => {
  const d = docker!;
  let unlock: () => void = () => undefined;
  let cleanUp = async (): Promise<string[]> => [];
  beforeAll(async () => {
    unlock = await lockDaemon();
    cleanUp = await trackDaemon(d);
    expect(cli(['build', USER_MANAGED]).code).toBe(0);
  }, LONG);
  afterAll(async () => {
    try {
      await cleanUp();
    } finally {
      unlock();
    }
  }, LONG);

  const ownedBy = (pid: number) =>
    d.listContainers({ all: true, filters: { label: ['org.amlenv.managed=true', `org.amlenv.pid=${pid}`] } });

  it(
    'a container is labelled with its amlenv process; after kill -9 of that amlenv the next run removes it',
    async () => {
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'bin', 'amlenv.js'),
          'run',
          USER_MANAGED,
          join(SCRIPTS, 'sleeper.py'),
          '--outputs',
          join(tempDir(), 'o'),
          '--',
          '300',
        ],
        {
          // Killed with -9, it never removes its run folder: it makes it inside a test folder instead.
          env: { ...process.env, NO_COLOR: '1', CI: '1', TMPDIR: tempDir() },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const pid = child.pid!;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the sleeper never started')), 60_000);
        child.stdout.on('data', (b: Buffer) => {
          if (!b.toString().includes('started')) return;
          clearTimeout(timer);
          resolve();
        });
      });
      // The script prints before the daemon records the start (its state is still "created" for a moment under
      // load): wait for "running", and name every container of the process if it never comes.
      let owned = await ownedBy(pid);
      for (let tries = 0; tries < 100 && !owned.some((c) => c.State === 'running'); tries++) {
        await new Promise((r) => setTimeout(r, 100));
        owned = await ownedBy(pid);
      }
      const running = owned.find((c) => c.State === 'running');
      expect(
        running,
        `containers of pid ${pid}: ${owned.map((c) => `${c.Image} ${c.State}`).join(', ')}`,
      ).toBeDefined();
      if (!running) return;
      expect(running.Labels).toMatchObject({
        'org.amlenv.managed': 'true',
        'org.amlenv.pid': String(pid),
        'org.amlenv.host': hostname(),
      });
      expect(running.Labels['org.amlenv.pid-start']).toMatch(/^\d+$/);

      const exited = new Promise((resolve) => child.on('close', resolve));
      child.kill('SIGKILL');
      await exited;
      // Nobody is left to stop it: it is still running.
      expect((await d.getContainer(running.Id).inspect()).State.Running).toBe(true);

      const next = await cliAsync([
        'run',
        USER_MANAGED,
        join(SCRIPTS, 'exit_with.py'),
        '--outputs',
        join(tempDir(), 'o'),
        '--',
        '0',
      ]);
      expect(next.code).toBe(0);
      expect(await ownedBy(pid)).toEqual([]);
    },
    LONG,
  );

  it(
    'a container whose amlenv is still running is left alone by another run',
    async () => {
      const first = cliAsync([
        'run',
        USER_MANAGED,
        join(SCRIPTS, 'sleeper.py'),
        '--outputs',
        join(tempDir(), 'o'),
        '--',
        '8',
      ]);
      // Wait until the first run's container exists.
      for (let i = 0; i < 300; i++) {
        const all = await d.listContainers({
          filters: { label: ['org.amlenv.managed=true', `org.amlenv.host=${hostname()}`] },
        });
        if (all.length > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const second = await cliAsync([
        'run',
        USER_MANAGED,
        join(SCRIPTS, 'exit_with.py'),
        '--outputs',
        join(tempDir(), 'o'),
        '--',
        '0',
      ]);
      expect(second.code).toBe(0);
      const r = await first;
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('woke up');
    },
    LONG,
  );

  it(
    '--tag refuses to move a tag that names an image amlenv did not build (exit 2, tag unchanged); --force moves it',
    async () => {
      const tag = `amlenv-test/foreign:${Math.random().toString(36).slice(2, 8)}`;
      const base = await inspectImage(d, BASE_IMAGE);
      await d.getImage(BASE_IMAGE).tag({ repo: tag.split(':')[0], tag: tag.split(':')[1] });
      try {
        const refused = cli(['build', USER_MANAGED, '--tag', tag]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(
          new RegExp(`--tag ${tag} already names an image amlenv did not build .*pass --force to move it`),
        );
        expect((await inspectImage(d, tag))?.Id).toBe(base!.Id);

        const forced = cli(['build', USER_MANAGED, '--tag', tag, '--force']);
        expect(forced.code).toBe(0);
        const moved = await inspectImage(d, tag);
        expect(moved?.Id).not.toBe(base!.Id);
        expect(moved?.Config.Labels?.['org.amlenv.hash']).toBeDefined();

        // Now the tag is amlenv's: building again with it needs no --force.
        expect(cli(['build', USER_MANAGED, '--tag', tag]).code).toBe(0);
      } finally {
        await d
          .getImage(tag)
          .remove()
          .catch(() => undefined);
      }
    },
    LONG,
  );
});
