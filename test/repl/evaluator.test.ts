import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newEnvironment } from '../../src/env/defaults.js';
import { DEFAULT_CONDA } from '../../src/env/fields.js';
import { errorPosition, PyError } from '../../src/repl/errors.js';
import { Interpreter } from '../../src/repl/evaluator.js';
import type { EnvironmentV1 } from '../../src/repl/sdk/environment.js';
import { plainJson, repr, type Value } from '../../src/repl/values.js';
import { ROOT, tempDir } from '../helpers.js';

let cwd: string;
beforeAll(() => {
  cwd = tempDir();
  cpSync(join(ROOT, 'test', 'repl', 'transcripts', '_inputs'), cwd, { recursive: true });
  writeFileSync(join(cwd, 'req-options.txt'), '--index-url https://example.org/simple\nrequests==2.32.3\n');
});

interface Run {
  it: Interpreter;
  value: Value | undefined;
  out: string[];
}

const IMPORTS = [
  'from azureml.core import Environment, Workspace',
  'from azureml.core.conda_dependencies import CondaDependencies',
];

/** Runs lines in a fresh interpreter; returns the last expression's value and everything printed, warned or noted. */
function run(...lines: string[]): Run {
  const out: string[] = [];
  const it = new Interpreter({
    cwd,
    print: (t) => out.push(`print: ${t}`),
    warn: (t) => out.push(`warning: ${t}`),
    note: (t) => out.push(`note: ${t}`),
  });
  let value: Value | undefined;
  for (const line of [...IMPORTS, ...lines]) {
    const r = it.exec(line);
    if ('incomplete' in r) throw new Error(`incomplete: ${line}`);
    value = r.results[r.results.length - 1];
  }
  return { it, value, out };
}

const value = (...lines: string[]) => repr(run(...lines).value ?? null);

function error(...lines: string[]): string {
  try {
    run(...lines);
  } catch (err) {
    if (!(err instanceof PyError)) throw err;
    const source = lines[lines.length - 1];
    const p = errorPosition(source, err.span);
    return `${err.type}: ${err.message}${p ? ` @${p.column}` : ''}`;
  }
  throw new Error('no error');
}

const envJson = (r: Run, name = 'env') => plainJson((r.it.scope.get(name) as EnvironmentV1).data);

describe('Environment(name): exactly the model defaults', () => {
  it('equals newEnvironment(name), key order included', () => {
    const r = run('env = Environment(name="exam")');
    expect(JSON.stringify(envJson(r))).toBe(JSON.stringify(newEnvironment('exam')));
  });

  it('Environment(None) keeps a null name; a non-string name is the SDK TypeError', () => {
    expect(envJson(run('env = Environment(None)')).name).toBeNull();
    expect(error('Environment(3)')).toBe("TypeError: Environment name expected str, <class 'int'> found @13");
  });

  it('the default conda spec is the project template (DEFAULT_CONDA)', () => {
    expect(
      plainJson(
        (envJson(run('env = Environment("x")')).python as { condaDependencies: unknown }).condaDependencies as never,
      ),
    ).toEqual(DEFAULT_CONDA);
  });
});

