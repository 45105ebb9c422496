import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadDefinitionText, type LoadOutcome } from '../../src/env/load.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { serializeV1Json } from '../../src/env/save.js';
import { validateLoaded } from '../../src/rules/validate.js';
import { TODAY } from '../helpers.js';

beforeAll(() => loadFieldLibs());

/** Loading and validating any text gives diagnostics or a clear refusal, never an exception. */
function survives(outcome: LoadOutcome): void {
  if (!outcome.ok) {
    expect(outcome.message).toMatch(/\S/);
    return;
  }
  const diagnostics = validateLoaded(outcome.def, { today: TODAY });
  for (const d of diagnostics) {
    expect(typeof d.rule).toBe('string');
    expect(typeof d.message).toBe('string');
    expect(typeof d.hint).toBe('string');
  }
}

const sections = [
  'name',
  'version',
  'python',
  'docker',
  'spark',
  'environmentVariables',
  'databricks',
  'r',
  'inferencingStackVersion',
];
const envLike = fc.record(Object.fromEntries(sections.map((k) => [k, fc.jsonValue({ maxDepth: 4 })])), {
  requiredKeys: [],
});
const condaLike = fc.record(
  {
    name: fc.jsonValue({ maxDepth: 1 }),
    channels: fc.oneof(fc.array(fc.string()), fc.jsonValue({ maxDepth: 2 })),
    dependencies: fc.array(
      fc.oneof(
        fc.string(),
        fc.record({ pip: fc.array(fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 }))) }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    ),
  },
  { requiredKeys: [] },
);
const runs = { numRuns: 300 };

describe('loaders and validator never throw', () => {
  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) =>
        survives(loadDefinitionText(JSON.stringify(value), '/virtual/env.json')),
      ),
      runs,
    );
  });

  it('random environment-shaped JSON', () => {
    fc.assert(
      fc.property(envLike, (value) => survives(loadDefinitionText(JSON.stringify(value), '/virtual/env.json'))),
      runs,
    );
  });

  it('random strings as JSON and as YAML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        survives(loadDefinitionText(text, '/virtual/env.json'));
        survives(loadDefinitionText(text, '/virtual/env.yml'));
      }),
      runs,
    );
  });

  it('random conda-shaped and v2-shaped YAML', () => {
    fc.assert(
      fc.property(condaLike, fc.jsonValue({ maxDepth: 3 }), (conda, image) => {
        survives(loadDefinitionText(stringify(conda), '/virtual/conda.yml'));
        survives(loadDefinitionText(stringify({ name: 'x', image, conda_file: conda }), '/virtual/env.yml'));
      }),
      runs,
    );
  });

  it('random package strings in conda and pip lists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 })),
        fc.array(fc.string({ maxLength: 40 })),
        (condaDeps, pipDeps) => {
          const env = {
            name: 'x',
            python: { condaDependencies: { dependencies: [...condaDeps, { pip: pipDeps }] } },
            docker: { baseImage: 'a:1' },
          };
          survives(loadDefinitionText(JSON.stringify(env), '/virtual/env.json'));
        },
      ),
      runs,
    );
  });

  // JavaScript objects put integer-like keys ("0", "42") first whatever their place in the file, so a file
  // with such keys would not keep its key order; no environment field or real file has one.
  const integerKey = (v: unknown): boolean =>
    typeof v === 'object' &&
    v !== null &&
    (Array.isArray(v)
      ? v.some(integerKey)
      : Object.entries(v).some(([k, x]) => /^(0|[1-9]\d*)$/.test(k) || integerKey(x)));

  it('environment-shaped JSON round-trips byte for byte', () => {
    fc.assert(
      fc.property(
        envLike.filter((v) => !integerKey(v)),
        (value) => {
          const text = JSON.stringify(value, null, 4);
          const outcome = loadDefinitionText(text, '/virtual/env.json');
          if (!outcome.ok || !outcome.def.parsed) return;
          expect(serializeV1Json(outcome.def.env, outcome.def.sources[0].style)).toBe(text);
        },
      ),
      runs,
    );
  });
});
