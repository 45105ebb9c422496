import { RULES } from '../rules/index.js';
import { SOLVE_FINDINGS } from '../solve/findings.js';
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
      // what amlenv solve reports: no formats (solve reads every kind of definition); raisedTo is the
      // severity in the case raisedWhen names
      const solveFindings = SOLVE_FINDINGS.map(
        ({ id, severity, raisedTo, raisedWhen, title, hint, lesson, sources }) => ({
          id,
          severity,
          ...(raisedTo ? { raisedTo, raisedWhen } : {}),
          title,
          hint,
          lesson,
          sources,
        }),
      );
      process.stdout.write(`${JSON.stringify({ rules, solveFindings }, null, 2)}\n`);
      return EXIT.ok;
    }
    const width = Math.max(...RULES.map((r) => r.id.length));
    // Rules that mirror a refusal of the SDK or the service name where that refusal is written down.
    const lines = RULES.flatMap((r) => [
      `${bold(r.id.padEnd(width))}  ${STYLE[r.severity](r.severity.padEnd(7))}  ${r.title}`,
      ...(r.sources ?? []).map((url) => `${' '.repeat(width + 2)}${dim(`source: ${url}`)}`),
    ]);
    // the solve section keeps the rules' column unless one of its ids is longer
    const solveWidth = Math.max(width, ...SOLVE_FINDINGS.map((f) => f.id.length));
    const solveLines = SOLVE_FINDINGS.flatMap((f) => [
      `${bold(f.id.padEnd(solveWidth))}  ${STYLE[f.severity](f.severity.padEnd(7))}  ${f.title}${f.raisedTo ? ` ${dim(`(${f.raisedTo} ${f.raisedWhen ?? 'in one case'})`)}` : ''}`,
      ...f.sources.map((url) => `${' '.repeat(solveWidth + 2)}${dim(`source: ${url}`)}`),
    ]);
    process.stdout.write(
      `${[
        lines.join('\n'),
        '',
        dim(`${RULES.length} rules. amlenv explain RULE-ID tells why one matters and how to fix it.`),
        '',
        bold('Found by amlenv solve'),
        ...solveLines,
        '',
        dim(`${SOLVE_FINDINGS.length} findings of amlenv solve. amlenv explain solve/ID explains one the same way.`),
      ].join('\n')}\n`,
    );
    return EXIT.ok;
  },
};

export default command;
