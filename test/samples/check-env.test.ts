import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const SCRIPT = join(ROOT, 'content', 'samples', 'check_env.py');
const hasPython = spawnSync('python3', ['--version']).status === 0;

/** A fake installed package: dist-info with METADATA and top_level.txt, and the module itself. */
function fakeDist(site: string, name: string, version: string, module: string, body = '') {
  const info = join(site, `${name.replace(/-/g, '_')}-${version}.dist-info`);
  mkdirSync(info, { recursive: true });
  writeFileSync(
    join(info, 'METADATA'),
    `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n\nA test package.\n`,
  );
  writeFileSync(join(info, 'top_level.txt'), `${module}\n`);
  mkdirSync(join(site, module), { recursive: true });
  writeFileSync(join(site, module, '__init__.py'), body);
}

function run(manifest: object, setup: (site: string, prefix: string) => void, env: Record<string, string> = {}) {
  const dir = tempDir();
  const site = join(dir, 'site');
  const prefix = join(dir, 'prefix');
  mkdirSync(join(prefix, 'conda-meta'), { recursive: true });
  setup(site, prefix);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  // -S: leave the host's own site-packages out, so only the fake packages are installed
  const r = spawnSync('python3', ['-S', SCRIPT], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      PYTHONPATH: site,
      AMLENV_MANIFEST: join(dir, 'manifest.json'),
      AZUREML_CONDA_ENVIRONMENT_PATH: prefix,
      ...env,
    },
  });
  const report = JSON.parse(readFileSync(join(dir, 'outputs', 'env-report.json'), 'utf8'));
  const log = readFileSync(join(dir, 'logs', 'env-check.log'), 'utf8');
  return { code: r.status, stdout: r.stdout, report, log };
}

