// The wizard as a user meets it: switching image modes keeps what each had, a build context without a folder
// says so on its row, Ctrl-C quits at once when nothing changed, the `?` pane shows the v2 key's doc, and the
// job's code folder is named as typed.
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/content/catalog.js';
import { loadTemplates } from '../../src/content/templates.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { loadLessons } from '../../src/learn/content.js';
import { draftDiagnostics, findingsByRow } from '../../src/ui/wizard/diagnostics.js';
import { type Draft, setField, setListItems } from '../../src/ui/wizard/draft.js';
import { DraftStore } from '../../src/ui/wizard/draft-store.js';
import { outputFiles } from '../../src/ui/wizard/output.js';
import { blankDraft, templateDraft } from '../../src/ui/wizard/start.js';
import { handleKey, initialState, rowsOf, type WizardState } from '../../src/ui/wizard/state.js';
import { stepsOf } from '../../src/ui/wizard/steps.js';
import { editWindow, keyLines, panelLines, previewShown, Wizard } from '../../src/ui/wizard/Wizard.js';
import { tempDir } from '../helpers.js';
import { k, KEY } from './keys.js';
import { waitFor } from './render.js';
import { flat, renderSized, type Sized } from './wizard-sized.js';

const ctx = { catalog: loadCatalog(), templates: loadTemplates() };
beforeAll(() => loadFieldLibs());
let mounted: Sized[] = [];
afterEach(() => {
  for (const r of mounted) r.unmount();
  mounted = [];
});

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
const focusOn = (state: WizardState, rowId: string) => ({
  ...state,
  focus: rowsOf(state, ctx).findIndex((r) => r.id === rowId),
});
const edit = (state: WizardState, rowId: string, text: string) =>
  press(focusOn(state, rowId), KEY.enter, ...Array(200).fill(KEY.backspace), text, KEY.enter).state;
const row = (state: WizardState, id: string) => rowsOf(state, ctx).find((r) => r.id === id);
const envYaml = (d: Draft) => parse(outputFiles(d).files.find((f) => f.path.endsWith('environment.yml'))?.text ?? '');
/** Ctrl-C as Ink reports it: input "c" with ctrl. */
const ctrlC = (state: WizardState) => {
  const r = handleKey(state, 'c', k({ ctrl: true }), draftDiagnostics(state.draft), ctx);
  return { state: r.state, effects: r.effects.map((e) => e.type) };
};

