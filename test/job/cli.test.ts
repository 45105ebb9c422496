// The dockerfile, build and run commands through the built CLI, for everything that needs no Docker daemon.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, ROOT, tempDir } from '../helpers.js';

const USER_MANAGED = join(ROOT, 'fixtures', 'docker', 'envs', 'user-managed.json');
const JOB = join(ROOT, 'fixtures', 'docker', 'scripts', 'job.py');
const NO_DOCKER = { DOCKER_HOST: 'unix:///tmp/amlenv-tests-no-docker.sock' };

function wheelEnv(): { dir: string; wheel: Buffer } {
  const dir = tempDir();
  const wheel = randomBytes(4096);
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'mine-1.0-py3-none-any.whl'), wheel);
  writeFileSync(
    join(dir, 'env.json'),
    JSON.stringify({
      name: 'with-wheel',
      python: {
        userManagedDependencies: false,
        condaDependencies: {
          channels: ['conda-forge'],
          dependencies: ['python=3.11', 'pip', { pip: ['./dist/mine-1.0-py3-none-any.whl'] }],
        },
      },
      docker: { baseImage: 'amlenv-test/python:bookworm' },
    }),
  );
  return { dir, wheel };
}

describe('amlenv dockerfile', () => {
  it('prints the Dockerfile on stdout and nothing else', () => {
    const r = cli(['dockerfile', join(FIXTURES, 'valid', 'seed-style.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^FROM mcr\.microsoft\.com\/azureml\/intelmpi2018\.3-ubuntu16\.04:20210301\.v1\n/);
    expect(r.stdout).toMatch(/conda env create -p \/azureml-envs\/azureml_[0-9a-f]{32} /);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^LABEL org\.amlenv\.hash=/);
  });

  it('--out writes the Dockerfile with its context files, wheels byte for byte, and says how to build it', () => {
    const { dir, wheel } = wheelEnv();
    const out = join(dir, 'context');
    const r = cli(['dockerfile', join(dir, 'env.json'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const setup = join(out, 'azureml-environment-setup');
    expect(readFileSync(join(setup, 'Dockerfile'), 'utf8')).toMatch(/^FROM amlenv-test\/python:bookworm\n/);
    expect(readFileSync(join(setup, 'packages', 'mine-1.0-py3-none-any.whl')).equals(wheel)).toBe(true);
    expect(readFileSync(join(setup, 'mutated_conda_dependencies.yml'), 'utf8')).toContain(
      '- /azureml-environment-setup/packages/mine-1.0-py3-none-any.whl',
    );
    for (const f of ['99brokenproxy', 'spark_cache.py', 'log4j.properties'])
      expect(readFileSync(join(setup, f), 'utf8').length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(
      /docker build -f .*azureml-environment-setup\/Dockerfile -t amlenv\/with-wheel:[0-9a-f]{32} /,
    );
  });

  it('--out refuses a folder that is not empty, and writes nothing', () => {
    const { dir } = wheelEnv();
    const r = cli(['dockerfile', join(dir, 'env.json'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not empty; give a new or empty folder/);
  });

  it('an invalid definition gets its errors and exit 1, and no Dockerfile', () => {
    const r = cli(['dockerfile', join(FIXTURES, 'invalid', 'docker-image-and-dockerfile.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/docker\/image-and-dockerfile/);
    expect(r.stderr).toMatch(/has errors, so there is no Dockerfile for it/);
  });

  it('a wheel listed but missing is a usage error naming it', () => {
    const { dir } = wheelEnv();
    writeFileSync(join(dir, 'env.json'), readFileSync(join(dir, 'env.json'), 'utf8').replace('mine-1.0', 'gone-1.0'));
    const r = cli(['dockerfile', join(dir, 'env.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"\.\/dist\/gone-1\.0-py3-none-any\.whl" is a local path, but .* is not a file/);
  });
});

describe('build and run without a Docker daemon', () => {
  it.each([
    ['build', [USER_MANAGED]],
    ['run', [USER_MANAGED, JOB]],
  ])('%s exits 3 with one line saying how to fix it', (name, args) => {
    const outputs = join(tempDir(), 'out');
    const r = cli([name, ...args, ...(name === 'run' ? ['--outputs', outputs] : [])], { env: NO_DOCKER });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^amlenv: Docker is not running: no daemon socket at DOCKER_HOST=unix:\/\/\/tmp\/amlenv-tests-no-docker\.sock; start Docker/,
    );
  });

  it('the rest of amlenv still works', () => {
    expect(cli(['validate', USER_MANAGED], { env: NO_DOCKER }).code).toBe(0);
    expect(cli(['dockerfile', USER_MANAGED], { env: NO_DOCKER }).code).toBe(0);
  });

  it('an invalid definition is reported before Docker is needed (exit 1)', () => {
    const r = cli(['build', join(FIXTURES, 'invalid', 'docker-no-image.json')], { env: NO_DOCKER });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has errors, so it is not built/);
  });
});

describe('amlenv run: inputs checked before anything runs', () => {
  const run = (args: string[], cwd?: string) => cli(['run', ...args], { env: NO_DOCKER, cwd });

  it('a missing script is a usage error', () => {
    const r = run([USER_MANAGED, join(tempDir(), 'nope.py')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.py: no such script/);
  });

  it('a script outside --source-dir is a usage error', () => {
    const r = run([USER_MANAGED, JOB, '--source-dir', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is outside the source directory/);
  });

  it('a script excluded by .amlignore is a usage error naming the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'train.py'), 'print(1)\n');
    writeFileSync(join(dir, '.amlignore'), '*.py\n');
    const r = run([USER_MANAGED, join(dir, 'train.py')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/train\.py is excluded by \.amlignore/);
  });

  it('a snapshot over 2,000 files is refused (exit 1) with the largest offenders and the fix', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'train.py'), 'print(1)\n');
    mkdirSync(join(dir, 'data'));
    for (let i = 0; i < 2000; i++) writeFileSync(join(dir, 'data', `${i}.csv`), '');
    const r = run([USER_MANAGED, join(dir, 'train.py')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the snapshot of .* is 9 B in 2,001 files, over Azure ML's limit of 2,000 files/);
    expect(r.stderr).toContain('data/ (2,000 files)');
    expect(r.stderr).toMatch(/\.amlignore \(it wins over \.gitignore\)/);
  });

  it.each([['-3'], ['soon'], ['']])('--timeout "%s" is a usage error', (value) => {
    const r = run([USER_MANAGED, JOB, `--timeout=${value}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--timeout must be a number of seconds \(0 for no limit\)/);
  });

  it('--outputs that is not empty is refused, so earlier outputs are never overwritten', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.txt'), 'keep me');
    const r = run([USER_MANAGED, JOB, '--outputs', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not empty/);
    expect(readFileSync(join(dir, 'old.txt'), 'utf8')).toBe('keep me');
  });

  it('--help shows the usage of the spec', () => {
    const runHelp = cli(['run', '--help']).stdout;
    expect(runHelp).toMatch(
      /amlenv run PATH \[SCRIPT \| --sample NAME\] \[--source-dir DIR\] \[--outputs DIR\] \[--network\] \[--timeout SEC\]( \[--allow-outside\])? \[-- ARGS\]/,
    );
    expect(runHelp).toMatch(/--timeout SEC .*default 3600; 0 for no limit/);
    expect(runHelp).toMatch(/1 it failed \(its own exit code is printed and kept in run\.json\).*130 Ctrl-C/);
    const buildHelp = cli(['build', '--help']).stdout;
    expect(buildHelp).toContain('amlenv build PATH [--tag T] [--no-cache] [--pull] [--force]');
    expect(buildHelp).toMatch(/--force .*amlenv did not build/);
    expect(cli(['dockerfile', '--help']).stdout).toContain('amlenv dockerfile PATH [--out DIR]');
  });
});
