// Against the real daemon: builds and runs the way a user does, through the built CLI. Skipped when no daemon
// answers, unless REQUIRE_DOCKER=1 (set in .ci/run), which turns that into a failure. Containers run without
// network; nothing here sends traffic anywhere (the images are local: see fixtures/docker/).
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Docker } from '../../src/docker/client.js';
import { inspectImage } from '../../src/docker/images.js';
import { cli, tempDir } from '../helpers.js';
import { testDaemon } from './daemon.js';
import { BASE_IMAGE, CONDA_STANDIN_IMAGE, DOCKER_FIXTURES, ensureCondaStandin } from './images.js';
import { trackDaemon } from './cleanup.js';
import { lockDaemon } from './lock.js';
import { startRegistry } from './registry.js';
import { cliAsync } from './spawn.js';
import { makeWheel } from './wheel.js';

const SCRIPTS = join(DOCKER_FIXTURES, 'scripts');
const USER_MANAGED = join(DOCKER_FIXTURES, 'envs', 'user-managed.json');
const LONG = 180_000;

const docker = await testDaemon('Docker integration');

interface Resources {
  containers: string[];
  networks: string[];
  volumes: string[];
}

// Only amlenv's own containers are counted (by its label), never every container on the daemon.
async function resources(d: Docker): Promise<Resources> {
  const [containers, networks, volumes] = await Promise.all([
    d.listContainers({ all: true, filters: { label: ['org.amlenv.managed=true'] } }),
    d.listNetworks(),
    d.listVolumes(),
  ]);
  return {
    containers: containers.map((c) => c.Id).sort(),
    networks: networks.map((n) => n.Id).sort(),
    volumes: (volumes.Volumes ?? []).map((v) => v.Name).sort(),
  };
}

/** A v1 definition in a temporary folder; returns its path. */
function writeEnv(env: object, dir = tempDir()): string {
  const path = join(dir, 'env.json');
  writeFileSync(path, JSON.stringify(env, null, 4));
  return path;
}

const userManagedEnv = (extra: object = {}) => ({
  name: 'local-python',
  python: { userManagedDependencies: true, interpreterPath: 'python3' },
  environmentVariables: { GREETING: 'hello from the environment' },
  docker: { baseImage: BASE_IMAGE, platform: { os: 'Linux', architecture: 'amd64' } },
  ...extra,
});

const jsonLine = (text: string, prefix: string) =>
  JSON.parse(
    text
      .split('\n')
      .find((l) => l.startsWith(`${prefix} `))!
      .slice(prefix.length + 1),
  );
const stepLines = (stderr: string) => stderr.split('\n').filter((l) => /^step \d+\/\d+ /.test(l));

