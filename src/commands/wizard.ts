import { EXIT, UsageError } from '../util/errors.js';
import type { Command } from './types.js';

const command: Command = {
  options: { from: { type: 'string' }, out: { type: 'string', short: 'o' } },
  minPositionals: 0,
  maxPositionals: 0,
  async run({ values }) {
    const { runApp } = await import('../ui/run-app.js');
    const from = values.from as string | undefined;
    const out = values.out as string | undefined;
    if (from) {
      const { fileDraft } = await import('../ui/wizard/start.js');
      let draft;
      try {
        draft = fileDraft(from, out);
      } catch (err) {
        throw new UsageError(`--from: ${(err as Error).message.split('\n')[0]}`);
      }
      await runApp({ initial: { id: 'wizard', draft }, outPath: out, standalone: true });
    } else {
      await runApp({ initial: { id: 'wizard' }, outPath: out, standalone: true });
    }
    return EXIT.ok;
  },
};

export default command;
