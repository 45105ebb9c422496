import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, ROOT, tempDir } from '../helpers.js';

const valid = (p: string) => join(FIXTURES, 'valid', p);

describe('amlenv convert', () => {
  it('--to v2 writes environment, conda file and job, with each dropped field named on stderr', () => {
    const dir = tempDir();
    // The input carries every field, a registry host mismatch (an error) included: only --force converts it.
    const input = join(ROOT, 'fixtures', 'convert', 'nothing-lost', 'input.json');
    expect(cli(['convert', input, '--to', 'v2', '--out', join(dir, 'v2')]).code).toBe(1);
    expect(existsSync(join(dir, 'v2'))).toBe(false);
    const r = cli(['convert', input, '--to', 'v2', '--out', join(dir, 'v2'), '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/converting despite 1 error/);
    for (const f of ['environment.yml', 'conda.yml', 'job.yml']) expect(existsSync(join(dir, 'v2', f))).toBe(true);
    expect(r.stderr).toMatch(/warning spark: /);
    expect(r.stderr).toMatch(/warning name: .*renamed/);
    expect(r.stderr).toMatch(/v2 environment .*: 0 errors/);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'v2', 'job.yml'), 'utf8')).toMatch(/environment_variables:\n {2}MODEL_DIR/);
    const v = JSON.parse(cli(['validate', '--json', join(dir, 'v2', 'environment.yml')]).stdout);
    expect(v.results[0]).toMatchObject({ format: 'v2-yaml', valid: true });
  });

  it('refuses to write into a folder that is not empty without --force', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const r = cli(['convert', valid('sklearn.json'), '--to', 'v2', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not empty.*--force/);
    expect(existsSync(join(dir, 'environment.yml'))).toBe(false);
    expect(cli(['convert', valid('sklearn.json'), '--to', 'v2', '--out', dir, '--force']).code).toBe(0);
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('--to v1 writes the SDK folder layout from v2 YAML', () => {
    const dir = tempDir();
    const r = cli(['convert', valid('v2/environment.yml'), '--to', 'v1', '--out', join(dir, 'v1')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning description: /);
    const env = JSON.parse(readFileSync(join(dir, 'v1', 'azureml_environment.json'), 'utf8'));
    expect(env.name).toBe('sklearn-v2');
    expect(readFileSync(join(dir, 'v1', 'conda_dependencies.yml'), 'utf8')).toMatch(/scikit-learn=1\.5\.2/);
  });

  it('--to v1 --layout file writes one env.json, a local build context becoming baseDockerfile', () => {
    const dir = tempDir();
    const r = cli([
      'convert',
      valid('v2-build/env.yml'),
      '--to',
      'v1',
      '--layout',
      'file',
      '--out',
      join(dir, 'env.json'),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8')).docker.baseDockerfile).toMatch(/^FROM /);
  });

  it('explains the wrong direction and a missing --to', () => {
    expect(cli(['convert', valid('v2/environment.yml'), '--to', 'v2']).stderr).toMatch(/already a v2 environment/);
    expect(cli(['convert', valid('sklearn.json')]).code).toBe(2);
    expect(cli(['convert', valid('conda.yml'), '--to', 'v2']).stderr).toMatch(/init --from-conda/);
  });

  it('a file that does not parse is one line with its position, exit 1', () => {
    const r = cli(['convert', join(FIXTURES, 'invalid', 'syntax-json.json'), '--to', 'v2', '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/syntax-json\.json:5:5: invalid JSON/);
  });
});

describe('amlenv init importers and the v2 layout', () => {
  it('--layout v2 writes any template in the v2 form', () => {
    const dir = tempDir();
    expect(cli(['init', '--template', 'pytorch-gpu', '--layout', 'v2', '--out', 'out'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'environment.yml'), 'utf8')).toMatch(
      /image: mcr\.microsoft\.com\/azureml\/openmpi5\.0-cuda12\.4/,
    );
    expect(JSON.parse(cli(['validate', '--json', join(dir, 'out', 'environment.yml')]).stdout).results[0].valid).toBe(
      true,
    );
  });

  it('--from-conda builds what from_conda_specification builds', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'train.yml'),
      'name: train\nchannels: [conda-forge]\ndependencies:\n  - python=3.12\n  - pip=24.2\n  - numpy=1.26.4\n',
    );
    const r = cli(['init', '--from-conda', 'train.yml', '--name', 'trainer'], { cwd: dir });
    expect(r.code).toBe(0);
    const env = JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8'));
    expect(env.name).toBe('trainer');
    expect(env.python.condaDependencies.dependencies).toContain('numpy=1.26.4');
  });

  it('--from-conda without python adds the SDK default and says so', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nopy.yml'), 'dependencies:\n  - numpy\n');
    const r = cli(['init', '--from-conda', 'nopy.yml'], { cwd: dir });
    expect(r.stderr).toMatch(/defaults to 3\.8\.13/);
    expect(JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8')).python.condaDependencies.dependencies[0]).toBe(
      'python=3.8.13',
    );
  });

  it('--from-requirements puts the lines under pip, with pip in the conda list', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'requirements.txt'), '# deps\npandas==2.2.3  # data\nscikit-learn>=1.5\n\n');
    expect(cli(['init', '--from-requirements', 'requirements.txt', '--name', 'req'], { cwd: dir }).code).toBe(0);
    const deps = JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8')).python.condaDependencies.dependencies;
    expect(deps).toEqual(['python=3.8.13', 'pip', { pip: ['pandas==2.2.3', 'scikit-learn>=1.5'] }]);
  });

  it('--from-dockerfile alone is user-managed; with --conda it adds the conda spec', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1\n');
    writeFileSync(join(dir, 'c.yml'), 'dependencies:\n  - python=3.12\n');
    expect(cli(['init', '--from-dockerfile', 'Dockerfile', '--out', 'a.json'], { cwd: dir }).code).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(a.python.userManagedDependencies).toBe(true);
    expect(a.docker).toMatchObject({
      baseImage: null,
      baseDockerfile: 'FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1\n',
    });
    expect(
      cli(['init', '--from-dockerfile', 'Dockerfile', '--conda', 'c.yml', '--out', 'b.json'], { cwd: dir }).code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).python.condaDependencies.dependencies).toEqual([
      'python=3.12',
    ]);
  });

  it('--from-existing reads any format, a v2 file included', () => {
    const dir = tempDir();
    expect(
      cli(['init', '--from-existing', valid('v2/environment.yml'), '--layout', 'directory', '--out', 'v1'], {
        cwd: dir,
      }).code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'v1', 'azureml_environment.json'), 'utf8')).name).toBe('sklearn-v2');
  });

  it('refuses conflicting sources and a missing input', () => {
    expect(cli(['init', '--template', 'sklearn', '--from-conda', 'x.yml'], { cwd: tempDir() }).stderr).toMatch(
      /choose one of/,
    );
    expect(cli(['init', '--from-conda', 'missing.yml'], { cwd: tempDir() }).stderr).toBe(
      'amlenv: --from-conda missing.yml: no such file; check the path\n',
    );
    expect(cli(['init', '--conda', 'x.yml'], { cwd: tempDir() }).stderr).toMatch(/go with --from-dockerfile/);
  });
});

describe('amlenv schema', () => {
  it('prints the v1 and v2 JSON Schemas', () => {
    const s1 = JSON.parse(cli(['schema']).stdout);
    expect(s1.title).toMatch(/SDK v1/);
    expect(s1.properties.python.properties.userManagedDependencies.type).toEqual(['boolean', 'null']);
    const s2 = JSON.parse(cli(['schema', '--v2']).stdout);
    expect(s2.required).toEqual(['name']);
  });
});
