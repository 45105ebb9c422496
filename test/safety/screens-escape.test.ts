import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../src/job/events.js';
import { readText } from '../../src/repl/sdk/files.js';
import { initialBuildView, reduceBuildView } from '../../src/ui/job/progress-state.js';
import { plainProgress } from '../../src/commands/job-progress.js';
import { statementEntry } from '../../src/ui/repl/entries.js';
import { realPath } from '../../src/env/containment.js';
import { tempDir } from '../helpers.js';

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const OSC = '\u001b]0;pwned\u0007';
const events: JobEvent[] = [
  { kind: 'phase', phase: 'build', text: `building evil${OSC}` } as JobEvent,
  { kind: 'step', index: 1, total: 2, instruction: `RUN pip install numpy\u001b[2J` } as JobEvent,
  { kind: 'log', stream: 'stdout', text: `Collecting numpy\u009b31m` } as JobEvent,
  {
    kind: 'failed',
    message: `pip failed${OSC}`,
    step: { index: 2, total: 2, instruction: `RUN x\u001b[8m` },
    tail: [`last\u0007line`],
  } as JobEvent,
];

describe('build and run views escape what they show', () => {
  it('plain progress lines carry no raw control character', () => {
    const lines: string[] = [];
    const listen = plainProgress((line) => lines.push(line));
    for (const e of events) listen(e);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(RAW.test(line)).toBe(false);
    expect(lines.join('\n')).toContain('\\x1b]0;pwned\\x07');
  });

  it('the live and Build & run view state holds escaped strings', () => {
    const state = events.reduce(reduceBuildView, initialBuildView);
    const strings: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(state);
    expect(strings.length).toBeGreaterThan(2);
    for (const text of strings) expect(RAW.test(text)).toBe(false);
    expect(strings.join('\n')).toContain('\\x1b');
  });
});

describe('the REPL', () => {
  it('shows printed text with control characters escaped', () => {
    const entry = statementEntry(1, `print("a${OSC}")`, {
      status: 'ok',
      lines: [{ kind: 'out', text: `a${OSC}` }],
    } as never);
    for (const line of entry.lines) expect(RAW.test(line.text)).toBe(false);
  });

  it('reads files only inside its project: open("/etc/passwd") is a PermissionError, ../ inside the repository works', () => {
    const base = realPath(tempDir());
    mkdirSync(join(base, 'repo', '.git'), { recursive: true });
    mkdirSync(join(base, 'repo', 'lessons'));
    writeFileSync(join(base, 'repo', 'conda.yml'), 'name: x\n');
    const cwd = join(base, 'repo', 'lessons');
    expect(readText(cwd, '../conda.yml')).toBe('name: x\n');
    expect(() => readText(cwd, '/etc/passwd')).toThrow(/outside the project folder/);
    expect(() => readText(cwd, '/proc/self/environ')).toThrow(/never reads/);
  });
});
