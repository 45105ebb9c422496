import { didYouMean } from '../rules/helpers.js';
import { findRule, RULES } from '../rules/index.js';
import { bold, cyan, red, yellow } from '../util/color.js';
import { EXIT, UsageError } from '../util/errors.js';
import type { Command } from './types.js';

const STYLE = { error: red, warning: yellow, info: cyan } as const;

export function wrap(text: string, width = 88, indent = ''): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width - indent.length) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out.join('\n');
}

const command: Command = {
  options: {},
  minPositionals: 1,
  maxPositionals: 1,
  async run({ positionals }) {
    const id = positionals[0];
    const rule = findRule(id);
    if (!rule) {
      const guess = didYouMean(id, RULES.map((r) => r.id));
      throw new UsageError(`no rule "${id}"${guess ? `; did you mean "${guess}"?` : ''} (amlenv rules lists them)`);
    }
    process.stdout.write(
      [
        `${bold(rule.id)} ${STYLE[rule.severity](`[${rule.severity}]`)} — ${rule.title}`,
        '',
        wrap(rule.explanation),
        '',
        `${bold('Fix:')} ${rule.hint}`,
        `${bold('Applies to:')} ${rule.formats.join(', ')}`,
        `${bold('Lesson:')} ${rule.lesson}`,
      ].join('\n') + '\n',
    );
    return EXIT.ok;
  },
};

export default command;
