import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planDefinition } from '../../src/job/ensure-image.js';
import { quoteLabel, renderDockerfileBody } from '../../src/job/dockerfile.js';
import { buildInputs, type BuildInputs } from '../../src/job/inputs.js';
import { planBuild, safeRepositoryName, type BuildPlan } from '../../src/job/plan.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import type { LoadedDefinition } from '../../src/env/types.js';
import { UsageError } from '../../src/util/errors.js';
import { FIXTURES, load, loadText, ROOT } from '../helpers.js';

const GOLDENS = join(import.meta.dirname, 'goldens');
const DOCKER_ENVS = join(ROOT, 'fixtures', 'docker', 'envs');
const UPDATE = process.env.UPDATE_GOLDENS === '1';

// Plans are made while the suites are collected, so the field libraries are loaded first.
await loadFieldLibs();

/** Plans a fixture with its source label made machine-independent (the file name instead of the full path). */
function plan(path: string): BuildPlan & { inputs: BuildInputs } {
  const def = load(path);
  def.path = path;
  const { inputs } = planDefinition(def);
  inputs.source = basename(path);
  const again = planBuild(inputs, {
    packages: new Map(inputs.localPackages.map((p) => [p.path, readFileSync(p.path)])),
    context: contextOf(inputs),
  });
  return { ...again, inputs };
}

function contextOf(inputs: BuildInputs) {
  if (inputs.base.kind !== 'context') return undefined;
  const dir = inputs.base.dir;
  return [
    { path: 'Dockerfile', data: readFileSync(join(dir, 'Dockerfile')) },
    { path: 'requirements.txt', data: readFileSync(join(dir, 'requirements.txt')) },
  ];
}

