// Usage errors found while trying the plain commands as a new user: each names what is wrong and what to do.
import { describe, expect, it } from 'vitest';
import { missingArgument } from '../../src/cli.js';
import { cli } from '../helpers.js';

const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

describe('usage errors', () => {
  it('a missing positional is named, with the usage', () => {
    const r = cli(['validate']);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/^amlenv: validate needs PATH \(usage: amlenv validate PATH\.\.\. /);
    expect(missingArgument('run PATH [SCRIPT | --sample NAME] [--source-dir DIR]', 0)).toBe('PATH');
    expect(missingArgument('validate PATH... [--json]', 0)).toBe('PATH');
  });

  it('help with an unknown command is an error with a suggestion, not the general help with exit 0', () => {
    const r = cli(['help', 'valdate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown command "valdate"; did you mean "validate"\?/);
  });

  it('a flag without its value, or with a value it does not take, is said in our words', () => {
    const noValue = cli(['convert', 'env.json', '--to']);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toBe('amlenv: --to needs a value (amlenv convert --help says which)\n');
    const extra = cli(['validate', '--json=yes', 'env.json']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/^amlenv: --json takes no value; write it alone/);
  });

  it('convert says --to is required, or repeats the wrong value', () => {
    expect(cli(['convert', 'env.json']).stderr).toMatch(/--to is required: e\.g\. amlenv convert env\.json --to v2/);
    expect(cli(['convert', 'env.json', '--to', 'v3']).stderr).toMatch(/--to must be v1 or v2, not "v3"/);
  });
});
