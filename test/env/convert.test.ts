import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { v1ToV2, v2ToV1 } from '../../src/env/convert.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { loadDefinition } from '../../src/env/load.js';
import type { EnvObject } from '../../src/env/types.js';
import { v2Files } from '../../src/env/v2-files.js';
import { validateLoaded } from '../../src/rules/validate.js';
import { writeFileAtomic } from '../../src/util/write-files.js';
import { FIXTURES, load, ROOT, tempDir, TODAY } from '../helpers.js';

beforeAll(() => loadFieldLibs());
const CASES = join(ROOT, 'fixtures', 'convert');

/** Set UPDATE_GOLDENS=1 to rewrite the expected files after a deliberate change (then review the diff). */
const update = process.env.UPDATE_GOLDENS === '1';

describe('v1 → v2 goldens', () => {
  it.each(readdirSync(CASES))('%s', (name) => {
    const input = join(CASES, name, 'input.json');
    const env = load(input).env;
    const { result, files } = v2Files(env, 'out', { source: 'input.json' });
    const produced: Record<string, string> = Object.fromEntries(files.map((f) => [relative('out', f.path), f.text]));
    produced['notes.txt'] = `${result.notes.map((n) => `${n.path}: ${n.message}`).join('\n')}\n`;
    const expectedDir = join(CASES, name, 'expected');
    if (update)
      for (const [file, text] of Object.entries(produced)) {
        mkdirSync(dirname(join(expectedDir, file)), { recursive: true });
        writeFileSync(join(expectedDir, file), text);
      }
    const list = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? list(join(dir, e.name)).map((f) => join(e.name, f)) : [e.name],
      );
    expect(Object.keys(produced).sort()).toEqual(list(expectedDir).sort());
    for (const [file, text] of Object.entries(produced))
      expect(text, file).toBe(readFileSync(join(expectedDir, file), 'utf8'));
  });

  it('never writes a registry password, and names every field it cannot carry', () => {
    const env = load(join(CASES, 'nothing-lost', 'input.json')).env;
    const { result, files } = v2Files(env, 'out');
    expect(files.map((f) => f.text).join('\n')).not.toContain('not-a-real-password');
    const named = result.notes.map((n) =>
      n.path.split('.')[0] === 'docker' || n.path.split('.')[0] === 'python' ? n.path : n.path.split('.')[0],
    );
    for (const field of [
      'name',
      'environmentVariables',
      'docker.shmSize',
      'docker.arguments',
      'docker.enabled',
      'docker.baseImageRegistry',
      'docker.platform.architecture',
      'python.baseCondaEnvironment',
      'spark',
      'databricks',
      'r',
      'inferencingStackVersion',
      'assetId',
      'customTeamKey',
    ]) {
      expect(named, field).toContain(field);
    }
  });
});

describe('converted files validate', () => {
  it.each(readdirSync(CASES))('%s: the v2 environment loads and validates with no errors', (name) => {
    const dir = tempDir();
    for (const f of v2Files(load(join(CASES, name, 'input.json')).env, dir).files) writeFileAtomic(f.path, f.text);
    const def = load(join(dir, 'environment.yml'));
    expect(def.format).toBe('v2-yaml');
    expect(validateLoaded(def, { today: TODAY }).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('v1 → v2 → v1 keeps every field v2 can carry', () => {
  const cases = ['image-and-conda', 'dockerfile-and-conda', 'user-managed'];
  it.each(cases)('%s', (name) => {
    const original = load(join(CASES, name, 'input.json')).env as Record<string, Record<string, unknown>>;
    const dir = tempDir();
    for (const f of v2Files(original as EnvObject, dir).files) writeFileAtomic(f.path, f.text);
    const v2 = load(join(dir, 'environment.yml'));
    const context = join(dir, 'context', 'Dockerfile');
    const back = v2ToV1(v2.env, v2.v2 ?? {}, existsSync(context) ? readFileSync(context, 'utf8') : undefined)
      .env as Record<string, Record<string, unknown>>;
    expect(back.name).toBe(original.name);
    expect(back.version).toEqual(original.version);
    expect(back.docker.platform).toEqual(original.docker.platform);
    if (name === 'dockerfile-and-conda') {
      // conda lives in the Dockerfile now, so the round trip comes back user-managed with that Dockerfile
      // the conda step moved into the Dockerfile: the original Dockerfile is its start
      expect(String(back.docker.baseDockerfile).startsWith(String(original.docker.baseDockerfile))).toBe(true);
    } else {
      expect(back.python.userManagedDependencies).toBe(original.python.userManagedDependencies);
      expect(back.docker.baseImage).toBe(original.docker.baseImage);
      expect(back.python.condaDependencies).toEqual(original.python.condaDependencies);
    }
  });

  it('v2 fixture → v1 → v2 gives the same image and conda spec', () => {
    const v2 = load(join(FIXTURES, 'valid', 'v2', 'environment.yml'));
    const { env, notes } = v2ToV1(v2.env, v2.v2 ?? {});
    expect(notes.map((n) => n.path)).toEqual(expect.arrayContaining(['description', 'tags']));
    const again = v1ToV2(env);
    expect(again.environment.image).toBe(v2.env.docker && (v2.env.docker as Record<string, unknown>).baseImage);
    expect(again.conda).toEqual((v2.env.python as Record<string, unknown>).condaDependencies);
    expect(again.environment.name).toBe('sklearn-v2');
  });
});

describe('v2 → v1 output', () => {
  it('is a complete SDK v1 environment that validates', () => {
    const dir = tempDir();
    const v2 = load(join(FIXTURES, 'valid', 'v2', 'environment.yml'));
    const { env } = v2ToV1(v2.env, v2.v2 ?? {});
    writeFileAtomic(join(dir, 'env.json'), JSON.stringify(env, null, 4));
    const def = loadDefinition(join(dir, 'env.json'));
    expect(def.ok && validateLoaded(def.def, { today: TODAY }).filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.keys(env)).toEqual([
      'name',
      'version',
      'environmentVariables',
      'python',
      'docker',
      'spark',
      'databricks',
      'r',
      'inferencingStackVersion',
      'assetId',
    ]);
  });
});
