import { guardFor } from '../../src/env/containment.js';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/env/load.js';
import { diffJson } from '../../src/repl/diff.js';
import { changeLines } from '../../src/repl/format.js';
import { ReplSession, type RunResult } from '../../src/repl/session.js';
import { replTools } from '../../src/repl/tools.js';
import { validateDefinition } from '../../src/rules/validate.js';
import { ROOT, tempDir, TODAY } from '../helpers.js';

function session(track = true): ReplSession {
  const cwd = tempDir();
  cpSync(join(ROOT, 'test', 'repl', 'transcripts', '_inputs'), cwd, { recursive: true });
  return new ReplSession({ cwd, track, today: TODAY });
}

async function runAll(s: ReplSession, ...lines: string[]): Promise<RunResult> {
  let last: RunResult | undefined;
  for (const line of lines) last = await s.run(line);
  return last!;
}

const text = (r: RunResult, kind?: string) =>
  r.lines
    .filter((l) => !kind || l.kind === kind)
    .map((l) => l.text)
    .join('\n');

describe('diffJson', () => {
  it('reports added, changed and removed fields by path', () => {
    expect(diffJson({ a: 1, b: { c: 'x' }, gone: true }, { a: 2, b: { c: 'x', d: null } })).toEqual([
      { op: 'changed', path: 'a', before: 1, after: 2 },
      { op: 'added', path: 'b.d', after: null },
      { op: 'removed', path: 'gone', before: true },
    ]);
  });

  it('matches list items so one added package is one added line, and looks inside a changed pip list', () => {
    const before = { deps: ['python=3.8', { pip: ['a'] }] };
    expect(diffJson(before, { deps: ['python=3.8', 'numpy', { pip: ['a'] }] })).toEqual([
      { op: 'added', path: 'deps[1]', after: 'numpy' },
    ]);
    expect(diffJson(before, { deps: ['python=3.8', { pip: ['a', 'b'] }] })).toEqual([
      { op: 'added', path: 'deps[1].pip[1]', after: 'b' },
    ]);
    expect(diffJson(before, { deps: ['python=3.11', { pip: ['a'] }] })).toEqual([
      { op: 'changed', path: 'deps[0]', before: 'python=3.8', after: 'python=3.11' },
    ]);
  });

  it('quotes keys that are not identifiers', () => {
    expect(diffJson({ v: {} }, { v: { 'A B': '1' } })).toEqual([{ op: 'added', path: 'v["A B"]', after: '1' }]);
  });
});

