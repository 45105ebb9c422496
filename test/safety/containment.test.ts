import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPath, containmentRoot, guardFor, guardForRoot, realPath } from '../../src/env/containment.js';
import { loadDefinition } from '../../src/env/load.js';
import { tempDir } from '../helpers.js';

/** A project folder holding .git with a nested definition folder, and a secret beside (outside) it. */
function project() {
  const base = realPath(tempDir());
  const repo = join(base, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'envs', 'train'), { recursive: true });
  mkdirSync(join(repo, 'shared'), { recursive: true });
  writeFileSync(join(repo, 'shared', 'conda.yml'), 'name: x\ndependencies:\n  - python=3.11\n');
  writeFileSync(join(base, 'secret.txt'), 'root:x:0:0:TOP-SECRET\n');
  return { base, repo, def: join(repo, 'envs', 'train', 'environment.yml') };
}

const outsideRules = (path: string, options = {}) => {
  const outcome = loadDefinition(path, options);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.def.problems.filter((p) => p.rule === 'input/outside-root');
};

describe('containment root', () => {
  it('is the nearest folder holding .git above the definition', () => {
    const { repo, def } = project();
    expect(containmentRoot(def, '/')).toBe(repo);
  });

  it("without a repository: the current folder when it holds the definition (never / or home), else the definition's folder", () => {
    const base = realPath(tempDir());
    mkdirSync(join(base, 'a', 'b'), { recursive: true });
    expect(containmentRoot(join(base, 'a', 'b', 'env.yml'), base)).toBe(base);
    expect(containmentRoot(join(base, 'a', 'b', 'env.yml'), '/')).toBe(join(base, 'a', 'b'));
  });

  it('lets ../ that stays inside the root through, refuses what leaves it', () => {
    const { base, repo, def } = project();
    const guard = guardFor(def, { cwd: '/', allowOutside: false });
    expect(guard.check(join(repo, 'envs', 'train', '..', '..', 'shared', 'conda.yml'))).toBeUndefined();
    expect(guard.check(join(base, 'secret.txt'))).toMatchObject({ kind: 'outside' });
    expect(guard.check('/etc/passwd')).toMatchObject({ kind: 'outside' });
  });

  it('follows links before checking: a link inside the root that points outside is refused', () => {
    const { base, repo, def } = project();
    symlinkSync(join(base, 'secret.txt'), join(repo, 'shared', 'innocent.yml'));
    const refusal = guardFor(def, { cwd: '/', allowOutside: false }).check(join(repo, 'shared', 'innocent.yml'));
    expect(refusal).toMatchObject({ kind: 'outside', real: join(base, 'secret.txt') });
  });

  it('refuses /proc, /sys and /dev even with --allow-outside, and links to them', () => {
    const { repo } = project();
    symlinkSync('/dev/zero', join(repo, 'zero.yml'));
    const guard = guardForRoot(repo, true);
    expect(guard.check('/proc/self/environ')).toMatchObject({ kind: 'system' });
    expect(guard.check('/sys/kernel')).toMatchObject({ kind: 'system' });
    expect(guard.check(join(repo, 'zero.yml'))).toMatchObject({ kind: 'system' });
    expect(guard.check('/etc/hostname')).toBeUndefined();
  });

  it('checks paths that do not exist yet by their nearest existing folder', () => {
    const { repo } = project();
    expect(checkPath(join(repo, 'new', 'file.yml'), repo, false)).toBeUndefined();
    expect(checkPath(join(repo, '..', 'new', 'file.yml'), repo, false)).toMatchObject({ kind: 'outside' });
  });
});

