import { loadContent } from '../learn/content.js';
import { LearningStore } from '../learn/learning-store.js';
import { EnvironmentProblem, EXIT, UsageError } from '../util/errors.js';
import type { Command } from './types.js';

const command: Command = {
  options: { json: { type: 'boolean' } },
  minPositionals: 0,
  maxPositionals: 0,
  async run({ values }) {
    if (values.json) {
      const store = new LearningStore();
      // A report built without the file would be an empty history, which a script cannot tell from a new learner.
      if (store.unreadable)
        throw new EnvironmentProblem(
          /AMLENV_HOME/.test(store.unreadable)
            ? store.unreadable
            : `${store.unreadable}: fix its permissions so your user can read and write it, or set AMLENV_HOME to another folder`,
        );
      if (store.problem) process.stderr.write(`amlenv: ${store.problem}\n`);
      process.stdout.write(`${JSON.stringify(store.report(loadContent(), new Date()), null, 2)}\n`);
      return EXIT.ok;
    }
    // Only the screen needs a terminal; --json works anywhere, so this command checks for itself.
    if (!process.stdin.isTTY || !process.stdout.isTTY)
      throw new UsageError(
        'amlenv progress shows a screen and needs a terminal; without one use amlenv progress --json',
      );
    const { runApp } = await import('../ui/run-app.js');
    await runApp({ initial: { id: 'progress' }, standalone: true });
    return EXIT.ok;
  },
};

export default command;
