// `amlenv convert DIR --to v2`: a project with v1 JSON files, a v1 folder, a v2 file and broken ones, converted
// as a user runs it; the table, the files, --dry-run, --json and the refusal to overwrite.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempDir } from '../helpers.js';

const valid = (p: string) => join(FIXTURES, 'valid', p);

/** A project: 3 v1 JSON files, a v1 folder, a v2 file, an invalid v1 file, a JSON that does not parse, noise. */
function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'envs'));
  mkdirSync(join(dir, 'legacy'));
  mkdirSync(join(dir, 'v2'));
  cpSync(valid('sklearn.json'), join(dir, 'envs', 'train.json'));
  cpSync(valid('sklearn.json'), join(dir, 'envs', 'score.json'));
  cpSync(valid('seed-style.json'), join(dir, 'seed.json'));
  cpSync(valid('v1-dir'), join(dir, 'legacy', 'env'), { recursive: true });
  writeFileSync(
    join(dir, 'v2', 'environment.yml'),
    'name: already-v2\nimage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\n',
  );
  // Conda-managed with no conda dependencies and a base image of the wrong type: errors, so not converted.
  writeFileSync(
    join(dir, 'envs', 'broken.json'),
    '{"name": "broken", "python": {"userManagedDependencies": false}, "docker": {"baseImage": 7}}\n',
  );
  writeFileSync(join(dir, 'envs', 'cut.json'), '{"name": "cut", "python": {"userManagedDependencies": ');
  writeFileSync(join(dir, 'package.json'), '{"private": true}\n');
  writeFileSync(join(dir, 'ci.yml'), 'on: push\njobs: {}\n');
  mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
  cpSync(valid('sklearn.json'), join(dir, 'node_modules', 'pkg', 'env.json'));
  return dir;
}

const row = (stdout: string, source: string) => stdout.split('\n').find((l) => l.startsWith(`${source} `)) ?? '';

