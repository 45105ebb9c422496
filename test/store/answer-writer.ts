// A child process for the concurrency test: answers `count` questions through its own LearningStore, the
// way a quiz session does (one save per answer), and prints how many saves reached the disk.
import { LearningStore } from '../../src/learn/learning-store.js';

const [dir, prefix, count] = process.argv.slice(2);
const store = new LearningStore(dir);
let saved = 0;
for (let i = 0; i < Number(count); i++)
  if (store.review(`${prefix}-${i}`, 3, new Date(Date.UTC(2026, 10, 26, 10, 0, i))).save.saved) saved++;
process.stdout.write(`${saved}\n`);
