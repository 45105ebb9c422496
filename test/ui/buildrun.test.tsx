import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDocker } from '../../src/docker/client.js';
import { BuildRunScreen } from '../../src/ui/job/BuildRunScreen.js';
import { ROOT, tempDir } from '../helpers.js';
import { SEQ } from './keys.js';
import { mount, send, waitFor } from './render.js';

const ENV = join(ROOT, 'fixtures', 'docker', 'envs', 'user-managed.json');
let daemon = false;
try {
  await connectDocker();
  daemon = true;
} catch {
  daemon = false;
}

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

  it.skipIf(!daemon)(
    'checks a definition against its built image and shows the table (real daemon)',
    async () => {
      const r = await mount(
        <BuildRunScreen width={80} height={24} path={ENV} autoCheck outputsRoot={tempDir()} onBack={() => undefined} />,
      );
      const frame = await waitFor(r, (f) => /environment check (passed|failed)/.test(f), 120000);
      expect(frame).toMatch(/✓ python\s+\(not declared\)/);
      expect(frame).toMatch(/✓ GREETING \(variable\)/);
      expect(frame).toMatch(/environment check passed/);
      expect(frame).toMatch(/outputs and logs: .*amlenv-test-/);
    },
    150000,
  );
});
