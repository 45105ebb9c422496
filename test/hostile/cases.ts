// Reads fixtures/hostile/<case-id>/case.yaml (the format is in fixtures/hostile/README.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

export const HOSTILE = join(ROOT, 'fixtures', 'hostile');

export interface HostileRun {
  args: string[];
  exit: number;
  output?: string;
  notOutput?: string;
}

export interface HostileCase {
  id: string;
  dir: string;
  finding: string;
  what: string;
  setup: string[];
  /** The file every reading command is run on; defaults to the first run's first path argument. */
  main?: string;
  runs: HostileRun[];
}

function fail(id: string, what: string): never {
  throw new Error(`fixtures/hostile/${id}/case.yaml: ${what}`);
}

export function loadCase(id: string): HostileCase {
  const dir = join(HOSTILE, id);
  const doc = parse(readFileSync(join(dir, 'case.yaml'), 'utf8')) as Record<string, unknown>;
  if (typeof doc?.what !== 'string')
    fail(id, '"what" (one line saying what the attack is and what must happen) is missing');
  if (typeof doc.finding !== 'string' && typeof doc.finding !== 'number')
    fail(id, '"finding" (e.g. "12.3" or "new") is missing');
  if (!Array.isArray(doc.runs) || doc.runs.length === 0) fail(id, '"runs" must list at least one run');
  const runs = (doc.runs as Array<Record<string, unknown>>).map((run, i) => {
    if (!Array.isArray(run.args) || !run.args.every((a) => typeof a === 'string'))
      fail(id, `runs[${i}].args must be a list of strings`);
    if (typeof run.exit !== 'number') fail(id, `runs[${i}].exit must be a number`);
    return {
      args: run.args as string[],
      exit: run.exit,
      output: run.output as string | undefined,
      notOutput: run.notOutput as string | undefined,
    };
  });
  const setup = doc.setup === undefined ? [] : Array.isArray(doc.setup) ? (doc.setup as string[]) : [String(doc.setup)];
  const main = typeof doc.main === 'string' ? doc.main : runs[0].args.slice(1).find((a) => !a.startsWith('-'));
  return { id, dir, finding: String(doc.finding), what: doc.what, setup, main, runs };
}

export function allCases(): HostileCase[] {
  if (!existsSync(HOSTILE)) return [];
  return readdirSync(HOSTILE, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(HOSTILE, e.name, 'case.yaml')))
    .map((e) => loadCase(e.name))
    .sort((a, b) => a.id.localeCompare(b.id));
}