describe('evaluator: values and reprs', () => {
  it.each([
    [['x = "it\'s"', 'x'], '"it\'s"'],
    [['x = 3.10', 'x'], '3.1'],
    [['x = 1e-5', 'x'], '1e-05'],
    [['x = -2', 'x'], '-2'],
    [['x = [1, "a", None, True, {"k": 2.0}]', 'x'], "[1, 'a', None, True, {'k': 2.0}]"],
    [['x = (1,)', 'x'], '(1,)'],
    [['len([1, 2])'], '2'],
    [['str(2.5)'], "'2.5'"],
    [['type("s")'], '"<class \'str\'>"'],
    [['l = []', 'l.append("a")', 'l.extend(["b"])', 'l'], "['a', 'b']"],
    [['d = {"a": 1}', 'd.get("b", 3)'], '3'],
    [['"a,b".split(",")'], "['a', 'b']"],
    [['env = Environment("x")', 'env.python.user_managed_dependencies'], 'False'],
    [['env = Environment("x")', 'env.docker.platform.os'], "'Linux'"],
    [
      ['env = Environment("x")', 'env.python.conda_dependencies is None'.replace(' is None', '')],
      '<azureml.core.conda_dependencies.CondaDependencies object: name: project_environment | dependencies: | - python=3.8.13 | - pip: |   - azureml-defaults | channels: | - anaconda | - conda-forge>',
    ],
    [['env = Environment("x")', 'print(env)'], 'None'],
    [['dir(Environment("x").docker.platform)'], "['architecture', 'os']"],
    [
      ['open("Dockerfile").read().splitlines()[0]'],
      "'FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1'",
    ],
  ])('%j → %s', (lines, expected) => {
    expect(value(...lines)).toBe(expected);
  });

  it('print writes str(), and an Environment prints as the SDK formats it', () => {
    expect(run('env = Environment("x")', 'print(env, "done")').out).toEqual([
      'print: Environment(Name: x,\nVersion: None) done',
    ]);
  });

  it("an Environment's repr is json.dumps(..., indent=4, sort_keys=True) with the password masked", () => {
    const text = value('env = Environment("x")', 'env.docker.base_image_registry.password = "p4ss"', 'env');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual([...Object.keys(newEnvironment('x'))].sort());
    expect(parsed.docker.baseImageRegistry.password).toBe('***');
    expect(text).toContain('\n    "assetId": null');
  });
});

describe('evaluator: errors are Python errors, placed on the node', () => {
  it.each([
    [['envv'], "NameError: name 'envv' is not defined @1"],
    [['env = Environment("x")', 'enb.name'], "NameError: name 'enb' is not defined. Did you mean: 'env'? @1"],
    [
      ['BuildContext(path=".")'],
      "NameError: name 'BuildContext' is not defined. Did you forget to import it? from azure.ai.ml.entities import BuildContext @1",
    ],
    [
      ['env = Environment("x")', 'env.python.user_managed_dependency = True'],
      "AttributeError: 'PythonSection' object has no attribute 'user_managed_dependency'. Did you mean: 'user_managed_dependencies'? @12",
    ],
    [
      ['env = Environment("x")', 'env.docker.baseImage'],
      "AttributeError: 'DockerSection' object has no attribute 'baseImage'. Did you mean: 'base_image'? @12",
    ],
    [
      ['env = Environment("x")', 'env.save_to_dir("out")'],
      "AttributeError: 'Environment' object has no attribute 'save_to_dir'. Did you mean: 'save_to_directory'? @5",
    ],
    [
      ['Environment.from_conda_spec("a", "b")'],
      "AttributeError: type object 'Environment' has no attribute 'from_conda_spec'. Did you mean: 'from_conda_specification'? @13",
    ],
    [
      ['env = Environment("x")', 'env.python.user_managed_dependencies = "yes"'],
      "TypeError: PythonSection.user_managed_dependencies must be a bool (True or False) or None, not str 'yes' @12",
    ],
    [
      ['env = Environment("x")', 'env.docker.arguments = "--ipc=host"'],
      "TypeError: DockerSection.arguments must be a list or None, not str '--ipc=host'; wrap it in a list: ['--ipc=host'] @12",
    ],
    [
      ['env = Environment("x")', 'env.spark.repositories = ["a", 1]'],
      'TypeError: SparkSection.repositories must be a list of str, but it holds int 1 @11',
    ],
    [
      ['env = Environment("x")', 'env.docker.base_image_registry = "acr.io"'],
      "TypeError: DockerSection.base_image_registry must be a ContainerRegistry object or None, not str 'acr.io' @12",
    ],
    [
      ['env = Environment("x")', 'env.environment_variables[1] = "a"'],
      'TypeError: dict keys must be str in the REPL (definitions are JSON), not int @1',
    ],
    [['env = Environment("x")', 'env.docker.arguments[3]'], 'IndexError: list index out of range @1'],
    [['"abc"()'], "TypeError: 'str' object is not callable @1"],
    [
      ['Environment.from_pip_requirements("a", 3)'],
      'TypeError: Environment.from_pip_requirements() argument \'file_path\' must be str, not int; put it in quotes: "3" @40',
    ],
    [
      ['Environment.from_pip_requirements("a", "requirements.txt", "24", 1)'],
      'TypeError: Environment.from_pip_requirements() takes from 2 to 3 positional arguments but 4 were given @66',
    ],
    [
      ['Environment.from_pip_requirements("a", file="requirements.txt")'],
      "TypeError: Environment.from_pip_requirements() got an unexpected keyword argument 'file'. Did you mean 'file_path'? @40",
    ],
    [['Environment.get("ws")'], "TypeError: Environment.get() missing 1 required positional argument: 'name' @1"],
    [
      ['Environment.from_dockerfile("a", dockerfile="x", name="b")'],
      "TypeError: Environment.from_dockerfile() got multiple values for argument 'name' @50",
    ],
    [
      ['from azureml.core.runconfig import DockerConfiguration', 'DockerConfiguration(use_docker=True)'],
      'NotImplementedError: DockerConfiguration configures or runs a job, not an environment (DockerConfiguration(use_docker=True) replaces the deprecated env.docker.enabled); the REPL models environments only (Environment, CondaDependencies, the v2 Environment and BuildContext) @1',
    ],
    [
      ['from azureml.core import Experimnt'],
      "ImportError: cannot import name 'Experimnt' from 'azureml.core'. Did you mean: 'Experiment'? @26",
    ],
    [
      ['import tensorflow'],
      "ModuleNotFoundError: No module named 'tensorflow' (the REPL knows azureml.core, azureml.core.conda_dependencies and azure.ai.ml.entities) @8",
    ],
    [
      ['open("missing.txt")'],
      "FileNotFoundError: [Errno 2] No such file or directory: 'missing.txt' (the REPL reads files relative to CWD) @1",
    ],
    [['del env'], "NameError: name 'env' is not defined @5"],
    [['-"a"'], "TypeError: bad operand type for unary -: 'str' @1"],
  ])('%j', (lines, expected) => {
    expect(
      error(...lines)
        .split(cwd)
        .join('CWD'),
    ).toBe(expected);
  });

  it('a failing statement changes nothing: the value is computed before anything is assigned', () => {
    const r = run('env = Environment("x")');
    expect(() => r.it.exec('env.name = Environment(3)')).toThrow(PyError);
    expect(envJson(r).name).toBe('x');
  });
});