function golden(name: string, text: string): void {
  const file = join(GOLDENS, name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(GOLDENS, { recursive: true });
    writeFileSync(file, text);
    if (!UPDATE) throw new Error(`golden ${name} was missing and has been written; check it and run again`);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const CASES: Array<[string, string]> = [
  ['conda-seed-style.Dockerfile', join(FIXTURES, 'valid', 'seed-style.json')],
  ['base-dockerfile-v1-dir.Dockerfile', join(FIXTURES, 'valid', 'v1-dir-dockerfile')],
  ['user-managed.Dockerfile', join(DOCKER_ENVS, 'user-managed.json')],
  ['v2-conda-file.Dockerfile', join(FIXTURES, 'valid', 'v2', 'environment.yml')],
  ['wheel-and-spark.Dockerfile', join(DOCKER_ENVS, 'wheel-and-spark', 'env.json')],
  ['v2-build-context.Dockerfile', join(FIXTURES, 'valid', 'v2-build', 'env.yml')],
];

describe('Dockerfile renderer (golden files)', () => {
  it.each(CASES)('%s matches its golden file', (name, path) => {
    golden(name, plan(path).dockerfile);
  });

  it('the mutated conda spec and the Spark pre-cache script match their golden files', () => {
    const p = plan(join(DOCKER_ENVS, 'wheel-and-spark', 'env.json'));
    const text = (path: string) => String(p.files.find((f) => f.path === path)?.data);
    golden(
      'wheel-and-spark.mutated_conda_dependencies.yml',
      text('azureml-environment-setup/mutated_conda_dependencies.yml'),
    );
    golden('wheel-and-spark.spark_cache.py', text('azureml-environment-setup/spark_cache.py'));
  });
});

describe('Dockerfile renderer (what Azure ML generates)', () => {
  const p = plan(join(FIXTURES, 'valid', 'seed-style.json'));
  const lines = p.dockerfile.trimEnd().split('\n');

  it('starts FROM the base image and copies the conda spec on its own before installing it', () => {
    expect(lines[0]).toBe('FROM mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20210301.v1');
    const copy = lines.findIndex((l) => l.startsWith('COPY azureml-environment-setup/mutated_conda_dependencies.yml'));
    const create = lines.findIndex((l) => l.includes('conda env create -p /azureml-envs/azureml_'));
    expect(copy).toBeGreaterThan(0);
    expect(create).toBe(copy + 1);
    // Nothing that varies with the definition comes before the conda layer.
    expect(lines.slice(1, copy).every((l) => !/azureml_[0-9a-f]{32}|LABEL|ENV /.test(l))).toBe(true);
  });

  it('creates the environment by prefix, cleans the caches, and wires PATH, AZUREML_CONDA_ENVIRONMENT_PATH and LD_LIBRARY_PATH', () => {
    const prefix = p.conda!.prefix;
    expect(prefix).toMatch(/^\/azureml-envs\/azureml_[0-9a-f]{32}$/);
    const run = lines.find((l) => l.includes('conda env create'))!;
    expect(run).toContain(`conda env create -p ${prefix} -f azureml-environment-setup/mutated_conda_dependencies.yml`);
    expect(run).toContain('rm -rf "$HOME/.cache/pip" && conda clean -aqy');
    expect(run).toContain('rm -rf "$CONDA_ROOT_DIR/pkgs"');
    expect(lines).toContain(`ENV PATH ${prefix}/bin:$PATH`);
    expect(lines).toContain(`ENV AZUREML_CONDA_ENVIRONMENT_PATH ${prefix}`);
    expect(lines).toContain(`ENV LD_LIBRARY_PATH ${prefix}/lib:$LD_LIBRARY_PATH`);
  });

  it('keeps the Spark pre-cache step, guarded by SPARK_HOME, and puts the labels last', () => {
    expect(lines).toContain(
      `RUN if [ $SPARK_HOME ]; then /bin/bash -c '$SPARK_HOME/bin/spark-submit  /azureml-environment-setup/spark_cache.py'; fi`,
    );
    expect(lines.at(-1)).toMatch(
      /^LABEL org\.amlenv\.hash="[0-9a-f]{32}" org\.amlenv\.source="seed-style\.json" org\.amlenv\.schema="1"$/,
    );
    expect(lines.filter((l) => l.startsWith('LABEL'))).toHaveLength(1);
  });

  it('does not bake the environment variables into the image', () => {
    expect(p.dockerfile).not.toContain('EXAMPLE_ENV_VAR');
    const secret = plan(join(DOCKER_ENVS, 'wheel-and-spark', 'env.json'));
    expect(secret.dockerfile).not.toMatch(/MODEL_DIR|API_TOKEN|do-not-print-me/);
    expect(secret.files.some((f) => String(f.data).includes('do-not-print-me'))).toBe(false);
  });

  it('replaces the conda name with azureml_<hash> in the mutated spec', () => {
    const spec = parse(String(p.files.find((f) => f.path.endsWith('mutated_conda_dependencies.yml'))!.data));
    expect(spec.name).toBe(p.conda!.name);
    expect(spec.dependencies[0]).toBe('python=3.6.2');
  });

  it('copies local wheels into the context and points pip at the copy', () => {
    const w = plan(join(DOCKER_ENVS, 'wheel-and-spark', 'env.json'));
    const copy = w.files.find(
      (f) => f.path === 'azureml-environment-setup/packages/private_lib-1.0.0-py3-none-any.whl',
    )!;
    expect(Buffer.from(copy.data as Uint8Array).toString()).toMatch(/^A stand-in file/);
    const spec = parse(String(w.files.find((f) => f.path.endsWith('mutated_conda_dependencies.yml'))!.data));
    expect(spec.dependencies[2].pip).toEqual([
      'requests==2.32.3',
      '/azureml-environment-setup/packages/private_lib-1.0.0-py3-none-any.whl',
    ]);
    const lines = w.dockerfile.split('\n');
    expect(lines.indexOf('COPY azureml-environment-setup/packages/ /azureml-environment-setup/packages/')).toBe(
      lines.findIndex((l) => l.includes('conda env create')) - 1,
    );
  });

  it('skips conda for a user-managed environment', () => {
    const u = plan(join(DOCKER_ENVS, 'user-managed.json'));
    expect(u.dockerfile).not.toMatch(/conda|azureml-envs/);
    expect(u.conda).toBeUndefined();
    expect(u.interpreter).toBe('python3');
  });

  it('puts the base Dockerfile in place of FROM', () => {
    const d = plan(join(FIXTURES, 'valid', 'v1-dir-dockerfile'));
    const base = readFileSync(join(FIXTURES, 'valid', 'v1-dir-dockerfile', 'BaseDockerfile'), 'utf8').trimEnd();
    expect(d.dockerfile.startsWith(`${base}\nUSER root\n`)).toBe(true);
    expect(d.dockerfile.split('\n').filter((l) => l.startsWith('FROM '))).toEqual(['FROM ${BASE}']);
  });

  it('escapes label values so that quotes and $ cannot change the Dockerfile', () => {
    expect(quoteLabel('a "b" $HOME \\ c\nd')).toBe('"a \\"b\\" \\$HOME \\\\ c d"');
  });

  it('renders the same body whatever the conda environment name is not given (user-managed) or given', () => {
    expect(renderDockerfileBody({ from: { image: 'x:1' }, hasPackages: false })).not.toContain('conda');
    expect(renderDockerfileBody({ from: { image: 'x:1' }, condaEnv: 'azureml_abc', hasPackages: false })).toContain(
      '/azureml-envs/azureml_abc',
    );
  });
});

describe('content-addressed tag', () => {
  const base = {
    name: 'hash-test',
    version: '1',
    python: {
      userManagedDependencies: false,
      condaDependencies: {
        name: 'project',
        channels: ['conda-forge'],
        dependencies: ['python=3.11', 'pip', { pip: ['requests==2.32.3'] }],
      },
    },
    environmentVariables: { A: '1' },
    docker: { baseImage: 'amlenv-test/python:bookworm', platform: { os: 'Linux', architecture: 'amd64' } },
  };
  const hashOf = (change: (env: typeof base & Record<string, unknown>) => void): string => {
    const env = structuredClone(base) as typeof base & Record<string, unknown>;
    change(env);
    const { plan: p } = planDefinition(loadText(JSON.stringify(env)));
    return p.hash;
  };
  const same = hashOf(() => undefined);

  it('is amlenv/<name>:<32 hex>', () => {
    const { plan: p } = planDefinition(loadText(JSON.stringify(base)));
    expect(p.tag).toBe(`amlenv/hash-test:${p.hash}`);
    expect(p.hash).toMatch(/^[0-9a-f]{32}$/);
  });

  // biome-ignore lint/suspicious/noExplicitAny: each case edits the fixture's loaded JSON at its own depth
  it.each<[string, (env: any) => void]>([
    ['the name', (e) => (e.name = 'renamed')],
    ['the version', (e) => (e.version = '99')],
    ['the environment variables', (e) => (e.environmentVariables = { A: '2', B: 'new' })],
    ['the conda name field', (e) => (e.python.condaDependencies.name = 'other')],
    [
      'the key order',
      (e) =>
        (e.python.condaDependencies = {
          dependencies: e.python.condaDependencies.dependencies,
          channels: e.python.condaDependencies.channels,
          name: 'project',
        }),
    ],
  ])('does not change with %s', (_what, change) => {
    expect(hashOf(change)).toBe(same);
  });

  // biome-ignore lint/suspicious/noExplicitAny: each case edits the fixture's loaded JSON at its own depth
  it.each<[string, (env: any) => void]>([
    ['the base image', (e) => (e.docker.baseImage = 'amlenv-test/python:other')],
    ['a conda package', (e) => e.python.condaDependencies.dependencies.splice(1, 0, 'numpy=1.26')],
    ['the dependency order', (e) => e.python.condaDependencies.dependencies.reverse()],
    ['the channel order', (e) => e.python.condaDependencies.channels.unshift('defaults')],
    ['the pip list', (e) => (e.python.condaDependencies.dependencies[2].pip = ['requests==2.32.4'])],
    ['the platform', (e) => (e.docker.platform.architecture = 'arm64')],
    ['user-managed dependencies', (e) => (e.python.userManagedDependencies = true)],
    [
      'a base Dockerfile instead of the image',
      (e) => {
        e.docker.baseImage = null;
        e.docker.baseDockerfile = 'FROM amlenv-test/python:bookworm\nRUN true\n';
      },
    ],
  ])('changes with %s', (_what, change) => {
    expect(hashOf(change)).not.toBe(same);
  });

  it('changes with the Dockerfile text and with the bytes of a local wheel', () => {
    const withDockerfile = (text: string) =>
      // biome-ignore lint/suspicious/noExplicitAny: edits the fixture's loaded JSON
      hashOf((e: any) => {
        e.docker.baseImage = null;
        e.docker.baseDockerfile = text;
      });
    expect(withDockerfile('FROM a:1\nRUN echo 1\n')).not.toBe(withDockerfile('FROM a:1\nRUN echo 2\n'));
    const def = load(join(DOCKER_ENVS, 'wheel-and-spark', 'env.json'));
    const inputs = buildInputs(def, () => true);
    const wheel = inputs.localPackages[0].path;
    const a = planBuild(inputs, { packages: new Map([[wheel, Buffer.from('one')]]) }).hash;
    const b = planBuild(inputs, { packages: new Map([[wheel, Buffer.from('two')]]) }).hash;
    expect(a).not.toBe(b);
  });

  it.each([
    ['My Env', 'my-env'],
    ['Wheel and Spark!', 'wheel-and-spark'],
    ['__x__', 'x'],
    ['a..b--c__d', 'a.b-c_d'],
    ['!!!', 'environment'],
  ])('makes a repository name of %j: %j', (name, expected) => {
    expect(safeRepositoryName(name)).toBe(expected);
  });
});

describe('definitions that cannot be built locally', () => {
  const inputsOf =
    (env: object, file = '/virtual/env.json'): (() => BuildInputs) =>
    () =>
      buildInputs(loadText(JSON.stringify(env), file) as LoadedDefinition, () => false);
  const conda = {
    userManagedDependencies: false,
    condaDependencies: { dependencies: ['python=3.11', { pip: ['./missing-1.0-py3-none-any.whl'] }] },
  };

  it('a local wheel that is not there is a usage error naming the entry and the path', () => {
    expect(inputsOf({ name: 'x', python: conda, docker: { baseImage: 'a:1' } })).toThrow(UsageError);
    expect(inputsOf({ name: 'x', python: conda, docker: { baseImage: 'a:1' } })).toThrow(
      /"\.\/missing-1\.0-py3-none-any\.whl" .* \/virtual\/missing-1\.0-py3-none-any\.whl is not a file/,
    );
  });

  it('a Windows platform is refused with the reason', () => {
    expect(
      inputsOf({
        name: 'x',
        python: { userManagedDependencies: true },
        docker: { baseImage: 'a:1', platform: { os: 'Windows', architecture: 'amd64' } },
      }),
    ).toThrow(/Linux images only/);
  });

  it('a remote build context is refused, saying how to build it', () => {
    expect(
      inputsOf({
        name: 'x',
        python: { userManagedDependencies: true },
        docker: { buildContext: { location: 'https://github.com/a/b.git', dockerfilePath: 'Dockerfile' } },
      }),
    ).toThrow(/remote; amlenv builds local folders only/);
  });
});
