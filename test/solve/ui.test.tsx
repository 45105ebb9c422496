// "Solve now" in the app: the wizard's review step and the Build & run screen, against a loopback channel.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog.js';
import { loadTemplates } from '../../src/content/templates.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { BuildRunScreen } from '../../src/ui/job/BuildRunScreen.js';
import { SolveSummary } from '../../src/ui/solve/SolveSummary.js';
import { templateDraft } from '../../src/ui/wizard/start.js';
import { STEPS } from '../../src/ui/wizard/steps.js';
import { Wizard } from '../../src/ui/wizard/Wizard.js';
import { tempDir } from '../helpers.js';
import { SEQ } from '../ui/keys.js';
import { mount, send, waitFor } from '../ui/render.js';
import { closedPort, serveChannel, type ServedChannel } from './channel.js';

let channel: ServedChannel;
let dir: string;
const savedEnv = { channels: process.env.AMLENV_SOLVE_CHANNELS, cache: process.env.AMLENV_CACHE_DIR };

beforeAll(async () => {
  await loadFieldLibs();
  channel = await serveChannel();
  dir = tempDir();
  process.env.AMLENV_CACHE_DIR = join(dir, 'cache');
});
afterAll(async () => {
  await channel.close();
  for (const [k, v] of [
    ['AMLENV_SOLVE_CHANNELS', savedEnv.channels],
    ['AMLENV_CACHE_DIR', savedEnv.cache],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
afterEach(() => {
  process.env.AMLENV_SOLVE_CHANNELS = savedEnv.channels;
});

function condaFile(name: string, deps: string[], channelUrl = channel.url): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      'name: app-env',
      'channels:',
      `  - ${channelUrl}`,
      '  - nodefaults',
      'dependencies:',
      ...deps.map((d) => `  - ${d}`),
      '',
    ].join('\n'),
  );
  return path;
}

describe('Build & run: Solve now', { timeout: 60_000 }, () => {
  it('is offered when the channels answer, and shows "solved in N s" with the packages', async () => {
    delete process.env.AMLENV_SOLVE_CHANNELS; // the file's own channel
    const path = condaFile('ok.yml', ['python=3.11', 'scikit-learn=1.5', 'pip']);
    const r = await mount(<BuildRunScreen width={100} height={30} path={path} onBack={() => undefined} />);
    await waitFor(r, (f) => /Solve now: the conda dependencies/.test(f), 10000);
    await send(r, SEQ.down, SEQ.down, SEQ.down, SEQ.down);
    expect(r.lastFrame()).toMatch(/▸ Solve now/);
    await send(r, SEQ.enter);
    const frame = await waitFor(r, (f) => /Solve: ✓ solved in \d+\.\d s — 13 packages, python 3\.11\.9/.test(f), 20000);
    expect(frame).toMatch(/Check the environment/); // beside the other actions, on the same screen
  });

  it('shows the conflict with its explanation and fix', async () => {
    delete process.env.AMLENV_SOLVE_CHANNELS;
    const path = condaFile('old.yml', ['python=3.8', 'scikit-learn=1.5', 'pip']);
    const r = await mount(<BuildRunScreen width={160} height={30} path={path} onBack={() => undefined} />);
    await waitFor(r, (f) => /Solve now/.test(f), 10000);
    await send(r, SEQ.down, SEQ.down, SEQ.down, SEQ.down, SEQ.enter);
    const frame = (await waitFor(r, (f) => /Solve: ✗ cannot be solved/.test(f), 20000)).replace(/\s+/g, ' ');
    expect(frame).toMatch(
      /✗ line 7: scikit-learn 1\.5\.\* cannot be installed: scikit-learn 1\.5\.1 would require python >=3\.9/,
    );
    expect(frame).toMatch(/fix: .*raise the python pin/);
  });

  it('is not offered when the channels do not answer', async () => {
    delete process.env.AMLENV_SOLVE_CHANNELS;
    const path = condaFile('down.yml', ['python=3.11'], `http://127.0.0.1:${await closedPort()}/gone`);
    const r = await mount(<BuildRunScreen width={100} height={30} path={path} onBack={() => undefined} />);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(r.lastFrame()).toMatch(/Run a script of my own/);
    expect(r.lastFrame()).not.toMatch(/Solve now/);
  });
});

describe('wizard review step: Solve now', { timeout: 60_000 }, () => {
  const ctx = { catalog: loadCatalog(), templates: loadTemplates() };

  function reviewDraft(dependencies: string[]) {
    const draft = templateDraft('sklearn');
    draft.meta.step = STEPS.findIndex((s) => s.id === 'review');
    (draft.env.python as { condaDependencies: unknown }).condaDependencies = {
      name: 'sklearn',
      channels: ['conda-forge'],
      dependencies,
    };
    return draft;
  }

  async function solveFromReview(dependencies: string[]) {
    const r = await mount(
      <Wizard
        draft={reviewDraft(dependencies)}
        ctx={ctx}
        width={120}
        height={40}
        saveDraft={() => undefined}
        onExit={() => undefined}
      />,
    );
    await waitFor(r, (f) => /\[ Solve now \]/.test(f), 10000);
    for (let i = 0; i < 6 && !/▸ .*\[ Solve now \]/.test(r.lastFrame() ?? ''); i++) await send(r, SEQ.down);
    expect(r.lastFrame()).toMatch(/▸ .*\[ Solve now \]/);
    await send(r, SEQ.enter);
    return waitFor(r, (f) => /Solve: (✓ solved in|✗ cannot be solved)/.test(f), 20000);
  }

  it('appears when the channels answer (AMLENV_SOLVE_CHANNELS points the app at a local channel) and shows "solved in N s" beside the findings', async () => {
    process.env.AMLENV_SOLVE_CHANNELS = channel.url;
    const frame = await solveFromReview(['python=3.11', 'scikit-learn=1.5', 'pip']);
    expect(frame).toMatch(/Findings:/);
    expect(frame).toMatch(/Solve: ✓ solved in \d+\.\d s — 13 packages, python 3\.11\.9/);
  });

  it('shows the conflict of the draft with its explanation', async () => {
    process.env.AMLENV_SOLVE_CHANNELS = channel.url;
    const frame = (await solveFromReview(['python=3.8', 'scikit-learn=1.5', 'pip'])).replace(/\s+/g, ' ');
    expect(frame).toMatch(/Solve: ✗ cannot be solved/);
    expect(frame).toMatch(
      /✗ python\.condaDependencies\.dependencies\[1\]: scikit-learn 1\.5\.\* cannot be installed: scikit-learn 1\.5\.1 would require python >=3\.9/,
    );
  });

  it('is not offered when the channels do not answer', async () => {
    process.env.AMLENV_SOLVE_CHANNELS = `http://127.0.0.1:${await closedPort()}/gone`;
    const draft = templateDraft('sklearn');
    draft.meta.step = STEPS.findIndex((s) => s.id === 'review');
    const r = await mount(
      <Wizard draft={draft} ctx={ctx} width={100} height={40} saveDraft={() => undefined} onExit={() => undefined} />,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(r.lastFrame()).toMatch(/Write files/);
    expect(r.lastFrame()).not.toMatch(/Solve now/);
  });
});

describe('the solve line', () => {
  it('shows an index download while it runs, and says how many more problems there are', async () => {
    const downloading = await mount(
      <SolveSummary
        view={{ status: 'solving', download: 'conda.anaconda.org/conda-forge/linux-64 12.5 MB of 40.0 MB' }}
      />,
    );
    expect(downloading.lastFrame()).toBe(
      'Solve: downloading the channel index conda.anaconda.org/conda-forge/linux-64 12.5 MB of 40.0 MB…',
    );
    const problems = Array.from({ length: 3 }, (_, i) => ({
      severity: 'error' as const,
      where: `line ${i + 5}`,
      message: `conflict ${i}`,
      hint: 'loosen it',
    }));
    const done = await mount(
      <SolveSummary view={{ status: 'done', solved: false, seconds: 0.42, packages: [], problems }} maxProblems={1} />,
    );
    expect(done.lastFrame()).toMatch(
      /Solve: ✗ cannot be solved \(0\.4 s\)\n {2}✗ line 5: conflict 0\n {4}fix: loosen it\n {2}… 2 more \(amlenv solve FILE shows them all\)/,
    );
  });
});