describe('SDK properties that do more than store', () => {
  it('base_image, base_dockerfile and build_context reset each other with the SDK warning', () => {
    const r = run('env = Environment("x")', 'env.docker.base_dockerfile = "FROM ubuntu:22.04"');
    expect(r.out).toEqual([
      'warning: Property base_image is mutually exclusive with base_dockerfile. Reset base_image to None',
    ]);
    const docker = envJson(r).docker as Record<string, unknown>;
    expect([docker.baseImage, docker.baseDockerfile]).toEqual([null, 'FROM ubuntu:22.04']);
    r.it.exec('env.docker.base_image = "python:3.11"');
    expect((envJson(r).docker as Record<string, unknown>).baseDockerfile).toBeNull();
  });

  it('base_dockerfile reads a file when given a path, and an open file object', () => {
    const fromPath = envJson(run('env = Environment("x")', 'env.docker.base_dockerfile = "Dockerfile"'))
      .docker as Record<string, string>;
    expect(fromPath.baseDockerfile).toMatch(/^FROM mcr\.microsoft\.com\/azureml\/openmpi4\.1\.0-ubuntu22\.04/);
    const fromFile = envJson(run('env = Environment("x")', 'env.docker.base_dockerfile = open("Dockerfile")'))
      .docker as Record<string, string>;
    expect(fromFile.baseDockerfile).toBe(fromPath.baseDockerfile);
  });

  it('setting to an empty string stores None, as the SDK setter does', () => {
    expect(
      (envJson(run('env = Environment("x")', 'env.docker.base_image = ""')).docker as Record<string, unknown>)
        .baseImage,
    ).toBeNull();
  });

  it('deprecated setters warn with the SDK text; gpu_support reads True and stores nothing', () => {
    const r = run(
      'env = Environment("x")',
      'env.docker.enabled = True',
      'env.docker.gpu_support = False',
      'env.docker.gpu_support',
    );
    expect(r.value).toBe(true);
    expect(r.out[0]).toBe(
      "warning: 'enabled' is deprecated. Please use the azureml.core.runconfig.DockerConfiguration object with the 'use_docker' param instead.",
    );
    expect(r.out.filter((l) => l.includes('gpu_support'))).toHaveLength(2);
    expect(envJson(r).docker).not.toHaveProperty('gpuSupport');
  });

  it('conda_dependencies = None removes the key; assigning a CondaDependencies puts it back at the end of python', () => {
    const r = run(
      'env = Environment("x")',
      'cd = env.python.conda_dependencies',
      'env.python.conda_dependencies = None',
    );
    expect(envJson(r).python).not.toHaveProperty('condaDependencies');
    r.it.exec('env.python.conda_dependencies = cd');
    expect(Object.keys(envJson(r).python as object)).toEqual([
      'userManagedDependencies',
      'interpreterPath',
      'condaDependenciesFile',
      'baseCondaEnvironment',
      'condaDependencies',
    ]);
  });

  it('a CondaDependencies attached to an environment is shared: changing it later changes the environment', () => {
    const r = run(
      'env = Environment("x")',
      'cd = CondaDependencies()',
      'env.python.conda_dependencies = cd',
      'cd.add_pip_package("numpy==2.1.3")',
    );
    expect(JSON.stringify(envJson(r))).toContain('"azureml-defaults","numpy==2.1.3"');
    expect(
      value(
        'env = Environment("x")',
        `${'env.python.conda_dependencies is None'.replace(' is None', '')}.get_python_version()`,
      ),
    ).toBe("'3.8.13'");
  });

  it('a section read into a name is the same object: writes through it reach the environment', () => {
    const r = run('env = Environment("x")', 'py = env.python', 'py.interpreter_path = "/opt/conda/bin/python"');
    expect((envJson(r).python as Record<string, unknown>).interpreterPath).toBe('/opt/conda/bin/python');
  });

  it('Environment() ignores unknown keyword arguments with a warning (the SDK drops them)', () => {
    const r = run('env = Environment(name="x", python_version="3.11")');
    expect(r.out[0]).toMatch(/^warning: Environment\(\) ignores the keyword argument python_version=/);
    expect(JSON.stringify(envJson(r))).toBe(JSON.stringify(newEnvironment('x')));
  });

  it('clone resets version and asset id and keeps the rest', () => {
    const r = run('env = Environment("x")', 'env.version = "4"', 'env.docker.shm_size = "4g"', 'copy = env.clone("y")');
    const copy = envJson(r, 'copy');
    expect([copy.name, copy.version, (copy.docker as Record<string, unknown>).shmSize]).toEqual(['y', null, '4g']);
    expect(error('env = Environment("x")', 'env.clone("")')).toBe(
      'UserErrorException: Name is required to instantiate an Environment object @1',
    );
  });

  it('from_docker_image sets the image and the registry, with user-managed python when no spec is given', () => {
    const r = run(
      'from azureml.core.container_registry import ContainerRegistry',
      'reg = ContainerRegistry()',
      'reg.address = "acr.example.io"',
      'env = Environment.from_docker_image("img", "acr.example.io/base:1", container_registry=reg)',
    );
    const env = envJson(r);
    expect((env.docker as Record<string, unknown>).baseImage).toBe('acr.example.io/base:1');
    expect((env.docker as Record<string, Record<string, unknown>>).baseImageRegistry.address).toBe('acr.example.io');
    expect((env.python as Record<string, unknown>).userManagedDependencies).toBe(true);
  });

  it('from_docker_build_context starts from the SDK skip-defaults object', () => {
    const r = run(
      'from azureml.core.environment import DockerBuildContext',
      'ctx = DockerBuildContext(location_type="storageAccount", location="https://acct.blob.core.windows.net/c/p/")',
      'env = Environment.from_docker_build_context("ctx", ctx)',
    );
    const env = envJson(r);
    expect(env.environmentVariables).toEqual({});
    expect(env.python).not.toHaveProperty('condaDependencies');
    expect(env.docker).toMatchObject({
      baseImage: null,
      shmSize: null,
      buildContext: {
        locationType: 'storageAccount',
        location: 'https://acct.blob.core.windows.net/c/p/',
        dockerfilePath: 'Dockerfile',
      },
    });
  });
});

