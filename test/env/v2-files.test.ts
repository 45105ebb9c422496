import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { v2Files } from '../../src/env/v2-files.js';
import { outputFiles } from '../../src/ui/wizard/output.js';
import { fileDraft } from '../../src/ui/wizard/start.js';
import { cli, load, ROOT, tempDir } from '../helpers.js';

beforeAll(() => loadFieldLibs());
const CASES = join(ROOT, 'fixtures', 'convert');

/** Every file under a folder, relative path → text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, e.name);
      if (e.isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('one v2 file set', () => {
  it.each(readdirSync(CASES))(
    '%s: the wizard writes, byte for byte, what amlenv convert --to v2 writes for the same definition',
    (name) => {
      const input = join(CASES, name, 'input.json');
      const dir = tempDir();
      const converted = join(dir, 'converted');
      const r = cli(['convert', input, '--to', 'v2', '--out', converted, '--force']);
      expect(r.code, r.stderr).toBeLessThan(2);

      // The same definition opened in the wizard (on its v1 path) and written in the v2 form.
      const draft = fileDraft(input, join(dir, 'wizard'));
      const wizard = outputFiles({ ...draft, meta: { ...draft.meta, output: 'v2' } }).files;
      const written = Object.fromEntries(wizard.map((f) => [relative(join(dir, 'wizard'), f.path), f.text]));
      expect(Object.keys(written).sort()).toEqual(Object.keys(tree(converted)).sort());
      expect(written).toEqual(tree(converted));
      expect(Object.keys(written)).toEqual(expect.arrayContaining(['environment.yml', 'job.yml']));
      expect(written['environment.yml']).toMatch(/^# Converted by amlenv from /);
    },
  );

  it('v2-only fields go where the schema lists them; a custom title replaces "Converted by"', () => {
    const env = load(join(CASES, 'image-and-conda', 'input.json')).env;
    const { files } = v2Files(env, 'out', {
      title: 'Written by hand.',
      fields: {
        description: 'd',
        tags: { a: 'b' },
        inference_config: { scoring_route: { port: 1, path: '/' } },
      },
    });
    const text = files[0].text;
    expect(text.split('\n')[0]).toBe('# Written by hand.');
    const keys = text
      .split('\n')
      .filter((l) => /^[a-z$_]+:/.test(l))
      .map((l) => l.split(':')[0]);
    expect(keys.slice(0, 5)).toEqual(['$schema', 'name', 'description', 'tags', 'image']);
    expect(keys.at(-1)).toBe('inference_config');
  });
});
