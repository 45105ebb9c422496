import { loadSamples, sampleReadme } from '../samples/samples.js';
import { bold, dim } from '../util/color.js';
import { EXIT, UsageError } from '../util/errors.js';
import { suggest } from '../util/suggest.js';
import type { Command } from './types.js';

const command: Command = {
  options: { json: { type: 'boolean' } },
  minPositionals: 0,
  maxPositionals: 1,
  async run({ positionals, values }) {
    const samples = loadSamples();
    const [name] = positionals;
    if (name) {
      const sample = samples.find((s) => s.name === name);
      if (!sample) {
        const guess = suggest(
          name,
          samples.map((s) => s.name),
        );
        throw new UsageError(
          `no sample "${name}"${guess ? `; did you mean "${guess}"?` : ''} (the samples are ${samples.map((s) => s.name).join(', ')})`,
        );
      }
      process.stdout.write(sampleReadme(sample));
      return EXIT.ok;
    }
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ samples: samples.map(({ name: n, script, summary }) => ({ name: n, script, summary })) }, null, 2)}\n`,
      );
      return EXIT.ok;
    }
    const width = Math.max(...samples.map((s) => s.name.length));
    for (const s of samples)
      process.stdout.write(`${bold(s.name.padEnd(width))}  ${s.summary} ${dim(`(${s.script})`)}\n`);
    process.stdout.write(
      `\n${dim('amlenv run PATH --sample NAME runs one in the built image; amlenv run PATH alone runs ' + 'check-env. amlenv samples NAME shows its README.')}\n`,
    );
    return EXIT.ok;
  },
};

export default command;
