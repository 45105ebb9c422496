import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

const ENV = join(ROOT, 'fixtures', 'docker', 'envs', 'user-managed.json');

describe('amlenv samples and run --sample (no daemon needed)', () => {
  it('lists the samples and shows one README', () => {
    const r = cli(['samples']);
    expect(r.code).toBe(0);
    for (const name of ['check-env', 'train', 'show-env']) expect(r.stdout).toContain(name);
    expect(cli(['samples', 'train']).stdout).toMatch(/^# train/);
    expect(JSON.parse(cli(['samples', '--json']).stdout).samples.map((s: { name: string }) => s.name)).toEqual([
      'check-env',
      'train',
      'show-env',
    ]);
  });

  it('an unknown sample names the ones there are', () => {
    const r = cli(['run', ENV, '--sample', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('amlenv: no sample "nope"; the samples are check-env, train, show-env (amlenv samples)\n');
  });

  it('a script and --sample together is a usage error', () => {
    const r = cli(['run', ENV, join(ROOT, 'content', 'samples', 'train.py'), '--sample', 'train']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not both/);
  });
});
