// Bounded reads for the loaders: a refused file becomes a diagnostic with its input/* rule, never a hang,
// a crash or "no such file".
import { extname } from 'node:path';
import type { ReadKind, ReadResult } from '../util/safe-read.js';
import { readWith, type FileReader } from './files.js';
import type { Diagnostic, Format, LoadedDefinition } from './types.js';

type Refused = Extract<ReadResult, { missing: false }>;

export function refusalProblem(r: Refused, file: string, fieldPath: string, named?: string): Diagnostic {
  return {
    rule: r.rule,
    severity: 'error',
    path: fieldPath,
    file,
    message: `${named ? `"${named}": ` : ''}${r.message}`,
    hint: r.hint,
  };
}

/** A definition file that was refused: loaded as unparsed, with one diagnostic saying why. */
export function refusedDefinition(file: string, r: Refused, format?: Format): LoadedDefinition {
  const guessed: Format = format ?? (extname(file).toLowerCase() === '.json' ? 'v1-json' : 'v2-yaml');
  return {
    path: file,
    format: guessed,
    env: {},
    positions: new Map(),
    problems: [refusalProblem(r, file, '')],
    sources: [],
    parsed: false,
  };
}

/**
 * Reads a file named inside a definition. Returns its text; undefined when it is missing (the caller says so
 * in its own words) or refused (a diagnostic is added to def.problems, and `refused` is true).
 */
export function readReferenced(
  def: LoadedDefinition,
  reader: FileReader,
  file: string,
  kind: ReadKind,
  fieldPath: string,
  named?: string,
): { text?: string; refused: boolean } {
  const r = readWith(reader, file, kind);
  if (r.ok) return { text: r.text, refused: false };
  if (r.missing) return { refused: false };
  def.problems.push(refusalProblem(r, file, fieldPath, named));
  return { refused: true };
}

/** Azure ML refuses an environment whose Dockerfile is larger than 100 KB. */
export const AZURE_DOCKERFILE_LIMIT = 100 * 1024;

export function dockerfileSizeProblem(text: string, fieldPath: string, file?: string): Diagnostic | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= AZURE_DOCKERFILE_LIMIT) return undefined;
  return {
    rule: 'docker/dockerfile-too-large',
    severity: 'error',
    path: fieldPath,
    ...(file ? { file } : {}),
    message: `the Dockerfile is ${(bytes / 1024).toFixed(1)} KB; Azure ML accepts at most 100 KB`,
    hint: 'move the bulk into scripts in the build context that the Dockerfile COPYs and RUNs',
  };
}

/** How to fix a parser limit (see nesting.ts and parse-yaml.ts). */
export function limitHint(rule: string): string {
  if (rule === 'input/too-deep')
    return 'an environment file nests a few levels; flatten the structure (is this the right file?)';
  if (rule === 'input/too-large')
    return 'a real environment file is a few KB: check that this is the file you meant, or split generated content';
  if (rule === 'input/alias-expansion')
    return 'write the repeated values out, or use each anchor only where it cannot contain its own alias';
  return 'fix the YAML at this position';
}
