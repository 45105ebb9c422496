// run's SCRIPT is relative to --source-dir, as Azure ML reads ScriptRunConfig(source_directory, script); a path
// that exists from the current folder is accepted too; otherwise the error names both places tried.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveScript } from '../../src/job/resolve-script.js';
import { cli, tempDir } from '../helpers.js';

/** A project: src/main.py, src/sub/other.py, outside.py, and an env.json that fails validation (so nothing is built). */
function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'src', 'main.py'), 'print("hi")\n');
  writeFileSync(join(dir, 'src', 'sub', 'other.py'), 'print("hi")\n');
  writeFileSync(join(dir, 'outside.py'), 'print("hi")\n');
  writeFileSync(
    join(dir, 'env.json'),
    JSON.stringify({ name: 'x', python: { userManagedDependencies: true, interpreterPath: 'python' }, docker: {} }),
  );
  return dir;
}

// No daemon is needed: an invalid definition stops the run right after the script was found.
const run = (args: string[], cwd: string) =>
  cli(['run', 'env.json', ...args], { cwd, env: { DOCKER_HOST: 'unix:///tmp/amlenv-no-such-docker.sock' } });
const FOUND = /env\.json has errors, so nothing was built or run/;

describe('run SCRIPT --source-dir DIR', () => {
  it('accepts the script relative to --source-dir, as Azure ML does', () => {
    const cwd = project();
    expect(resolveScript('main.py', join(cwd, 'src'))).toEqual({ sourceDir: join(cwd, 'src'), inSnapshot: 'main.py' });
    const r = run(['main.py', '--source-dir', 'src'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(FOUND);
    expect(run(['sub/other.py', '--source-dir', 'src'], cwd).stderr).toMatch(FOUND);
  });

  it('still accepts a path that exists from the current folder, inside the source directory', () => {
    const cwd = project();
    const r = run(['src/main.py', '--source-dir', 'src'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(FOUND);
    expect(resolveScript(join(cwd, 'src', 'sub', 'other.py'), join(cwd, 'src')).inSnapshot).toBe('sub/other.py');
  });

  it("without --source-dir, the script's own folder is the snapshot", () => {
    const cwd = project();
    expect(resolveScript(join(cwd, 'src', 'main.py'), undefined)).toEqual({
      sourceDir: join(cwd, 'src'),
      inSnapshot: 'main.py',
    });
    expect(run(['src/main.py'], cwd).stderr).toMatch(FOUND);
  });

  it('a script in neither place is a usage error naming both places tried', () => {
    const cwd = project();
    const r = run(['train.py', '--source-dir', 'src'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /train\.py: no such script; tried src\/train\.py \(relative to --source-dir.*\) and train\.py \(from the current folder\)/,
    );
  });

  it('a script from here that lies outside --source-dir is refused, saying how to fix it', () => {
    const cwd = project();
    const r = run(['outside.py', '--source-dir', 'src'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside\.py is outside the source directory src; .*relative to --source-dir/);
  });

  it('--source-dir that is not a folder is named before the script is looked for', () => {
    const cwd = project();
    const r = run(['main.py', '--source-dir', 'nope'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--source-dir nope is not a folder/);
  });
});