describe('switching "Image from" keeps what each mode had', () => {
  it('catalog → build context → catalog brings the chosen image back, and only the chosen mode is written', () => {
    let state = at(templateDraft('sklearn'), 'image', 'source');
    const chosen = envYaml(state.draft).image;
    expect(chosen).toMatch(/^mcr\.microsoft\.com\/azureml\//);
    state = press(state, KEY.right, KEY.right).state; // → Another image → A build context
    expect(state.draft.meta.imageSource).toBe('build');
    state = edit(state, 'build-path', './docker');
    expect(envYaml(state.draft).image).toBeUndefined();
    state = press(focusOn(state, 'source'), KEY.left, KEY.left).state; // → Another image → Azure ML base image
    expect(state.draft.meta.imageSource).toBe('catalog');
    const image = row(state, 'catalog-image');
    expect(image?.kind === 'choice' && image.value).toBe(chosen);
    expect(draftDiagnostics(state.draft).filter((d) => d.path === 'image')).toEqual([]);
    expect(envYaml(state.draft).image).toBe(chosen);
    expect(envYaml(state.draft).build).toBeUndefined();
    // …and back to the build context: the folder typed there comes back too.
    state = press(state, KEY.right, KEY.right).state;
    const folder = row(state, 'build-path');
    expect(folder?.kind === 'text' && folder.value).toBe('./docker');
    expect(envYaml(state.draft).image).toBeUndefined();
  });

  it('what was kept survives a saved and resumed draft', () => {
    let state = at(templateDraft('sklearn'), 'image', 'source');
    const chosen = envYaml(state.draft).image;
    state = press(state, KEY.right, KEY.right).state;
    const store = new DraftStore(tempDir());
    store.save(state.draft);
    const back = store.load()?.draft;
    expect(back).toBeDefined();
    if (!back) return;
    state = press(at(back, 'image', 'source'), KEY.left, KEY.left).state;
    expect(envYaml(state.draft).image).toBe(chosen);
  });
});

describe('a build context with no folder yet', () => {
  it('is a finding on the Build folder row that says the folder is not set and how to set it', () => {
    const state = press(at(templateDraft('sklearn'), 'image', 'source'), KEY.right, KEY.right).state;
    const errors = draftDiagnostics(state.draft).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.path, d.message])).toEqual([['build.path', 'the build folder is not set yet']]);
    expect(errors[0].hint).toMatch(/Build folder row/);
    expect(errors.map((d) => d.message).join()).not.toMatch(/neither image nor build/);
    const rows = rowsOf(state, ctx);
    const own = findingsByRow(rows, errors);
    expect(rows.filter((_, i) => own[i].length).map((r) => r.id)).toEqual(['build-path']);
  });

  it('a Dockerfile not read yet is a finding on the Dockerfile row; a folder not found is typed from here', () => {
    let state = press(at(templateDraft('sklearn'), 'image', 'source'), KEY.right, KEY.right, KEY.right).state;
    expect(state.draft.meta.imageSource).toBe('dockerfile');
    const errors = draftDiagnostics(state.draft).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.path, d.message])).toEqual([['build', 'no Dockerfile has been read yet']]);
    const rows = rowsOf(state, ctx);
    const own = findingsByRow(rows, errors);
    expect(rows.filter((_, i) => own[i].length).map((r) => r.id)).toEqual(['dockerfile']);
    state = press(focusOn(state, 'source'), KEY.left).state;
    state = edit(state, 'build-path', 'no-such-docker-folder');
    const missing = draftDiagnostics(state.draft).find((d) => d.path === 'build.path');
    expect(missing?.hint).toMatch(/relative to where you run amlenv/);
  });

  it('v1: a Dockerfile not read yet, or no image typed, is told on the row that sets it', () => {
    let state = press(at(templateDraft('sklearn', undefined, 'v1'), 'docker', 'source'), KEY.right, KEY.right).state;
    expect(state.draft.meta.imageSource).toBe('dockerfile');
    const onRows = (s: WizardState) => {
      const rows = rowsOf(s, ctx);
      const own = findingsByRow(
        rows,
        draftDiagnostics(s.draft).filter((d) => d.severity === 'error'),
      );
      return rows.flatMap((r, i) => own[i].map((d) => [r.id, d.message]));
    };
    expect(onRows(state)).toEqual([['dockerfile', 'no Dockerfile has been read yet']]);
    state = press(state, KEY.left).state; // Another image, typed empty
    state = edit(state, 'image', '');
    expect(onRows(state).map(([id]) => id)).toContain('image');
  });

  it('an Azure ML base image with no image chosen still says neither image nor build (the mapping is only for build)', () => {
    const d = setField(blankDraft('out'), 'docker.baseImage', null);
    expect(draftDiagnostics(d).find((x) => x.rule === 'v2/image-or-build')?.message).toMatch(/neither image nor build/);
  });
});

describe('Ctrl-C', () => {
  it('quits at once when nothing was edited, even after moving between steps', () => {
    const state = initialState(templateDraft('sklearn'));
    expect(ctrlC(state).effects).toEqual(['quit']);
    const moved = press(state, KEY.tab, KEY.tab).state;
    expect(moved.step).toBe(2);
    expect(ctrlC(moved).effects).toEqual(['quit']);
  });

  it('asks after an edit, and quits at once again once the files are written', () => {
    const state = edit(at(templateDraft('sklearn'), 'basics'), 'name', 'churn');
    const asked = ctrlC(state);
    expect(asked.effects).toEqual([]);
    expect(asked.state.confirm).toEqual({ kind: 'quit' });
    const written = { ...state, dirty: false, written: true };
    expect(ctrlC(written).effects).toEqual(['quit']);
  });

  it('the prompt says the draft is kept and how to resume it', async () => {
    const r = renderSized(
      <Wizard
        draft={templateDraft('sklearn')}
        ctx={ctx}
        width={80}
        height={24}
        saveDraft={() => ({ saved: true })}
        onExit={() => undefined}
      />,
      80,
      24,
    );
    mounted.push(r);
    await waitFor(r, (f) => f.includes('amlenv wizard'));
    r.stdin.write('\t'); // basics
    await waitFor(r, (f) => f.includes('step 2 of'));
    r.stdin.write('\r');
    r.stdin.write('x');
    r.stdin.write('\r');
    await waitFor(r, (f) => f.includes('sklearnx'));
    r.stdin.write('\u0003');
    await waitFor(r, (f) => flat(f).includes('Quit?'));
    expect(flat(r.lastFrame() ?? '')).toMatch(/draft is kept: run amlenv wizard and choose "Resume the saved draft"/);
  });
});

