import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/content/catalog.js';
import { loadTemplates } from '../../src/content/templates.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { draftDiagnostics } from '../../src/ui/wizard/diagnostics.js';
import { type Draft, draftForDisk, draftListItems, setListItems, withV2 } from '../../src/ui/wizard/draft.js';
import { DraftStore } from '../../src/ui/wizard/draft-store.js';
import { outputFiles } from '../../src/ui/wizard/output.js';
import { blankDraft, fileDraft, templateDraft } from '../../src/ui/wizard/start.js';
import { handleKey, initialState, rowsOf, type WizardState } from '../../src/ui/wizard/state.js';
import { STEPS, stepsOf, V2_STEPS } from '../../src/ui/wizard/steps.js';
import { tempDir } from '../helpers.js';
import { k, KEY } from './keys.js';

const ctx = { catalog: loadCatalog(), templates: loadTemplates() };
beforeAll(() => loadFieldLibs());

function press(state: WizardState, ...inputs: Array<string | ReturnType<typeof k>>) {
  const effects: string[] = [];
  for (const input of inputs) {
    const chars = typeof input === 'string' ? [...input].map((c) => [c, k()] as const) : [['', input] as const];
    for (const [ch, key] of chars) {
      const r = handleKey(state, ch, key, draftDiagnostics(state.draft), ctx);
      state = r.state;
      effects.push(...r.effects.map((e) => e.type));
    }
  }
  return { state, effects };
}

const at = (draft: Draft, stepId: string, rowId?: string): WizardState => {
  const state = { ...initialState(draft), step: stepsOf(draft).findIndex((s) => s.id === stepId) };
  return rowId ? { ...state, focus: rowsOf(state, ctx).findIndex((r) => r.id === rowId) } : state;
};
const edit = (state: WizardState, rowId: string, text: string) => {
  const focused = { ...state, focus: rowsOf(state, ctx).findIndex((r) => r.id === rowId) };
  return press(focused, KEY.enter, ...Array(200).fill(KEY.backspace), text, KEY.enter).state;
};
const file = (draft: Draft, name: string) => outputFiles(draft).files.find((f) => f.path.endsWith(name));
const errorsAt = (draft: Draft, path: string) =>
  draftDiagnostics(draft).filter((d) => d.severity === 'error' && d.path === path);

describe('the SDK choice', () => {
  it('comes first, offers v2 first and as the default, and says plainly that v1 is out of support', () => {
    const state = initialState(blankDraft('out'));
    expect(stepsOf(state.draft)[state.step].id).toBe('sdk');
    const [row] = rowsOf(state, ctx);
    expect(row.kind === 'choice' && row.options.map((o) => o.value)).toEqual(['v2', 'v1']);
    expect(row.kind === 'choice' && row.value).toBe('v2');
    expect(row.kind === 'choice' && row.options[1].note).toMatch(/out of support since 2026-06-30/);
    expect(STEPS[0].id).toBe('sdk');
    expect(V2_STEPS.map((s) => s.id)).toEqual(['sdk', 'basics', 'image', 'python', 'serving', 'job', 'review']);
  });

  it('→ switches to v1: the v1 steps, the v1 file form and its default path; ← comes back to v2', () => {
    let state = press(initialState(templateDraft('sklearn')), KEY.right).state;
    expect(state.draft.meta.sdk).toBe('v1');
    expect(stepsOf(state.draft).map((s) => s.id)).toContain('spark');
    expect(state.draft.meta.output).toBe('v1-file');
    expect(state.draft.meta.outPath).toBe('sklearn.json');
    expect(outputFiles(state.draft).files.map((f) => f.path)).toEqual(['sklearn.json']);
    state = press(state, KEY.left).state;
    expect(state.draft.meta.sdk).toBe('v2');
    expect(outputFiles(state.draft).files.map((f) => f.path)).toEqual([
      join('sklearn-v2', 'environment.yml'),
      join('sklearn-v2', 'conda.yml'),
      join('sklearn-v2', 'job.yml'),
    ]);
  });

  it('a v1 file opens on the v1 path, a v2 file on the v2 path with its description, tags and routes', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'env.json'), JSON.stringify({ name: 'old', python: { userManagedDependencies: true } }));
    expect(fileDraft(join(dir, 'env.json')).meta.sdk).toBe('v1');
    writeFileSync(
      join(dir, 'environment.yml'),
      [
        'name: served',
        'description: a scorer',
        'tags: { team: ml }',
        'image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1',
        'inference_config:',
        '  liveness_route: { port: 8080, path: /health }',
        '  readiness_route: { port: 8080, path: /ready }',
        '  scoring_route: { port: 8080, path: /score }',
      ].join('\n'),
    );
    const d = fileDraft(join(dir, 'environment.yml'));
    expect(d.meta.sdk).toBe('v2');
    expect(d.v2).toMatchObject({ description: 'a scorer', tags: { team: 'ml' }, serving: true });
    expect(d.v2?.routes.liveness_route).toEqual({ port: '8080', path: '/health' });
  });
});

