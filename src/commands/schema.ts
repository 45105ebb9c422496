import { v1JsonSchema, v2JsonSchema } from '../env/schema.js';
import { EXIT, UsageError } from '../util/errors.js';
import type { Command } from './types.js';

const command: Command = {
  options: { v1: { type: 'boolean' }, v2: { type: 'boolean' } },
  minPositionals: 0,
  maxPositionals: 0,
  async run({ values }) {
    if (values.v1 && values.v2) throw new UsageError('choose one of --v1 and --v2');
    process.stdout.write(`${JSON.stringify(values.v2 ? v2JsonSchema() : v1JsonSchema(), null, 2)}\n`);
    return EXIT.ok;
  },
};

export default command;
