// A file named as a conda file that is not one (a passwd file, a README, a key) is reported once, with a short
// escaped excerpt, and its content goes no further: no rule gets to quote it line by line.
import { excerpt } from '../util/safe-text.js';
import { isRecord } from './path.js';
import type { Diagnostic } from './types.js';

export const NOT_CONDA_RULE = 'input/not-a-conda-file';
const CONDA_KEYS = ['name', 'channels', 'dependencies', 'prefix', 'variables'];

/** Null (an empty file) is left to the python rules; anything else must be a mapping with a conda key. */
export function looksLikeCondaDocument(value: unknown): boolean {
  return (
    value === null || value === undefined || (isRecord(value) && Object.keys(value).some((k) => CONDA_KEYS.includes(k)))
  );
}

export function notCondaProblem(text: string, file: string, path: string): Diagnostic {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return {
    rule: NOT_CONDA_RULE,
    severity: 'error',
    path,
    file,
    line: 1,
    column: 1,
    message: `the conda file is not a conda environment (it begins "${excerpt(first.trim())}"); its content was not used`,
    hint: 'point it at a conda YAML with name, channels and dependencies',
  };
}