describe('the v2 steps', () => {
  it('description and tags are typed in and land in environment.yml, in schema order', () => {
    let state = at(templateDraft('sklearn'), 'basics');
    state = edit(state, 'description', 'Churn training');
    state = press(
      { ...state, focus: rowsOf(state, ctx).findIndex((r) => r.id === 'tags-add') },
      KEY.enter,
      'team=ml',
      KEY.enter,
    ).state;
    expect(draftListItems(state.draft, 'tags')).toEqual(['team=ml']);
    const env = file(state.draft, 'environment.yml')?.text ?? '';
    expect(Object.keys(parse(env))).toEqual(['$schema', 'name', 'description', 'tags', 'image', 'conda_file']);
    expect(parse(env)).toMatchObject({ description: 'Churn training', tags: { team: 'ml' } });
  });

  it('a build context asks folder and Dockerfile path; a missing folder is an error on its row as typed', () => {
    // The files go to a folder of their own with the build context inside it (the project folder amlenv may read).
    const dir = tempDir();
    const draft = withV2(templateDraft('sklearn', dir), (v2) => {
      v2.code = dir; // the job's code folder is the project folder too
    });
    let state = at(draft, 'image', 'source');
    state = press(state, KEY.right, KEY.right).state; // catalog → custom → build
    expect(state.draft.meta.imageSource).toBe('build');
    expect(rowsOf(state, ctx).map((r) => r.id)).toEqual(['source', 'build-path', 'dockerfile-path', 'os']);
    state = edit(state, 'build-path', join(dir, 'nowhere'));
    expect(errorsAt(state.draft, 'build.path').map((d) => d.rule)).toEqual(['v2/missing-file']);

    mkdirSync(join(dir, 'docker'));
    writeFileSync(join(dir, 'docker', 'Dockerfile.train'), 'FROM python:3.12-slim\n');
    state = edit(state, 'build-path', join(dir, 'docker'));
    expect(errorsAt(state.draft, 'build.dockerfile_path').map((d) => d.rule)).toEqual(['v2/missing-file']);
    state = edit(state, 'dockerfile-path', 'Dockerfile.train');
    expect(
      draftDiagnostics(state.draft)
        .filter((d) => d.severity === 'error')
        .map((d) => [d.rule, d.path, d.message]),
    ).toEqual([]);
    const env = parse(file(state.draft, 'environment.yml')?.text ?? '');
    // Typed relative to where amlenv runs; written relative to the YAML.
    expect(env.build).toEqual({ path: 'docker', dockerfile_path: 'Dockerfile.train' });
    expect(env.image).toBeUndefined();
    expect(env.conda_file).toBeUndefined();
    // With a build context, the python step says the Dockerfile installs the packages.
    const python = rowsOf({ ...state, step: stepsOf(state.draft).findIndex((s) => s.id === 'python') }, ctx);
    expect(python[0].label).toMatch(/installs python packages in its Dockerfile/);
  });

  it('the image’s own python writes no conda_file; a conda file writes conda.yml beside the YAML', () => {
    let state = at(templateDraft('sklearn'), 'python', 'kind');
    expect(file(state.draft, 'conda.yml')?.text).toMatch(/scikit-learn=1\.5\.2/);
    state = press(state, KEY.right).state;
    expect(rowsOf(state, ctx).map((r) => r.id)).toEqual(['kind']);
    expect(file(state.draft, 'conda.yml')).toBeUndefined();
    expect(parse(file(state.draft, 'environment.yml')?.text ?? '').conda_file).toBeUndefined();
  });

  it('serving writes inference_config with three routes; a port that is not a number is an error on its row', () => {
    let state = at(blankDraft('out'), 'serving', 'serving');
    expect(parse(file(state.draft, 'environment.yml')?.text ?? '').inference_config).toBeUndefined();
    state = press(state, KEY.enter).state;
    expect(parse(file(state.draft, 'environment.yml')?.text ?? '').inference_config).toEqual({
      liveness_route: { port: 5001, path: '/' },
      readiness_route: { port: 5001, path: '/' },
      scoring_route: { port: 5001, path: '/score' },
    });
    state = edit(state, 'scoring_route-port', 'eighty');
    const errors = draftDiagnostics(state.draft).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.path)).toEqual(['inference_config.scoring_route.port']);
    const rows = rowsOf(state, ctx);
    expect(rows.find((r) => r.path === errors[0].path)?.id).toBe('scoring_route-port');
  });

  it('variables go to job.yml, never environment.yml; a bad name is an error on the Job step', () => {
    let draft = setListItems(blankDraft('out'), 'env', ['MODEL=churn', 'bad-name=1']);
    expect(file(draft, 'environment.yml')?.text).not.toMatch(/MODEL/);
    expect(parse(file(draft, 'job.yml')?.text ?? '').environment_variables).toEqual({
      MODEL: 'churn',
      'bad-name': '1',
    });
    const bad = draftDiagnostics(draft).find((d) => d.rule === 'env/invalid-name');
    expect(bad?.path).toBe('environmentVariables.bad-name');
    const state = at(draft, 'job');
    expect(stepsOf(draft)[state.step].owns).toContain('environmentVariables');
    draft = setListItems(draft, 'env', ['MODEL=churn']);
    expect(draftDiagnostics(draft).filter((d) => d.rule.startsWith('env/'))).toEqual([]);
  });

  it('the job command and code folder are written as typed; a script that is not there is flagged', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'score.py'), '');
    let state = at(blankDraft(dir), 'job');
    state = edit(state, 'code', dir);
    const onCommand = (d: Draft) =>
      draftDiagnostics(d)
        .filter((x) => x.path === 'job.command')
        .map((x) => x.rule);
    expect(onCommand(state.draft)).toEqual(['job/script-missing']);
    state = edit(state, 'command', 'python score.py --fast');
    expect(onCommand(state.draft)).toEqual([]);
    expect(parse(file(state.draft, 'job.yml')?.text ?? '')).toMatchObject({
      code: '.',
      command: 'python score.py --fast',
    });
  });

  it('a reserved name is written as typed and flagged (not silently renamed as convert does)', () => {
    const state = edit(at(blankDraft('out'), 'basics'), 'name', 'AzureML-mine');
    expect(parse(file(state.draft, 'environment.yml')?.text ?? '').name).toBe('AzureML-mine');
    expect(errorsAt(state.draft, 'name').length).toBeGreaterThan(0);
  });

  it('review writes the three files and names both az ml commands', () => {
    const d = blankDraft('out');
    const state = at(d, 'review');
    expect(stepsOf(d)[state.step].intro).toMatch(/az ml environment create --file environment\.yml/);
    expect(stepsOf(d)[state.step].intro).toMatch(/az ml job create --file job\.yml/);
    const env = file(d, 'environment.yml')?.text ?? '';
    expect(env).toMatch(/^# Written by the amlenv wizard\./);
    expect(env).toMatch(/^\$schema: https:\/\/azuremlschemas\.azureedge\.net\/latest\/environment\.schema\.json$/m);
    const write = handleKey(state, 's', k({ ctrl: true }), draftDiagnostics(d), ctx);
    expect(write.effects).toEqual([{ type: 'write', overwrite: false }]);
  });
});

