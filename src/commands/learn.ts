import { loadContent } from '../learn/content.js';
import { suggest } from '../util/suggest.js';
import { EXIT, UsageError } from '../util/errors.js';
import type { Command } from './types.js';

const command: Command = {
  options: {},
  minPositionals: 0,
  maxPositionals: 1,
  async run({ positionals }) {
    const [name] = positionals;
    const content = loadContent();
    const topic = name ? content.topics.find((t) => t.id === name) : undefined;
    const lesson = name && !topic ? content.lessons.find((l) => l.id === name) : undefined;
    if (name && !topic && !lesson) {
      const guess = suggest(name, [...content.topics.map((t) => t.id), ...content.lessons.map((l) => l.id)]);
      throw new UsageError(
        `"${name}" is not a topic or lesson${guess ? `; did you mean "${guess}"?` : ''} (amlenv explain lists them)`,
      );
    }
    const { runApp } = await import('../ui/run-app.js');
    await runApp({ initial: { id: 'learn', topic: topic?.id, lesson: lesson?.id }, standalone: true });
    return EXIT.ok;
  },
};

export default command;