describe('ReplSession: the definition after each statement', () => {
  it('a new environment becomes the current one, with its diagnostics', async () => {
    const s = session();
    const r = await runAll(s, 'from azureml.core import Environment', 'env = Environment("diag")');
    expect(r.change?.focus).toBe('new Environment "diag" (SDK v1)');
    expect(r.change?.changes).toEqual([]);
    expect(r.change?.newDiagnostics.map((d) => d.rule)).toContain('docker/deprecated-image');
  });

  it('a change shows as a diff, new diagnostics and the ones it fixed', async () => {
    const s = session();
    await runAll(s, 'from azureml.core import Environment', 'env = Environment("diag")');
    const r = await s.run('env.docker.base_image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1"');
    expect(r.change?.focus).toBeUndefined();
    expect(r.change?.changes).toEqual([
      {
        op: 'changed',
        path: 'docker.baseImage',
        before: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20250217.v1',
        after: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1',
      },
    ]);
    expect(r.change?.fixed).toBeGreaterThanOrEqual(1);
    const lines = changeLines(r.change!);
    expect(lines[0]).toEqual({
      kind: 'changed',
      text: '~ docker.baseImage: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20250217.v1" → "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1"',
    });
    expect(lines[lines.length - 1].text).toMatch(/^✓ \d+ fixed · 0 errors · \d+ warnings?/);

    const broken = await s.run('env.python.user_managed_dependencies = True');
    expect(broken.change?.newDiagnostics.map((d) => d.rule)).toContain('python/conda-ignored');
  });

  it('a statement that changes nothing reports no change', async () => {
    const s = session();
    await runAll(s, 'from azureml.core import Environment', 'env = Environment("x")');
    expect((await s.run('env.name')).change).toBeUndefined();
  });

  it('changes through a CondaDependencies object attached earlier show on the environment', async () => {
    const s = session();
    await runAll(
      s,
      'from azureml.core import Environment',
      'from azureml.core.conda_dependencies import CondaDependencies',
      'env = Environment("x")',
      'cd = env.python.conda_dependencies',
    );
    const r = await s.run('cd.add_pip_package("scikit-learn==1.5.1")');
    expect(r.change?.changes).toEqual([
      { op: 'added', path: 'python.condaDependencies.dependencies[1].pip[1]', after: 'scikit-learn==1.5.1' },
    ]);
  });

  it('the password never shows in a diff', async () => {
    const s = session();
    await runAll(s, 'from azureml.core import Environment', 'env = Environment("x")');
    const r = await s.run('env.docker.base_image_registry.password = "hunter22"');
    expect(
      changeLines(r.change!)
        .map((l) => l.text)
        .join('\n'),
    ).not.toContain('hunter22');
  });

  it('in scriptable mode (no tracking) nothing is validated after statements', async () => {
    const s = session(false);
    const r = await runAll(s, 'from azureml.core import Environment', 'env = Environment("x")');
    expect(r.change).toBeUndefined();
  });

  it('needsMore is true inside brackets and triple-quoted strings only', () => {
    const s = session();
    expect(s.needsMore('x = f(')).toBe(true);
    expect(s.needsMore('x = """a')).toBe(true);
    expect(s.needsMore('x = 1')).toBe(false);
    expect(s.needsMore('x = )')).toBe(false);
    expect(s.needsMore(':show')).toBe(false);
  });
});

