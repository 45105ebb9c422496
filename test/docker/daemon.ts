// The daemon the Docker tests run against: reachable and holding the local test base image, or a reason why not.
// With REQUIRE_DOCKER=1 (set in .ci/run) a missing daemon is a failing test instead of a skip.
import { describe, it, TestRunner } from 'vitest';
import { connectDocker, type Docker } from '../../src/docker/client.js';
import { inspectImage } from '../../src/docker/images.js';
import { BASE_IMAGE } from './images.js';
import { missingImage, noDaemon, type DockerSkip } from './skip-note.js';

export async function testDaemon(suite: string): Promise<Docker | undefined> {
  let docker: Docker | undefined;
  let unavailable = '';
  let skip: DockerSkip | undefined;
  try {
    docker = await connectDocker();
    if (!(await inspectImage(docker, BASE_IMAGE))) {
      unavailable = `the test base image ${BASE_IMAGE} is missing; make it with fixtures/docker/base-image/make.sh`;
      skip = missingImage(BASE_IMAGE);
      docker = undefined;
    }
  } catch (err) {
    unavailable = (err as Error).message;
    skip = noDaemon(unavailable);
  }
  // The reason travels with the test file to test/docker/skip-reporter.ts, which prints one line at the end.
  if (skip && process.env.REQUIRE_DOCKER !== '1') TestRunner.getCurrentSuite().file.meta.dockerSkip = skip;
  if (!docker && process.env.REQUIRE_DOCKER === '1') {
    describe(suite, () => {
      it('needs a reachable daemon and the local test base image (REQUIRE_DOCKER=1)', () => {
        throw new Error(unavailable);
      });
    });
  }
  return docker;
}
