// The v2 environment rules agree with azure-ai-ml's loader: what it refuses is an error here (with its own
// words), what it accepts passes without an error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { loadDefinition } from '../../src/env/load.js';
import type { Diagnostic } from '../../src/env/types.js';
import { RULES } from '../../src/rules/index.js';
import { isValid, validateLoaded } from '../../src/rules/validate.js';
import { TODAY, tempDir } from '../helpers.js';

beforeAll(() => loadFieldLibs());

const IMAGE = 'image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1';
const ROUTES = `inference_config:
  liveness_route: {port: 5001, path: /live}
  readiness_route: {port: 5001, path: /ready}
  scoring_route: {port: 5001, path: /score}
`;

/** Writes the files into a new folder and validates the first one. */
function check(files: Record<string, string>): Diagnostic[] {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const outcome = loadDefinition(join(dir, Object.keys(files)[0]));
  if (!outcome.ok) throw new Error(outcome.message);
  return validateLoaded(outcome.def, { today: TODAY });
}
const v2 = (text: string) => check({ 'environment.yml': text });
const errors = (list: Diagnostic[]) => list.filter((d) => d.severity === 'error');
const find = (list: Diagnostic[], rule: string) => list.filter((d) => d.rule === rule);

describe('unknown keys are refused, as the loader refuses them', () => {
  it('environment_variables is an error that points at the job, at its line', () => {
    const [d] = find(v2(`name: e\n${IMAGE}\nenvironment_variables:\n  A: "1"\n`), 'v2/unknown-key');
    expect(d).toMatchObject({ severity: 'error', path: 'environment_variables', line: 3, column: 1 });
    expect(d.message).toContain('"Unknown field."');
    expect(d.hint).toContain('environment_variables: in job.yml');
  });

  it('a misspelt top-level key gets a "did you mean"', () => {
    const [d] = find(v2(`name: e\n${IMAGE}\ncondafile: conda.yml\n`), 'v2/unknown-key');
    expect(d.message).toContain('did you mean "conda_file"?');
    expect(d.hint).toBe('rename it to "conda_file"');
  });

  it('unknown keys inside build, inference_config and a route are errors too', () => {
    const list = check({
      'environment.yml': `name: e\nbuild:\n  path: ctx\n  dockerfile: Dockerfile\n${ROUTES.replace('scoring_route:', 'scoring_rout:')}  scoring_route: {port: 5001, path: /score, verb: POST}\n`,
      'ctx/Dockerfile': 'FROM python:3.11-slim\n',
    });
    const paths = find(list, 'v2/unknown-key').map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'build.dockerfile',
        'inference_config.scoring_rout',
        'inference_config.scoring_route.verb',
      ]),
    );
    const dockerfile = find(list, 'v2/unknown-key').find((d) => d.path === 'build.dockerfile');
    expect(dockerfile?.message).toContain('did you mean "dockerfile_path"?');
    expect(isValid(list)).toBe(false);
  });

  it('read-only keys that az ml environment show prints are dropped by the loader, so they pass', () => {
    const list = v2(
      `name: e\nversion: 3\n${IMAGE}\nid: azureml:e:3\ncreation_context:\n  created_by: someone\nlatest_version: "3"\n`,
    );
    expect(find(list, 'v2/unknown-key')).toEqual([]);
  });
});

