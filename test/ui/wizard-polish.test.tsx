// What a new user tripped on in the wizard (issue 15): cut findings and footers, stale layout after a
// resize, findings on the wrong row, key bursts, the help pane, the review step, drafts and the start list.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog.js';
import { loadTemplates } from '../../src/content/templates.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { App } from '../../src/ui/App.js';
import { helpBar } from '../../src/ui/keys.js';
import { buffer, editBuffer } from '../../src/ui/text-buffer.js';
import { draftDiagnostics } from '../../src/ui/wizard/diagnostics.js';
import { type Draft, setField, setListItems, listItems } from '../../src/ui/wizard/draft.js';
import { StartPicker } from '../../src/ui/wizard/StartPicker.js';
import { templateDraft } from '../../src/ui/wizard/start.js';
import { STEPS } from '../../src/ui/wizard/steps.js';
import { panelLines, Wizard } from '../../src/ui/wizard/Wizard.js';
import { tempDir } from '../helpers.js';
import { KEY, SEQ } from './keys.js';
import { send, type, waitFor } from './render.js';
import { flat, renderSized, type Sized } from './wizard-sized.js';

beforeAll(() => loadFieldLibs());
const PGDN = '\u001B[6~';
const ctx = { catalog: loadCatalog(), templates: loadTemplates() };
const stepIndex = (id: string) => STEPS.findIndex((s) => s.id === id);
let mounted: Sized[] = [];
afterEach(() => {
  for (const r of mounted) r.unmount();
  mounted = [];
});

async function wizard(draft: Draft, columns: number, rows = 24, props: Partial<Parameters<typeof Wizard>[0]> = {}) {
  const r = renderSized(
    <Wizard
      draft={draft}
      ctx={ctx}
      width={columns}
      height={rows}
      saveDraft={() => undefined}
      onExit={() => undefined}
      {...props}
    />,
    columns,
    rows,
  );
  mounted.push(r);
  await waitFor(r, (f) => f.includes('amlenv wizard'));
  return r;
}

/** The sklearn template with one more pip entry, at the python step. */
function withBadPip(): Draft {
  const d = templateDraft('sklearn', undefined, 'v1');
  const draft = setListItems(d, 'pip', [...listItems(d.env, 'pip'), 'numpy=1.2']);
  draft.meta.step = stepIndex('python');
  return draft;
}

describe.each([60, 80, 120])('at %i columns', (columns) => {
  it('the focused pip finding shows its whole message and fix, and the footer every key', async () => {
    const draft = withBadPip();
    const found = draftDiagnostics(draft).find((d) => d.path.endsWith('.pip[3]'))!;
    expect(found).toBeDefined();
    const r = await wizard(draft, columns);
    // PgDn to the end (the pip "+ add" row), then up onto the new entry
    const frame = flat(await send(r, PGDN, PGDN, PGDN, SEQ.up));
    expect(frame).toContain('▸ numpy=1.2 ✗');
    expect(frame).toContain(flat(`✗ ${found.message}`));
    expect(frame).toContain(flat(`fix: ${found.hint} [${found.rule}]`));
    // Every key with what it does, whole (the bar wraps between keys).
    const bar = helpBar(['select', 'remove', 'moveUp', 'add', 'nextStep', 'help', 'quit'], {
      select: 'edit',
      help: 'explain',
    });
    for (const part of bar.split(' · ')) expect(frame).toContain(flat(part));
    for (const line of (r.lastFrame() ?? '').split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
    expect(r.lastFrame()).not.toContain('…');
  });

  it('a bad variable name shows its whole message and fix', async () => {
    const d = templateDraft('sklearn', undefined, 'v1');
    d.meta.step = stepIndex('variables');
    const r = await wizard(d, columns);
    await send(r, PGDN, SEQ.enter);
    await type(r, '1BAD-NAME=x');
    const frame = flat(await send(r, SEQ.enter, SEQ.up));
    const found = draftDiagnostics(
      setField(d, 'environmentVariables', { MODEL_DIR: './outputs', '1BAD-NAME': 'x' }),
    ).find((x) => x.rule === 'env/invalid-name')!;
    expect(frame).toContain(flat(`✗ ${found.message}`));
    expect(frame).toContain(flat(`fix: ${found.hint}`));
    expect(frame).toContain('Ctrl-C quit');
  });
});

describe('rows and findings', () => {
  it('a bad pip entry marks its own row, not the Python version row', async () => {
    const r = await wizard(withBadPip(), 100, 60);
    const lines = (r.lastFrame() ?? '').split('\n');
    expect(lines.find((l) => l.includes('Python version'))).not.toContain('✗');
    expect(lines.find((l) => l.includes('numpy=1.2 '))).toContain('✗');
  });

  it('shmSize "2 gigs" is an error on the Shared memory row as typed; 512m is fine', async () => {
    const d = templateDraft('sklearn', undefined, 'v1');
    d.meta.step = stepIndex('docker');
    const r = await wizard(d, 100, 30);
    await send(r, PGDN, PGDN, SEQ.enter, SEQ.backspace, SEQ.backspace);
    await type(r, '2 gigs');
    let frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/Shared memory\s+2 gigs ✗/);
    expect(flat(frame)).toContain('is not a Docker size');
    await send(r, SEQ.enter, ...Array(6).fill(SEQ.backspace));
    await type(r, '512m');
    frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/Shared memory\s+512m(?! ✗)/);
  });
});

