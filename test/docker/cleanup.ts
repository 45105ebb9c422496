// What the Docker test files leave on the daemon is removed when each file ends, while it still holds the daemon
// lock (lock.ts): amlenv's images (found by its org.amlenv.hash label) that the file built or that were built from
// a definition in this repository or a temporary folder, the conda stand-in image, and amlenv's containers whose
// amlenv process has ended. Images and containers amlenv did not label are never touched (the base image stays:
// .ci/run makes it once per machine).
import { tmpdir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { Docker } from '../../src/docker/client.js';
import { MANAGED_LABEL, PID_LABEL, removeOrphans } from '../../src/docker/owner.js';
import { BUILT_BY_AMLENV } from '../../src/job/ensure-image.js';
import { ROOT } from '../helpers.js';
import { CONDA_STANDIN_IMAGE } from './images.js';

const SOURCE_LABEL = 'org.amlenv.source';

async function amlenvImages(docker: Docker) {
  return docker.listImages({ all: false, filters: { label: [BUILT_BY_AMLENV] } });
}

/** A definition the tests wrote (a temporary folder) or ship (this repository). */
const madeByTests = (source: string | undefined): boolean =>
  source !== undefined && isAbsolute(source) && [ROOT, tmpdir()].some((dir) => resolve(source).startsWith(`${dir}/`));

/**
 * Call in beforeAll (after taking the lock); the function it returns removes, in afterAll, the images and
 * containers the file made. It returns what it removed.
 */
export async function trackDaemon(docker: Docker): Promise<() => Promise<string[]>> {
  const before = new Set((await amlenvImages(docker)).map((i) => i.Id));
  return async () => {
    const removed: string[] = [];
    for (const id of await removeOrphans(docker)) removed.push(`container ${id.slice(0, 12)}`);
    // Containers of this test process (screens run in it) that are still there.
    const own = await docker.listContainers({
      all: true,
      filters: { label: [`${MANAGED_LABEL}=true`, `${PID_LABEL}=${process.pid}`] },
    });
    for (const c of own) {
      await docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .then(() => removed.push(`container ${c.Id.slice(0, 12)}`))
        .catch(() => undefined);
    }
    for (const image of await amlenvImages(docker)) {
      if (before.has(image.Id) && !madeByTests(image.Labels?.[SOURCE_LABEL])) continue;
      // force: the image may carry more than one tag (--tag); untagged parent layers go with it.
      await docker
        .getImage(image.Id)
        .remove({ force: true })
        .then(() => removed.push(image.RepoTags?.find((t) => t !== '<none>:<none>') ?? image.Id.slice(7, 19)))
        .catch(() => undefined);
    }
    await docker
      .getImage(CONDA_STANDIN_IMAGE)
      .remove()
      .then(() => removed.push(CONDA_STANDIN_IMAGE))
      .catch(() => undefined);
    return removed;
  };
}
