import { defineConfig } from 'vitest/config';
import SpreadDockerFiles from './test/sequencer.js';

const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
/** Files that time code in process against fixed bounds: they run last, alone, once the rest has finished. */
const TIMED_ALONE = ['test/regex/regex-linearity.test.ts'];

export default defineConfig({
  test: {
    // The files are chosen by the two projects below (a root include would be merged into both).
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    // The last one says in one line which Docker tests were skipped and why, and the command that enables them.
    reporters: ['default', ['json', { outputFile: '.test-results.json' }], './test/docker/skip-reporter.ts'],
    // Removes the temp folders each test file made (test/setup.ts).
    setupFiles: ['./test/setup.ts'],
    // Vitest's default on 2 cores is one worker, so the suite ran one file at a time while most files wait on
    // child processes, terminals or Docker. Six keep both cores busy (measured on 2 cores: 1 worker about
    // 9 minutes, 3 workers 195 s, 4 workers 142-196 s, 6 workers 150 s); VITEST_MAX_WORKERS=1 runs one file at a time.
    maxWorkers: 6,
    // Vitest's order with the files that take the Docker lock spread out (test/sequencer.ts).
    sequence: { sequencer: SpreadDockerFiles },
    testTimeout: 20000,
    hookTimeout: 60000,
    // CI=false: Ink renders only at exit when it thinks it runs in CI.
    // AMLENV_SOLVE_CHANNELS: the app's "Solve now" probes a closed loopback port, never real conda channels
    // (tests that solve set their own local channel).
    // TSX_DISABLE_CACHE: the tests that start tsx (corpus, store writers) leave no tsx cache in the temp folder.
    env: {
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      CI: 'false',
      AMLENV_SOLVE_CHANNELS: 'http://127.0.0.1:9/no-channel',
      TSX_DISABLE_CACHE: '1',
    },
    projects: [
      { extends: true, test: { name: 'suite', include: ALL, exclude: TIMED_ALONE } },
      { extends: true, test: { name: 'timed', include: TIMED_ALONE, sequence: { groupOrder: 1 } } },
    ],
  },
});
