import { loadTemplates } from '../content/templates.js';
import { bold, dim } from '../util/color.js';
import { EXIT } from '../util/errors.js';
import type { Command } from './types.js';

const command: Command = {
  options: { json: { type: 'boolean' } },
  minPositionals: 0,
  maxPositionals: 0,
  async run({ values }) {
    const templates = loadTemplates();
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ templates: templates.map(({ name, title, description, lesson }) => ({ name, title, description, lesson })) }, null, 2)}\n`,
      );
      return EXIT.ok;
    }
    const width = Math.max(...templates.map((t) => t.name.length));
    for (const t of templates)
      process.stdout.write(
        `${bold(t.name.padEnd(width))}  ${t.title}\n${' '.repeat(width + 2)}${dim(t.description)}\n`,
      );
    process.stdout.write(`\n${dim('amlenv init --template NAME writes one.')}\n`);
    return EXIT.ok;
  },
};

export default command;