describe.skipIf(!hasPython)('check_env.py with the host python3 and a fake site-packages', () => {
  const running = spawnSync('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
    encoding: 'utf8',
  }).stdout.trim();

  it('passes when every declared package, version, import and variable is there', () => {
    const r = run(
      {
        python: { declared: `python=${running}`, anyOf: [[['==', `${running}.*`]]] },
        packages: [
          { name: 'my-pkg', manager: 'pip', declared: 'my-pkg==1.2.3', anyOf: [[['==', '1.2.3']]] },
          {
            name: 'scikit-learn',
            manager: 'conda',
            declared: 'scikit-learn=1.5.2',
            anyOf: [[['==', '1.5.2.*']]],
            imports: ['sklearn'],
          },
          { name: 'libgomp', manager: 'conda', declared: 'libgomp>=12', anyOf: [[['>=', '12']]] },
        ],
        variables: [
          { name: 'MODEL_DIR', value: './outputs', secret: false },
          { name: 'API_TOKEN', value: 'hunter2', secret: true },
        ],
      },
      (site, prefix) => {
        fakeDist(site, 'my-pkg', '1.2.3', 'my_pkg');
        fakeDist(site, 'scikit-learn', '1.5.2', 'sklearn');
        writeFileSync(
          join(prefix, 'conda-meta', 'scikit-learn-1.5.2-py311_0.json'),
          JSON.stringify({ name: 'scikit-learn', version: '1.5.2' }),
        );
        writeFileSync(
          join(prefix, 'conda-meta', 'libgomp-14.2.0-h77fa898_1.json'),
          JSON.stringify({ name: 'libgomp', version: '14.2.0' }),
        );
      },
      { MODEL_DIR: './outputs', API_TOKEN: 'hunter2' },
    );
    expect(r.report.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.report.checks.map((c: { name: string }) => c.name)).toEqual([
      'python',
      'my-pkg',
      'scikit-learn',
      'libgomp',
      'MODEL_DIR',
      'API_TOKEN',
    ]);
    expect(r.stdout + r.log).not.toContain('hunter2');
    expect(r.stdout).toMatch(/6 of 6 checks passed/);
  });

  it('fails naming a missing package, a wrong version, a broken import and a wrong variable', () => {
    const r = run(
      {
        python: { declared: 'python=2.7', anyOf: [[['==', '2.7.*']]] },
        packages: [
          { name: 'numpy', manager: 'conda', declared: 'numpy=1.26.4', anyOf: [[['==', '1.26.4.*']]] },
          { name: 'old-pkg', manager: 'pip', declared: 'old-pkg>=2', anyOf: [[['>=', '2']]] },
          { name: 'broken', manager: 'pip', declared: 'broken', anyOf: [] },
        ],
        variables: [
          { name: 'MODE', value: 'train', secret: false },
          { name: 'DB_PASSWORD', value: 'right', secret: true },
        ],
      },
      (site) => {
        fakeDist(site, 'old-pkg', '1.9.0', 'old_pkg');
        fakeDist(site, 'broken', '0.1', 'broken', 'raise RuntimeError("boom")\n');
      },
      { MODE: 'serve', DB_PASSWORD: 'wrong' },
    );
    expect(r.code).toBe(1);
    const byName = Object.fromEntries(r.report.checks.map((c: { name: string }) => [c.name, c]));
    expect(byName.python.ok).toBe(false);
    expect(byName.numpy).toMatchObject({ ok: false, found: 'not installed' });
    expect(byName['old-pkg']).toMatchObject({ ok: false, found: '1.9.0' });
    expect(byName.broken).toMatchObject({
      ok: false,
      note: expect.stringMatching(/import broken failed: RuntimeError: boom/),
    });
    expect(byName.MODE).toMatchObject({ ok: false, expected: 'train', found: 'serve' });
    expect(byName.DB_PASSWORD).toMatchObject({ ok: false, expected: '(secret, set)', found: '(set, different)' });
    expect(r.stdout + r.log + JSON.stringify(r.report)).not.toMatch(/wrong|right/);
  });

  it('compares versions the PEP 440 way (pre-releases, post releases, ~=, wildcards, local labels)', () => {
    const cases: Array<[string, unknown[], boolean]> = [
      ['1.5.2', [[['==', '1.5.*']]], true],
      ['1.5.2', [[['~=', '1.4']]], true],
      ['2.0.0', [[['~=', '1.4']]], false],
      ['2.0.0rc1', [[['>=', '2.0.0']]], false],
      ['2.0.0.post1', [[['>', '2.0.0']]], true],
      ['2.5.1+cu121', [[['==', '2.5.1']]], true], // a public version ignores the candidate's local label (PEP 440)
      [
        '2.5.1+cu121',
        [
          [
            ['>=', '2.5'],
            ['<', '2.6'],
          ],
        ],
        true,
      ],
      ['1.10', [[['>', '1.9']]], true],
      ['1.3.0', [[['==', '1.2.*']], [['==', '1.3.*']]], true],
    ];
    const probe = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("check_env", ${JSON.stringify(SCRIPT)})
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
print(json.dumps([m.satisfies(v, c) for v, c in json.loads(sys.argv[1])]))`;
    const r = spawnSync('python3', ['-c', probe, JSON.stringify(cases.map(([v, c]) => [v, c]))], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual(cases.map((c) => c[2]));
  });

  it('a missing manifest is exit 2 with one line', () => {
    const dir = tempDir();
    const r = spawnSync('python3', [SCRIPT], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', AMLENV_MANIFEST: join(dir, 'nope.json') },
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('check_env.py stays runnable on Python 3.6', () => {
  it('parses with the 3.6 grammar (no interpreter that old here; ast feature_version is the check)', () => {
    const r = spawnSync(
      'python3',
      ['-c', `import ast,sys; ast.parse(open(sys.argv[1]).read(), feature_version=(3, 6)); print("ok")`, SCRIPT],
      { encoding: 'utf8' },
    );
    expect(r.stdout.trim()).toBe('ok');
  });

  it('uses no library call added after 3.6', () => {
    const source = readFileSync(SCRIPT, 'utf8');
    for (const later of [
      'importlib.metadata',
      'capture_output',
      'text=True',
      'dataclasses',
      'from __future__ import annotations',
      ':=',
      'removeprefix',
      'functools.cache',
    ]) {
      expect(source, later).not.toContain(later);
    }
  });
});
