// Property-based fuzzing of every loader and of the validate and convert command entries, in process: any
// input gives a result or a clear refusal, never an exception, each case under 2 s and 300 MB of heap.
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../../src/cli.js';
import { validatePaths } from '../../src/commands/validate.js';
import { fromCondaSpecification, fromDockerfile, fromPipRequirements } from '../../src/env/importers.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { loadDefinition, loadDefinitionText, type LoadOutcome } from '../../src/env/load.js';
import { validateLoaded } from '../../src/rules/validate.js';
import { TODAY } from '../helpers.js';
import { bounded, report } from './bounds.js';

beforeAll(() => loadFieldLibs());
afterAll(() => process.stdout.write(`${report('fuzz (loaders and commands)')}\n`));

const RUNS = 60;
const dir = mkdtempSync(join(tmpdir(), 'amlenv-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text a hostile author would write: YAML and JSON punctuation, anchors, aliases, deep brackets, long runs. */
const hostileChunk = fc.oneof(
  fc.constantFrom(
    '[',
    ']',
    '{',
    '}',
    ':',
    ': ',
    '- ',
    '? ',
    ',',
    '&a ',
    '*a',
    '&b [*a, *a]',
    '!!str ',
    '"',
    "'",
    '#',
    '\n',
    '\n  ',
    '\t',
    '\\',
    '://',
    '@',
    '{{x}}',
    'a: &a [*a]',
    '<<: *a',
    '\u001b[31m',
    '\u0000',
    '\ufeff',
  ),
  fc.string({ maxLength: 12 }),
  fc.tuple(fc.constantFrom('[', '{', '- ', 'a:\n '), fc.integer({ min: 1, max: 3000 })).map(([c, n]) => c.repeat(n)),
  fc
    .tuple(fc.constantFrom('a', ' ', '1', ':', '/', '{'), fc.integer({ min: 1, max: 20000 }))
    .map(([c, n]) => c.repeat(n)),
);
const hostileText = fc.array(hostileChunk, { maxLength: 40 }).map((parts) => parts.join(''));
const envValue = fc.jsonValue({ maxDepth: 5 });
const v2Doc = fc.record(
  {
    name: fc.string(),
    image: fc.string(),
    conda_file: envValue,
    build: envValue,
    tags: envValue,
    description: fc.string(),
  },
  { requiredKeys: [] },
);
const condaDoc = fc.record(
  {
    name: fc.string(),
    channels: envValue,
    dependencies: fc.array(fc.oneof(fc.string(), envValue, fc.record({ pip: fc.array(fc.string()) })), {
      maxLength: 30,
    }),
  },
  { requiredKeys: [] },
);

function survives(outcome: LoadOutcome): void {
  if (!outcome.ok) {
    expect(outcome.message).toMatch(/\S/);
    return;
  }
  for (const d of validateLoaded(outcome.def, { today: TODAY })) {
    expect(d.message).toMatch(/\S/);
    expect(d.hint).toMatch(/\S/);
  }
}

const property = (arb: fc.Arbitrary<string>, label: string, load: (text: string) => LoadOutcome) =>
  fc.assert(
    fc.asyncProperty(arb, async (text) => bounded(label, () => survives(load(text)))),
    { numRuns: RUNS },
  );

describe('loaders survive any input within bounds', () => {
  it(
    'v1 JSON',
    () =>
      property(
        fc.oneof(
          hostileText,
          envValue.map((v) => JSON.stringify({ name: 'x', python: v })),
        ),
        'v1 json',
        (t) => loadDefinitionText(t, join(dir, 'env.json'), { format: 'v1-json' }),
      ),
    120000,
  );

  it(
    'v2 YAML',
    () =>
      property(
        fc.oneof(
          hostileText,
          v2Doc.map((d) => stringify(d)),
          hostileText.map((t) => `name: x\nimage: a/b:1\ntags: ${t}`),
        ),
        'v2 yaml',
        (t) => loadDefinitionText(t, join(dir, 'env.yml'), { format: 'v2-yaml' }),
      ),
    120000,
  );

  it(
    'conda YAML',
    () =>
      property(
        fc.oneof(
          hostileText,
          condaDoc.map((d) => stringify(d)),
          hostileText.map((t) => `channels: [conda-forge]\ndependencies:\n- pip:\n  - "${t.replace(/["\\\n]/g, '')}"`),
        ),
        'conda yaml',
        (t) => loadDefinitionText(t, join(dir, 'conda.yml'), { format: 'conda-yaml' }),
      ),
    120000,
  );

  it('v1 folder (three files on disk)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileText,
          envValue.map((v) => JSON.stringify({ name: 'x', python: v })),
        ),
        hostileText,
        hostileText,
        async (json, conda, dockerfile) => {
          const folder = mkdtempSync(join(dir, 'v1-'));
          writeFileSync(join(folder, 'azureml_environment.json'), json);
          writeFileSync(join(folder, 'conda_dependencies.yml'), conda);
          writeFileSync(join(folder, 'BaseDockerfile'), dockerfile);
          await bounded('v1 folder', () => survives(loadDefinition(folder)));
          rmSync(folder, { recursive: true, force: true });
        },
      ),
      { numRuns: RUNS },
    );
  }, 120000);
});

