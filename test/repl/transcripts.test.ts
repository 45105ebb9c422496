// Transcripts: NAME.py is fed to the scriptable REPL in a folder holding a copy of _inputs/; stdout must equal
// NAME.out, stderr NAME.err (empty when there is no such file), and every file under NAME.files/ must have
// been written with exactly that content. A first line "# expect: exit 1" sets the expected exit status; a line
// "# track" runs the session as the prompt does, so each statement's changed fields and new findings are printed.
// The expected JSON and YAML were written from azureml-core's environment.py / conda_dependencies.py
// behaviour (see ../shared/reference/azureml.md), not copied from the REPL's output.
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReplSession } from '../../src/repl/session.js';
import { runScript } from '../../src/repl/script.js';
import { replTools } from '../../src/repl/tools.js';
import { ROOT, tempDir, TODAY } from '../helpers.js';

const DIR = join(ROOT, 'test', 'repl', 'transcripts');
const INPUTS = join(DIR, '_inputs');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

async function runTranscript(source: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const track = /^# track$/m.test(source);
  const session = new ReplSession({ cwd, tools: await replTools(), today: TODAY, track });
  const code = await runScript(source.split('\n'), session, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr: stderr.split(cwd).join('<cwd>') };
}

const transcripts = readdirSync(DIR)
  .filter((f) => f.endsWith('.py'))
  .sort();

describe('REPL transcripts (statements in, expected output and files out)', () => {
  it('has transcripts', () => expect(transcripts.length).toBeGreaterThan(10));

  it.each(transcripts)('%s', async (file) => {
    const base = join(DIR, file.replace(/\.py$/, ''));
    const source = readFileSync(join(DIR, file), 'utf8');
    const cwd = tempDir();
    cpSync(INPUTS, cwd, { recursive: true });
    const result = await runTranscript(source.replace(/\n$/, ''), cwd);
    const expectedCode = /^# expect: exit (\d)/.exec(source)?.[1] ?? '0';
    expect(result.stdout).toBe(readFileSync(`${base}.out`, 'utf8'));
    expect(result.stderr).toBe(existsSync(`${base}.err`) ? readFileSync(`${base}.err`, 'utf8') : '');
    expect(result.code).toBe(Number(expectedCode));
    if (existsSync(`${base}.files`)) {
      for (const expected of filesUnder(`${base}.files`)) {
        const written = join(cwd, relative(`${base}.files`, expected));
        expect(existsSync(written), `${relative(`${base}.files`, expected)} was written`).toBe(true);
        expect(readFileSync(written, 'utf8'), relative(`${base}.files`, expected)).toBe(readFileSync(expected, 'utf8'));
      }
    }
  });
});
