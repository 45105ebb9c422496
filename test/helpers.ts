import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDefinition, loadDefinitionText } from '../src/env/load.js';
import type { LoadedDefinition } from '../src/env/types.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'fixtures', 'envs');
export const REAL_WORLD = resolve(ROOT, '..', 'shared', 'real-world');
export const hasRealWorld = existsSync(join(REAL_WORLD, 'v1-json'));
/** A fixed day for date-based rules (python/eol). */
export const TODAY = new Date('2026-11-26T00:00:00Z');

export function load(path: string): LoadedDefinition {
  const outcome = loadDefinition(path);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.def;
}

export function loadText(text: string, file = '/virtual/env.json'): LoadedDefinition {
  const outcome = loadDefinitionText(text, file);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.def;
}

export { removeTempDirs, tempDir } from './temp-dirs.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm test builds it first) the way a user does. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'amlenv.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: '',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