describe('CondaDependencies, as conda_dependencies.py behaves', () => {
  const spec = (...lines: string[]): Record<string, unknown> =>
    plainJson((run(...lines).it.scope.get('cd') as unknown as { spec: Record<string, never> }).spec);

  it('create() with no arguments pins azureml-defaults to the SDK version', () => {
    expect(spec('cd = CondaDependencies.create()')).toEqual({
      name: 'project_environment',
      dependencies: ['python=3.8.13', { pip: ['azureml-defaults~=1.60.0'] }],
      channels: ['anaconda', 'conda-forge'],
    });
  });

  it('create(pin_sdk_version=False) keeps SDK packages as written; pip_packages=[] empties the pip list', () => {
    expect(
      spec('cd = CondaDependencies.create(pip_packages=["azureml-core"], pin_sdk_version=False)').dependencies,
    ).toEqual(['python=3.8.13', { pip: ['azureml-core'] }]);
    expect(spec('cd = CondaDependencies.create(pip_packages=[])').dependencies).toEqual(['python=3.8.13', { pip: [] }]);
  });

  it('create(pip_indexurl=...) adds the index options to the pip list', () => {
    expect(
      spec('cd = CondaDependencies.create(pip_indexurl="https://example.org/simple", pip_packages=["x"])').dependencies,
    ).toEqual([
      'python=3.8.13',
      { pip: ['--index-url https://example.org/simple', '--extra-index-url https://pypi.python.org/simple', 'x'] },
    ]);
  });

  it('add_pip_package replaces an entry of the same package; options are refused', () => {
    expect(spec('cd = CondaDependencies()', 'cd.add_pip_package("azureml-defaults==1.59.0")').dependencies).toEqual([
      'python=3.8.13',
      { pip: ['azureml-defaults==1.59.0'] },
    ]);
    expect(error('cd = CondaDependencies()', 'cd.add_pip_package("-r requirements.txt")')).toMatch(
      /^UserErrorException: Invalid package name -r requirements\.txt/,
    );
  });

  it('add_conda_package ignores duplicates and turns python=X into set_python_version', () => {
    expect(
      spec(
        'cd = CondaDependencies()',
        'cd.add_conda_package("numpy")',
        'cd.add_conda_package("numpy")',
        'cd.add_conda_package("python=3.12")',
      ).dependencies,
    ).toEqual(['python=3.12', { pip: ['azureml-defaults'] }, 'numpy']);
  });

  it('remove_conda_package of the exact python entry raises the SDK error; other spellings remove nothing', () => {
    expect(error('cd = CondaDependencies()', 'cd.remove_conda_package("python=3.8.13")')).toBe(
      'UserErrorException: python must not be removed from conda dependencies @1',
    );
    const r = run('cd = CondaDependencies()', 'cd.remove_conda_package("python")');
    expect(r.out[0]).toMatch(/^note: conda package 'python' is not in the list/);
  });

  it('set_pip_option replaces an option with the same flag; set_pip_requirements replaces the pip list', () => {
    expect(
      spec('cd = CondaDependencies()', 'cd.set_pip_option("--index-url a")', 'cd.set_pip_option("--index-url b")')
        .dependencies,
    ).toEqual(['python=3.8.13', { pip: ['azureml-defaults', '--index-url b'] }]);
    expect(spec('cd = CondaDependencies()', 'cd.set_pip_requirements(["a==1", "b"])').dependencies).toEqual([
      'python=3.8.13',
      { pip: ['a==1', 'b'] },
    ]);
  });

  it('pip_packages and pip_options split the pip list', () => {
    expect(
      value(
        'env = Environment.from_pip_requirements("x", "req-options.txt")',
        'env.python.conda_dependencies.pip_options',
      ),
    ).toBe("['--index-url https://example.org/simple']");
    expect(
      value(
        'env = Environment.from_pip_requirements("x", "req-options.txt")',
        'env.python.conda_dependencies.pip_packages',
      ),
    ).toBe("['requests==2.32.3']");
  });

  it('a float python version is a TypeError that says to quote it', () => {
    expect(error('cd = CondaDependencies()', 'cd.set_python_version(3.10)')).toMatch(
      /^TypeError: can only concatenate str \(not "float"\) to str \(the version 3\.1 is a float; put it in quotes/,
    );
  });
});
