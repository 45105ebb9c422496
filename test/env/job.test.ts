// Command job files: detected from content, their environment part checked, everything else left alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandScript, looksLikeJob, readJobEnvironment } from '../../src/env/job-environment.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { loadDefinition } from '../../src/env/load.js';
import { shellWords } from '../../src/env/shell-words.js';
import type { Diagnostic } from '../../src/env/types.js';
import { parseEnvironmentReference } from '../../src/rules/job.js';
import { isValid, validateLoaded } from '../../src/rules/validate.js';
import { FIXTURES, TODAY, tempDir } from '../helpers.js';

beforeAll(() => loadFieldLibs());

function job(text: string, files: Record<string, string> = { 'src/train.py': 'print(1)\n' }): Diagnostic[] {
  const dir = tempDir();
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  writeFileSync(join(dir, 'job.yml'), text);
  const outcome = loadDefinition(join(dir, 'job.yml'), { job: 'whole' });
  if (!outcome.ok) throw new Error(outcome.message);
  expect(outcome.def.format).toBe('v2-job');
  return validateLoaded(outcome.def, { today: TODAY });
}
const rules = (list: Diagnostic[]) => list.map((d) => d.rule);
const HEAD = 'type: command\ncommand: python train.py\ncode: src\n';

describe('detection', () => {
  it('type: command, a command job $schema, or command with environment make a job', () => {
    expect(looksLikeJob({ type: 'command' })).toBe(true);
    expect(looksLikeJob({ $schema: 'https://azuremlschemas.azureedge.net/latest/commandJob.schema.json' })).toBe(true);
    expect(looksLikeJob({ command: 'python x.py', environment: 'azureml:e@latest' })).toBe(true);
    expect(looksLikeJob({ command: 'python x.py' })).toBe(false);
    expect(looksLikeJob({ name: 'e', image: 'python:3.11' })).toBe(false);
  });

  it('the valid fixture jobs load as v2-job with no errors, and job fields unrelated to environments pass silently', () => {
    for (const file of ['job.yml', 'curated-job.yml']) {
      const outcome = loadDefinition(join(FIXTURES, 'valid', 'job', file), { job: 'whole' });
      if (!outcome.ok) throw new Error(outcome.message);
      const list = validateLoaded(outcome.def, { today: TODAY });
      expect(list.filter((d) => d.severity !== 'info')).toEqual([]);
    }
  });
});