describe('meta commands', () => {
  it(':show with no environment says how to make one', async () => {
    const r = await session().run(':show');
    expect(r.status).toBe('error');
    expect(r.error?.message).toMatch(/^no environment yet: create one first/);
  });

  it(':show json is the definition the validator accepts; :show yaml is the conda file', async () => {
    const s = session();
    await runAll(
      s,
      'from azureml.core import Environment',
      'env = Environment.from_conda_specification("train", "conda.yml")',
    );
    const json = text(await s.run(':show json'), 'data');
    const file = join(s.options.cwd, 'shown.json');
    writeFileSync(file, json);
    const loaded = loadDefinition(file);
    expect(loaded.ok).toBe(true);
    if (loaded.ok)
      expect((await validateDefinition(loaded.def, { today: TODAY })).filter((d) => d.severity === 'error')).toEqual(
        [],
      );
    expect(text(await s.run(':show yaml'), 'data')).toBe(
      'name: churn-train\nchannels:\n- conda-forge\ndependencies:\n- python=3.11\n- pip=24.0\n- numpy=1.26.4\n- pip:\n  - scikit-learn==1.5.1\n  - azureml-mlflow==1.60.0',
    );
  });

  it(':validate lists the diagnostics and fails when there are errors', async () => {
    const s = session();
    await runAll(s, 'from azureml.core import Environment', 'env = Environment("AzureML-mine")');
    const r = await s.run(':validate');
    expect(r.status).toBe('error');
    expect(text(r)).toMatch(/^Environment "AzureML-mine" \(SDK v1\): invalid — [1-9]\d* errors?/);
    expect(text(r)).toContain('[name/reserved-prefix]');
  });

  it(':save writes a folder (the save_to_directory layout), a .json file, or v2 YAML, and never overwrites without --force', async () => {
    const s = session();
    await runAll(s, 'from azureml.core import Environment', 'env = Environment("saved")');
    expect((await s.run(':save out')).status).toBe('ok');
    expect(readFileSync(join(s.options.cwd, 'out', 'azureml_environment.json'), 'utf8')).not.toContain(
      '"condaDependencies"',
    );
    expect(existsSync(join(s.options.cwd, 'out', 'conda_dependencies.yml'))).toBe(true);
    const again = await s.run(':save out');
    expect(again.status).toBe('error');
    expect(again.error?.message).toContain(':save PATH --force');
    expect((await s.run(':save out --force')).status).toBe('ok');
    expect((await s.run(':save env.json')).status).toBe('ok');
    expect(JSON.parse(readFileSync(join(s.options.cwd, 'env.json'), 'utf8')).python.condaDependencies.name).toBe(
      'project_environment',
    );
    expect((await s.run(':save env.yml')).error?.message).toMatch(/saved as a folder or a \.json file/);

    await runAll(
      s,
      'from azure.ai.ml.entities import Environment',
      'v2 = Environment(name="v2", image="python:3.11", conda_file="conda.yml")',
    );
    // Without the v2 file builder (a session made without tools) :save of a v2 environment says so in one line.
    expect((await s.run(':save sub')).error?.message).toBe(
      ':save of a v2 environment is not available yet in this version of amlenv (the v2 file builder is not built in)',
    );
  });

  it(':explain knows rules, topics and SDK attributes', async () => {
    const s = session();
    expect(text(await s.run(':explain name/reserved-prefix'))).toMatch(/^name\/reserved-prefix \[error\]/);
    expect(text(await s.run(':explain user_managed_dependencies'))).toContain(
      'python.user_managed_dependencies  (JSON: python.userManagedDependencies, boolean)',
    );
    expect(text(await s.run(':explain docker.base_image'))).toContain('JSON: docker.baseImage');
    const unknown = await s.run(':explain user_managed_dependency');
    expect(unknown.status).toBe('error');
    expect(unknown.error?.message).toMatch(/did you mean "python\.user_managed_dependencies"\?/);
  });

  it(':explain knows the findings of amlenv solve too, with did-you-mean', async () => {
    const s = session();
    const found = text(await s.run(':explain solve/unsatisfiable'));
    expect(found).toMatch(/^solve\/unsatisfiable \[error\]/);
    expect(found).toContain('Found by: amlenv solve');
    const typo = await s.run(':explain solve/unsatisfiabel');
    expect(typo.error?.message).toMatch(/did you mean "solve\/unsatisfiable"\?/);
  });

  it(':history lists the statements; :reset forgets every name; :quit quits', async () => {
    const s = session();
    await runAll(s, 'from azureml.core import Environment', 'env = Environment("x")');
    expect(text(await s.run(':history'))).toBe(
      '  1  from azureml.core import Environment\n  2  env = Environment("x")',
    );
    await s.run(':reset');
    const after = await s.run('env');
    expect(after.error?.type).toBe('NameError');
    expect((await s.run(':quit')).status).toBe('quit');
    const unknown = await s.run(':shw');
    expect(unknown.error?.message).toBe('unknown command :shw; did you mean :show? (:help lists the commands)');
  });

  it('exit() and quit() end the session as :quit does; help(obj) lists attributes', async () => {
    const s = session();
    await runAll(s, 'from azureml.core import Environment', 'env = Environment("x")');
    expect(text(await s.run('help(env.docker.platform)'), 'print')).toBe(
      'DockerImagePlatform: architecture, os\n:explain NAME explains an attribute (e.g. :explain user_managed_dependencies)',
    );
    expect((await s.run('exit()')).status).toBe('quit');
    expect((await s.run('quit()')).status).toBe('quit');
  });

  it(':help names every meta command', async () => {
    const help = text(await session().run(':help'));
    for (const c of [':show', ':validate', ':explain', ':save', ':build', ':reset', ':history', ':quit'])
      expect(help).toContain(c);
    // The v2 form is shown as well as v1.
    expect(help).toContain('ml_client.environments.create_or_update(env)');
    expect(help).toContain('from azure.ai.ml import MLClient');
  });
});

