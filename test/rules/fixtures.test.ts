import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/env/load.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { RULES } from '../../src/rules/index.js';
import { isValid, validateLoaded } from '../../src/rules/validate.js';
import { FIXTURES, load, TODAY } from '../helpers.js';

beforeAll(() => loadFieldLibs());

const invalidDir = join(FIXTURES, 'invalid');
const cases = readdirSync(invalidDir)
  .filter((f) => f.endsWith('.expected'))
  .map((f) => ({
    file: f.replace(/\.expected$/, ''),
    expected: readFileSync(join(invalidDir, f), 'utf8').split('\n').filter(Boolean),
  }));

function ruleIds(path: string): { all: string[]; blocking: string[] } {
  const outcome = loadDefinition(path, { job: 'whole' });
  if (!outcome.ok) return { all: ['format/unrecognized'], blocking: ['format/unrecognized'] };
  const diagnostics = validateLoaded(outcome.def, { today: TODAY });
  return {
    all: diagnostics.map((d) => d.rule),
    blocking: diagnostics.filter((d) => d.severity !== 'info').map((d) => d.rule),
  };
}

describe('each broken fixture raises exactly its expected rules', () => {
  it.each(cases)('$file', ({ file, expected }) => {
    const { all, blocking } = ruleIds(join(invalidDir, file));
    for (const id of expected) expect(all).toContain(id);
    expect([...new Set(blocking)].sort()).toEqual(
      expected.filter((id) => RULES.find((r) => r.id === id)?.severity !== 'info').sort(),
    );
  });

  it('every rule id has at least one broken fixture', () => {
    const covered = new Set(cases.flatMap((c) => c.expected));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('valid fixtures', () => {
  const validDir = join(FIXTURES, 'valid');
  const entries = [
    'sklearn.json',
    'seed-style.json',
    'crlf-bom-two-space.json',
    'v1-dir',
    'v1-dir-dockerfile',
    'v2/environment.yml',
    'v2/inline.yml',
    'v2-build/env.yml',
    'conda.yml',
    'job/job.yml',
    'job/curated-job.yml',
  ];
  it.each(entries)('%s has no errors', (entry) => {
    const outcome = loadDefinition(join(validDir, entry), { job: 'whole' });
    if (!outcome.ok) throw new Error(outcome.message);
    const diagnostics = validateLoaded(outcome.def, { today: TODAY });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the seed-style sample (intelmpi2018.3, python 3.6, docker.enabled) is valid with warnings, not errors', () => {
    const diagnostics = validateLoaded(load(join(validDir, 'seed-style.json')), { today: TODAY });
    expect(isValid(diagnostics)).toBe(true);
    const rules = diagnostics.map((d) => d.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['python/eol', 'docker/deprecated-image', 'docker/deprecated-setting']),
    );
    expect(diagnostics.find((d) => d.rule === 'docker/deprecated-image')?.severity).toBe('warning');
  });

  it('a name starting with AzureML is an error', () => {
    const def = load(join(validDir, 'sklearn.json'));
    def.env.name = 'AzureML-sklearn-custom';
    const diagnostics = validateLoaded(def, { today: TODAY });
    expect(isValid(diagnostics)).toBe(false);
    expect(diagnostics.find((d) => d.rule === 'name/reserved-prefix')).toMatchObject({
      severity: 'error',
      path: 'name',
      line: 2,
      column: 5,
    });
  });
});

describe("diagnostics carry positions and the format's own paths", () => {
  it('points a conda problem in a v1 folder at the conda file', () => {
    const def = load(join(FIXTURES, 'valid', 'v1-dir'));
    (def.env.python as { condaDependencies: { dependencies: unknown[] } }).condaDependencies.dependencies[0] =
      'python=3.6';
    const eol = validateLoaded(def, { today: TODAY }).find((d) => d.rule === 'python/eol');
    expect(eol).toMatchObject({ path: 'python.condaDependencies.dependencies[0]', line: 6, column: 3 });
    expect(eol?.file).toMatch(/conda_dependencies\.yml$/);
  });

  it('uses v2 key names in v2 files', () => {
    const def = load(join(FIXTURES, 'invalid', 'v2-legacy-shape.yml'));
    def.env.docker = { baseImage: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04' };
    const untagged = validateLoaded(def, { today: TODAY }).find((d) => d.rule === 'docker/untagged-image');
    expect(untagged?.path).toBe('image');
  });

  it("uses the conda file's own paths for a conda file", () => {
    const d = validateLoaded(load(join(FIXTURES, 'valid', 'conda.yml')), { today: TODAY });
    expect(d.every((x) => !x.path.startsWith('python.'))).toBe(true);
  });
});
