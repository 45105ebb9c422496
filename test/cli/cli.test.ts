import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempDir } from '../helpers.js';
import pkg from '../../package.json' with { type: 'json' };

const valid = (p: string) => join(FIXTURES, 'valid', p);
const invalid = (p: string) => join(FIXTURES, 'invalid', p);

describe('global behaviour', () => {
  it('--version prints the package version on stdout', () => {
    const r = cli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help lists every command and the exit codes', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const name of [
      'validate',
      'rules',
      'explain',
      'templates',
      'init',
      'curated',
      'wizard',
      'convert',
      'build',
      'run',
    ])
      expect(r.stdout).toContain(name);
    expect(r.stdout).toMatch(/3 environment problem/);
  });

  it('an unknown command is a usage error with a suggestion, on stderr', () => {
    const r = cli(['valdate', 'x']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/did you mean "validate"/);
  });

  it('an unknown option is a usage error naming the option', () => {
    const r = cli(['validate', '--jsn', valid('sklearn.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jsn/);
  });

  it.each(['wizard', 'learn', 'quiz'])('interactive "%s" without a terminal exits 2 naming a plain command', (name) => {
    const r = cli([name]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal; without one use amlenv \w+/);
  });

  it('the home screen without a terminal exits 2 naming amlenv init', () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/amlenv init/);
  });
});

describe('validate', () => {
  it('exits 0 for a valid file and prints the verdict on stdout', () => {
    const r = cli(['validate', valid('sklearn.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid — 0 errors/);
    expect(r.stderr).toBe('');
  });

  it('exits 1 for an invalid file, with file:line:column, the rule id and a fix', () => {
    const r = cli(['validate', invalid('docker-image-and-dockerfile.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /docker-image-and-dockerfile\.json:\d+:\d+ docker\.baseDockerfile: .*\[docker\/image-and-dockerfile\]/,
    );
    expect(r.stdout).toMatch(/fix: /);
  });

  it('exits 2 with one line on stderr for a missing file', () => {
    const r = cli(['validate', 'no/such/env.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('amlenv: no/such/env.json: no such file or folder; check the path\n');
  });

  it('--json prints the SPEC shape on stdout only', () => {
    const r = cli([
      'validate',
      '--json',
      valid('seed-style.json'),
      invalid('docker-image-and-dockerfile.json'),
      invalid('format-unrecognized.json'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.results).toHaveLength(3);
    const [seed, broken, unknown] = out.results;
    expect(seed).toMatchObject({ format: 'v1-json', valid: true });
    expect(broken.valid).toBe(false);
    const d = broken.diagnostics.find((x: { rule: string }) => x.rule === 'docker/image-and-dockerfile');
    expect(Object.keys(d)).toEqual(['rule', 'severity', 'path', 'line', 'column', 'message', 'hint']);
    expect(d).toMatchObject({ severity: 'error', path: 'docker.baseDockerfile' });
    expect(unknown).toMatchObject({ format: 'unknown', valid: false, diagnostics: [{ rule: 'format/unrecognized' }] });
  });

  it('names the other file in a diagnostic that lies in a conda file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'azureml_environment.json'), readFileSync(valid('v1-dir/azureml_environment.json')));
    writeFileSync(
      join(dir, 'conda_dependencies.yml'),
      'channels:\n- conda-forge\ndependencies:\n- python=3.12\n- pip=24.2\n- numpy>>1\n',
    );
    const out = JSON.parse(cli(['validate', '--json', dir]).stdout);
    const d = out.results[0].diagnostics.find((x: { rule: string }) => x.rule === 'conda/invalid-spec');
    expect(d).toMatchObject({ line: 6, column: 3, path: 'python.condaDependencies.dependencies[2]' });
    expect(d.file).toMatch(/conda_dependencies\.yml$/);
  });

  it('never prints a registry password', () => {
    const r = cli(['validate', '--json', invalid('docker-password-in-file.json')]);
    expect(r.stdout).not.toContain('not-a-real-password');
    expect(r.stdout).toContain('docker/password-in-file');
  });
});

describe('rules and explain', () => {
  it('rules lists every id with its severity', () => {
    const r = cli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/docker\/image-and-dockerfile\s+error/);
    expect(r.stdout).toMatch(/deps\/unpinned\s+info/);
  });

  it('rules --json is machine-readable', () => {
    const rules = JSON.parse(cli(['rules', '--json']).stdout).rules;
    expect(rules.length).toBeGreaterThan(40);
    expect(rules[0]).toHaveProperty('id');
  });

  it('explain prints the explanation and the fix', () => {
    const r = cli(['explain', 'name/reserved-prefix']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/reserved/);
    expect(r.stdout).toMatch(/Fix:/);
  });

  it('explain of an unknown rule suggests the nearest', () => {
    const r = cli(['explain', 'name/reserved-prefx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "name\/reserved-prefix"/);
  });
});

describe('templates and init', () => {
  it('templates lists the six starters', () => {
    const names = JSON.parse(cli(['templates', '--json']).stdout).templates.map((t: { name: string }) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['minimal-cpu', 'sklearn', 'pytorch-gpu', 'user-managed', 'dockerfile', 'spark']),
    );
  });

  it.each(['minimal-cpu', 'sklearn', 'pytorch-gpu', 'user-managed', 'dockerfile', 'spark'])(
    'init --template %s writes a file that validates with zero errors',
    (template) => {
      const dir = tempDir();
      const w = cli(['init', '--template', template, '--name', 'my-env'], { cwd: dir });
      expect(w.code).toBe(0);
      const r = cli(['validate', '--json', join(dir, 'env.json')]);
      const result = JSON.parse(r.stdout).results[0];
      expect(result.valid).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8')).name).toBe('my-env');
    },
  );

  it('init --layout directory writes the SDK folder layout', () => {
    const dir = tempDir();
    expect(
      cli(['init', '--template', 'dockerfile', '--layout', 'directory', '--out', 'envdir'], { cwd: dir }).code,
    ).toBe(0);
    const r = JSON.parse(cli(['validate', '--json', join(dir, 'envdir')]).stdout).results[0];
    expect(r).toMatchObject({ format: 'v1-dir', valid: true });
    expect(readFileSync(join(dir, 'envdir', 'BaseDockerfile'), 'utf8')).toMatch(/^FROM /);
  });

  it('init never overwrites without --force', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'env.json'), 'mine');
    const r = cli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists.*--force/);
    expect(readFileSync(join(dir, 'env.json'), 'utf8')).toBe('mine');
    expect(cli(['init', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'env.json'), 'utf8')).toMatch(/"name": "minimal-cpu"/);
  });

  it('init refuses a reserved name and an unknown template', () => {
    expect(cli(['init', '--name', 'AzureML-mine'], { cwd: tempDir() }).stderr).toMatch(/reserved prefix/);
    expect(cli(['init', '--template', 'sklern'], { cwd: tempDir() }).stderr).toMatch(/did you mean "sklearn"/);
  });

  it('curated lists current and deprecated environments', () => {
    const r = cli(['curated']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sklearn-1\.5\s+current/);
    expect(r.stdout).toMatch(/AzureML-Minimal\s+deprecated/);
  });
});