describe('editing', () => {
  it('five Backspaces arriving in one read erase five characters', async () => {
    const d = templateDraft('sklearn', undefined, 'v1');
    d.meta.step = stepIndex('basics');
    const r = await wizard(d, 80);
    await send(r, SEQ.enter, '\x7f\x7f\x7f\x7f\x7f');
    await send(r, 'X', SEQ.enter);
    expect(r.lastFrame()).toMatch(/Name\s+skX\b/);
  });

  it('a pasted chunk is inserted whole, and a chunk that mixes text and Backspaces applies each key', () => {
    expect(editBuffer(buffer('ab'), 'numpy==1.26.4', KEY.none)).toEqual({ text: 'abnumpy==1.26.4', cursor: 15 });
    expect(editBuffer(buffer('abc'), 'x\x7f\x7fyz', KEY.none)).toEqual({ text: 'abyz', cursor: 4 });
    expect(editBuffer(buffer('a'), '\x7f\x7f\x7f', KEY.none)).toEqual({ text: '', cursor: 0 });
  });
});

describe('the ? help pane', () => {
  it('renders the lesson markdown and keeps every bullet whole', () => {
    const d = templateDraft('sklearn', undefined, 'v1');
    const row = STEPS[stepIndex('python')].rows(d, ctx).find((x) => x.id === 'python-version')!;
    const lines = panelLines(row, 31, 40);
    expect(lines.join('\n')).not.toMatch(/\*\*|`/);
    for (const line of lines) expect(line.replace(/\u001b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(31);
    // A bullet's last line ends a sentence: nothing is cut off mid-way.
    const body = lines.slice(
      0,
      lines.findIndex((l) => l.startsWith('more:')),
    );
    const bullets = body
      .join('\n')
      .split(/\n(?=\s*• )/)
      .filter((b) => b.trim().startsWith('• '));
    expect(bullets.length).toBeGreaterThan(0);
    for (const b of bullets)
      expect(
        b
          .split('\n')
          .filter((l) => l.trim())
          .at(-1),
      ).toMatch(/[.)!?:"']$/);
    expect(lines.slice(body.length).join(' ')).toBe('more: amlenv explain conda-and-pip');
  });
});

describe('the review step', () => {
  const atReview = () => {
    const d = templateDraft('sklearn', undefined, 'v1');
    d.meta.step = stepIndex('review');
    return d;
  };

  it('buttons are not preceded by their own label', async () => {
    const r = await wizard(atReview(), 80, 40);
    expect(r.lastFrame()).toContain('[ Write files (Ctrl-S) ]');
    expect(r.lastFrame()).not.toContain('Write files (Ctrl-S)[');
  });

  it('"Write to" follows a rename; a folder form never gets a .json folder', () => {
    const d = templateDraft('sklearn', undefined, 'v1');
    expect(d.meta.outPath).toBe('sklearn.json');
    const [nameRow] = STEPS[stepIndex('basics')].rows(d, ctx);
    const renamed = nameRow.kind === 'text' ? nameRow.apply(d, 'churn') : d;
    expect(renamed.meta.outPath).toBe('churn.json');
    const output = STEPS[stepIndex('review')].rows(renamed, ctx).find((x) => x.id === 'output')!;
    expect(output.kind === 'choice' && output.apply(renamed, 'v1-dir').meta.outPath).toBe('churn');
    const typed = { ...renamed, meta: { ...renamed.meta, outPath: 'models/mine.json' } };
    expect(output.kind === 'choice' && output.apply(typed, 'v2').meta.outPath).toBe('models/mine');
    // a typed path is the user's: a rename leaves it alone
    expect(nameRow.kind === 'text' && nameRow.apply(typed, 'other').meta.outPath).toBe('models/mine.json');
  });

  it('the review step is announced at once, and the Docker row shows when Docker answers, without a keypress', async () => {
    const steps: number[] = [];
    const d = atReview();
    const r = await wizard(d, 80, 40, { onStep: (s) => steps.push(s) });
    await waitFor(r, () => steps.includes(stepIndex('review')));
    expect(r.lastFrame()).not.toContain('Build and check with Docker');
    r.rerender(
      <Wizard
        draft={d}
        ctx={{ ...ctx, dockerAvailable: true }}
        width={80}
        height={40}
        saveDraft={() => undefined}
        onExit={() => undefined}
      />,
    );
    await waitFor(r, (f) => f.includes('[ Build and check with Docker ]'));
  });
});

describe('drafts and the start list', () => {
  it('moving between steps saves nothing; an edit saves, and later step changes too', async () => {
    const saved: Array<Draft | null> = [];
    const d = templateDraft('sklearn', undefined, 'v1');
    d.meta.step = stepIndex('basics');
    const r = await wizard(d, 80, 24, { saveDraft: (x) => void saved.push(x) });
    await send(r, SEQ.tab, SEQ.tab, SEQ.shiftTab);
    expect(saved).toHaveLength(0);
    await send(r, SEQ.shiftTab, SEQ.enter, 'x', SEQ.enter);
    expect(saved.length).toBe(1);
    await send(r, SEQ.tab);
    expect(saved.length).toBe(2);
  });

  it('"Resume the saved draft" comes last and has the focus; the other choices keep their places', async () => {
    const templates = loadTemplates();
    const picker = (resume?: { draft: Draft; savedAt: string }) =>
      renderSized(
        <StartPicker
          resume={resume}
          templates={templates}
          catalog={ctx.catalog}
          width={120}
          height={40}
          onStart={() => undefined}
          onCancel={() => undefined}
        />,
        120,
        40,
      );
    const plain = picker();
    const withResume = picker({ draft: templateDraft('sklearn', undefined, 'v1'), savedAt: '2026-01-01T10:00:00Z' });
    mounted.push(plain, withResume);
    const a = await waitFor(plain, (f) => f.includes('Blank environment'));
    const b = await waitFor(withResume, (f) => f.includes('Resume the saved draft'));
    const choices = (f: string) =>
      f
        .split('\n')
        .map((l) => l.slice(2, 40).trim())
        .filter((l) => /^(Blank|Template:|Copy of|Open an|Resume)/.test(l));
    expect(choices(b).slice(0, -1)).toEqual(choices(a));
    expect(b.split('\n').find((l) => l.startsWith('▸'))).toContain('Resume the saved draft: sklearn');
  });
});

describe('resizing', () => {
  it('the wizard lays out again when the terminal grows from 80 to 160 columns', async () => {
    const d = templateDraft('sklearn', undefined, 'v1');
    d.meta.step = stepIndex('python');
    const r = renderSized(<App initial={{ id: 'wizard', draft: d }} storeDir={tempDir()} standalone />, 80, 24);
    mounted.push(r);
    const intro = STEPS[stepIndex('python')].intro;
    const narrow = await waitFor(r, (f) => f.includes('step 3 of 7'));
    expect(narrow.split('\n').some((l) => l.includes(intro))).toBe(false); // wrapped at 80
    r.resize(160);
    const wide = await waitFor(r, (f) => f.split('\n').some((l) => l.includes(intro)));
    expect(wide.split('\n').some((l) => l.length > 80)).toBe(true);
  });
});

describe('the same kind of cut text elsewhere', () => {
  it('home at 60 columns: the focused entry is told in full below the list', async () => {
    const { Home } = await import('../../src/ui/home/Home.js');
    const { HOME_ENTRIES } = await import('../../src/ui/home-entries.js');
    const longest = HOME_ENTRIES.reduce((a, b) => (b.summary.length > a.summary.length ? b : a));
    const r = renderSized(
      <Home
        entries={HOME_ENTRIES}
        initial={longest.id}
        width={60}
        onChoose={() => undefined}
        onQuit={() => undefined}
      />,
      60,
      24,
    );
    mounted.push(r);
    const frame = await waitFor(r, (f) => f.includes('amlenv'));
    expect(flat(frame)).toContain(flat(`${longest.label}: ${longest.summary}`));
    expect(frame).toContain('Ctrl-C quit');
  });

  it("start list at 60 columns: the focused choice's note is shown whole", async () => {
    const templates = loadTemplates();
    const r = renderSized(
      <StartPicker
        templates={templates}
        catalog={ctx.catalog}
        width={60}
        height={24}
        onStart={() => undefined}
        onCancel={() => undefined}
      />,
      60,
      24,
    );
    mounted.push(r);
    await waitFor(r, (f) => f.includes('Blank environment'));
    const frame = await send(r, SEQ.down);
    expect(flat(frame)).toContain(flat(templates[0].description));
  });

  it('a list-level finding is told in full while the focus is in that list', async () => {
    const d = templateDraft('sklearn', undefined, 'v1');
    // pip packages listed, but pip itself missing from the conda dependencies
    const draft = setListItems(
      d,
      'conda',
      listItems(d.env, 'conda').filter((x) => !x.startsWith('pip')),
    );
    draft.meta.step = stepIndex('python');
    const found = draftDiagnostics(draft).find((x) => x.path.endsWith('.pip') || x.rule.includes('pip-without'));
    expect(found).toBeDefined();
    const r = await wizard(draft, 80, 24);
    const frame = flat(await send(r, PGDN, PGDN, PGDN));
    expect(frame).toContain(flat(found!.message));
  });
});
