import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  normalizePipName,
  parseMatchSpec,
  parsePipEntry,
  pythonLine,
  readDeps,
  simpleRequirement,
} from '../../src/env/deps.js';
import { parseImageRef } from '../../src/env/image-ref.js';
import { fieldLibs, loadFieldLibs } from '../../src/env/libs.js';
import { didYouMean } from '../../src/rules/helpers.js';
import { looksSecret } from '../../src/rules/env-vars.js';
import { dockerfileInstructions } from '../../src/rules/dockerfile.js';

beforeAll(() => loadFieldLibs());

describe('conda match specs (rattler)', () => {
  it.each([
    ['numpy', { name: 'numpy' }],
    ['python=3.8', { name: 'python', version: '3.8.*' }],
    ['python=3.7.*', { name: 'python', version: '3.7.*' }],
    ['numpy==1.26.4', { name: 'numpy', version: '==1.26.4' }],
    ['numpy >=1.24, <2', { name: 'numpy', version: '>=1.24,<2' }],
    ['conda-forge::numpy=1.26', { name: 'numpy', channel: 'conda-forge', version: '1.26.*' }],
    ['numpy=1.26.4=py311h64a7726_0', { name: 'numpy', version: '1.26.4.*', build: 'py311h64a7726_0' }],
    ['numpy 1.26.4 py311_0', { name: 'numpy', version: '==1.26.4', build: 'py311_0' }],
    ["numpy[version='>=1.2']", { name: 'numpy', version: '>=1.2' }],
    ['py-xgboost<=0.90', { name: 'py-xgboost', version: '<=0.90' }],
  ])('%s', (raw, expected) => {
    const dep = parseMatchSpec(raw, 'd');
    expect(dep.error).toBeUndefined();
    expect(dep).toMatchObject(expected);
  });

  it.each(['numpy>>1.2', 'bad name!', '{{latest}}', 'numpy 1 2 3', 'numpy=1.*.1'])('%s is an error', (raw) => {
    expect(parseMatchSpec(raw, 'd').error).toBeTruthy();
  });
});

describe('pip entries', () => {
  it.each([
    ['azureml-defaults~=1.27.0', 'requirement', 'azureml-defaults'],
    ['azureml-dataprep[fuse]', 'requirement', 'azureml-dataprep'],
    ['Scikit_Learn==1.5.2', 'requirement', 'scikit-learn'],
    ["mlflow<=1.26.1 ; python_version < '3.8'", 'requirement', 'mlflow'],
    ['--extra-index-url https://pkgs.example.com/simple/', 'option', undefined],
    ['-f ./wheels', 'option', undefined],
    ['git+https://github.com/org/repo.git@v1', 'url', undefined],
    ['./wheels/mypkg-1.0-py3-none-any.whl', 'path', undefined],
    ['mypkg @ https://example.com/mypkg-1.0.whl', 'url', 'mypkg'],
  ])('%s is a %s', (raw, kind, name) => {
    const dep = parsePipEntry(raw, 'p');
    expect(dep.error).toBeUndefined();
    expect(dep.kind).toBe(kind);
    expect(dep.name).toBe(name);
  });

  it('explains the conda-style single "=" in a pip entry', () => {
    expect(parsePipEntry('pandas=2.2.3', 'p').error).toMatch(/"=="/);
  });

  it.each(['pandas==', 'bad name!!', '--no-such-option x', '--index-url'])('%s is an error', (raw) => {
    expect(parsePipEntry(raw, 'p').error).toBeTruthy();
  });
});

describe('the python version a conda spec declares', () => {
  it.each([
    [['python=3.6.2'], '3.6'],
    [['python==3.10.4'], '3.10'],
    [['python>=3.8'], '3.8'],
    [['python'], undefined],
    [['python<3.9'], undefined],
  ])('%j → %s', (deps, line) => {
    expect(pythonLine(readDeps({ dependencies: deps }, 'c'))?.line).toBe(line);
  });
});

