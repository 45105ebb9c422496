import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newEnvironment } from '../../src/env/defaults.js';
import { cli, ROOT, tempDir } from '../helpers.js';

/** Runs `amlenv repl` with the given standard input (not a terminal: the scriptable mode). */
function repl(input: string, cwd = tempDir()) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'amlenv.js'), 'repl'], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('amlenv repl on a pipe (scriptable mode)', () => {
  it('prints :show json to stdout as the SDK definition, exit 0', () => {
    const r = repl('from azureml.core import Environment\nenv = Environment("piped")\n:show json\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(newEnvironment('piped'));
  });

  it('sends errors to stderr with line, column and caret, carries on, and exits 1', () => {
    const r = repl('from azureml.core import Environment\nenv = Environment("x")\nenv.pythn\nenv.name\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("'x'\n");
    expect(r.stderr).toBe(
      "<stdin>:3:5: AttributeError: 'Environment' object has no attribute 'pythn'. Did you mean: 'python'?\n    env.pythn\n        ^^^^^\n",
    );
  });

  it('reads files relative to the folder it runs in and writes save_to_directory there', () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'test', 'repl', 'transcripts', '_inputs'), cwd, { recursive: true });
    const r = repl(
      'from azureml.core import Environment\nenv = Environment.from_conda_specification("c", "conda.yml")\nenv.save_to_directory("saved")\n',
      cwd,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: wrote saved/azureml_environment.json, saved/conda_dependencies.yml\n');
    const v = cli(['validate', join(cwd, 'saved')]);
    expect(v.stdout).toMatch(/\(v1-dir\): valid/);
  });

  it('v2: create_or_update refuses what the service would refuse (exit 1); :save writes files amlenv validate accepts', () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'test', 'repl', 'transcripts', '_inputs'), cwd, { recursive: true });
    const r = repl(
      [
        'from azure.ai.ml import MLClient',
        'from azure.ai.ml.entities import Environment, BuildContext',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient(DefaultAzureCredential(), "0000", "rg", "ws")',
        'both = Environment(name="both", image="python:3.11-slim", build=BuildContext(path="docker-context"))',
        'ml_client.environments.create_or_update(both)',
        'env = Environment(name="piped-v2", image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1", conda_file="conda.yml")',
        'ml_client.environments.create_or_update(env).name',
        ':save out-v2',
        '',
      ].join('\n'),
      cwd,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("'piped-v2'\n");
    expect(r.stderr).toMatch(/^note: error build: .*\[v2\/image-and-build\]$/m);
    expect(r.stderr).toMatch(/^<stdin>:6:1: ValidationException: the service would refuse environment 'both'/m);
    expect(r.stderr).toContain('nothing is contacted');
    expect(r.stderr).toContain('note: wrote out-v2/environment.yml, out-v2/conda.yml\n');
    const v = cli(['validate', join(cwd, 'out-v2', 'environment.yml')], { cwd });
    expect(v.stdout).toMatch(/\(v2-yaml\): valid/);
  });

  it('empty input is fine; :quit stops reading', () => {
    expect(repl('').code).toBe(0);
    const r = repl(':quit\nthis is not python\n');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('takes no arguments and has help', () => {
    expect(cli(['repl', 'extra']).code).toBe(2);
    const help = cli(['repl', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('amlenv repl');
  });
});