describe(':show dockerfile, :show v2 and :build through the converter and the Docker side', () => {
  const withTools = async () => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'test', 'repl', 'transcripts', '_inputs'), cwd, { recursive: true });
    return new ReplSession({ cwd, today: TODAY, tools: await replTools() });
  };

  it(':show dockerfile renders the Dockerfile Azure ML would build for a valid definition', async () => {
    const s = await withTools();
    await runAll(
      s,
      'from azureml.core import Environment',
      'env = Environment("dock")',
      'env.docker.base_image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1"',
    );
    const r = await s.run(':show dockerfile');
    expect(r.status).toBe('ok');
    expect(text(r, 'data')).toMatch(/^FROM mcr\.microsoft\.com\/azureml\/openmpi4\.1\.0-ubuntu22\.04:20250601\.v1\n/);
    expect(text(r, 'data')).toContain('conda env create -p /azureml-envs/azureml_');
  });

  it(':show dockerfile and :build refuse a definition with errors, naming them', async () => {
    const s = await withTools();
    await runAll(s, 'from azureml.core import Environment', 'env = Environment("AzureML-copy")');
    for (const command of [':show dockerfile', ':build']) {
      const r = await s.run(command);
      expect(r.status).toBe('error');
      expect(r.error?.message).toMatch(/^the definition has 1 error/);
      expect(text(r, 'note')).toContain('[name/reserved-prefix]');
    }
  });

  it(':show dockerfile of a v2 build context is its own Dockerfile', async () => {
    const s = await withTools();
    await runAll(
      s,
      'from azure.ai.ml.entities import Environment, BuildContext',
      'env = Environment(name="ctx", build=BuildContext(path="docker-context"))',
    );
    const r = await s.run(':show dockerfile');
    expect(text(r, 'data')).toContain('RUN pip install --no-cache-dir scikit-learn==1.5.1');
  });

  it(':show v2 converts a v1 definition and says what did not carry over', async () => {
    const s = await withTools();
    await runAll(
      s,
      'from azureml.core import Environment',
      'env = Environment("to-v2")',
      'env.docker.base_image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1"',
    );
    const r = await s.run(':show v2');
    expect(r.status).toBe('ok');
    expect(text(r, 'data')).toMatch(/^# file: environment\.yml\n# Converted by amlenv/);
    expect(text(r, 'data')).toMatch(
      /\n\$schema: https:\/\/azuremlschemas\.azureedge\.net\/latest\/environment\.schema\.json\nname: to-v2\n/,
    );
    expect(text(r, 'data')).toContain('---\n# file: conda.yml\n');
    // The environment variables move to the job, as amlenv convert does.
    expect(text(r, 'data')).toContain('---\n# file: job.yml\n');
    expect(text(r, 'note')).toMatch(/^environmentVariables: /m);
  });

  it(':save of a v2 environment writes environment.yml and conda.yml that load and validate with no errors', async () => {
    const s = await withTools();
    await runAll(
      s,
      'from azure.ai.ml.entities import Environment',
      'v2 = Environment(name="v2", image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1", conda_file="conda.yml")',
    );
    expect((await s.run(':save sub')).status).toBe('ok');
    const file = join(s.options.cwd, 'sub', 'environment.yml');
    expect(readFileSync(file, 'utf8')).toContain('conda_file: conda.yml');
    // Checked from the REPL's folder (the containment root when there is no repository), as `amlenv validate sub` there would.
    const v2 = loadDefinition(file, { guard: guardFor(file, { cwd: s.options.cwd }) });
    expect(v2.ok).toBe(true);
    if (!v2.ok) return;
    expect(v2.def.problems).toEqual([]);
    expect((await validateDefinition(v2.def, { today: TODAY })).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('without the Docker and conversion parts, each command says in one line that it is not available', async () => {
    const s = session();
    await runAll(s, 'from azureml.core import Environment', 'env = Environment("plain")');
    for (const command of [':show v2', ':show dockerfile', ':build']) {
      const r = await s.run(command);
      expect(r.status).toBe('error');
      expect(r.error?.message).toMatch(/is not available yet in this version of amlenv/);
    }
  });
});