describe.skipIf(!docker)('Docker integration (real daemon)', () => {
  const d = docker!;
  let before: Resources;

  let unlock: () => void = () => undefined;

  let cleanUp = async (): Promise<string[]> => [];

  beforeAll(async () => {
    unlock = await lockDaemon();
    cleanUp = await trackDaemon(d);
    await ensureCondaStandin(d);
  }, 20 * 60_000);

  afterAll(async () => {
    try {
      await cleanUp();
    } finally {
      unlock();
    }
  }, LONG);

  beforeEach(async () => {
    before = await resources(d);
  });

  // After success, failure, timeout and Ctrl-C alike: no container, network or volume is left behind. Only new
  // ones count: one that was there before may go (a run removes the containers of an amlenv that died).
  const added = (now: Resources): Resources => ({
    containers: now.containers.filter((id) => !before.containers.includes(id)),
    networks: now.networks.filter((id) => !before.networks.includes(id)),
    volumes: now.volumes.filter((id) => !before.volumes.includes(id)),
  });
  afterEach(async () => {
    let after = await resources(d);
    for (let i = 0; i < 50 && added(after).containers.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await resources(d);
    }
    expect(added(after)).toEqual({ containers: [], networks: [], volumes: [] });
  });

  it(
    'user-managed environment: builds, runs real python with the variables and arguments as a non-root user, brings outputs and logs back',
    async () => {
      expect(cli(['build', USER_MANAGED]).code).toBe(0);
      const out = join(tempDir(), 'run');
      const r = await cliAsync([
        'run',
        USER_MANAGED,
        join(SCRIPTS, 'job.py'),
        '--outputs',
        out,
        '--',
        'alpha',
        'beta gamma',
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('greeting: hello from the environment\n');
      expect(r.stdout).toContain('args: alpha beta gamma\n');
      expect(r.stdout).toContain('cwd: /amlenv/wd\n');
      expect(r.stdout).toContain('python: /usr/bin/python3\n');
      expect(r.stdout).not.toContain('uid: 0\n');
      expect(r.stderr).toContain('to stderr\n');
      expect(r.stdout).not.toContain('to stderr');
      expect(readFileSync(join(out, 'outputs', 'result.txt'), 'utf8')).toBe('42\n');
      expect(readFileSync(join(out, 'outputs', 'nested', 'more.txt'), 'utf8')).toBe('nested\n');
      expect(readFileSync(join(out, 'logs', 'metrics.log'), 'utf8')).toBe('accuracy=0.9\n');
      expect(readFileSync(join(out, 'user_logs', 'std_log.txt'), 'utf8')).toContain(
        'greeting: hello from the environment',
      );
      expect(r.stderr).toContain(`outputs and logs: ${out} (3 files)`);
    },
    LONG,
  );

  it(
    'without --outputs, outputs go to amlenv-runs/<run-id>/ in the current folder',
    async () => {
      const cwd = tempDir();
      const r = await cliAsync(['run', USER_MANAGED, join(SCRIPTS, 'job.py')], { cwd });
      expect(r.code).toBe(0);
      const runs = readdirSync(join(cwd, 'amlenv-runs'));
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatch(/^local-python_\d+_[0-9a-f]{8}$/);
      expect(readFileSync(join(cwd, 'amlenv-runs', runs[0], 'outputs', 'result.txt'), 'utf8')).toBe('42\n');
    },
    LONG,
  );

  it.each([['7'], ['255'], ['3']])(
    "a script that exits %s: amlenv run exits 1, prints the script's code and keeps it in run.json",
    async (code) => {
      const out = join(tempDir(), 'o');
      const r = await cliAsync(['run', USER_MANAGED, join(SCRIPTS, 'exit_with.py'), '--outputs', out, '--', code]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`exiting with ${code}`);
      expect(r.stderr).toMatch(new RegExp(`script exited with ${code} after`));
      expect(r.stderr).toMatch(new RegExp(`the script failed with exit code ${code}; see .*std_log\\.txt`));
      expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))).toMatchObject({
        status: 'failed',
        exitCode: Number(code),
        timedOut: false,
        script: 'exit_with.py',
      });
    },
    LONG,
  );

  it(
    'safe defaults: no network (names do not resolve), no capabilities, no-new-privileges, non-root, read-only root and snapshot, writable /tmp and outputs',
    async () => {
      const r = await cliAsync([
        'run',
        USER_MANAGED,
        join(SCRIPTS, 'sandbox_probe.py'),
        '--outputs',
        join(tempDir(), 'o'),
      ]);
      expect(r.code).toBe(0);
      const probe = jsonLine(r.stdout, 'PROBE');
      expect(probe).toMatchObject({
        cap_eff: '0000000000000000',
        no_new_privs: '1',
        write_root: 'OSError',
        write_snapshot: 'OSError',
        write_tmp: 'allowed',
        write_outputs: 'allowed',
        resolve: 'gaierror',
        interfaces: ['lo'],
      });
      expect(probe.uid).not.toBe(0);
    },
    LONG,
  );

  it(
    'links the script leaves in ./outputs and ./logs are not followed out of them',
    async () => {
      const out = join(tempDir(), 'o');
      const r = await cliAsync(['run', USER_MANAGED, join(SCRIPTS, 'sneaky_outputs.py'), '--outputs', out]);
      expect(r.code).toBe(0);
      expect(readFileSync(join(out, 'outputs', 'real.txt'), 'utf8')).toBe('real\n');
      for (const p of ['outputs/passwd', 'outputs/sub/up', 'logs/root'])
        expect(
          existsSync(join(out, p)) ||
            (() => {
              try {
                return lstatSync(join(out, p)).isSymbolicLink();
              } catch {
                return false;
              }
            })(),
        ).toBe(false);
      expect(r.stderr).toContain('left behind: outputs/passwd: a link (links are not followed)');
      expect(r.stderr).toContain('left behind: logs/root: a link (links are not followed)');
    },
    LONG,
  );

  it(
    'a timeout stops the container and exits 1 with a message',
    async () => {
      const started = performance.now();
      const r = await cliAsync([
        'run',
        USER_MANAGED,
        join(SCRIPTS, 'sleeper.py'),
        '--timeout',
        '2',
        '--outputs',
        join(tempDir(), 'o'),
        '--',
        '60',
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('started');
      expect(r.stdout).not.toContain('woke up');
      expect(r.stderr).toMatch(/ran longer than --timeout 2 s and was stopped/);
      expect(performance.now() - started).toBeLessThan(30_000);
    },
    LONG,
  );

  it(
    'Ctrl-C during a run stops it and removes the container (exit 130)',
    async () => {
      const r = await cliAsync(
        ['run', USER_MANAGED, join(SCRIPTS, 'sleeper.py'), '--outputs', join(tempDir(), 'o'), '--', '60'],
        { interruptWhen: /started/ },
      );
      expect(r.interruptedAt).toBeDefined();
      expect(r.code).toBe(130);
      expect(r.stderr).toMatch(/the run stopped \(Ctrl-C\); nothing it created was left behind/);
      expect(r.endedAt - r.interruptedAt!).toBeLessThan(15_000);
    },
    LONG,
  );

  it(
    'an unchanged definition is not rebuilt',
    async () => {
      expect(cli(['build', USER_MANAGED]).code).toBe(0);
      const again = cli(['build', USER_MANAGED]);
      expect(again.code).toBe(0);
      expect(again.stderr).toMatch(/^up to date: amlenv\/local-python:[0-9a-f]{32} exists already/);
      expect(stepLines(again.stderr)).toEqual([]);
      expect(again.stdout).toMatch(/^amlenv\/local-python:[0-9a-f]{32}\n$/);
    },
    LONG,
  );

  it(
    'changing only the environment variables builds nothing, and the run sees the new values',
    async () => {
      const first = cli(['build', USER_MANAGED]);
      const env = writeEnv(userManagedEnv({ environmentVariables: { GREETING: 'changed value', EXTRA: 'x' } }));
      const r = await cliAsync(['run', env, join(SCRIPTS, 'job.py'), '--outputs', join(tempDir(), 'o')]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`up to date: ${first.stdout.trim()} exists already`);
      expect(stepLines(r.stderr)).toEqual([]);
      expect(r.stdout).toContain('greeting: changed value');
    },
    LONG,
  );

  it(
    'changing only the script builds nothing, and the new script runs',
    async () => {
      const src = tempDir();
      writeFileSync(join(src, 'train.py'), 'print("version one")\n');
      const one = await cliAsync(['run', USER_MANAGED, join(src, 'train.py'), '--outputs', join(tempDir(), 'o')]);
      writeFileSync(join(src, 'train.py'), 'print("version two")\n');
      const two = await cliAsync(['run', USER_MANAGED, join(src, 'train.py'), '--outputs', join(tempDir(), 'o')]);
      expect(one.stdout).toContain('version one');
      expect(two.code).toBe(0);
      expect(two.stdout).toContain('version two');
      expect(two.stderr).toMatch(/^up to date: /);
      expect(stepLines(two.stderr)).toEqual([]);
    },
    LONG,
  );

  it(
    'pip environment: a local wheel is installed by real pip with no network (inside the recording conda stand-in, since conda itself cannot run offline)',
    async () => {
      const dir = tempDir();
      makeWheel(join(DOCKER_FIXTURES, 'wheel-src'), dir, 'amlenv_sample', '0.1.0');
      const env = writeEnv(
        {
          name: 'pip-wheel',
          python: {
            userManagedDependencies: false,
            condaDependencies: {
              channels: ['conda-forge'],
              dependencies: ['python=3.11', 'pip', { pip: ['./amlenv_sample-0.1.0-py3-none-any.whl'] }],
            },
          },
          docker: { baseImage: CONDA_STANDIN_IMAGE },
        },
        dir,
      );
      // --no-cache: pip really runs in this test, whatever an earlier run left in the layer cache.
      const build = await cliAsync(['build', env, '--no-cache']);
      expect(build.code).toBe(0);
      expect(build.stderr).toMatch(/│ Processing \.\/packages\/amlenv_sample-0\.1\.0-py3-none-any\.whl/);
      expect(build.stderr).toMatch(/│ Successfully installed amlenv-sample-0\.1\.0/);
      const r = await cliAsync(['run', env, join(SCRIPTS, 'env_report.py'), '--outputs', join(tempDir(), 'o')]);
      expect(r.code).toBe(0);
      expect(stepLines(r.stderr)).toEqual([]);
      const report = jsonLine(r.stdout, 'REPORT');
      expect(report.sample).toBe('installed from a local wheel');
      expect(report.executable).toMatch(/^\/azureml-envs\/azureml_[0-9a-f]{32}\/bin\/python$/);
    },
    LONG,
  );

  it(
    'conda environment (recording conda stand-in: real conda cannot run offline): the exact conda env create call, PATH, AZUREML_CONDA_ENVIRONMENT_PATH and LD_LIBRARY_PATH',
    async () => {
      const env = writeEnv({
        name: 'conda-env',
        python: {
          userManagedDependencies: false,
          condaDependencies: {
            name: 'my-env',
            channels: ['conda-forge'],
            dependencies: ['python=3.11', 'numpy=1.26', 'pip'],
          },
        },
        environmentVariables: { RUN_TIME_ONLY: 'yes' },
        docker: { baseImage: CONDA_STANDIN_IMAGE },
      });
      const dockerfile = cli(['dockerfile', env]).stdout;
      const prefix = /conda env create -p (\/azureml-envs\/azureml_[0-9a-f]{32}) /.exec(dockerfile)![1];
      const r = await cliAsync(['run', env, join(SCRIPTS, 'env_report.py'), '--outputs', join(tempDir(), 'o')]);
      expect(r.code).toBe(0);
      const report = jsonLine(r.stdout, 'REPORT');
      expect(report.conda_calls).toEqual([
        ['--version'],
        ['env', 'create', '-p', prefix, '-f', 'azureml-environment-setup/mutated_conda_dependencies.yml'],
        ['clean', '-aqy'],
        ['info', '--root'],
      ]);
      expect(report.executable).toBe(`${prefix}/bin/python`);
      expect(report.prefix).toBe(prefix);
      expect(report.conda_env).toBe(prefix);
      expect(report.ld_library_path).toBe(`${prefix}/lib:`);
      expect(report.path.split(':')[0]).toBe(`${prefix}/bin`);
      expect(report.image_flag).toBe('True');
    },
    LONG,
  );

  it(
    'a v2 environment with a local build folder is built from that folder as it is (.dockerignore honoured)',
    async () => {
      const dir = tempDir();
      mkdirSync(join(dir, 'context'));
      writeFileSync(join(dir, 'context', 'Dockerfile'), `FROM ${BASE_IMAGE}\nCOPY . /ctx/\n`);
      writeFileSync(join(dir, 'context', 'kept.txt'), 'kept\n');
      writeFileSync(join(dir, 'context', 'secret.env'), 'TOKEN=x\n');
      writeFileSync(join(dir, 'context', '.dockerignore'), '*.env\n');
      writeFileSync(join(dir, 'env.yml'), 'name: from-context\nbuild:\n  path: context\n');
      writeFileSync(join(dir, 'list.py'), 'import os\nprint("CTX", sorted(os.listdir("/ctx")))\n');
      const r = await cliAsync(['run', join(dir, 'env.yml'), join(dir, 'list.py'), '--outputs', join(dir, 'o')]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("CTX ['.dockerignore', 'Dockerfile', 'kept.txt']");
    },
    LONG,
  );

  it(
    'a base image that is not here is pulled with per-layer progress, then built and run; --pull pulls again (registry on loopback)',
    async () => {
      const registry = await startRegistry(d, BASE_IMAGE, 'amlenv-test/pulled', '1', `${process.pid}-${Date.now()}`);
      const image = `${registry.host}/amlenv-test/pulled:1`;
      const env = writeEnv(userManagedEnv({ name: 'from-a-registry', docker: { baseImage: image } }));
      try {
        const script = join(tempDir(), 'show.py');
        writeFileSync(script, 'print(open("/amlenv-pulled.txt").readline().strip())\n');
        const r = await cliAsync(['run', env, script, '--outputs', join(tempDir(), 'o')]);
        expect(r.stderr).toContain(`pulling ${image}`);
        expect(r.code).toBe(0);
        // Two layers: the base layer (downloaded, or "Already exists" once the daemon knows its digest) and a new one.
        const layers = new Set([...r.stderr.matchAll(/ {2}layer ([0-9a-f]{12}): /g)].map((m) => m[1]));
        expect(layers.size).toBe(2);
        // a small layer may arrive in one piece, with no byte count in between
        expect(r.stderr).toMatch(
          / {2}layer [0-9a-f]{12}: (Downloading [\d.]+ [KM]?B|Download complete|Verifying Checksum)/,
        );
        expect(r.stderr).toMatch(/ {2}layer [0-9a-f]{12}: Pull complete/);
        expect(r.stderr).toMatch(/^step 1\/\d+ FROM 127\.0\.0\.1:\d+\/amlenv-test\/pulled:1$/m);
        expect(r.stdout).toContain('this layer came from the local test registry');
        // Asynchronously: the registry answers from this process.
        const again = await cliAsync(['build', env, '--pull']);
        expect(again.code).toBe(0);
        expect(again.stderr).toContain(`pulling ${image}`);
        expect(again.stderr).toMatch(/Image is up to date for 127\.0\.0\.1/);
      } finally {
        // The images built here (found by their source label) first, then the pulled base they stand on.
        for (const built of await d.listImages({ filters: { label: [`org.amlenv.source=${env}`] } }))
          await d
            .getImage(built.Id)
            .remove({ force: true })
            .catch(() => undefined);
        await d
          .getImage(image)
          .remove({ force: true })
          .catch(() => undefined);
        await registry.close();
      }
    },
    LONG,
  );

  it(
    'a failing RUN shows the failing step and the tail of its log, exits 1, and leaves no container',
    async () => {
      const env = writeEnv(
        userManagedEnv({
          name: 'broken',
          docker: {
            baseDockerfile: `FROM ${BASE_IMAGE}\nRUN echo installing && echo "E: Unable to locate package nothere" >&2 && exit 100\n`,
          },
        }),
      );
      const r = cli(['build', env]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /build failed at step 2\/\d+ \(RUN echo installing .*\): The command '\/bin\/sh -c echo installing .*' returned a non-zero code: 100/,
      );
      expect(r.stderr).toMatch(
        /last 2 lines of that step:\n {2}│ (installing|E: Unable to locate package nothere)\n {2}│ (installing|E: Unable to locate package nothere)\n/,
      );
      expect(r.stderr).toMatch(/amlenv: the image was not built \(step 2\/\d+ failed\)/);
    },
    LONG,
  );

  it(
    'a Dockerfile the daemon cannot parse is refused with its reason',
    async () => {
      const env = writeEnv(
        userManagedEnv({ name: 'unparsable', docker: { baseDockerfile: `FROM ${BASE_IMAGE}\nFOO bar\n` } }),
      );
      const r = cli(['build', env]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/the daemon refused the build: .*unknown instruction: FOO/i);
    },
    LONG,
  );

  it(
    'Ctrl-C during a build stops it; the daemon removes the step container and no image is tagged',
    async () => {
      const marker = Math.random().toString(36).slice(2);
      const env = writeEnv(
        userManagedEnv({
          name: `interrupted-${marker}`,
          docker: { baseDockerfile: `FROM ${BASE_IMAGE}\nRUN echo ${marker} && echo sleeping && sleep 60\n` },
        }),
      );
      const r = await cliAsync(['build', env], { interruptWhen: /sleeping/ });
      expect(r.interruptedAt).toBeDefined();
      expect(r.code).toBe(130);
      expect(r.stderr).toMatch(/the build stopped \(Ctrl-C\); nothing it created was left behind/);
      expect(r.endedAt - r.interruptedAt!).toBeLessThan(15_000);
      const images = await d.listImages({ filters: { reference: [`amlenv/interrupted-${marker}`] } });
      expect(images).toEqual([]);
    },
    LONG,
  );

  it(
    '--no-cache builds every step again; --tag adds a tag to the image',
    async () => {
      const tag = `amlenv-test/tagged:${Math.random().toString(36).slice(2, 8)}`;
      const r = cli(['build', USER_MANAGED, '--no-cache', '--tag', tag]);
      expect(r.code).toBe(0);
      expect(stepLines(r.stderr).length).toBeGreaterThan(5);
      expect(r.stderr).not.toContain('using cache');
      const image = await inspectImage(d, tag);
      expect(image?.RepoTags).toEqual(expect.arrayContaining([tag, r.stdout.trim()]));
      expect(image?.Config.Labels).toMatchObject({
        'org.amlenv.hash': r.stdout.trim().split(':')[1],
        'org.amlenv.source': USER_MANAGED,
      });
      await d.getImage(tag).remove();
    },
    LONG,
  );
});