describe('environment references', () => {
  it.each([
    'azureml:my-env:3',
    'azureml:my-env@latest',
    'azureml://registries/azureml/environments/sklearn-1.5/versions/12',
    'azureml://registries/azureml/environments/sklearn-1.5/labels/latest',
    'azureml:/subscriptions/0000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/environments/my-env/versions/3',
  ])('%s is accepted', (ref) => {
    expect(parseEnvironmentReference(ref)).toBeDefined();
    expect(job(`${HEAD}environment: ${ref}\n`).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['my-env:3', 'no azureml: prefix'],
    ['azureml:my env:3', 'not an environment reference'],
    ['azureml://registries/azureml/environments/sklearn-1.5', 'not an environment reference'],
  ])('%s is an error (%s)', (ref, words) => {
    const [d] = job(`${HEAD}environment: "${ref}"\n`).filter((x) => x.rule === 'job/environment-reference');
    expect(d.message).toContain(words);
    expect(d.line).toBe(4);
  });

  it('a deprecated curated name is flagged with its replacement', () => {
    const [d] = job(`${HEAD}environment: azureml:AzureML-Minimal@latest\n`);
    expect(d).toMatchObject({ rule: 'job/curated-environment', severity: 'warning' });
    expect(d.message).toContain('minimal-py311-inference');
    expect(d.hint).toBe('environment: azureml://registries/azureml/environments/minimal-py311-inference/labels/latest');
  });

  it('a current curated name in either spelling passes; an unknown one gets a suggestion', () => {
    expect(job(`${HEAD}environment: azureml:AzureML-sklearn-1.5@latest\n`)).toEqual([]);
    expect(job(`${HEAD}environment: azureml://registries/azureml/environments/lightgbm-3.3/labels/latest\n`)).toEqual(
      [],
    );
    const [d] = job(`${HEAD}environment: azureml://registries/azureml/environments/lightgbm-3.4/labels/latest\n`);
    expect(d.message).toContain('did you mean "lightgbm-3.3"?');
  });

  it('a workspace environment with an ordinary name is not looked up in the curated catalog', () => {
    expect(job(`${HEAD}environment: azureml:team-sklearn@latest\n`)).toEqual([]);
  });
});

describe('a bare azureml:NAME', () => {
  it('is accepted as the job loader accepts it (allow_default_version), with a warning that the version is not pinned', () => {
    const list = job(`${HEAD}environment: azureml:my-env\n`);
    expect(list.filter((d) => d.severity === 'error')).toEqual([]);
    const [d] = list.filter((x) => x.rule === 'job/environment-unpinned');
    expect(d.severity).toBe('warning');
    expect(d.line).toBe(4);
    expect(d.hint).toContain('azureml:my-env@latest');
  });

  it('a pinned or labelled reference gets no such warning', () => {
    for (const ref of ['azureml:my-env:3', 'azureml:my-env@latest'])
      expect(job(`${HEAD}environment: ${ref}\n`).map((d) => d.rule)).not.toContain('job/environment-unpinned');
  });

  it('a bare curated legacy name is still checked against the catalog', () => {
    expect(job(`${HEAD}environment: azureml:AzureML-Minimal\n`).map((d) => d.rule)).toContain(
      'job/curated-environment',
    );
  });
});

describe('an inline environment is checked with every v2 rule, at positions in the job file', () => {
  it('os_type and unknown keys inside environment: are errors at their job-file lines', () => {
    const list = job(`${HEAD}environment:\n  image: python:3.11-slim\n  os_type: macos\n  conda: conda.yml\n`);
    const os = list.find((d) => d.rule === 'v2/os-type');
    expect(os).toMatchObject({ path: 'environment.os_type', line: 6, column: 3 });
    const unknown = list.find((d) => d.rule === 'v2/unknown-key');
    expect(unknown?.path).toBe('environment.conda');
    expect(unknown?.message).toContain('did you mean "conda_file"?');
  });

  it('an inline environment is anonymous: no name needed, and a reserved-prefix name is not refused', () => {
    const list = job(`${HEAD}environment:\n  name: AzureML-mine\n  image: python:3.11-slim\n`);
    expect(rules(list).filter((r) => r.startsWith('name/') || r === 'v2/name-required')).toEqual([]);
  });

  it('a missing conda file of the inline environment is reported on environment.conda_file', () => {
    const [d] = job(`${HEAD}environment:\n  image: python:3.11-slim\n  conda_file: nope.yml\n`).filter(
      (x) => x.rule === 'v2/missing-file',
    );
    expect(d.path).toBe('environment.conda_file');
  });

  it('other commands load a job as its inline environment, and refuse a job that only names one', () => {
    const inline = loadDefinition(join(FIXTURES, 'valid', 'job', 'job.yml'));
    if (!inline.ok) throw new Error(inline.message);
    expect(inline.def).toMatchObject({ format: 'v2-yaml', anonymous: true });
    expect(inline.def.positions.get('docker.baseImage')?.line).toBe(10);
    const reference = loadDefinition(join(FIXTURES, 'valid', 'job', 'curated-job.yml'));
    expect(reference).toMatchObject({ ok: false, reason: 'unrecognized' });
    if (!reference.ok)
      expect(reference.message).toContain(
        'registered environment "azureml://registries/azureml/environments/sklearn-1.5/labels/latest"',
      );
  });

  it('solve still reads the inline environment of a job', () => {
    const r = readJobEnvironment(`${HEAD}environment:\n  image: python:3.11-slim\n`, '/virtual/job.yml');
    expect(r.kind).toBe('inline');
  });
});

describe('environment_variables, code and resources', () => {
  it('variables are checked like v1 variables, shown under environment_variables', () => {
    const list = job(
      `${HEAD}environment: azureml:e@latest\nenvironment_variables:\n  2FAST: "1"\n  N: 3\n  API_TOKEN: abc123\n  SAFE_TOKEN: \${{secrets.t}}\n`,
    );
    expect(list.map((d) => [d.rule, d.path])).toEqual([
      ['env/invalid-name', 'environment_variables["2FAST"]'],
      ['env/non-string', 'environment_variables.N'],
      ['env/secret-like', 'environment_variables.API_TOKEN'],
    ]);
    // Each at its own line, a name that needs quoting in the path too (lines 6, 7 and 8 of the file).
    expect(list.map((d) => d.line)).toEqual([6, 7, 8]);
    expect(JSON.stringify(list)).not.toContain('abc123');
  });

  it('a missing code folder and a script that is not in it are errors', () => {
    expect(
      rules(job('type: command\ncommand: python train.py\ncode: ./nope\nenvironment: azureml:e@latest\n')),
    ).toEqual(['job/code-missing']);
    const [d] = job(
      'type: command\ncommand: python3 -u scripts/run.py --x 1\ncode: src\nenvironment: azureml:e@latest\n',
    );
    expect(d).toMatchObject({ rule: 'job/script-missing', path: 'command' });
  });

  it('a code folder outside the containment root is refused, not read', () => {
    const list = job('type: command\ncommand: python train.py\ncode: /etc\nenvironment: azureml:e@latest\n');
    expect(rules(list)).toContain('input/outside-root');
  });

  it('shm_size needs <number><unit>; docker_args must parse like a shell line', () => {
    const base = `${HEAD}environment: azureml:e@latest\nresources:\n`;
    expect(job(`${base}  shm_size: 16g\n  docker_args: --ipc=host -e "A=b c"\n`)).toEqual([]);
    expect(rules(job(`${base}  shm_size: 2 GB\n`))).toEqual(['job/shm-size']);
    expect(rules(job(`${base}  shm_size: 0g\n`))).toEqual(['job/shm-size']);
    expect(rules(job(`${base}  docker_args: "--label 'a=b"\n`))).toEqual(['job/docker-args']);
  });

  it('the whole job is valid when only its environment-unrelated fields are unusual', () => {
    const list = job(
      `${HEAD}environment: azureml:e@latest\nservices:\n  my_jupyter: {type: jupyter_lab}\nlimits:\n  timeout: 3600\nqueue_settings: {job_tier: spot}\n`,
    );
    expect(isValid(list)).toBe(true);
    expect(list).toEqual([]);
  });
});

describe('helpers', () => {
  it('shellWords splits quotes and operators and refuses unbalanced quotes', () => {
    expect(shellWords(`python 'a b.py' --x "1 2"&&echo\\ hi`)).toEqual({
      ok: true,
      words: ['python', 'a b.py', '--x', '1 2', '&&', 'echo hi'],
    });
    expect(shellWords('--label "x').ok).toBe(false);
    expect(shellWords("it's").ok).toBe(false);
  });

  it('commandScript finds the script python runs, and gives up where it cannot tell', () => {
    expect(commandScript('python train.py --lr 0.1')).toBe('train.py');
    expect(commandScript('pip install x && python -u src/main.py')).toBe('src/main.py');
    expect(commandScript('python -m pkg.main')).toBeUndefined();
    expect(commandScript('cd src && python train.py')).toBeUndefined();
    expect(commandScript('python ${{inputs.script}}')).toBeUndefined();
    expect(commandScript('echo python train.py')).toBeUndefined();
  });

  it('shellWords is linear on long hostile input', () => {
    const start = performance.now();
    shellWords(`${'"'.repeat(200_000)}x`);
    shellWords(`${'a\\'.repeat(200_000)}`);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
