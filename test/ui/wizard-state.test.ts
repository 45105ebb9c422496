import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog.js';
import { loadTemplates } from '../../src/content/templates.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { validateLoaded } from '../../src/rules/validate.js';
import { draftDiagnostics } from '../../src/ui/wizard/diagnostics.js';
import { listItems, pythonVersion } from '../../src/ui/wizard/draft.js';
import { DraftStore } from '../../src/ui/wizard/draft-store.js';
import { outputFiles } from '../../src/ui/wizard/output.js';
import { curatedDraft, templateDraft } from '../../src/ui/wizard/start.js';
import { handleKey, initialState, rowsOf, type WizardState } from '../../src/ui/wizard/state.js';
import { STEPS } from '../../src/ui/wizard/steps.js';
import { writeFileAtomic } from '../../src/util/write-files.js';
import { load, tempDir, TODAY } from '../helpers.js';
import { k, KEY } from './keys.js';

const ctx = { catalog: loadCatalog(), templates: loadTemplates() };
beforeAll(() => loadFieldLibs());

/** Presses keys (strings are typed character by character) and returns the state and every effect. */
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

const focusRow = (state: WizardState, id: string): WizardState => ({
  ...state,
  focus: rowsOf(state, ctx).findIndex((r) => r.id === id),
});
const atStep = (state: WizardState, id: string): WizardState => ({
  ...state,
  step: STEPS.findIndex((s) => s.id === id),
  focus: 0,
});

describe('wizard state machine', () => {
  it('edits a text field and saves the draft after the change', () => {
    const s0 = atStep(initialState(templateDraft('sklearn', undefined, 'v1')), 'basics');
    const { state, effects } = press(
      s0,
      KEY.enter,
      k({ ctrl: true }),
      'x',
      ...Array(20).fill(KEY.backspace),
      'fraud-model',
      KEY.enter,
    );
    expect(state.draft.env.name).toBe('fraud-model');
    expect(effects).toContain('save-draft');
  });

  it('Esc cancels an edit without changing anything', () => {
    const s0 = atStep(initialState(templateDraft('sklearn', undefined, 'v1')), 'basics');
    const { state } = press(s0, KEY.enter, 'zzz', KEY.esc);
    expect(state.draft.env.name).toBe('sklearn');
    expect(state.editing).toBeUndefined();
  });

  it('errors block the next step until the user confirms', () => {
    let state = press(
      atStep(initialState(templateDraft('sklearn', undefined, 'v1')), 'basics'),
      KEY.enter,
      ...Array(10).fill(KEY.backspace),
      'AzureML-x',
      KEY.enter,
    ).state;
    state = press(state, KEY.tab).state;
    expect(STEPS[state.step].id).toBe('basics');
    expect(state.confirm).toEqual({ kind: 'errors', count: 1 });
    state = press(state, KEY.esc).state;
    expect(state.confirm).toBeUndefined();
    state = press(state, KEY.tab, KEY.enter).state;
    expect(STEPS[state.step].id).toBe('python');
  });

  it('warnings do not block', () => {
    const draft = templateDraft('sklearn', undefined, 'v1');
    (draft.env.docker as Record<string, unknown>).baseImage = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04';
    const state = press(atStep(initialState(draft), 'docker'), KEY.tab).state;
    expect(STEPS[state.step].id).toBe('spark');
  });

  it('adds, edits, reorders and removes list items', () => {
    let state = focusRow(atStep(initialState(templateDraft('sklearn', undefined, 'v1')), 'python'), 'pip-add');
    state = press(state, KEY.enter, 'joblib==1.4.2', KEY.enter).state;
    expect(listItems(state.draft.env, 'pip').at(-1)).toBe('joblib==1.4.2');
    const last = listItems(state.draft.env, 'pip').length - 1;
    state = focusRow(state, `pip-${last}`);
    state = press(state, KEY.shiftUp).state;
    expect(listItems(state.draft.env, 'pip').at(-2)).toBe('joblib==1.4.2');
    state = focusRow(state, `pip-${last - 1}`);
    state = press(state, KEY.enter, ...Array(5).fill(KEY.backspace), '1.4.0', KEY.enter).state;
    expect(listItems(state.draft.env, 'pip')).toContain('joblib==1.4.0');
    state = press(focusRow(state, `pip-${last - 1}`), 'd').state;
    expect(listItems(state.draft.env, 'pip')).not.toContain('joblib==1.4.0');
  });

  it("a typo in a pip entry shows as the rule's finding on that row", () => {
    let state = focusRow(atStep(initialState(templateDraft('sklearn', undefined, 'v1')), 'python'), 'pip-add');
    state = press(state, KEY.enter, 'pandas=2.2.3', KEY.enter).state;
    const row = rowsOf(state, ctx).find((r) => r.kind === 'item' && r.list === 'pip' && r.value === 'pandas=2.2.3')!;
    const found = draftDiagnostics(state.draft)
      .filter((d) => d.path === row.path)
      .map((d) => d.rule);
    expect(found).toContain('pip/invalid-requirement');
  });

  it('sets the python version as the python conda entry', () => {
    let state = focusRow(atStep(initialState(templateDraft('sklearn', undefined, 'v1')), 'python'), 'python-version');
    state = press(state, KEY.enter, ...Array(6).fill(KEY.backspace), '3.12', KEY.enter).state;
    expect(pythonVersion(state.draft.env)).toBe('3.12');
  });

  it('switches python kind with ←/→ and shows the matching rows', () => {
    let state = atStep(initialState(templateDraft('sklearn', undefined, 'v1')), 'python');
    state = press(state, KEY.right).state;
    expect(rowsOf(state, ctx).map((r) => r.id)).toContain('interpreter');
    expect((state.draft.env.python as Record<string, unknown>).userManagedDependencies).toBe(true);
  });

  it('picks a base image from the catalog list, supported ones first', () => {
    let state = focusRow(atStep(initialState(templateDraft('sklearn', undefined, 'v1')), 'docker'), 'catalog-image');
    const row = rowsOf(state, ctx).find((r) => r.id === 'catalog-image');
    expect(row?.kind === 'choice' && row.options[0].label).not.toMatch(/deprecated/);
    expect(row?.kind === 'choice' && row.options.at(-1)?.label).toMatch(/deprecated/);
    state = press(state, KEY.enter, KEY.down, KEY.enter).state;
    expect((state.draft.env.docker as Record<string, unknown>).baseImage).toMatch(/openmpi5\.0-ubuntu24\.04/);
  });

  it('jumps from a finding on the review step to its field', () => {
    const draft = templateDraft('sklearn', undefined, 'v1');
    draft.env.environmentVariables = { 'BAD-NAME': 'x' };
    let state = atStep(initialState(draft), 'review');
    const rows = rowsOf(state, ctx);
    state = { ...state, focus: rows.length - 1 };
    state = press(state, KEY.down).state;
    expect(state.inFindings).toBe(true);
    const diagnostics = draftDiagnostics(state.draft);
    const target = diagnostics.findIndex((d) => d.rule === 'env/invalid-name');
    state = { ...state, findingFocus: target };
    state = press(state, KEY.enter).state;
    expect(STEPS[state.step].id).toBe('variables');
    expect(rowsOf(state, ctx)[state.focus].id).toBe('env-0');
  });

  it('Ctrl-C asks before quitting when there are unwritten changes', () => {
    const state = { ...initialState(templateDraft('sklearn', undefined, 'v1')), dirty: true };
    const first = handleKey(state, 'c', k({ ctrl: true }), [], ctx);
    expect(first.state.confirm).toEqual({ kind: 'quit' });
    expect(first.effects).toEqual([]);
    const second = handleKey(first.state, 'y', k(), [], ctx);
    expect(second.effects.map((e) => e.type)).toEqual(['quit']);
  });
});

