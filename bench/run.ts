// npm run bench: every benchmark group, medians over several runs, each against a baseline measured in the same run.
import { benchFoundation } from './foundation.js';

const results = [await benchFoundation()];
process.exitCode = results.every(Boolean) ? 0 : 1;
