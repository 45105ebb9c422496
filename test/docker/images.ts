// The local test images: the debootstrap base (made by fixtures/docker/base-image/make.sh, in .ci/run) and the
// conda stand-in image derived from it here, with the adapter under test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contextTar } from '../../src/job/tar.js';
import { buildImage } from '../../src/docker/build.js';
import type { Docker } from '../../src/docker/client.js';
import { inspectImage } from '../../src/docker/images.js';
import { ROOT } from '../helpers.js';

export const BASE_IMAGE = 'amlenv-test/python:bookworm';
export const CONDA_STANDIN_IMAGE = 'amlenv-test/conda-standin:1';
export const DOCKER_FIXTURES = join(ROOT, 'fixtures', 'docker');

/** Builds the conda stand-in image from fixtures/docker/conda-standin (cached by the daemon after the first time). */
export async function ensureCondaStandin(docker: Docker): Promise<void> {
  const dir = join(DOCKER_FIXTURES, 'conda-standin');
  const files = readdirSync(dir).map((name) => ({
    path: name,
    data: readFileSync(join(dir, name)),
    mode: statSync(join(dir, name)).mode & 0o777,
  }));
  await buildImage(docker, { context: contextTar(files), dockerfile: 'Dockerfile', tags: [CONDA_STANDIN_IMAGE] });
  if (!(await inspectImage(docker, CONDA_STANDIN_IMAGE))) throw new Error('the conda stand-in image was not built');
}
