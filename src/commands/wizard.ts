import { errorMessage, EXIT, UsageError } from '../util/errors.js';
import type { Command } from './types.js';
import { stringOption } from './options.js';

const command: Command = {
  options: { from: { type: 'string' }, out: { type: 'string', short: 'o' } },
  minPositionals: 0,
  maxPositionals: 0,
  async run({ values }) {
    const { runApp } = await import('../ui/run-app.js');
    const from = stringOption(values, 'from');
    const out = stringOption(values, 'out');
    if (from) {
      const { fileDraft } = await import('../ui/wizard/start.js');
      const start = () => {
        try {
          return fileDraft(from, out);
        } catch (err) {
          throw new UsageError(`--from: ${errorMessage(err)}`);
        }
      };
      const draft = start();
      await runApp({ initial: { id: 'wizard', draft }, outPath: out, standalone: true });
    } else {
      await runApp({ initial: { id: 'wizard' }, outPath: out, standalone: true });
    }
    return EXIT.ok;
  },
};

export default command;
