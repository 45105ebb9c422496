import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const noRaw = (r: { stdout: string; stderr: string }) =>
  expect(RAW_CONTROL.test((r.stdout + r.stderr).replace(/\r?\n/g, ''))).toBe(false);

/** A case folder used as the current folder (no repository): its root is itself. */
function caseDir(files: Record<string, string>): string {
  const dir = join(tempDir(), 'case');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('paths named in a definition stay inside the project', () => {
  const attack = {
    'environment.yml': 'name: x\nbuild:\n  path: ../../../../../../../../etc\n  dockerfile_path: passwd\n',
  };

  it('validate says input/outside-root; dockerfile and convert --to v1 print and copy nothing', () => {
    const cwd = caseDir(attack);
    const v = cli(['validate', 'environment.yml'], { cwd });
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/build\.path.*outside the project folder.*\[input\/outside-root\]/);
    const d = cli(['dockerfile', 'environment.yml'], { cwd });
    expect(d.code).toBe(1);
    expect(d.stdout + d.stderr).not.toMatch(/root:x:0/);
    const c = cli(['convert', 'environment.yml', '--to', 'v1', '--out', 'v1'], { cwd });
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/--allow-outside/);
    expect(existsSync(join(cwd, 'v1'))).toBe(false);
  });

  it('conda_file: /etc/passwd is read with --allow-outside but never quoted beyond an excerpt; /proc never', () => {
    const cwd = caseDir({
      'a.yml': 'name: x\nimage: ubuntu:22.04\nconda_file: /etc/passwd\n',
      'b.yml': 'name: x\nimage: ubuntu:22.04\nconda_file: /proc/self/environ\n',
    });
    expect(cli(['validate', 'a.yml'], { cwd }).stdout).toMatch(/input\/outside-root/);
    const allowed = cli(['validate', '--allow-outside', 'a.yml'], { cwd });
    expect(allowed.stdout).toMatch(/input\/not-a-conda-file/);
    expect(allowed.stdout).not.toMatch(/daemon:x:1/);
    const proc = cli(['validate', '--allow-outside', 'b.yml'], { cwd });
    expect(proc.code).toBe(1);
    expect(proc.stdout).toMatch(/\/proc, \/sys or \/dev/);
  });

  it('init --from-existing stops on a refused file; --allow-outside lets convert read a file outside on purpose', () => {
    const cwd = caseDir(attack);
    const r = cli(['init', '--from-existing', 'environment.yml', '--layout', 'directory', '--out', 'out'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/input\/outside-root/);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    const shared = join(cwd, '..', 'shared');
    mkdirSync(shared);
    writeFileSync(join(shared, 'conda.yml'), 'name: x\nchannels: [conda-forge]\ndependencies:\n  - python=3.12\n');
    writeFileSync(join(cwd, 'env.yml'), 'name: x\nimage: ubuntu:22.04\nconda_file: ../shared/conda.yml\n');
    expect(cli(['convert', 'env.yml', '--to', 'v1', '--out', 'v1'], { cwd }).code).toBe(1);
    const allowed = cli(['convert', '--allow-outside', 'env.yml', '--to', 'v1', '--out', 'v1'], { cwd });
    expect(allowed.code).toBe(0);
    expect(readFileSync(join(cwd, 'v1', 'conda_dependencies.yml'), 'utf8')).toMatch(/python=3\.12/);
  });

  it('--allow-outside is in the help of the commands that read definitions', () => {
    for (const command of ['validate', 'dockerfile', 'convert', 'build', 'run', 'init'])
      expect(cli([command, '--help']).stdout).toMatch(/--allow-outside/);
  });
});

