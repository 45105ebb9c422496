// Build & run's environment check: each word once, nothing cut (long values wrap), and check_env.py's own
// lines (the script output pane) name python once.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/samples/report.js';
import { CheckTable } from '../../src/ui/job/CheckTable.js';
import { ROOT } from '../helpers.js';
import { mount } from './render.js';

const report: CheckReport = {
  ok: true,
  checks: [
    {
      kind: 'python',
      name: 'python',
      expected: '(not declared)',
      found: '3.11.2',
      ok: true,
      note: '/azureml-envs/azureml_0123456789abcdef0123456789abcdef/bin/python',
    },
    { kind: 'pip', name: 'scikit-learn', expected: 'scikit-learn==1.5.2', found: '1.5.2', ok: true },
    { kind: 'variable', name: 'GREETING', expected: 'hello', found: 'hello', ok: true },
  ],
};

describe('the environment check table', () => {
  it.each([60, 80])('at %i columns shows every row whole, python named once', async (width) => {
    const r = await mount(<CheckTable report={report} width={width} height={10} />);
    const frame = r.lastFrame()!;
    expect(frame).not.toContain('…');
    expect(frame).toMatch(/✓ python\s+\(not declared\)\s+3\.11\.2/);
    expect(frame).not.toMatch(/python python/);
    // the long interpreter path is there in full, wrapped rather than cut
    expect(frame.replace(/\s+/g, '')).toContain('/azureml-envs/azureml_0123456789abcdef0123456789abcdef/bin/python');
    expect(frame).toMatch(/environment check passed: python, 1 declared package and 1 variable as declared/);
  });
});

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(!hasPython)('check_env.py result lines', () => {
  it('say each word once: "ok   python: found X, not declared", "numpy (pip): declared ..., found ..."', () => {
    const code = [
      'import importlib.util, json, sys',
      `spec = importlib.util.spec_from_file_location("check_env", ${JSON.stringify(join(ROOT, 'content', 'samples', 'check_env.py'))})`,
      'm = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)',
      'rows = [{"kind": "python", "name": "python", "expected": "(not declared)", "found": "3.11.2", "ok": True, "note": "/usr/bin/python3"},',
      '        {"kind": "pip", "name": "numpy", "expected": "numpy==1.26.4", "found": "1.24.0", "ok": False, "note": ""}]',
      'print("\\n".join(m.result_line(r) for r in rows))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'ok   python: found 3.11.2, not declared (/usr/bin/python3)\nFAIL numpy (pip): declared numpy==1.26.4, found 1.24.0\n',
    );
  });
});

describe('the plain check table', () => {
  it('never cuts a row: a long note is printed whole', async () => {
    const { formatTable, reportRows } = await import('../../src/samples/report.js');
    const note = '/azureml-envs/azureml_0123456789abcdef0123456789abcdef0123456789abcdef/bin/python3.11';
    const text = formatTable(
      reportRows({
        ok: true,
        checks: [{ kind: 'python', name: 'python', expected: '(not declared)', found: '3.11.2', ok: true, note }],
      }),
    );
    expect(text).toContain(note);
    expect(text).not.toMatch(/python python/);
  });
});
