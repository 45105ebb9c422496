// convert refuses a file that fails validate (exit 1, the findings, nothing written) unless --force, and with
// --force names what could not be carried.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempDir } from '../helpers.js';

const invalid = (p: string) => join(FIXTURES, 'invalid', p);

describe('convert on a file that fails validate', () => {
  it('--to v2 exits 1 with the findings at file:line:column and writes nothing', () => {
    const out = join(tempDir(), 'v2');
    const r = cli(['convert', invalid('python-conda-missing.json'), '--to', 'v2', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/python-conda-missing\.json:5:5 python: .*\[python\/conda-missing\]/);
    expect(r.stderr).toMatch(/fix: add python\.condaDependencies/);
    expect(r.stderr).toMatch(/amlenv: .*has 1 error, so nothing was converted.*amlenv validate .*--force/);
    expect(existsSync(out)).toBe(false);
  });

  it('--to v2 --force converts and names the conda part that was dropped', () => {
    const out = join(tempDir(), 'v2');
    const r = cli(['convert', invalid('python-conda-missing.json'), '--to', 'v2', '--out', out, '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/converting despite 1 error \(--force\)/);
    expect(r.stderr).toMatch(
      /dropped python\.condaDependencies: no conda dependencies could be carried .*\[python\/conda-missing\].*user-managed/,
    );
    expect(readFileSync(join(out, 'environment.yml'), 'utf8')).not.toMatch(/conda_file/);
  });

  it('errors that travel into the result are refused too (a bad conda spec)', () => {
    const out = join(tempDir(), 'v2');
    const r = cli(['convert', invalid('conda-invalid-spec.json'), '--to', 'v2', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[conda\/invalid-spec\]/);
    expect(existsSync(out)).toBe(false);
  });

  it('--to v1 refuses an invalid v2 file the same way', () => {
    const out = join(tempDir(), 'v1');
    const r = cli(['convert', invalid('v2-image-or-build.yml'), '--to', 'v1', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[v2\/image-or-build\]/);
    expect(r.stderr).toMatch(/nothing was converted/);
    expect(existsSync(out)).toBe(false);
  });

  it('a conda file that is not there is named as dropped even though validate only warns', () => {
    const out = join(tempDir(), 'v2');
    const r = cli(['convert', invalid('python-conda-file-missing.json'), '--to', 'v2', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/dropped python\.condaDependencies: .*not-here\.yml.*\[python\/conda-file-missing\]/);
  });

  it('a valid file converts with no "dropped" line, conda moved into a build context included', () => {
    for (const input of ['sklearn.json', 'v1-dir', 'v1-dir-dockerfile']) {
      const r = cli(['convert', join(FIXTURES, 'valid', input), '--to', 'v2', '--out', join(tempDir(), 'v2')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/dropped python|converting despite/);
      // the closing check names the file to validate, ready to copy
      expect(r.stderr).toMatch(
        /v2 environment (\S+)\/environment\.yml: 0 errors, \d+ warnings? \(amlenv validate \1\/environment\.yml for details\)/,
      );
    }
  });
});
