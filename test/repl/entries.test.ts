import { describe, expect, it } from 'vitest';
import { ReplSession } from '../../src/repl/session.js';
import { statementEntry } from '../../src/ui/repl/entries.js';
import { scriptErrorLines } from '../../src/repl/format.js';
import { tempDir } from '../helpers.js';

describe('what a statement leaves above the prompt', () => {
  it('a one-line error: the caret under the echoed input, then the error line', async () => {
    const s = new ReplSession({ cwd: tempDir() });
    const source = 'x = [1,, 2]';
    const entry = statementEntry(1, source, await s.run(source));
    expect(entry.lines).toEqual([
      { style: 'prompt', prompt: '>>> ', text: 'x = [1,, 2]' },
      { style: 'error', text: '           ^' },
      { style: 'error', text: 'SyntaxError: invalid syntax' },
    ]);
  });

  it('an error inside a multi-line statement names its line, as Python does', async () => {
    const s = new ReplSession({ cwd: tempDir() });
    const source = 'x = [\n  "a",\n  b,\n]';
    const result = await s.run(source);
    const entry = statementEntry(2, source, result);
    expect(entry.lines.map((l) => (l.prompt ?? '') + l.text)).toEqual([
      '>>> x = [',
      '...   "a",',
      '...   b,',
      '... ]',
      '  line 3',
      '      b,',
      '      ^',
      "NameError: name 'b' is not defined",
    ]);
    expect(scriptErrorLines(result.error!, 10)).toEqual([
      "<stdin>:12:3: NameError: name 'b' is not defined",
      '      b,',
      '      ^',
    ]);
  });

  it('warnings are labelled; the diff is indented so wrapped lines stay aligned', async () => {
    const s = new ReplSession({ cwd: tempDir(), track: true });
    await s.run('from azureml.core import Environment');
    await s.run('env = Environment("x")');
    const source = 'env.docker.enabled = True';
    const entry = statementEntry(3, source, await s.run(source));
    expect(entry.lines[1]).toEqual({
      style: 'warning',
      text: "warning: 'enabled' is deprecated. Please use the azureml.core.runconfig.DockerConfiguration object with the 'use_docker' param instead.",
    });
    expect(entry.lines[2]).toEqual({ style: 'changed', text: '~ docker.enabled: false → true', indent: 2 });
  });
});
