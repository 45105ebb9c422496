// amlenv repl: the interactive prompt in a terminal; on a pipe, the scriptable mode (`amlenv repl < lesson.py`).
import { createInterface } from 'node:readline';
import { replTools } from '../repl/tools.js';
import { runScript } from '../repl/script.js';
import { ReplSession } from '../repl/session.js';
import type { Command } from './types.js';
import { safeOutput } from '../util/safe-text.js';
import { colorOn } from '../util/color.js';

const command: Command = {
  options: {},
  minPositionals: 0,
  maxPositionals: 0,
  async run() {
    if (process.stdin.isTTY && process.stdout.isTTY) {
      const { runInteractiveRepl } = await import('../ui/repl/run.js');
      return runInteractiveRepl({ cwd: process.cwd() });
    }
    const session = new ReplSession({ cwd: process.cwd(), tools: await replTools() });
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
    return runScript(lines, session, {
      stdout: (text) => process.stdout.write(safeOutput(text, colorOn())),
      stderr: (text) => process.stderr.write(safeOutput(text, colorOn())),
    });
  },
};

export default command;
