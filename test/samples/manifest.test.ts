import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { buildManifest, condaToPep440, wheelName } from '../../src/samples/manifest.js';
import { loadImportNames } from '../../src/samples/samples.js';
import { FIXTURES, load } from '../helpers.js';

beforeAll(() => loadFieldLibs());

describe('conda version specs as PEP 440 clauses', () => {
  it.each([
    ['3.11.*', [[['==', '3.11.*']]]],
    ['==1.26.4', [[['==', '1.26.4']]]],
    [
      '>=1.24,<2',
      [
        [
          ['>=', '1.24'],
          ['<', '2'],
        ],
      ],
    ],
    ['1.2.*|1.3.*', [[['==', '1.2.*']], [['==', '1.3.*']]]],
    ['!=1.2.*', [[['!=', '1.2.*']]]],
    ['~=1.4', [[['~=', '1.4']]]],
    ['*', []],
    [undefined, []],
  ])('%s', (spec, expected) => {
    expect(condaToPep440(spec)).toEqual(expected);
  });
});

describe('the manifest of a definition', () => {
  it('has the python, every package with its import names, and the variables (secrets marked)', () => {
    const env = load(join(FIXTURES, 'valid', 'sklearn.json')).env;
    env.environmentVariables = { MODEL_DIR: './outputs', API_TOKEN: 't0k3n' };
    const m = buildManifest(env, 'sklearn.json', loadImportNames());
    expect(m.python).toEqual({ declared: 'python=3.11', anyOf: [[['==', '3.11.*']]] });
    expect(m.packages.find((p) => p.name === 'scikit-learn')).toEqual({
      name: 'scikit-learn',
      manager: 'conda',
      declared: 'scikit-learn=1.5.2',
      anyOf: [[['==', '1.5.2.*']]],
      imports: ['sklearn'],
    });
    expect(m.packages.find((p) => p.name === 'mlflow')).toMatchObject({ manager: 'pip', anyOf: [[['==', '2.17.2']]] });
    expect(m.packages.find((p) => p.name === 'pandas')?.imports).toBeUndefined();
    expect(m.variables).toEqual([
      { name: 'MODEL_DIR', value: './outputs', secret: false },
      { name: 'API_TOKEN', value: 't0k3n', secret: true },
    ]);
  });

  it("reads a local wheel's name and version from its file name, and skips pip options", () => {
    const env = {
      name: 'w',
      python: {
        condaDependencies: {
          dependencies: [
            'python=3.12',
            'pip',
            {
              pip: [
                './wheels/my_pkg-1.2.3-py3-none-any.whl',
                '--extra-index-url https://example.com/simple/',
                'PyYAML==6.0.2',
              ],
            },
          ],
        },
      },
    };
    const m = buildManifest(env, 'w.json', loadImportNames());
    expect(m.packages.find((p) => p.name === 'my-pkg')).toMatchObject({ anyOf: [[['==', '1.2.3']]] });
    expect(m.packages.find((p) => p.name === 'pyyaml')?.imports).toEqual(['yaml']);
    expect(m.skipped).toEqual([
      { entry: '--extra-index-url https://example.com/simple/', reason: 'a pip option, not a package' },
    ]);
    expect(wheelName('torch-2.5.1+cu121-cp311-cp311-linux_x86_64.whl')).toEqual({
      name: 'torch',
      version: '2.5.1+cu121',
    });
  });

  it('a user-managed definition declares no packages (conda is ignored)', () => {
    const env = load(join(FIXTURES, 'valid', 'crlf-bom-two-space.json')).env;
    const m = buildManifest(env, 'x.json', {});
    expect(m).toMatchObject({ userManaged: true, packages: [], python: {} });
  });
});
