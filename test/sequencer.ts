// File order for the three test workers: Vitest's own (failed first, then longest first), except that the files
// taking the machine-wide Docker lock (test/docker/lock.ts) are spread through the queue. Started together, two
// of them would sit on a worker each, waiting for the lock, while other files queue behind them.
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const takesDockerLock = (spec: TestSpecification): boolean => {
  try {
    return readFileSync(spec.moduleId, 'utf8').includes('lockDaemon(');
  } catch {
    return false;
  }
};

export default class SpreadDockerFiles extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const docker = sorted.filter(takesDockerLock);
    if (docker.length < 2) return sorted;
    const rest = sorted.filter((spec) => !docker.includes(spec));
    // Each Docker file goes ahead of an equal share of the others; within a project group the order is kept.
    const share = Math.ceil(rest.length / docker.length);
    return docker.flatMap((spec, i) => [spec, ...rest.slice(i * share, (i + 1) * share)]);
  }
}