describe('Docker image references (distribution grammar)', () => {
  it.each([
    [
      'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1',
      { registry: 'mcr.microsoft.com', repository: 'azureml/openmpi4.1.0-ubuntu22.04', tag: '20250601.v1' },
    ],
    ['ubuntu:22.04', { repository: 'ubuntu', tag: '22.04' }],
    ['localhost:5000/team/img', { registry: 'localhost:5000', repository: 'team/img' }],
    [
      `myacr.azurecr.io/envs/train@sha256:${'a'.repeat(64)}`,
      { registry: 'myacr.azurecr.io', repository: 'envs/train', digest: `sha256:${'a'.repeat(64)}` },
    ],
    ['library/python', { repository: 'library/python' }],
  ])('%s', (text, expected) => {
    expect(parseImageRef(text)).toMatchObject(expected);
  });

  it.each([
    'Ubuntu:22.04',
    'mcr.microsoft.com/AzureML/x:1',
    'a b',
    'img:',
    'img:tag@sha256:short',
    '{{image.name}}:1',
    '',
  ])('%j is rejected', (text) => {
    expect(parseImageRef(text)).toHaveProperty('error');
  });
});

describe('helpers', () => {
  it.each([
    ['userManagedDependancies', ['userManagedDependencies', 'interpreterPath'], 'userManagedDependencies'],
    ['user_managed_dependencies', ['userManagedDependencies', 'interpreterPath'], 'userManagedDependencies'],
    ['completelyDifferent', ['userManagedDependencies', 'interpreterPath'], undefined],
  ])('did you mean: %s', (key, known, expected) => {
    expect(didYouMean(key, known)).toBe(expected);
  });

  it.each([
    ['DB_PASSWORD', true],
    ['AZURE_CLIENT_SECRET', true],
    ['HF_TOKEN', true],
    ['STORAGE_ACCOUNT_KEY', true],
    ['MYAPIKEY', true],
    ['TOKENIZERS_PARALLELISM', false],
    ['MONKEY_MODE', false],
    ['KEYBOARD_LAYOUT', false],
  ])('secret-looking name %s → %s', (name, secret) => {
    expect(looksSecret(name)).toBe(secret);
  });

  it('reads Dockerfile instructions across comments and continuations', () => {
    expect(dockerfileInstructions('# syntax\nARG X=1\nFROM a:${X}\nRUN a \\\n  && b\n')).toEqual([
      'ARG',
      'FROM',
      'RUN',
    ]);
  });
});

describe('the fast path for plain pip requirements agrees with the full grammar', () => {
  const lines = [
    'numpy',
    'numpy==1.26.4',
    'Scikit_Learn>=1.2, <2',
    'azureml-dataprep[fuse,pandas]~=1.27.0',
    'torch==2.5.1+cu121',
    'pkg!=1.*',
    'pkg==1.0.*',
    'pkg~=1',
    'pkg>=1.0a1',
    'pkg===weird',
    'pkg==',
    'a[b]',
    'pkg>=1;python_version<"3.9"',
  ];
  it.each(lines)('%s', (line) => {
    const fast = simpleRequirement(line);
    if (!fast) return; // left to the full grammar
    const full = fieldLibs().pip().parsePipRequirementsLine(line);
    expect(full?.type).toBe('ProjectName');
    if (full?.type !== 'ProjectName') return;
    expect(fast.name).toBe(normalizePipName(full.name));
    expect(fast.specifiers).toEqual(
      (full.versionSpec ?? []).map((s) => ({ operator: s.operator, version: s.version })),
    );
  });

  it('accepts only what the full grammar accepts, for random requirement-like strings', () => {
    const piece = fc.constantFrom(
      'numpy',
      'a',
      'Py_Pkg.x',
      '[',
      ']',
      'extra',
      ',',
      '==',
      '>=',
      '~=',
      '!=',
      '<',
      '1',
      '.',
      '0',
      '*',
      '+local',
      ' ',
      'a1',
      ';',
      '@',
      '-',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (parts) => {
        const line = parts.join('');
        if (!simpleRequirement(line)) return;
        expect(() => fieldLibs().pip().parsePipRequirementsLine(line)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
