// File order for the test workers: Vitest's own (failed first, then longest first), except for the files taking
// the machine-wide Docker lock (test/docker/lock.ts): they go early, largest first, a few files apart. Started
// together, several would sit on a worker each, waiting for the lock; started late, their chain ends the run.
import { readFileSync, statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const takesDockerLock = (spec: TestSpecification): boolean => {
  try {
    return readFileSync(spec.moduleId, 'utf8').includes('lockDaemon(');
  } catch {
    return false;
  }
};

/** Other files between two Docker files in the queue: about one per worker. */
const DOCKER_GAP = 6;

export default class SpreadDockerFiles extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Largest first (a fresh clone has no timings yet; the integration file is both the largest and the longest).
    const docker = sorted.filter(takesDockerLock).sort((a, b) => statSync(b.moduleId).size - statSync(a.moduleId).size);
    if (docker.length < 2) return sorted;
    const rest = sorted.filter((spec) => !docker.includes(spec));
    // The Docker files form the longest chain (they take turns on the daemon), so they start early, each a few
    // files after the one before: the next is waiting for the lock when the previous ends, while only one
    // worker waits at a time. The other files fill the rest of the queue in Vitest's order.
    const out: TestSpecification[] = [];
    let next = 0;
    for (const spec of docker) {
      out.push(spec, ...rest.slice(next, next + DOCKER_GAP));
      next += DOCKER_GAP;
    }
    return [...out, ...rest.slice(next)];
  }
}