/** Every file under a folder, as relative paths. */
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('amlenv convert DIR --to v2', () => {
  it('converts each v1 definition beside it and prints one table: converted, warnings, skipped with the reason', () => {
    const dir = project();
    const before = files(dir);
    const r = cli(['convert', '.', '--to', 'v2'], { cwd: dir });
    // One definition was invalid: the others are converted, and the exit code says something needs fixing.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^definition +result +warnings +written to \/ reason$/m);
    for (const source of ['envs/train.json', 'envs/score.json', 'seed.json', 'legacy/env'])
      expect(row(r.stdout, source)).toMatch(/converted +\d+ +\S+-v2$/);
    expect(row(r.stdout, 'envs/train.json')).toMatch(/converted +1 +envs\/train-v2$/);
    expect(row(r.stdout, 'v2/environment.yml')).toMatch(/skipped: not v1 +- +already a v2 environment/);
    expect(row(r.stdout, 'envs/broken.json')).toMatch(/skipped: invalid .*errors?, first .*\[[a-z-]+\/[a-z-]+\]/);
    expect(row(r.stdout, 'envs/cut.json')).toMatch(/skipped: invalid .*line 1/);
    expect(row(r.stdout, 'package.json')).toMatch(/skipped: not v1/);
    expect(r.stdout).not.toMatch(/node_modules|ci\.yml/);
    expect(r.stdout).toMatch(/^4 definitions converted \(\d+ warnings\), 4 skipped \(2 not v1, 2 invalid\)/m);
    // each warning is named on stderr with the definition it belongs to
    expect(r.stderr).toMatch(/^warning envs\/train\.json: environmentVariables: /m);

    for (const out of ['envs/train-v2', 'envs/score-v2', 'seed-v2', 'legacy/env-v2'])
      for (const f of ['environment.yml', 'job.yml']) expect(existsSync(join(dir, out, f)), `${out}/${f}`).toBe(true);
    expect(readFileSync(join(dir, 'envs', 'train-v2', 'environment.yml'), 'utf8')).toMatch(
      /^# Converted by amlenv from envs\/train\.json\./,
    );
    expect(existsSync(join(dir, 'envs', 'broken-v2'))).toBe(false);
    // nothing else was touched
    expect(files(dir).filter((f) => !/-v2\//.test(f))).toEqual(before);
    // what was written validates
    const v = JSON.parse(cli(['validate', '--json', join(dir, 'legacy', 'env-v2', 'environment.yml')]).stdout);
    expect(v.results[0]).toMatchObject({ format: 'v2-yaml', valid: true });
  });

  it('--dry-run prints the same table and writes nothing', () => {
    const dir = project();
    const before = files(dir);
    const r = cli(['convert', '.', '--to', 'v2', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(row(r.stdout, 'envs/train.json')).toMatch(/would convert +1 +envs\/train-v2$/);
    expect(row(r.stdout, 'legacy/env')).toMatch(/would convert/);
    expect(r.stdout).toMatch(/4 definitions would be converted .* dry run, nothing written/);
    expect(files(dir)).toEqual(before);
  });

  it('--json gives the table as data', () => {
    const dir = project();
    const r = cli(['convert', '.', '--to', 'v2', '--json', '--dry-run'], { cwd: dir });
    const data = JSON.parse(r.stdout);
    expect(data.summary).toEqual({ converted: 4, warnings: expect.any(Number), skipped: 4, otherYaml: 1 });
    const bySource = Object.fromEntries(data.results.map((x: { source: string }) => [x.source, x]));
    expect(bySource['legacy/env']).toMatchObject({
      format: 'v1-dir',
      status: 'would-convert',
      output: 'legacy/env-v2',
      reason: null,
    });
    expect(bySource['envs/train.json'].warnings[0]).toMatch(/^environmentVariables: /);
    expect(bySource['v2/environment.yml']).toMatchObject({ status: 'skipped', reason: 'not-v1', format: 'v2-yaml' });
    expect(bySource['envs/broken.json']).toMatchObject({ status: 'skipped', reason: 'invalid' });
    expect(r.code).toBe(1);
  });

  it('never overwrites: a second run skips what exists (exit 2), --force writes again', () => {
    const dir = project();
    writeFileSync(join(dir, 'envs', 'broken.json'), readFileSync(valid('sklearn.json')));
    writeFileSync(join(dir, 'envs', 'cut.json'), '{}');
    expect(cli(['convert', '.', '--to', 'v2'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'envs', 'train-v2', 'environment.yml'), 'name: mine\n');
    const again = cli(['convert', '.', '--to', 'v2'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(row(again.stdout, 'envs/train.json')).toMatch(/skipped: exists +- +envs\/train-v2 exists; pass --force/);
    // the earlier outputs are recognised as such, not listed as v2 files of their own
    expect(again.stdout).not.toMatch(/train-v2\/environment\.yml/);
    expect(readFileSync(join(dir, 'envs', 'train-v2', 'environment.yml'), 'utf8')).toBe('name: mine\n');
    const forced = cli(['convert', '.', '--to', 'v2', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'envs', 'train-v2', 'environment.yml'), 'utf8')).toMatch(/^# Converted by amlenv/);
  });

  it('--out DIR mirrors the project under DIR', () => {
    const dir = project();
    const out = join(tempDir(), 'converted');
    cli(['convert', '.', '--to', 'v2', '--out', out], { cwd: dir });
    expect(existsSync(join(out, 'envs', 'train-v2', 'environment.yml'))).toBe(true);
    expect(existsSync(join(out, 'legacy', 'env-v2', 'job.yml'))).toBe(true);
    expect(existsSync(join(dir, 'envs', 'train-v2'))).toBe(false);
  });

  it('a link to a definition outside the project is not read; a folder of nothing v1 exits 0', () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    cpSync(valid('sklearn.json'), join(elsewhere, 'secret.json'));
    mkdirSync(join(dir, 'p'));
    symlinkSync(join(elsewhere, 'secret.json'), join(dir, 'p', 'linked.json'));
    const r = cli(['convert', 'p', '--to', 'v2'], { cwd: dir });
    expect(row(r.stdout, 'p/linked.json')).toMatch(/skipped: outside .*outside the project folder.*--allow-outside/);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'p', 'linked-v2'))).toBe(false);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const none = cli(['convert', 'empty', '--to', 'v2'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/no environment definitions found under empty/);
  });

  it('a FIFO, a link to /dev/zero and a folder link loop in the project are not read: the run ends at once', () => {
    const dir = tempDir();
    const p = join(dir, 'p');
    mkdirSync(p);
    cpSync(valid('sklearn.json'), join(p, 'env.json'));
    execFileSync('mkfifo', [join(p, 'pipe.json')]);
    symlinkSync('/dev/zero', join(p, 'zero.json'));
    symlinkSync('.', join(p, 'loop'));
    const r = cli(['convert', 'p', '--to', 'v2', '--dry-run'], { cwd: dir });
    expect(row(r.stdout, 'p/env.json')).toMatch(/would convert/);
    expect(row(r.stdout, 'p/zero.json')).toMatch(/skipped: outside .*\/proc, \/sys or \/dev; amlenv never reads those/);
    expect(r.stdout).not.toMatch(/pipe\.json|loop/);
    expect(r.code).toBe(1);
  });

  it('folders convert --to v2 only, and --dry-run/--json need a folder', () => {
    const dir = project();
    expect(cli(['convert', '.', '--to', 'v1'], { cwd: dir }).stderr).toMatch(/folders of definitions convert --to v2/);
    const single = cli(['convert', 'seed.json', '--to', 'v2', '--dry-run'], { cwd: dir });
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/--dry-run and --json apply when PATH is a folder/);
  });
});
