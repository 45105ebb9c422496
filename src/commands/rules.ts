import { RULES } from '../rules/index.js';
import { bold, cyan, dim, red, yellow } from '../util/color.js';
import { EXIT } from '../util/errors.js';
import type { Command } from './types.js';

const STYLE = { error: red, warning: yellow, info: cyan } as const;

const command: Command = {
  options: { json: { type: 'boolean' } },
  minPositionals: 0,
  maxPositionals: 0,
  async run({ values }) {
    if (values.json) {
      const rules = RULES.map(({ id, severity, title, hint, lesson, formats, sources }) => ({
        id,
        severity,
        title,
        hint,
        lesson,
        formats,
        ...(sources ? { sources } : {}),
      }));
      process.stdout.write(`${JSON.stringify({ rules }, null, 2)}\n`);
      return EXIT.ok;
    }
    const width = Math.max(...RULES.map((r) => r.id.length));
    // Rules that mirror a refusal of the SDK or the service name where that refusal is written down.
    const lines = RULES.flatMap((r) => [
      `${bold(r.id.padEnd(width))}  ${STYLE[r.severity](r.severity.padEnd(7))}  ${r.title}`,
      ...(r.sources ?? []).map((url) => `${' '.repeat(width + 2)}${dim(`source: ${url}`)}`),
    ]);
    process.stdout.write(
      `${lines.join('\n')}\n\n${dim(`${RULES.length} rules. amlenv explain RULE-ID tells why one matters and how to fix it.`)}\n`,
    );
    return EXIT.ok;
  },
};

export default command;
