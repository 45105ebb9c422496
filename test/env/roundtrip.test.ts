import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeV1Json, v1DirFiles } from '../../src/env/save.js';
import { FIXTURES, load, loadText } from '../helpers.js';

const valid = (p: string) => join(FIXTURES, 'valid', p);

describe('v1 round trip: load then save unchanged is byte-identical', () => {
  const jsonFixtures = [
    ...readdirSync(join(FIXTURES, 'valid'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => valid(f)),
    ...readdirSync(join(FIXTURES, 'invalid'))
      .filter((f) => f.endsWith('.json') && !f.startsWith('syntax') && !f.startsWith('format'))
      .map((f) => join(FIXTURES, 'invalid', f)),
  ];
  it.each(jsonFixtures)('%s', (file) => {
    const raw = readFileSync(file, 'utf8');
    const def = load(file);
    expect(serializeV1Json(def.env, def.sources[0].style)).toBe(raw);
  });

  it('keeps unknown keys, nulls, key order, CRLF, BOM, 2-space indent and the missing final newline', () => {
    const raw = readFileSync(valid('crlf-bom-two-space.json'), 'utf8');
    const def = load(valid('crlf-bom-two-space.json'));
    const out = serializeV1Json(def.env, def.sources[0].style);
    expect(out).toBe(raw);
    expect(out.startsWith('\ufeff{\r\n  "name"')).toBe(true);
    expect(out).toContain('"futureField": null');
  });

  it('writes non-ASCII text as \\u escapes when the file was ASCII, as the SDK does', () => {
    const def = loadText('{\n    "name": "x"\n}');
    def.env.name = 'café';
    expect(serializeV1Json(def.env, def.sources[0].style)).toContain('"caf\\u00e9"');
  });

  it('keeps non-ASCII text as it is when the file already had it', () => {
    const raw = '{\n    "name": "café"\n}';
    const def = loadText(raw);
    expect(serializeV1Json(def.env, def.sources[0].style)).toBe(raw);
  });
});

describe('v1 folder save', () => {
  it('writes the JSON without condaDependencies and keeps an unchanged conda file byte for byte', () => {
    const def = load(valid('v1-dir'));
    const files = v1DirFiles(def.env, { style: def.sources[0].style, conda: def.conda });
    expect(files['azureml_environment.json']).toBe(readFileSync(valid('v1-dir/azureml_environment.json'), 'utf8'));
    expect(files['conda_dependencies.yml']).toBe(readFileSync(valid('v1-dir/conda_dependencies.yml'), 'utf8'));
  });

  it('rewrites the conda file from the model once it changed', () => {
    const def = load(valid('v1-dir'));
    const spec = (def.env.python as { condaDependencies: { dependencies: unknown[] } }).condaDependencies;
    spec.dependencies.push('numpy=1.26.4');
    const files = v1DirFiles(def.env, { style: def.sources[0].style, conda: def.conda });
    expect(files['conda_dependencies.yml']).toContain('- numpy=1.26.4');
    expect(files['conda_dependencies.yml']).toContain('- pip:\n  - azureml-defaults==1.60.0');
  });

  it('moves an inline Dockerfile to BaseDockerfile and leaves it out of the JSON', () => {
    const def = load(valid('v1-dir-dockerfile'));
    const files = v1DirFiles(def.env, { style: def.sources[0].style, conda: def.conda });
    expect(files.BaseDockerfile).toBe(readFileSync(valid('v1-dir-dockerfile/BaseDockerfile'), 'utf8'));
    expect(files['azureml_environment.json']).toBe(
      readFileSync(valid('v1-dir-dockerfile/azureml_environment.json'), 'utf8'),
    );
  });
});
