// :build against the real daemon with the local test base image (no registry is reachable here). Skipped when no
// daemon answers or the image is missing, unless REQUIRE_DOCKER=1 (set in .ci/run), which makes that a failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectImage } from '../../src/docker/images.js';
import { replTools } from '../../src/repl/tools.js';
import { ReplSession } from '../../src/repl/session.js';
import { tempDir, TODAY } from '../helpers.js';
import { testDaemon } from '../docker/daemon.js';
import { BASE_IMAGE } from '../docker/images.js';
import { lockDaemon } from '../docker/lock.js';

const docker = await testDaemon('REPL :build');

describe.skipIf(!docker)('REPL :build with the local Docker daemon', () => {
  let unlock: () => void = () => {};
  const built: string[] = [];
  beforeAll(async () => {
    unlock = await lockDaemon();
  }, 20 * 60_000);
  afterAll(async () => {
    for (const tag of built)
      await docker!
        .getImage(tag)
        .remove({ force: true })
        .catch(() => undefined);
    unlock();
  });

  it('builds the current definition and prints the image tag; a second :build reuses it', async () => {
    const session = new ReplSession({ cwd: tempDir(), tools: await replTools(), today: TODAY });
    for (const line of [
      'from azureml.core import Environment',
      'env = Environment("repl-build")',
      'env.python.user_managed_dependencies = True',
      'env.python.interpreter_path = "python3"',
      'env.python.conda_dependencies = None',
      `env.docker.base_image = "${BASE_IMAGE}"`,
      'env.environment_variables = {"GREETING": "hello"}',
    ]) {
      expect((await session.run(line)).status, line).toBe('ok');
    }
    const first = await session.run(':build');
    expect(first.status, JSON.stringify(first)).toBe('ok');
    const tag = first.lines.filter((l) => l.kind === 'data').at(-1)!.text;
    built.push(tag);
    expect(tag).toMatch(/^amlenv\/repl-build:[0-9a-f]{32}$/);
    expect(await inspectImage(docker!, tag)).toBeTruthy();
    const again = await session.run(':build');
    expect(again.lines.some((l) => /up to date/.test(l.text))).toBe(true);
  }, 300_000);
});