describe('strings from input never reach the terminal raw', () => {
  it('ESC, OSC, BEL and CSI in a name, a variable and a pip line are escaped in validate, explain and convert', () => {
    const env = {
      name: 'evil\u001b]0;pwned\u0007name',
      python: {
        userManagedDependencies: false,
        condaDependencies: { dependencies: ['python=3.11', 'pip', { pip: ['numpy\u001b[2J==1.0'] }] },
      },
      docker: { baseImage: 'ubuntu:22.04\u001b[31m' },
      environmentVariables: { 'BAD\u001b[1mNAME': 'v\u009b31m' },
    };
    const cwd = caseDir({ 'env.json': JSON.stringify(env) });
    const v = cli(['validate', 'env.json'], { cwd });
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/\\x1b/);
    noRaw(v);
    const json = cli(['validate', '--json', 'env.json'], { cwd });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    noRaw(json);
    noRaw(cli(['explain', 'no-such\u001b]0;x\u0007rule'], { cwd }));
    noRaw(cli(['convert', 'env.json', '--to', 'v2', '--out', 'v2'], { cwd }));
    noRaw(cli(['dockerfile', 'env.json'], { cwd }));
  });
});

describe('writes stay where they are aimed', () => {
  it('init --from-existing with a name of ../../../pwned-dir or an absolute name writes inside the current folder', () => {
    for (const name of ['../../../pwned-dir', '/tmp/amlenv-absolute-pwned']) {
      const cwd = join(
        caseDir({
          'env.json': JSON.stringify({
            name,
            python: { userManagedDependencies: true, interpreterPath: 'python' },
            docker: { baseImage: 'ubuntu:22.04' },
          }),
        }),
      );
      const parent = join(cwd, '..');
      for (const layout of ['directory', 'v2']) {
        const r = cli(['init', '--from-existing', 'env.json', '--layout', layout], { cwd });
        expect(r.code).toBe(0);
      }
      expect(readdirSync(parent)).toEqual(['case']);
      expect(readdirSync(cwd).sort()).toEqual(
        ['env.json', 'pwned-dir', 'pwned-dir-v2']
          .map((n) => (name.startsWith('/') ? n.replace('pwned-dir', 'tmp-amlenv-absolute-pwned') : n))
          .sort(),
      );
      expect(cli(['validate', 'env.json'], { cwd }).stdout).toMatch(/\[name\/invalid-characters\]/);
    }
    expect(existsSync('/tmp/amlenv-absolute-pwned')).toBe(false);
  });

  it('convert --to v2 writes a placeholder, not a secret value or pip credentials, with a warning', () => {
    const env = {
      name: 'secrets',
      python: {
        userManagedDependencies: false,
        condaDependencies: {
          dependencies: [
            'python=3.11',
            'pip',
            { pip: ['--extra-index-url https://alice:hunter2pw@pkgs.example.com/simple', 'numpy==1.26.4'] },
          ],
        },
      },
      docker: {
        baseImage: 'r.azurecr.io/team/base:1.0',
        baseImageRegistry: { address: 'r.azurecr.io', username: 'u', password: 'registry-pw-123' },
      },
      environmentVariables: { API_TOKEN: 'tok-do-not-copy', MODE: 'fast' },
    };
    const cwd = caseDir({ 'env.json': JSON.stringify(env) });
    // The registry host does not match the image (an error), so convert needs --force (issue 15) to write it at all.
    const r = cli(['convert', 'env.json', '--to', 'v2', '--out', 'v2', '--force'], { cwd });
    expect(r.stderr).toMatch(/API_TOKEN: looks like a secret/);
    expect(r.stderr + r.stdout).not.toMatch(/tok-do-not-copy|hunter2pw|registry-pw-123/);
    const written = readdirSync(join(cwd, 'v2'))
      .map((f) => readFileSync(join(cwd, 'v2', f), 'utf8'))
      .join('\n');
    expect(written).not.toMatch(/tok-do-not-copy|hunter2pw|registry-pw-123/);
    expect(readFileSync(join(cwd, 'v2', 'job.yml'), 'utf8')).toMatch(
      /API_TOKEN: "?<set-me: secret value not copied>"?\n\s+MODE: fast/,
    );
    expect(readFileSync(join(cwd, 'v2', 'conda.yml'), 'utf8')).toContain(
      'https://${PIP_INDEX_CREDENTIALS}@pkgs.example.com/simple',
    );
  });
});