describe('what the wizard writes', () => {
  it.each([
    ['v1-file', ['out']],
    ['v1-dir', ['out']],
    ['v2', ['out/environment.yml']],
    ['all', ['out/env.json', 'out/v1', 'out/v2/environment.yml']],
  ] as const)('%s: the written definitions validate with no errors', (output, definitions) => {
    const dir = tempDir();
    const draft = templateDraft('sklearn', undefined, 'v1');
    draft.meta.output = output;
    draft.meta.outPath = join(dir, 'out');
    for (const f of outputFiles(draft).files) writeFileAtomic(f.path, f.text);
    for (const path of definitions) {
      const def = load(join(dir, path));
      expect(def.format).toBe(
        path.endsWith('.yml')
          ? 'v2-yaml'
          : path === 'out' && output === 'v1-file'
            ? 'v1-json'
            : path.endsWith('.json')
              ? 'v1-json'
              : 'v1-dir',
      );
      expect(validateLoaded(def, { today: TODAY }).filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('writes the registry password only when the user chose to', () => {
    const draft = templateDraft('sklearn', undefined, 'v1');
    draft.password = 'pa55word';
    draft.meta.outPath = 'x.json';
    expect(outputFiles(draft).files[0].text).not.toContain('pa55word');
    draft.meta.writePassword = true;
    expect(outputFiles(draft).files[0].text).toContain('pa55word');
  });

  it('never saves the registry password with the draft', () => {
    const dir = tempDir();
    const draft = { ...templateDraft('sklearn', undefined, 'v1'), password: 'pa55word' };
    new DraftStore(dir).save(draft);
    expect(readFileSync(join(dir, 'wizard-draft.json'), 'utf8')).not.toContain('pa55word');
    expect(new DraftStore(dir).load()?.draft.env.name).toBe('sklearn');
    new DraftStore(dir).save(null);
    expect(new DraftStore(dir).load()).toBeUndefined();
    expect(existsSync(join(dir, 'wizard-draft.json'))).toBe(true);
  });

  it('a curated copy gets a name of its own', () => {
    const draft = curatedDraft('AzureML-Tutorial', undefined, 'v1');
    expect(draft.env.name).toBe('Tutorial-copy');
    expect(draftDiagnostics(draft).some((d) => d.rule === 'name/reserved-prefix')).toBe(false);
  });
});
