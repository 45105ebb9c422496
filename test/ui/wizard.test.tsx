import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog.js';
import { loadTemplates } from '../../src/content/templates.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import type { Draft } from '../../src/ui/wizard/draft.js';
import { templateDraft } from '../../src/ui/wizard/start.js';
import { STEPS } from '../../src/ui/wizard/steps.js';
import { Wizard } from '../../src/ui/wizard/Wizard.js';
import { tempDir } from '../helpers.js';
import { SEQ } from './keys.js';
import { mount, send, type, waitFor } from './render.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

beforeAll(() => loadFieldLibs());
const ctx = { catalog: loadCatalog(), templates: loadTemplates() };

function wizardAt(stepId: string, draft: Draft = templateDraft('sklearn', undefined, 'v1')) {
  draft.meta.step = STEPS.findIndex((s) => s.id === stepId);
  const saved: Array<Draft | null> = [];
  let exited = false;
  const tree = (
    <Wizard
      draft={draft}
      ctx={ctx}
      width={80}
      height={24}
      saveDraft={(d) => {
        saved.push(d);
      }}
      onExit={() => (exited = true)}
    />
  );
  return { tree, saved, exited: () => exited };
}

describe('wizard steps (80×24)', () => {
  it('basics: edits the name and flags a reserved one as typed in', async () => {
    const w = wizardAt('basics');
    const r = await mount(w.tree);
    expect(r.lastFrame()).toMatch(/step 2 of 7: Basics/);
    await send(r, SEQ.enter, ...Array(7).fill(SEQ.backspace));
    await type(r, 'AzureML-x');
    const frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/Name\s+AzureML-x ✗/);
    expect(frame).toMatch(/reserved prefix/);
    expect(w.saved.at(-1)?.env.name).toBe('AzureML-x');
  });

  it('python: shows the kind, version, channels, conda and pip lists with their items', async () => {
    const r = await mount(wizardAt('python').tree);
    const frame = r.lastFrame()!;
    for (const text of [
      'Python kind',
      'Conda-managed',
      'Python version',
      '3.11',
      'Channels',
      'conda-forge',
      'Conda packages',
      'scikit-learn=1.5.2',
      'Pip packages',
    ])
      expect(frame).toContain(text);
  });

  it('python: adding a pip package with a conda-style pin marks it as an error', async () => {
    const draft = templateDraft('minimal-cpu', undefined, 'v1');
    const r = await mount(wizardAt('python', draft).tree);
    let frame = r.lastFrame()!;
    const downs = frame.split('\n').filter((l) => /^\s+(▸ )?\s*(Python|conda|pip|azureml|\+ add)/.test(l)).length;
    for (let i = 0; i < 12 && !/▸\s+\+ add\s*$/m.test(frame.split('Pip packages')[1] ?? ''); i++)
      frame = await send(r, SEQ.down);
    expect(downs).toBeGreaterThan(0);
    await send(r, SEQ.enter);
    await type(r, 'pandas=2.2.3');
    frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/pandas=2\.2\.3 ✗/);
  });

  it('variables: secret-looking values are hidden and flagged', async () => {
    const draft = templateDraft('sklearn', undefined, 'v1');
    draft.env.environmentVariables = { DB_PASSWORD: 'hunter2', MODEL_DIR: './outputs' };
    const r = await mount(wizardAt('variables', draft).tree);
    const frame = r.lastFrame()!;
    expect(frame).toContain('DB_PASSWORD=•••• (secret?) !');
    expect(frame).not.toContain('hunter2');
    expect(frame).toContain('MODEL_DIR=./outputs');
  });

  it('docker: base image picker lists supported images first and marks deprecated ones', async () => {
    const r = await mount(wizardAt('docker').tree);
    let frame = await send(r, SEQ.down, SEQ.enter);
    expect(frame).toMatch(/Choose base image/);
    expect(frame).toMatch(/▸ openmpi4\.1\.0-ubuntu22\.04/);
    frame = await send(r, SEQ.up);
    expect(frame).toMatch(/deprecated\)\s+use /);
  });

  it('docker: the registry password is masked while typed and never shown', async () => {
    const r = await mount(wizardAt('docker').tree);
    let frame = r.lastFrame()!;
    for (let i = 0; i < 8 && !/▸ Registry password/.test(frame); i++) frame = await send(r, SEQ.down);
    await send(r, SEQ.enter);
    frame = await type(r, 's3cret');
    expect(frame).toContain('••••••');
    expect(frame).not.toContain('s3cret');
    frame = await send(r, SEQ.enter);
    expect(frame).not.toContain('s3cret');
  });

  it('spark: shows repositories and packages', async () => {
    const r = await mount(wizardAt('spark', templateDraft('spark', undefined, 'v1')).tree);
    const frame = r.lastFrame()!;
    expect(frame).toContain('https://repo1.maven.org/maven2/');
    expect(frame).toContain('com.microsoft.azure:synapseml_2.12:1.0.8');
  });

  it('review: preview of the chosen form and the findings', async () => {
    const r = await mount(wizardAt('review').tree);
    let frame = r.lastFrame()!;
    expect(frame).toMatch(/Preview: sklearn\.json/);
    expect(frame).toContain('"name": "sklearn"');
    frame = await send(r, SEQ.right);
    expect(frame).toMatch(/SDK v1 folder/);
    expect(frame).toMatch(/Preview: sklearn[\\/]azureml_environment\.json/);
  });

  it('review: Ctrl-S writes the files and asks before overwriting', async () => {
    const dir = tempDir();
    const draft = templateDraft('sklearn', undefined, 'v1');
    draft.meta.outPath = join(dir, 'env.json');
    const w = wizardAt('review', draft);
    const r = await mount(w.tree);
    let frame = await send(r, SEQ.ctrlS);
    frame = await waitFor(r, (f) => /wrote /.test(f));
    expect(JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8')).name).toBe('sklearn');
    expect(w.saved.at(-1)).toBeNull();
    frame = await send(r, SEQ.ctrlS);
    expect(frame).toMatch(/Overwrite\? y\/n — already there:\s+\S*env\.json/);
    frame = await send(r, 'n');
    expect(frame).toMatch(/nothing written/);
    expect(existsSync(join(dir, 'env.json'))).toBe(true);
  });

  it("? opens the side panel with the field's lesson", async () => {
    const r = await mount(wizardAt('python').tree);
    const frame = await send(r, '?');
    expect(frame).toMatch(/Lesson: The three kinds of/);
    expect(frame).toMatch(/amlenv explain python-kinds|•/);
  });

  it('errors block Tab until confirmed', async () => {
    const draft = templateDraft('sklearn', undefined, 'v1');
    draft.env.name = 'Microsoft-env';
    const r = await mount(wizardAt('basics', draft).tree);
    let frame = await send(r, SEQ.tab);
    expect(frame).toMatch(/This step has 1 error\. Continue anyway\?/);
    frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/step 3 of 7: Python/);
  });

  it('keeps the live region within 24 rows with a 500-package draft', async () => {
    const draft = templateDraft('sklearn', undefined, 'v1');
    const deps = (draft.env.python as { condaDependencies: { dependencies: unknown[] } }).condaDependencies
      .dependencies;
    for (let i = 0; i < 500; i++) deps.splice(2, 0, `pkg-${i}=1.0`);
    const r = await mount(wizardAt('python', draft).tree);
    const frame = await send(r, SEQ.down, SEQ.down, SEQ.down, SEQ.down, SEQ.down);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    expect(frame).toMatch(/of \d{3}/);
  });
});

