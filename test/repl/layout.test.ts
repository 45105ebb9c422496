// The REPL's lines at 60, 80 and 120 columns: wrapped rows keep their indent, :help keeps its columns,
// the banner and the key help break between phrases, the completion list wraps instead of being cut.
import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/repl/meta.js';
import { ReplSession } from '../../src/repl/session.js';
import { bannerEntry, statementEntry, type Entry } from '../../src/ui/repl/entries.js';
import { candidateRows, joinRows, layoutEntry } from '../../src/ui/repl/layout.js';
import { tempDir } from '../helpers.js';

const WIDTHS = [60, 80, 120];
const texts = (entry: Entry, width: number) => layoutEntry(entry, width).map((l) => (l.prompt ?? '') + l.text);
const words = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');

describe.each(WIDTHS)('the REPL at %i columns', (width) => {
  it(':help keeps its columns: every description row starts at the same column, nothing is lost', () => {
    const entry: Entry = {
      id: 1,
      lines: helpText()
        .split('\n')
        .map((text) => ({ style: 'data' as const, text })),
    };
    const rows = texts(entry, width);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(width);
    expect(words(rows.join(' ')).replace(/(\S) (\S)/g, '$1 $2')).toContain('user_managed_dependencies');
    const tableStart = rows.findIndex((r) => r.startsWith('  :help '));
    const table = rows.slice(tableStart);
    const column = table[0].indexOf('this help');
    const stacked = column > width - 30;
    for (const row of table) {
      if (/^ {2}:/.test(row)) continue;
      // A continuation row is a description row: it starts at the description column (or, when too
      // narrow for two columns, at one indent below its command), never at the left edge.
      const lead = /^ */.exec(row)![0].length;
      if (stacked) expect(lead).toBe(6);
      else expect(lead).toBe(column);
    }
    if (width >= 80)
      expect(rows.some((r) => r.startsWith('  :explain RULE|TOPIC|ATTRIBUTE') && r.includes('explain a rule id'))).toBe(
        true,
      );
  });

  it('the banner breaks between its phrases, never inside one', () => {
    const rows = texts(bannerEntry(), width);
    for (const row of rows) {
      expect(row.length).toBeLessThanOrEqual(width);
      expect(row).not.toMatch(/^\s*·/);
    }
    expect(rows.join('\n')).toContain(':quit leaves');
    expect(rows.join('\n')).toContain('Start with: from azureml.core import Environment');
  });

  it('a diagnostic that wraps hangs under its text, after the marker', async () => {
    const s = new ReplSession({ cwd: tempDir(), track: true });
    await s.run('from azureml.core import Environment');
    const source = 'env = Environment("churn-train")';
    const rows = texts(statementEntry(2, source, await s.run(source)), width);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(width);
    const at = rows.findIndex((r) => r.includes('docker.baseImage:'));
    expect(rows[at]).toMatch(/^ {2}! /);
    if (rows[at + 1] && !/^ {2}[!i✗~+→-] |^ {2}\d/.test(rows[at + 1])) expect(rows[at + 1]).toMatch(/^ {4}\S/);
  });

  it('a long input line wraps under the prompt and its caret follows the row it points into', async () => {
    const s = new ReplSession({ cwd: tempDir() });
    const source = `x = print("${'a'.repeat(width)}", missing_name)`;
    const rows = texts(statementEntry(1, source, await s.run(source)), width);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(width);
    const caret = rows.findIndex((r) => /^ *\^+$/.test(r));
    const above = rows[caret - 1];
    const start = rows[caret].indexOf('^');
    expect(above.slice(start, start + 'missing_name'.length)).toBe(
      'missing_name'.slice(0, Math.min(12, above.length - start)),
    );
    expect(rows.at(-1)).toMatch(/^NameError: name 'missing_name' is not defined/);
  });

  it('the completion list wraps between names, and says how many more there are past four rows', () => {
    const names = [
      'add_private_pip_wheel',
      'from_conda_specification',
      'from_docker_build_context',
      'from_docker_image',
      'from_dockerfile',
      'from_existing_conda_environment',
      'from_pip_requirements',
      'get',
      'label',
      'list',
      'load_from_directory',
    ];
    const rows = candidateRows(names, width);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(width);
    expect(rows.join('  ').split(/\s+/)).toEqual(names);
    const many = Array.from({ length: 80 }, (_, i) => `candidate_${i}`);
    const cut = candidateRows(many, width);
    expect(cut).toHaveLength(4);
    const shown = cut.slice(0, 3).join('  ').split(/\s+/).length;
    expect(cut[3]).toBe(`… and ${80 - shown} more: type a few more letters and press Tab again`);
  });

  it('the key help breaks between its parts', () => {
    const rows = joinRows(['Tab complete', '↑↓ history', 'Ctrl-C clear line / quit', ':help'], ' · ', width);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(width);
    expect(rows.join(' · ')).toBe('Tab complete · ↑↓ history · Ctrl-C clear line / quit · :help');
  });
});

describe('a changed string value is shown whole', () => {
  it('a long base image is not cut with "…" in the diff', async () => {
    const s = new ReplSession({ cwd: tempDir(), track: true });
    await s.run('from azureml.core import Environment');
    await s.run('env = Environment("x")');
    const image =
      'myregistry.azurecr.io/team/training/images/pytorch-cuda12-ubuntu22.04-with-extras:2026.11.26-build.1234';
    const source = `env.docker.base_image = "${image}"`;
    const rows = texts(statementEntry(3, source, await s.run(source)), 80);
    const diff = rows.slice(rows.findIndex((r) => r.includes('~ docker.baseImage')));
    expect(diff.join('\n')).not.toContain('…');
    expect(diff.map((r) => r.trim()).join('')).toContain(`"${image}"`);
  });
});
