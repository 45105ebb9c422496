import { relative, resolve } from 'node:path';
import { loadDefinition } from '../env/load.js';
import type { Diagnostic, Format } from '../env/types.js';
import { isValid, validateDefinition } from '../rules/validate.js';
import { bold, cyan, dim, green, red, yellow } from '../util/color.js';
import { EXIT, UsageError } from '../util/errors.js';
import type { Command } from './types.js';
import { safeLine } from '../util/safe-text.js';
import { plural } from '../util/plural.js';

export interface FileResult {
  path: string;
  format: Format | 'unknown';
  valid: boolean;
  diagnostics: Diagnostic[];
}

const shown = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/** Validates each path; a path that does not exist is a usage error. */
export async function validatePaths(paths: string[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const path of paths) {
    const outcome = loadDefinition(path, { job: 'whole' });
    if (!outcome.ok && outcome.reason === 'missing') throw new UsageError(outcome.message);
    if (!outcome.ok) {
      results.push({
        path,
        format: 'unknown',
        valid: false,
        diagnostics: [
          {
            rule: 'format/unrecognized',
            severity: 'error',
            path: '',
            message: outcome.message.slice(path.length + 2),
            hint: 'pass an SDK v1 JSON file or folder, a v2 environment YAML, a v2 command job YAML, or a conda YAML',
          },
        ],
      });
      continue;
    }
    // A v1 folder is validated as one definition, but its positions are inside one of its files: name that file.
    const main = outcome.def.sources[0]?.file;
    const inFolder = main !== undefined && resolve(main) !== resolve(path) ? main : undefined;
    const diagnostics = (await validateDefinition(outcome.def)).map((d) => {
      const file = d.file ?? (d.line !== undefined ? inFolder : undefined);
      return file ? { ...d, file: shown(file) } : d;
    });
    results.push({ path, format: outcome.def.format, valid: isValid(diagnostics), diagnostics });
  }
  return results;
}

const SEVERITY_STYLE = { error: red, warning: yellow, info: cyan } as const;

function count(list: Diagnostic[], severity: Diagnostic['severity']): number {
  return list.filter((d) => d.severity === severity).length;
}

export function formatResult(result: FileResult): string {
  const { diagnostics } = result;
  const summary = [
    plural(count(diagnostics, 'error'), 'error'),
    plural(count(diagnostics, 'warning'), 'warning'),
    plural(count(diagnostics, 'info'), 'info'),
  ].join(', ');
  const verdict = result.valid ? green('valid') : red('invalid');
  // Paths, field names, messages and hints quote the input: each is escaped before it meets the colours.
  const lines = [`${bold(safeLine(result.path))} ${dim(`(${result.format})`)}: ${verdict} — ${summary}`];
  for (const d of diagnostics) {
    const where = safeLine(`${d.file ?? result.path}${d.line !== undefined ? `:${d.line}:${d.column}` : ''}`);
    lines.push(
      `  ${SEVERITY_STYLE[d.severity](d.severity.padEnd(7))} ${where}${d.path ? ` ${bold(safeLine(d.path))}` : ''}: ${safeLine(d.message)} ${dim(`[${safeLine(d.rule)}]`)}`,
    );
    lines.push(`          ${dim('fix:')} ${safeLine(d.hint)}`);
  }
  return lines.join('\n');
}

const command: Command = {
  options: { json: { type: 'boolean' } },
  minPositionals: 1,
  maxPositionals: Infinity,
  async run({ positionals, values }) {
    const results = await validatePaths(positionals);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
    } else {
      process.stdout.write(`${results.map(formatResult).join('\n\n')}\n`);
      if (results.length > 1) {
        const invalid = results.filter((r) => !r.valid).length;
        process.stdout.write(
          `\n${plural(results.length, 'file')}: ${results.length - invalid} valid, ${invalid} invalid\n`,
        );
      }
    }
    return results.every((r) => r.valid) ? EXIT.ok : EXIT.invalid;
  },
};

export default command;