describe('build and check from the review step', () => {
  it('is offered only when Docker answers; it writes the files, then hands the written definition over', async () => {
    const dir = tempDir();
    const draft = templateDraft('sklearn', undefined, 'v1');
    draft.meta.step = STEPS.findIndex((s) => s.id === 'review');
    draft.meta.output = 'v2';
    draft.meta.outPath = join(dir, 'v2');
    const handed: string[] = [];
    const without = await mount(
      <Wizard
        draft={structuredClone(draft)}
        ctx={ctx}
        width={80}
        height={24}
        saveDraft={() => undefined}
        onExit={() => undefined}
      />,
    );
    expect(without.lastFrame()).not.toMatch(/Build and check with Docker/);
    const r = await mount(
      <Wizard
        draft={draft}
        ctx={{ ...ctx, dockerAvailable: true }}
        width={80}
        height={24}
        saveDraft={() => undefined}
        onExit={() => undefined}
        onBuildAndCheck={(p) => handed.push(p)}
      />,
    );
    expect(r.lastFrame()).toMatch(/Build and check with Docker/);
    await send(r, SEQ.down, SEQ.down, SEQ.down, SEQ.enter);
    await waitFor(r, () => handed.length > 0);
    expect(handed).toEqual([join(dir, 'v2', 'environment.yml')]);
    expect(existsSync(join(dir, 'v2', 'environment.yml'))).toBe(true);
  });
});