describe('the ? pane on v2 rows', () => {
  it("shows the v2 key's own doc above the lesson", () => {
    let state = at(templateDraft('sklearn'), 'image', 'source');
    state = press(state, KEY.right, KEY.right).state;
    const lines = panelLines(row(state, 'build-path'), 60, Infinity, 'v2').join('\n');
    expect(lines).toMatch(/build\.path: Local folder or URL of the build context\./);
    expect(lines.indexOf('build.path:')).toBeLessThan(lines.indexOf('Lesson:'));
    const os = panelLines(row(state, 'os'), 60, Infinity, 'v2').join('\n');
    expect(os).toMatch(/os_type: linux \(default\) or windows\./);
    const job = at(templateDraft('sklearn'), 'job');
    expect(panelLines(row(job, 'code'), 60, Infinity, 'v2').join('\n')).toMatch(/code \(job\.yml\)/);
    // v1 rows keep the v1 field doc.
    const v1 = at(templateDraft('sklearn', undefined, 'v1'), 'docker', 'source');
    expect(panelLines(row(v1, 'source'), 60).join('\n')).not.toMatch(/^image:/m);
  });
});

describe('the job step names the code folder as typed', () => {
  // As a user runs it: the files go to a folder under the current one and the code folder is typed as "."; job.yml
  // then says code: .. (nothing is written here).
  const out = 'wizard-test-never-written';
  it('a missing script is reported in the folder the Code folder row shows, not the one job.yml spells', () => {
    let state = at(blankDraft(out), 'job');
    state = edit(state, 'code', '.');
    state = edit(state, 'command', 'python nothere.py');
    const written = parse(outputFiles(state.draft).files.find((f) => f.path.endsWith('job.yml'))?.text ?? '').code;
    expect(written).toBe('..');
    const missing = draftDiagnostics(state.draft).find((d) => d.rule === 'job/script-missing');
    expect(missing?.message).toContain('code folder "."');
    expect(missing?.message).toContain(join(process.cwd(), 'nothere.py'));
    expect(missing?.message).not.toContain('".."');
    expect(missing?.path).toBe('job.command');
  });

  it('a code folder that is not there is named as typed, with a fix that names the row', () => {
    const state = edit(at(blankDraft(out), 'job'), 'code', 'no-such-src');
    const missing = draftDiagnostics(state.draft).find((d) => d.rule === 'job/code-missing');
    expect(missing?.message).toContain('code folder "no-such-src"');
    expect(missing?.hint).toMatch(/Code folder row/);
  });
});

