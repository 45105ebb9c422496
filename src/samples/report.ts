// check_env.py's report as a short table and a one-line verdict, for the plain output and the app.
import { safeLine } from '../util/safe-text.js';
import { plural } from '../util/plural.js';
import type { Json } from '../env/fields.js';
import { isJsonRecord, jsonList, jsonRecord, jsonString, parseJson } from '../env/json.js';

export interface CheckEntry {
  kind: string;
  name: string;
  expected: string;
  found: string;
  ok: boolean;
  note?: string;
}

export interface CheckReport {
  ok: boolean;
  checks: CheckEntry[];
  python?: string;
}

/** The report the script in the container wrote: read field by field, as anything from a container is input. */
export function parseReport(text: string): CheckReport | undefined {
  let value: Json;
  try {
    value = parseJson(text);
  } catch {
    return undefined;
  }
  const record = jsonRecord(value);
  const checks = jsonList(record?.checks);
  if (!record || !checks) return undefined;
  const entries: CheckEntry[] = checks.filter(isJsonRecord).map((c) => ({
    kind: jsonString(c.kind) ?? '',
    name: jsonString(c.name) ?? '',
    expected: jsonString(c.expected) ?? '',
    found: jsonString(c.found) ?? '',
    ok: c.ok === true,
    ...(typeof c.note === 'string' ? { note: c.note } : {}),
  }));
  const python = jsonString(record.python);
  return { ok: record.ok === true, checks: entries, ...(python !== undefined ? { python } : {}) };
}

/** Rows of [mark, what, declared, found]. */
export function reportRows(report: CheckReport): string[][] {
  return report.checks.map((c) => [
    c.ok ? '✓' : '✗',
    c.kind === 'python' || c.kind === 'variable'
      ? `${c.name}${c.kind === 'variable' ? ' (variable)' : ''}`
      : `${c.name} (${c.kind})`,
    c.expected,
    c.found + (c.note ? ` — ${c.note}` : ''),
  ]);
}

export function verdict(report: CheckReport): string {
  const failed = report.checks.filter((c) => !c.ok);
  const packages = report.checks.filter((c) => c.kind === 'conda' || c.kind === 'pip').length;
  if (!failed.length)
    return `environment check passed: python, ${plural(packages, 'declared package')} and ${plural(report.checks.filter((c) => c.kind === 'variable').length, 'variable')} as declared`;
  return `environment check failed: ${failed.length} of ${plural(report.checks.length, 'check')} — ${failed
    .slice(0, 4)
    .map((c) => safeLine(`${c.name} (${c.found})`))
    .join(', ')}${failed.length > 4 ? ', …' : ''}`;
}

/** The ✓/✗ table; rows are never cut (a terminal wraps a long one), so a note or path is always there whole. */
export function formatTable(raw: string[][]): string {
  // Names and versions come from the definition and from the image: escaped before they reach the terminal.
  const rows = raw.map((r) => r.map(safeLine));
  const cols = [0, 1, 2].map((i) =>
    Math.min(36, Math.max(...rows.map((r) => r[i].length), i === 1 ? 7 : i === 2 ? 8 : 1)),
  );
  const header = ['', 'package', 'declared', 'found'];
  const line = (r: string[]) =>
    `${r[0].padEnd(cols[0])} ${r[1].padEnd(cols[1])}  ${r[2].padEnd(cols[2])}  ${r[3]}`.trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
