// npm run bench: every benchmark group, medians over several runs, each against a baseline measured in the same run.
import { benchApp } from './app.js';
import { benchDocker } from './docker.js';
import { benchFoundation } from './foundation.js';
import { benchLearn } from './learn.js';
import { benchRepl } from './repl.js';
import { benchSolve } from './solve.js';

const only = process.argv[2];
const groups: Record<string, () => Promise<boolean>> = {
  foundation: benchFoundation,
  app: benchApp,
  learn: benchLearn,
  repl: benchRepl,
  solve: benchSolve,
  docker: benchDocker,
};
const results: boolean[] = [];
for (const [name, run] of Object.entries(groups)) if (!only || only === name) results.push(await run());
process.exitCode = results.every(Boolean) ? 0 : 1;
