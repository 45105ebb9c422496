import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinition, loadDefinitionText } from '../../src/env/load.js';
import { FIXTURES, load, loadText, ROOT } from '../helpers.js';

const valid = (p: string) => join(FIXTURES, 'valid', p);

describe('format detection from content', () => {
  it.each([
    ['sklearn.json', 'v1-json'],
    ['v1-dir', 'v1-dir'],
    ['v1-dir/azureml_environment.json', 'v1-dir'],
    ['v2/environment.yml', 'v2-yaml'],
    ['v2/inline.yml', 'v2-yaml'],
    ['v2-build/env.yml', 'v2-yaml'],
    ['conda.yml', 'conda-yaml'],
  ])('%s is read as %s', (file, format) => {
    expect(load(valid(file)).format).toBe(format);
  });

  it('detects JSON by content even without a .json name', () => {
    expect(loadText('{"name": "x", "python": {}}', '/virtual/environment.txt').format).toBe('v1-json');
  });

  it('detects a conda file by content even when named .json-less env.yaml', () => {
    expect(loadText('name: x\ndependencies:\n  - python=3.11\n', '/virtual/env.yaml').format).toBe('conda-yaml');
  });

  it('refuses a pip requirements file with a message that says what it is', () => {
    const outcome = loadDefinitionText('numpy==1.26.4\npandas>=2\n', '/virtual/requirements.txt');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/pip requirements file/);
  });

  it('refuses JSON that is not an environment', () => {
    const outcome = loadDefinitionText('{"command": "python train.py"}', '/virtual/job.json');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toBe('unrecognized');
  });

  it('reports a missing path as missing, not as invalid', () => {
    const outcome = loadDefinition(join(FIXTURES, 'nope.json'));
    expect(outcome).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('reports a folder without azureml_environment.json as missing', () => {
    const outcome = loadDefinition(valid('v2'));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/no azureml_environment\.json/);
  });
});

describe('source positions', () => {
  it('gives line and column of keys and list items in JSON', () => {
    const def = load(valid('sklearn.json'));
    expect(def.positions.get('name')).toMatchObject({ line: 2, column: 5 });
    expect(def.positions.get('docker.baseImage')).toMatchObject({ column: 9 });
    const first = def.positions.get('python.condaDependencies.dependencies[0]');
    expect(first?.column).toBe(17);
  });

  it('points conda entries of a v1 folder at conda_dependencies.yml', () => {
    const def = load(valid('v1-dir'));
    const pos = def.positions.get('python.condaDependencies.dependencies[0]');
    expect(pos?.file).toMatch(/conda_dependencies\.yml$/);
    expect(pos).toMatchObject({ line: 6, column: 3 });
  });

  it('maps v2 keys onto the model and keeps their positions', () => {
    const def = load(valid('v2/environment.yml'));
    expect(def.env.docker).toMatchObject({
      baseImage: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1',
    });
    expect(def.positions.get('docker.baseImage')).toMatchObject({ line: 7, column: 1 });
    const conda = def.positions.get('python.condaDependencies.dependencies[2]');
    expect(conda?.file).toMatch(/conda[\\/]train\.yml$/);
    expect(conda?.line).toBe(7);
  });

  it('reads CRLF, a BOM and a missing final newline, with positions intact', () => {
    const def = load(valid('crlf-bom-two-space.json'));
    expect(def.env.name).toBe('crlf-bom');
    expect(def.sources[0].style).toMatchObject({ eol: '\r\n', bom: true, finalNewline: false, indent: '  ' });
    expect(def.positions.get('docker.baseImage')).toMatchObject({ line: 16, column: 5 });
  });

  it('reports a JSON syntax error with its line and column', () => {
    const def = loadText('{\n  "name": "x",\n  "python": {,}\n}', '/virtual/bad.json');
    expect(def.parsed).toBe(false);
    expect(def.problems[0]).toMatchObject({ rule: 'syntax/json', line: 3, column: 14 });
  });

  it('reports a YAML syntax error with its line', () => {
    const def = loadText('name: x\nimage: a:1\n  build: [\n', '/virtual/bad.yml');
    expect(def.problems[0]).toMatchObject({ rule: 'syntax/yaml', line: 2, column: 8 });
  });
});

describe('v1 folder layout', () => {
  it('loads BaseDockerfile into docker.baseDockerfile', () => {
    const def = load(valid('v1-dir-dockerfile'));
    expect((def.env.docker as Record<string, unknown>).baseDockerfile).toMatch(/^ARG BASE=/);
    expect(def.positions.get('docker.baseDockerfile')?.file).toMatch(/BaseDockerfile$/);
  });
});

describe('v2 mapping', () => {
  it('resolves build.path relative to the YAML file', () => {
    const def = load(valid('v2-build/env.yml'));
    const ctx = (def.env.docker as Record<string, Record<string, string>>).buildContext;
    expect(ctx.location).toBe(join(FIXTURES, 'valid', 'v2-build', 'context'));
    expect(ctx.dockerfilePath).toBe('Dockerfile');
    expect(def.problems).toEqual([]);
  });

  it("treats an image without conda_file as the image's own python", () => {
    const def = loadText('name: plain\nimage: python:3.12-slim\n', '/virtual/env.yml');
    expect(def.env.python).toMatchObject({ userManagedDependencies: true });
  });
});

describe('module structure', () => {
  it('the v1 loader and the v2 mapping do not import each other (the shared conda-file part has its own module)', () => {
    const imports = (file: string) =>
      [...readFileSync(join(ROOT, 'src', 'env', file), 'utf8').matchAll(/from '\.\/([\w-]+)\.js'/g)].map((m) => m[1]);
    expect(imports('v2-model.ts')).not.toContain('load');
    expect(imports('job-environment.ts')).not.toContain('load');
    expect(imports('conda-file.ts')).not.toContain('load');
    expect(imports('conda-file.ts')).not.toContain('v2-model');
  });
});
