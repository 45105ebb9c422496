import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    // The last one says in one line which Docker tests were skipped and why, and the command that enables them.
    reporters: ['default', ['json', { outputFile: '.test-results.json' }], './test/docker/skip-reporter.ts'],
    // Removes the temp folders each test file made (test/setup.ts).
    setupFiles: ['./test/setup.ts'],
    testTimeout: 20000,
    hookTimeout: 60000,
    // CI=false: Ink renders only at exit when it thinks it runs in CI.
    // AMLENV_SOLVE_CHANNELS: the app's "Solve now" probes a closed loopback port, never real conda channels
    // (tests that solve set their own local channel).
    env: { FORCE_COLOR: '0', NO_COLOR: '1', CI: 'false', AMLENV_SOLVE_CHANNELS: 'http://127.0.0.1:9/no-channel' },
  },
});