describe('v2 drafts on disk', () => {
  it('keep their SDK and v2 part; secret-looking variable values stay out as for v1', () => {
    const dir = tempDir();
    let d = setListItems(blankDraft('out'), 'env', ['API_TOKEN=s3cr3t-value', 'MODEL=churn']);
    d = setListItems(d, 'tags', ['team=ml']);
    d = { ...d, v2: d.v2 && { ...d.v2, description: 'kept', serving: true } };
    expect(JSON.stringify(draftForDisk(d))).not.toContain('s3cr3t-value');
    const store = new DraftStore(dir);
    store.save(d);
    const back = store.load()?.draft;
    expect(back?.meta.sdk).toBe('v2');
    expect(back?.v2).toMatchObject({ description: 'kept', serving: true, tags: { team: 'ml' } });
    expect(back?.meta.withheld).toEqual(['API_TOKEN']);
  });

  it('a draft saved before the SDK step existed resumes as v1, on the same step as before', () => {
    const dir = tempDir();
    const old = templateDraft('sklearn', undefined, 'v1');
    const { sdk: _sdk, ...meta } = old.meta;
    writeFileSync(
      join(dir, 'wizard-draft.json'),
      JSON.stringify({ env: old.env, meta: { ...meta, step: 2 }, savedAt: '2026-01-01T00:00:00Z' }),
    );
    const back = new DraftStore(dir).load()?.draft;
    expect(back?.meta.sdk).toBe('v1');
    // Step 2 was "variables" in the six-step wizard; it still is.
    expect(back && STEPS[back.meta.step].id).toBe('variables');
  });
});