describe('what the screen shows whole', () => {
  it('list items use the label column’s width: a pip entry is not cut while the ? pane is open at 80 columns', async () => {
    const draft = templateDraft('sklearn');
    draft.meta.step = stepsOf(draft).findIndex((s) => s.id === 'python');
    const r = renderSized(
      <Wizard draft={draft} ctx={ctx} width={80} height={30} saveDraft={() => undefined} onExit={() => undefined} />,
      80,
      30,
    );
    mounted.push(r);
    await waitFor(r, (f) => f.includes('Python'));
    r.stdin.write('?');
    await waitFor(r, (f) => f.includes('hide help'));
    expect(r.lastFrame()).toContain('azureml-defaults==1.60.0');
  });

  it('the preview counts no trailing blank line, and shows a last line instead of "… 1 more lines"', () => {
    expect(previewShown('a\nb\nc\n', 3).map((l) => l.text)).toEqual(['a', 'b', 'c']);
    expect(previewShown('a\nb\nc\nd\n', 3).map((l) => l.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(previewShown('a\nb\nc\nd\ne\n', 3).map((l) => l.text)).toEqual(['a', 'b', 'c', '… 2 more lines']);
  });

  it('at 60 columns the preview wraps the image reference instead of cutting its tag', () => {
    const image = 'image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1';
    const rows = previewShown(`name: x\n${image}\n`, 8, 60);
    for (const r of rows) expect(r.text.length + 2).toBeLessThanOrEqual(60);
    expect(rows.map((r) => r.text.trim()).join('')).toBe(`name: x${image}`);
    expect(rows.at(-1)?.text).toMatch(/20250601\.v1$/);
  });
});

describe('narrow screens', () => {
  it('the key bar wraps between keys: no line starts with "·" and no key is split from its label', () => {
    const bar = '↑↓ move · Enter edit · Tab next step · Esc back · ? explain · Ctrl-S write · Ctrl-C quit';
    const lines = keyLines(bar, 60);
    expect(lines).toEqual([
      '↑↓ move · Enter edit · Tab next step · Esc back · ? explain',
      'Ctrl-S write · Ctrl-C quit',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('the ? pane never runs past the rows it has, and keeps the command to read the lesson', () => {
    let state = at(templateDraft('sklearn'), 'image', 'source');
    const lines = panelLines(row(state, 'source'), 19, 13, 'v2');
    expect(lines.length).toBeLessThanOrEqual(13);
    expect(lines.join(' ')).toMatch(/more: amlenv\s+explain\s+v2-environments$/);
    state = at(templateDraft('sklearn'), 'python', 'kind');
    expect(panelLines(row(state, 'kind'), 19, 5, 'v2').length).toBeLessThanOrEqual(5);
  });

  it.each([60, 80, 120])('at %i columns the ? pane on the Image step keeps the title on screen', async (columns) => {
    const draft = templateDraft('sklearn');
    draft.meta.step = stepsOf(draft).findIndex((s) => s.id === 'image');
    const r = renderSized(
      <Wizard
        draft={draft}
        ctx={ctx}
        width={columns}
        height={24}
        saveDraft={() => undefined}
        onExit={() => undefined}
      />,
      columns,
      24,
    );
    mounted.push(r);
    await waitFor(r, (f) => f.includes('Image'));
    r.stdin.write('?');
    await waitFor(r, (f) => f.includes('hide help'));
    const frame = r.lastFrame() ?? '';
    expect(frame.split('\n').length).toBeLessThan(24);
    expect(frame.split('\n')[0]).toMatch(/^amlenv wizard — step 3 of 7: Image/);
    expect(frame).toContain('v2-environments');
  });

  it('the option picker says Enter chooses and Esc cancels', async () => {
    const draft = templateDraft('sklearn');
    const r = renderSized(
      <Wizard draft={draft} ctx={ctx} width={60} height={24} saveDraft={() => undefined} onExit={() => undefined} />,
      60,
      24,
    );
    mounted.push(r);
    await waitFor(r, (f) => f.includes('Target SDK'));
    r.stdin.write('\r');
    await waitFor(r, (f) => f.includes('Choose target sdk'));
    expect(flat(r.lastFrame() ?? '')).toContain('Enter choose · Esc cancel');
  });
});

describe('nothing moves under the keys', () => {
  it.each([60, 80, 120])(
    'at %i columns, moving down the Image and Python rows keeps the key bar in place',
    async (columns) => {
      const draft = templateDraft('sklearn');
      draft.meta.step = stepsOf(draft).findIndex((s) => s.id === 'image');
      const r = renderSized(
        <Wizard
          draft={draft}
          ctx={ctx}
          width={columns}
          height={24}
          saveDraft={() => undefined}
          onExit={() => undefined}
        />,
        columns,
        24,
      );
      mounted.push(r);
      await waitFor(r, (f) => f.includes('Image from'));
      const barAt = () => (r.lastFrame() ?? '').split('\n').findIndex((l) => l.includes('Ctrl-C quit'));
      const seen = new Set<number>([barAt()]);
      for (const _ of [1, 2]) {
        const before = r.lastFrame();
        r.stdin.write('\u001B[B');
        await waitFor(r, (f) => f !== before);
        seen.add(barAt());
      }
      expect([...seen]).toHaveLength(1);
      r.stdin.write('\t');
      await waitFor(r, (f) => f.includes('Packages from'));
      const onPython = new Set<number>([barAt()]);
      for (const _ of [1, 2, 3, 4]) {
        const before = r.lastFrame();
        r.stdin.write('\u001B[B');
        await waitFor(r, (f) => f !== before);
        onPython.add(barAt());
      }
      expect([...onPython]).toHaveLength(1);
    },
  );
});

describe('the review step uses the screen', () => {
  it.each([60, 80, 120])(
    'at %i×24 the preview gets the spare rows and the frame stays shorter than the screen',
    async (columns) => {
      for (const bad of [false, true]) {
        let draft = templateDraft('sklearn');
        if (bad) draft = setListItems(draft, 'env', ['bad-name=1', 'API_KEY=x', '2BAD=y']);
        draft.meta.step = stepsOf(draft).findIndex((s) => s.id === 'review');
        const r = renderSized(
          <Wizard
            draft={draft}
            ctx={ctx}
            width={columns}
            height={24}
            saveDraft={() => undefined}
            onExit={() => undefined}
          />,
          columns,
          24,
        );
        mounted.push(r);
        await waitFor(r, (f) => f.includes('Preview:'));
        const frame = r.lastFrame() ?? '';
        expect(frame.split('\n').length).toBeLessThan(24);
        if (!bad && columns > 60) expect(frame).toContain('conda_file: conda.yml');
      }
    },
  );
});

describe('the v1 review step', () => {
  it.each([60, 80])('at %i×24 shows all its rows (no "1–4 of 5") above the preview', async (columns) => {
    const draft = templateDraft('sklearn', undefined, 'v1');
    draft.meta.step = stepsOf(draft).findIndex((s) => s.id === 'review');
    const r = renderSized(
      <Wizard
        draft={draft}
        ctx={{ ...ctx, dockerAvailable: true }}
        width={columns}
        height={24}
        saveDraft={() => undefined}
        onExit={() => undefined}
      />,
      columns,
      24,
    );
    mounted.push(r);
    await waitFor(r, (f) => f.includes('Preview:'));
    const frame = r.lastFrame() ?? '';
    expect(frame).toContain('Secrets in draft');
    expect(frame).not.toMatch(/1–\d of \d/);
    expect(frame.split('\n').length).toBeLessThan(24);
  });
});

describe('editing a long value', () => {
  it('scrolls the text so the cursor and the end being typed stay on screen', () => {
    const text = '/tmp/project/some/very/long/path/to/a/docker/context/folder';
    const end = editWindow({ text, cursor: text.length }, 20);
    expect(end.text.length).toBeLessThanOrEqual(19);
    expect(end.text.startsWith('…')).toBe(true);
    expect(end.text.endsWith('context/folder')).toBe(true);
    expect(end.cursor).toBe(end.text.length);
    const start = editWindow({ text, cursor: 0 }, 20);
    expect(start).toEqual({ text: text.slice(0, 19), cursor: 0 });
    const middle = editWindow({ text, cursor: 30 }, 20);
    expect(middle.text[middle.cursor]).toBe(text[30]);
    expect(editWindow({ text: 'short', cursor: 5 }, 20)).toEqual({ text: 'short', cursor: 5 });
  });

  it('at 60 columns the Build folder being typed shows its end, not a cut', async () => {
    const draft = templateDraft('sklearn');
    draft.meta.step = stepsOf(draft).findIndex((s) => s.id === 'image');
    const r = renderSized(
      <Wizard draft={draft} ctx={ctx} width={60} height={24} saveDraft={() => undefined} onExit={() => undefined} />,
      60,
      24,
    );
    mounted.push(r);
    await waitFor(r, (f) => f.includes('Image from'));
    r.stdin.write('\u001B[C'); // Another image
    await waitFor(r, (f) => f.includes('Another image'));
    r.stdin.write('\u001B[B');
    r.stdin.write('\r');
    await waitFor(r, (f) => f.includes('Enter done'));
    for (const ch of '\u0015registry.example.com/team/project/images/base-with-tools:2026.12.02') r.stdin.write(ch);
    await waitFor(r, (f) => f.includes('2026.12.02'));
    const line = (r.lastFrame() ?? '').split('\n').find((l) => l.includes('2026.12.02')) ?? '';
    expect(line.length).toBeLessThanOrEqual(60);
    expect(line).toContain('…');
  });
});

describe('the ? pane at narrow widths', () => {
  it('the lesson command shows whole under the rows (a lesson id can be wider than the pane), and no title is cut', async () => {
    const draft = templateDraft('sklearn');
    draft.meta.step = stepsOf(draft).findIndex((s) => s.id === 'job');
    const r = renderSized(
      <Wizard draft={draft} ctx={ctx} width={80} height={24} saveDraft={() => undefined} onExit={() => undefined} />,
      80,
      24,
    );
    mounted.push(r);
    await waitFor(r, (f) => f.includes('Job command'));
    r.stdin.write('?');
    await waitFor(r, (f) => f.includes('hide help'));
    const frame = r.lastFrame() ?? '';
    expect(frame).toMatch(/more on this: amlenv explain environments-in-jobs-and-components/);
    expect(frame.split('\n').length).toBeLessThan(24);
  });

  it('drops the lesson title rather than cut it', () => {
    const v1 = at(templateDraft('sklearn', undefined, 'v1'), 'docker', 'password');
    const lines = panelLines(row(v1, 'password'), 21, 10, 'v1', false);
    const title = loadLessons().find((l) => l.id === 'dockerfiles-and-registries')?.title ?? '';
    expect(title.length).toBeGreaterThan(21); // wraps in a pane this narrow
    const joined = lines.join(' ').replace(/\s+/g, ' ');
    if (joined.includes('Lesson:')) expect(joined).toContain(`Lesson: ${title}`);
    expect(lines.length).toBeLessThanOrEqual(10);
    // With room for only part of the title, it is left out.
    const tight = panelLines(row(v1, 'password'), 21, 7, 'v1', false).join(' ').replace(/\s+/g, ' ');
    expect(tight.includes('Lesson:') ? tight.includes(`Lesson: ${title}`) : true).toBe(true);
  });
});
