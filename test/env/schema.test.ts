import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { v1JsonSchema, v2JsonSchema } from '../../src/env/schema.js';
import { FIXTURES, hasRealWorld, REAL_WORLD } from '../helpers.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const v1 = ajv.compile(v1JsonSchema());
const v2 = ajv.compile(v2JsonSchema());
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));

describe('generated JSON Schema (v1)', () => {
  it.skipIf(!hasRealWorld)('accepts every real v1 file', () => {
    const dir = join(REAL_WORLD, 'v1-json');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(v1(json(join(dir, f))), `${f}: ${JSON.stringify(v1.errors)}`).toBe(true);
  });

  it('accepts the valid fixtures and the templates', () => {
    const files = [
      ...['sklearn.json', 'seed-style.json', 'v1-dir/azureml_environment.json'].map((f) => join(FIXTURES, 'valid', f)),
      ...readdirSync(join(FIXTURES, '..', '..', 'content', 'templates'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(FIXTURES, '..', '..', 'content', 'templates', f)),
    ];
    for (const f of files) expect(v1(json(f)), f).toBe(true);
  });

  it("rejects the broken fixtures' type errors", () => {
    for (const name of ['schema-type.json', 'env-non-string.json'])
      expect(v1(json(join(FIXTURES, 'invalid', name))), name).toBe(false);
    expect(v1({ name: 'x', python: { userManagedDependencies: 'false' } })).toBe(false);
    expect(v1({ name: 'x', docker: { baseImage: 42 } })).toBe(false);
    expect(v1({ name: 'x', python: { user_managed_dependencies: true } })).toBe(false);
  });

  it('is generated from the model: every v1 field has a description', () => {
    const schema = v1JsonSchema() as {
      properties: Record<string, { description: string; properties?: Record<string, { description: string }> }>;
    };
    expect(Object.keys(schema.properties)).toContain('inferencingStackVersion');
    expect(schema.properties.docker.properties?.baseImage.description).toMatch(/Base image/);
  });
});

describe('generated JSON Schema (v2)', () => {
  it('accepts the valid v2 fixtures', () => {
    for (const f of ['v2/environment.yml', 'v2/inline.yml', 'v2-build/env.yml'])
      expect(v2(parse(readFileSync(join(FIXTURES, 'valid', f), 'utf8'))), f).toBe(true);
  });

  it('rejects image and build together, and a file without name', () => {
    expect(v2({ name: 'x', image: 'a:1', build: { path: '.' } })).toBe(false);
    expect(v2({ image: 'a:1' })).toBe(false);
    expect(v2({ name: 'x', image: 'a:1', environment_variables: { A: '1' } })).toBe(false);
  });
});
