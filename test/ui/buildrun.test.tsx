import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BuildRunScreen } from '../../src/ui/job/BuildRunScreen.js';
import { trackDaemon } from '../docker/cleanup.js';
import { testDaemon } from '../docker/daemon.js';
import { lockDaemon } from '../docker/lock.js';
import { ROOT, tempDir } from '../helpers.js';
import { SEQ } from './keys.js';
import { mount, send, waitFor } from './render.js';

const ENV = join(ROOT, 'fixtures', 'docker', 'envs', 'user-managed.json');
// The real-daemon test takes the suite's machine-wide daemon lock and removes what it built, as test/docker/ does.
const docker = await testDaemon('Build & run screen');

describe('Build & run screen', () => {
  const saved = process.env.DOCKER_HOST;
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it('offers the environment check, the samples and a script of your own', async () => {
    const r = await mount(<BuildRunScreen width={80} height={24} path={ENV} onBack={() => undefined} />);
    const frame = r.lastFrame()!;
    expect(frame).toMatch(/▸ Check the environment/);
    expect(frame).toMatch(/Run the sample "train"/);
    expect(frame).toMatch(/Run a script of my own/);
  });

  it('without Docker, says how to fix it on screen instead of crashing', async () => {
    process.env.DOCKER_HOST = 'unix:///tmp/amlenv-no-such-docker.sock';
    const r = await mount(<BuildRunScreen width={80} height={24} path={ENV} onBack={() => undefined} />);
    await send(r, SEQ.enter);
    const frame = await waitFor(r, (f) => /DOCKER_HOST|Docker/.test(f) && /run again/.test(f), 15000);
    expect(frame).toMatch(/amlenv-no-such-docker\.sock/);
  });

  describe.skipIf(!docker)('with the real daemon', () => {
    let unlock: () => void = () => undefined;
    let cleanUp = async (): Promise<string[]> => [];
    beforeAll(async () => {
      unlock = await lockDaemon();
      cleanUp = await trackDaemon(docker!);
    }, 20 * 60_000);
    afterAll(async () => {
      try {
        await cleanUp();
      } finally {
        unlock();
      }
    }, 60_000);

    it('checks a definition against its built image and shows the table', async () => {
      const outputs = tempDir();
      const r = await mount(
        <BuildRunScreen width={80} height={24} path={ENV} autoCheck outputsRoot={outputs} onBack={() => undefined} />,
      );
      const frame = await waitFor(r, (f) => /environment check (passed|failed)/.test(f), 120000);
      expect(frame).toMatch(/✓ python\s+\(not declared\)/);
      expect(frame).toMatch(/✓ GREETING \(variable\)/);
      expect(frame).toMatch(/environment check passed/);
      expect(frame).toMatch(/outputs and logs: .*amlenv-test-/);
      // The same run record as amlenv run writes.
      const [runId] = readdirSync(outputs);
      const record = JSON.parse(readFileSync(join(outputs, runId, 'run.json'), 'utf8'));
      expect(record).toMatchObject({ runId, definition: ENV, status: 'succeeded', exitCode: 0 });
    }, 150000);
  });
});