describe('field values', () => {
  it('os_type other than linux or windows is an error quoting the loader', () => {
    const [d] = find(v2(`name: e\n${IMAGE}\nos_type: macos\n`), 'v2/os-type');
    expect(d.message).toContain(`"Value 'macos' passed is not in set ['linux', 'windows']"`);
    expect(d.line).toBe(3);
  });

  it('os_type in any letter case is accepted, as StringTransformedEnum lowercases it', () => {
    expect(errors(v2(`name: e\n${IMAGE}\nos_type: Linux\n`))).toEqual([]);
    expect(errors(v2(`name: e\n${IMAGE}\nos_type: WINDOWS\n`))).toEqual([]);
  });

  it('a complete inference_config passes; a missing route is an error naming it', () => {
    expect(errors(v2(`name: e\n${IMAGE}\n${ROUTES}`))).toEqual([]);
    const list = v2(`name: e\n${IMAGE}\n${ROUTES.replace(/ {2}readiness_route.*\n/, '')}`);
    expect(find(list, 'v2/inference-routes').map((d) => d.message)).toEqual([
      'inference_config has no readiness_route ("Missing data for required field.")',
    ]);
  });

  it('a route without port or path is an error', () => {
    const list = v2(`name: e\n${IMAGE}\n${ROUTES.replace('{port: 5001, path: /live}', '{path: /live}')}`);
    expect(find(list, 'v2/route-incomplete').map((d) => d.message)).toEqual([
      'liveness_route has no port ("Missing data for required field.")',
    ]);
  });

  it('a port that is not an integer is an error; "5001" in quotes is read by int() and passes', () => {
    const bad = v2(`name: e\n${IMAGE}\n${ROUTES.replace('{port: 5001, path: /score}', '{port: 50.5, path: /score}')}`);
    expect(find(bad, 'v2/route-port')).toHaveLength(1);
    expect(find(bad, 'v2/route-port')[0].message).toContain('"Not a valid integer."');
    const quoted = v2(
      `name: e\n${IMAGE}\n${ROUTES.replace('{port: 5001, path: /score}', '{port: "5001", path: /score}')}`,
    );
    expect(errors(quoted)).toEqual([]);
  });

  it('conda_file as a list is an error; a path and an inline mapping pass', () => {
    expect(find(v2(`name: e\n${IMAGE}\nconda_file: [python=3.11]\n`), 'v2/conda-file-type')).toHaveLength(1);
    expect(find(v2(`name: e\n${IMAGE}\nconda_file: 3\n`), 'v2/conda-file-type')).toHaveLength(1);
    const inline = v2(
      `name: e\n${IMAGE}\nconda_file:\n  channels: [conda-forge]\n  dependencies: [python=3.11, pip]\n`,
    );
    expect(errors(inline)).toEqual([]);
  });

  it("wrong types of known keys are errors with the loader's message", () => {
    const list = v2(`name: [a]\n${IMAGE}\ntags: [x]\ndescription: {a: 1}\n`);
    const byPath = Object.fromEntries(find(list, 'v2/type').map((d) => [d.path, d.message]));
    expect(byPath.name).toContain('"Not a valid string."');
    expect(byPath.tags).toContain('"Not a valid mapping type."');
    expect(byPath.description).toContain('must be a string');
  });

  it('a version written as a number is accepted', () => {
    expect(errors(v2(`name: e\nversion: 2\n${IMAGE}\n`))).toEqual([]);
  });
});

describe('image, build and conda_file', () => {
  it('conda_file together with build is an error', () => {
    const list = check({
      'environment.yml': 'name: e\nbuild:\n  path: ctx\nconda_file: conda.yml\n',
      'ctx/Dockerfile': 'FROM python:3.11-slim\n',
      'conda.yml': 'channels: [conda-forge]\ndependencies: [python=3.11]\n',
    });
    expect(find(list, 'v2/conda-needs-image')[0].message).toContain('together with build');
  });

  it('a build-context Dockerfile without FROM is an error; ARG before FROM is fine', () => {
    const noFrom = check({ 'environment.yml': 'name: e\nbuild:\n  path: ctx\n', 'ctx/Dockerfile': 'RUN echo hi\n' });
    const [d] = find(noFrom, 'docker/dockerfile-no-from');
    expect(d).toMatchObject({ severity: 'error', path: 'build.dockerfile_path' });
    expect(d.message).toContain('ctx/Dockerfile');
    const withArg = check({
      'environment.yml': 'name: e\nbuild:\n  path: ctx\n  dockerfile_path: docker/train.Dockerfile\n',
      'ctx/docker/train.Dockerfile': 'ARG BASE=python:3.11-slim\nFROM ${BASE}\n',
    });
    expect(errors(withArg)).toEqual([]);
  });

  it('a build-context Dockerfile over 100 KB is an error', () => {
    const big = `FROM python:3.11-slim\n${'RUN echo 0123456789012345678901234567890123456789\n'.repeat(2200)}`;
    const list = check({ 'environment.yml': 'name: e\nbuild:\n  path: ctx\n', 'ctx/Dockerfile': big });
    expect(find(list, 'docker/dockerfile-too-large')).toHaveLength(1);
  });
});

describe('$schema', () => {
  it('the published URLs pass', () => {
    for (const url of [
      'https://azuremlschemas.azureedge.net/latest/environment.schema.json',
      'https://azuremlsdk2.blob.core.windows.net/latest/environment.schema.json',
    ])
      expect(find(v2(`$schema: ${url}\nname: e\n${IMAGE}\n`), 'v2/schema-url')).toEqual([]);
  });

  it("another asset's schema or an unknown URL is a warning, shown as $schema", () => {
    const [model] = find(
      v2(`$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json\nname: e\n${IMAGE}\n`),
      'v2/schema-url',
    );
    expect(model).toMatchObject({ severity: 'warning', path: '$schema', line: 1 });
    expect(model.message).toContain('model schema');
    const list = v2(`$schema: https://example.com/env.json\nname: e\n${IMAGE}\n`);
    expect(find(list, 'v2/schema-url')).toHaveLength(1);
    expect(isValid(list)).toBe(true);
  });
});

describe('rules that mirror a refusal cite where it is written', () => {
  it('every v2 rule and every job rule has a source URL', () => {
    const missing = RULES.filter((r) => /^(v2|job)\//.test(r.id) && !r.sources?.length).map((r) => r.id);
    // v2/missing-file is reported by the loader and explains itself; the rest cite the SDK, the schema or the docs.
    expect(missing.filter((id) => id !== 'v2/missing-file')).toEqual([]);
    for (const r of RULES) for (const url of r.sources ?? []) expect(url).toMatch(/^https:\/\//);
  });
});
