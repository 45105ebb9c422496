import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { keys, spawnCli } from '../e2e/pty.js';
import { SEQ } from '../ui/keys.js';

const typeLine = async (s: ReturnType<typeof spawnCli>, line: string) => keys(s, ...line, SEQ.enter);

describe('amlenv repl end to end in a pseudo-terminal (100×30)', () => {
  it('types statements, shows the diff, completes with Tab, quits, and keeps the history for the next run', async () => {
    const dir = tempDir();
    const env = { AMLENV_HOME: join(dir, 'home') };
    const s = spawnCli(['repl'], { cwd: dir, env, cols: 100, rows: 30 });
    await s.waitFor('>>>');
    await typeLine(s, 'from azureml.core import Environment');
    await typeLine(s, 'env = Environment("e2e")');
    await s.waitFor('→ new Environment "e2e" (SDK v1)');
    await keys(s, ...'env.python.user_m', SEQ.tab);
    await s.waitFor('>>> env.python.user_managed_dependencies');
    await typeLine(s, ' = True');
    await s.waitFor('~ python.userManagedDependencies: false → true');
    await typeLine(s, ':quit');
    expect(await s.exited).toBe(0);
    const stored = JSON.parse(readFileSync(join(dir, 'home', 'repl-history.json'), 'utf8'));
    expect(stored.entries).toEqual([
      'from azureml.core import Environment',
      'env = Environment("e2e")',
      'env.python.user_managed_dependencies = True',
      ':quit',
    ]);

    const again = spawnCli(['repl'], { cwd: dir, env, cols: 100, rows: 30 });
    await again.waitFor('>>>');
    await keys(again, SEQ.up, SEQ.up);
    await again.waitFor('>>> env.python.user_managed_dependencies = True');
    await keys(again, SEQ.ctrlC, SEQ.ctrlC);
    expect(await again.exited).toBe(0);
  }, 60000);
});