describe('importers give a model or a one-line error within bounds', () => {
  const oneLineOrModel = (run: () => unknown) => {
    try {
      expect(run()).toBeTruthy();
    } catch (err) {
      expect((err as Error).message).not.toMatch(/\n/);
    }
  };
  it(
    'requirements (from_pip_requirements)',
    () =>
      fc.assert(
        fc.asyncProperty(
          fc.oneof(
            hostileText,
            fc.array(fc.string(), { maxLength: 50 }).map((l) => l.join('\n')),
          ),
          async (t) =>
            bounded('requirements', () => oneLineOrModel(() => fromPipRequirements('x', t, 'requirements.txt'))),
        ),
        { numRuns: RUNS },
      ),
    120000,
  );
  it(
    'conda specification (from_conda_specification)',
    () =>
      fc.assert(
        fc.asyncProperty(
          fc.oneof(
            hostileText,
            condaDoc.map((d) => stringify(d)),
          ),
          async (t) => bounded('conda import', () => oneLineOrModel(() => fromCondaSpecification('x', t, 'conda.yml'))),
        ),
        { numRuns: RUNS },
      ),
    120000,
  );
  it(
    'Dockerfile (from_dockerfile)',
    () =>
      fc.assert(
        fc.asyncProperty(hostileText, hostileText, async (d, r) =>
          bounded('dockerfile import', () =>
            oneLineOrModel(() => fromDockerfile('x', d, { requirements: { text: r, file: 'requirements.txt' } })),
          ),
        ),
        { numRuns: RUNS },
      ),
    120000,
  );
});

describe('command entries in process', () => {
  /** Runs the CLI's main() with its output captured, so a case's cost includes printing. */
  async function quietly(run: () => Promise<unknown>): Promise<string> {
    const out: string[] = [];
    const [stdout, stderr] = [process.stdout.write, process.stderr.write];
    process.stdout.write = ((chunk: string) => {
      out.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => {
      out.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      await run();
    } finally {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    return out.join('');
  }

  const inputs = fc.oneof(
    hostileText,
    v2Doc.map((d) => stringify(d)),
    condaDoc.map((d) => stringify(d)),
    envValue.map((v) => JSON.stringify({ name: 'x', python: v })),
  );

  it(
    'validate (validatePaths)',
    () =>
      fc.assert(
        fc.asyncProperty(inputs, fc.constantFrom('env.yml', 'env.json'), async (text, name) => {
          const file = join(dir, name);
          writeFileSync(file, text);
          const results = await bounded('validate', () => validatePaths([file]));
          expect(results).toHaveLength(1);
        }),
        { numRuns: RUNS },
      ),
    180000,
  );

  it(
    'convert --to v1 and --to v2 (main)',
    () =>
      fc.assert(
        fc.asyncProperty(inputs, fc.constantFrom('v1', 'v2'), async (text, to) => {
          const case_ = mkdtempSync(join(dir, 'convert-'));
          const file = join(case_, to === 'v1' ? 'env.yml' : 'env.json');
          writeFileSync(file, text);
          mkdirSync(join(case_, 'out'));
          const output = await bounded(`convert --to ${to}`, () =>
            quietly(() =>
              main(['convert', file, '--to', to, '--out', join(case_, 'out', 'x'), '--force']).catch((err: Error) => {
                // Usage and input errors are thrown as one-line messages, which runCli prints.
                expect(err.message).not.toMatch(/\n/);
              }),
            ),
          );
          expect(output).not.toMatch(/please report|unexpected error/);
          rmSync(case_, { recursive: true, force: true });
        }),
        { numRuns: RUNS },
      ),
    180000,
  );
});