describe('loaders refuse files named outside the root, without reading them', () => {
  it('v2 build.path ../../../../etc with dockerfile_path passwd', () => {
    const { def } = project();
    writeFileSync(def, 'name: x\nbuild:\n  path: ../../../../../../../../etc\n  dockerfile_path: passwd\n');
    const found = outsideRules(def);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', path: 'build.path' });
    expect(found[0].message).toMatch(/outside the project folder/);
  });

  it('v2 conda_file: /etc/shadow, ~/.ssh/id_rsa and /proc/self/environ are never read', () => {
    const { def } = project();
    for (const target of ['/etc/shadow', '~/.ssh/id_rsa', '/proc/self/environ']) {
      writeFileSync(def, `name: x\nimage: ubuntu:22.04\nconda_file: ${target}\n`);
      const outcome = loadDefinition(def);
      if (!outcome.ok) throw new Error(outcome.message);
      // ~ is not expanded by the loader: it resolves inside the folder, where it does not exist.
      if (target.startsWith('~')) continue;
      expect(outcome.def.problems.map((p) => p.rule)).toContain('input/outside-root');
      expect(outcome.def.sources).toHaveLength(1);
    }
  });

  it('../ inside the repository keeps working', () => {
    const { def } = project();
    writeFileSync(def, 'name: x\nimage: ubuntu:22.04\nconda_file: ../../shared/conda.yml\n');
    const outcome = loadDefinition(def);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.def.problems).toEqual([]);
    expect(outcome.def.sources.map((s) => s.file)).toContain(
      realPath(join(def, '..', '..', '..', 'shared', 'conda.yml')),
    );
  });

  it('--allow-outside reads outside the root', () => {
    const { base, def } = project();
    writeFileSync(join(base, 'conda.yml'), 'name: x\ndependencies:\n  - python=3.11\n');
    writeFileSync(def, `name: x\nimage: ubuntu:22.04\nconda_file: ${join(base, 'conda.yml')}\n`);
    expect(outsideRules(def)).toHaveLength(1);
    expect(outsideRules(def, { guard: guardFor(def, { allowOutside: true }) })).toHaveLength(0);
  });

  it('a v1 folder whose BaseDockerfile links outside, a v1 condaDependenciesFile and a local wheel outside', () => {
    const { base, repo } = project();
    const dir = join(repo, 'v1');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'azureml_environment.json'),
      JSON.stringify({
        name: 'x',
        python: { userManagedDependencies: false, condaDependenciesFile: '../../secret.txt' },
        docker: { baseImage: null },
      }),
    );
    symlinkSync(join(base, 'secret.txt'), join(dir, 'BaseDockerfile'));
    const found = outsideRules(dir);
    expect(found.map((p) => p.path).sort()).toEqual(['docker.baseDockerfile', 'python.condaDependenciesFile']);
    const outcome = loadDefinition(dir);
    expect(outcome.ok && JSON.stringify(outcome.def.env)).not.toMatch(/TOP-SECRET/);

    const wheel = join(repo, 'wheel.json');
    writeFileSync(
      wheel,
      JSON.stringify({
        name: 'w',
        python: {
          userManagedDependencies: false,
          condaDependencies: {
            dependencies: [
              'python=3.11',
              'pip',
              { pip: ['../secret-1.0-py3-none-any.whl', './ok-1.0-py3-none-any.whl'] },
            ],
          },
        },
        docker: { baseImage: 'ubuntu:22.04' },
      }),
    );
    expect(outsideRules(wheel).map((p) => p.path)).toEqual(['python.condaDependencies.dependencies[2].pip[0]']);
  });
});

describe('a definition kept directly in the home folder', () => {
  it('may name files beside it, never the dot-folders (~/.ssh, ~/.aws)', async () => {
    const { homedir } = await import('node:os');
    const home = realPath(homedir());
    const guard = guardForRoot(home, false);
    expect(guard.check(join(home, 'projects', 'conda.yml'))).toBeUndefined();
    expect(guard.check(join(home, '.ssh', 'id_rsa'))).toMatchObject({ kind: 'outside' });
    expect(guard.check(join(home, '.aws', 'credentials'))).toMatchObject({ kind: 'outside' });
  });
});

describe('the wizard\'s "start from a file"', () => {
  it('refuses a definition that names a file outside its project, in one line', async () => {
    const { fileDraft } = await import('../../src/ui/wizard/start.js');
    const { def } = project();
    writeFileSync(def, 'name: x\nbuild:\n  path: ../../../../../../../../etc\n  dockerfile_path: passwd\n');
    expect(() => fileDraft(def)).toThrow(/build\.path.*outside the project folder.*\[input\/outside-root\]/);
  });
});
