// amlenv run PATH with no script: the bundled check-env job against the real daemon and the local test images.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { testDaemon } from './daemon.js';
import { BASE_IMAGE, CONDA_STANDIN_IMAGE, DOCKER_FIXTURES, ensureCondaStandin } from './images.js';
import { trackDaemon } from './cleanup.js';
import { lockDaemon } from './lock.js';
import { cliAsync } from './spawn.js';
import { makeWheel } from './wheel.js';

const LONG = 180_000;
const docker = await testDaemon('check-env against Docker');

function writeEnv(env: object, dir = tempDir()): string {
  const path = join(dir, 'env.json');
  writeFileSync(path, JSON.stringify(env, null, 4));
  return path;
}

const report = (outputs: string) => JSON.parse(readFileSync(join(outputs, 'outputs', 'env-report.json'), 'utf8'));

describe.skipIf(!docker)('amlenv run PATH with no script: the environment check (real daemon)', () => {
  let unlock: () => void = () => undefined;
  let cleanUp = async (): Promise<string[]> => [];
  beforeAll(async () => {
    unlock = await lockDaemon();
    cleanUp = await trackDaemon(docker!);
    await ensureCondaStandin(docker!);
  }, 20 * 60_000);
  afterAll(async () => {
    try {
      await cleanUp();
    } finally {
      unlock();
    }
  }, LONG);

  it(
    'a user-managed environment that declares nothing passes, and the report files come back',
    async () => {
      const env = writeEnv({
        name: 'check-plain',
        python: { userManagedDependencies: true, interpreterPath: 'python3' },
        environmentVariables: { STAGE: 'test' },
        docker: { baseImage: BASE_IMAGE },
      });
      const out = join(tempDir(), 'o');
      const r = await cliAsync(['run', env, '--outputs', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/✓ python\s+\(not declared\)\s+3\.\d+\.\d+/);
      expect(r.stdout).toMatch(/✓ STAGE \(variable\)\s+test\s+test/);
      expect(r.stdout).toMatch(/environment check passed/);
      expect(report(out).ok).toBe(true);
      expect(readFileSync(join(out, 'logs', 'env-check.log'), 'utf8')).toMatch(/^OK\s+variable STAGE/m);
    },
    LONG,
  );

  it(
    "a pip environment with a local wheel passes with the wheel's version (recording conda stand-in: real conda cannot run offline; pip is real)",
    async () => {
      const dir = tempDir();
      makeWheel(join(DOCKER_FIXTURES, 'wheel-src'), dir, 'amlenv_sample', '0.1.0');
      const env = writeEnv(
        {
          name: 'check-wheel',
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
      const out = join(tempDir(), 'o');
      const r = await cliAsync(['run', env, '--outputs', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/✓ amlenv-sample \(pip\)\s+\.\/amlenv_sample-0\.1\.0-py3-none-any\.whl\s+0\.1\.0/);
      expect(r.stdout).toMatch(/✓ python\s+python=3\.11\s+3\.11\.\d+/);
    },
    LONG,
  );

  it(
    'a declared package the image lacks fails, named (stand-in: conda records numpy but cannot install it offline)',
    async () => {
      const env = writeEnv({
        name: 'check-missing',
        python: {
          userManagedDependencies: false,
          condaDependencies: { channels: ['conda-forge'], dependencies: ['python=3.11', 'pip', 'numpy=1.26'] },
        },
        docker: { baseImage: CONDA_STANDIN_IMAGE },
      });
      const out = join(tempDir(), 'o');
      const r = await cliAsync(['run', env, '--outputs', out]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/✗ numpy \(conda\)\s+numpy=1\.26\s+not installed/);
      expect(r.stdout).toMatch(/environment check failed: .*numpy \(not installed\)/);
      expect(report(out).checks.find((c: { name: string }) => c.name === 'numpy')).toMatchObject({
        ok: false,
        found: 'not installed',
      });
    },
    LONG,
  );

  it(
    'an image entrypoint that changes a declared variable is caught; a secret value is never printed',
    async () => {
      const dockerfile = [
        `FROM ${BASE_IMAGE}`,
        `RUN printf '#!/bin/sh\\nexport MODE=serve\\nexport API_TOKEN=entrypoint-secret-value\\nexec "$@"\\n' > /usr/local/bin/entry && chmod 755 /usr/local/bin/entry`,
        'ENTRYPOINT ["/usr/local/bin/entry"]',
        '',
      ].join('\n');
      const env = writeEnv({
        name: 'check-vars',
        python: { userManagedDependencies: true, interpreterPath: 'python3' },
        environmentVariables: { MODE: 'train', API_TOKEN: 'do-not-print-me' },
        docker: { baseImage: null, baseDockerfile: dockerfile },
      });
      const out = join(tempDir(), 'o');
      const r = await cliAsync(['run', env, '--outputs', out]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/✗ MODE \(variable\)\s+train\s+serve/);
      expect(r.stdout).toMatch(/✗ API_TOKEN \(variable\)\s+\(secret, set\)\s+\(set, different\)/);
      // (the build log shows the Dockerfile's own RUN line, which is the user's text; the run's output must not leak)
      const everything =
        r.stdout +
        readFileSync(join(out, 'logs', 'env-check.log'), 'utf8') +
        readFileSync(join(out, 'outputs', 'env-report.json'), 'utf8') +
        readFileSync(join(out, 'user_logs', 'std_log.txt'), 'utf8');
      expect(everything).not.toContain('do-not-print-me');
      expect(everything).not.toContain('entrypoint-secret-value');
    },
    LONG,
  );

  it(
    '--sample train runs the training sample and brings its metric and log back',
    async () => {
      const env = writeEnv({
        name: 'sample-train',
        python: { userManagedDependencies: true, interpreterPath: 'python3' },
        docker: { baseImage: BASE_IMAGE },
      });
      const out = join(tempDir(), 'o');
      const r = await cliAsync(['run', env, '--sample', 'train', '--outputs', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/mse=/);
      expect(JSON.parse(readFileSync(join(out, 'outputs', 'metrics.json'), 'utf8')).slope).toBeCloseTo(3, 1);
      expect(readFileSync(join(out, 'logs', 'train.log'), 'utf8')).toMatch(/trained on 100 points/);
    },
    LONG,
  );
});
