// Property: whatever a learner types, a statement ends as ok or as one Python-like error; it never throws out
// of the session and never reports an internal error. Inputs are built from the tokens SDK snippets use.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplSession } from '../../src/repl/session.js';
import { ROOT, tempDir } from '../helpers.js';

const TOKENS = [
  'env',
  'cd',
  'ws',
  'x',
  'Environment',
  'CondaDependencies',
  'BuildContext',
  'Workspace',
  'print',
  'len',
  'open',
  'dir',
  '.',
  '.python',
  '.docker',
  '.spark',
  '.conda_dependencies',
  '.base_image',
  '.base_dockerfile',
  '.environment_variables',
  '.user_managed_dependencies',
  '.add_pip_package',
  '.add_conda_package',
  '.remove_conda_package',
  '.create',
  '.save_to_directory',
  '.clone',
  '.get',
  '.from_conda_specification',
  '.serialize_to_string',
  '.append',
  '.name',
  '.platform',
  '.os',
  '.arguments',
  '.validate',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '=',
  '==',
  '+',
  '-',
  ';',
  '#',
  '\\',
  '\n',
  '"python=3.10"',
  '"numpy"',
  '"-e ."',
  "'x'",
  '"""',
  '"conda.yml"',
  '"out"',
  '""',
  'True',
  'False',
  'None',
  '0',
  '1',
  '3.10',
  '-1',
  'name=',
  'python_version=',
  'pip_packages=',
  'conda_packages=',
  'overwrite=',
  'image=',
  'build=',
  'path=',
  'import',
  'from',
  'del',
  'for',
  'lambda',
  ' ',
  ':show',
  ':validate',
  ':save out',
  ':explain',
  ':history',
];

const PRELUDE = [
  'from azureml.core import Environment, Workspace',
  'from azureml.core.conda_dependencies import CondaDependencies',
  'env = Environment("fuzz")',
  'cd = env.python.conda_dependencies',
  'ws = Workspace.from_config()',
];

describe('robustness', () => {
  it('random statements end as ok or one error with a position, never as a crash', async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'test', 'repl', 'transcripts', '_inputs'), cwd, { recursive: true });
    const session = new ReplSession({ cwd, track: true });
    for (const line of PRELUDE) await session.run(line);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 }), async (tokens) => {
        const source = tokens.join('');
        const result = await session.run(source);
        expect(['ok', 'error', 'quit']).toContain(result.status);
        if (result.status === 'error') {
          expect(result.error?.type).not.toBe('InternalError');
          if (result.error?.type === 'SyntaxError') expect(result.error.position).toBeDefined();
        }
      }),
      { numRuns: 400, seed: 20261126 },
    );
  }, 60000);

  it('arbitrary text never crashes the tokenizer, the parser or the session', async () => {
    const session = new ReplSession({ cwd: tempDir() });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (source) => {
        const result = await session.run(source);
        expect(result.error?.type).not.toBe('InternalError');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
