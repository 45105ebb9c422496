import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { ReplSession } from '../../src/repl/session.js';
import { HistoryStore } from '../../src/ui/repl/history-store.js';
import { ReplApp } from '../../src/ui/repl/ReplApp.js';
import { ROOT, tempDir, TODAY } from '../helpers.js';
import { delay, SEQ } from '../ui/keys.js';
import { mount, send, type, waitFor, type Rendered } from '../ui/render.js';

afterEach(() => cleanup());

function app(history: string[] = [], onHistory?: (entry: string) => string | undefined) {
  const cwd = tempDir();
  cpSync(join(ROOT, 'test', 'repl', 'transcripts', '_inputs'), cwd, { recursive: true });
  const session = new ReplSession({ cwd, track: true, today: TODAY });
  const recorded: string[] = [];
  let exited = 0;
  const tree = (
    <ReplApp
      session={session}
      history={history}
      onHistory={(e) => {
        recorded.push(e);
        return onHistory?.(e);
      }}
      onExit={() => exited++}
    />
  );
  return { tree, session, recorded, exits: () => exited };
}

/** Enters a statement (written in one piece, as a paste), presses Enter and waits until its output is on screen. */
async function statement(r: Rendered, text: string, until: string | RegExp): Promise<string> {
  await send(r, text);
  await send(r, SEQ.enter);
  return waitFor(r, (f) => (typeof until === 'string' ? f.includes(until) : until.test(f)));
}

describe('the REPL prompt (ink-testing-library)', () => {
  it('runs statements and shows the definition diff and new diagnostics after each', async () => {
    const a = app();
    const r = await mount(a.tree);
    expect(r.lastFrame()).toContain('amlenv repl');
    await statement(r, 'from azureml.core import Environment', '>>> from azureml.core import Environment');
    let frame = await statement(r, 'env = Environment("demo")', '→ new Environment "demo" (SDK v1)');
    expect(frame).toContain('[docker/deprecated-image]');
    frame = await statement(
      r,
      'env.python.user_managed_dependencies = True',
      '~ python.userManagedDependencies: false → true',
    );
    expect(frame).toContain('[python/conda-ignored]');
    expect(a.recorded).toEqual([
      'from azureml.core import Environment',
      'env = Environment("demo")',
      'env.python.user_managed_dependencies = True',
    ]);
  });

  it('puts a caret under the column of an error and keeps going', async () => {
    const a = app();
    const r = await mount(a.tree);
    await statement(r, 'from azureml.core import Environment', '>>> from azureml.core import Environment');
    await statement(r, 'env = Environment("demo")', 'new Environment');
    const frame = await statement(
      r,
      'env.pythn',
      "AttributeError: 'Environment' object has no attribute 'pythn'. Did you mean: 'python'?",
    );
    const lines = frame.split('\n');
    const input = lines.findIndex((l) => l.startsWith('>>> env.pythn'));
    expect(lines[input + 1]).toBe('        ^^^^^');
    await statement(r, 'env.name', "'demo'");
  });

  it('completes with Tab: one candidate is inserted, several are listed', async () => {
    const a = app();
    const r = await mount(a.tree);
    await statement(r, 'from azureml.core import Environment', '>>> from azureml.core import Environment');
    await statement(r, 'env = Environment("demo")', 'new Environment');
    await type(r, 'env.pyth');
    let frame = await send(r, SEQ.tab);
    expect(frame).toMatch(/>>> env\.python\s*$/m);
    await type(r, '.user');
    await send(r, SEQ.tab);
    frame = await send(r, SEQ.enter);
    frame = await waitFor(r, (f) => f.includes('>>> env.python.user_managed_dependencies\nFalse'));
    await type(r, 'env.docker.base_');
    frame = await send(r, SEQ.tab);
    expect(frame).toContain('base_dockerfile  base_image  base_image_registry');
  });

  it('a long line being typed, and a long open line above it, wrap under the prompt instead of at the left edge', async () => {
    const a = app();
    const r = await mount(a.tree);
    const long = `x = print("${'wd '.repeat(33).trim()}",`;
    await delay(100);
    await type(r, long);
    await waitFor(r, (f) => f.includes('wd wd'));
    let rows = r.lastFrame()!.split('\n');
    const first = rows.findIndex((l) => l.startsWith('>>> x = print('));
    // The line as typed, cut into rows under the prompt: the rows read back give it whole.
    expect(rows[first + 1].startsWith('    ')).toBe(true);
    expect(
      rows
        .slice(first, first + 2)
        .map((l) => l.slice(4))
        .join('')
        .replace(/\s/g, ''),
    ).toBe(long.replace(/\s/g, ''));
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(100);
    await send(r, SEQ.enter);
    const frame = await waitFor(r, (f) => f.split('\n').some((l) => l.startsWith('...')));
    rows = frame.split('\n');
    const open = rows.findIndex((l) => l.startsWith('>>> x = print('));
    expect(rows[open + 1]).toMatch(/^ {4}\S/);
    expect(rows.slice(open, open + 2).join('')).not.toContain('…');
  }, 45000);

  it('walks the history with ↑ and ↓, starting from the statements of earlier runs', async () => {
    const a = app(['from azureml.core import Environment']);
    const r = await mount(a.tree);
    let frame = await send(r, SEQ.up);
    expect(frame).toMatch(/>>> from azureml\.core import Environment/);
    await send(r, SEQ.enter);
    await waitFor(r, (f) => f.split('>>> from azureml.core import Environment').length === 2 && !f.includes('running'));
    await statement(r, 'env = Environment("h")', 'new Environment');
    await send(r, SEQ.up, SEQ.up);
    frame = r.lastFrame() ?? '';
    expect(frame.trimEnd().split('\n').at(-2)).toMatch(/^>>> from azureml\.core import Environment/);
    frame = await send(r, SEQ.down);
    expect(frame.trimEnd().split('\n').at(-2)).toMatch(/^>>> env = Environment\("h"\)/);
  });

  it('continues an open bracket on the next line with a ... prompt', async () => {
    const a = app();
    const r = await mount(a.tree);
    await statement(
      r,
      'from azureml.core.conda_dependencies import CondaDependencies',
      '>>> from azureml.core.conda_dependencies',
    );
    await type(r, 'cd = CondaDependencies.create(');
    let frame = await send(r, SEQ.enter);
    frame = await waitFor(r, (f) => /^\.\.\.\s*$/m.test(f));
    await type(r, 'python_version="3.11")');
    await send(r, SEQ.enter);
    frame = await statement(r, 'cd.get_python_version()', "'3.11'");
    expect(frame).toContain('... python_version="3.11")');
  });

  it('Ctrl-C clears a line, and on an empty line leaves; :quit leaves too', async () => {
    const a = app();
    const r = await mount(a.tree);
    await type(r, 'abc');
    await send(r, SEQ.ctrlC);
    expect(a.exits()).toBe(0);
    expect(r.lastFrame()).not.toContain('>>> abc');
    await send(r, SEQ.ctrlC);
    expect(a.exits()).toBe(1);

    const b = app();
    const r2 = await mount(b.tree);
    await type(r2, ':quit');
    await send(r2, SEQ.enter);
    await waitFor(r2, () => b.exits() === 1);
  });
});

describe('history store', () => {
  it('keeps statements across runs, skips a repeat of the last one, and caps the list', () => {
    const dir = tempDir();
    const first = new HistoryStore(dir);
    first.add('a');
    first.add('a');
    first.add('b');
    expect(new HistoryStore(dir).entries()).toEqual(['a', 'b']);
    const many = new HistoryStore(dir);
    for (let i = 0; i < 520; i++) many.add(`s${i}`);
    const kept = new HistoryStore(dir).entries();
    expect(kept).toHaveLength(500);
    expect(kept.at(-1)).toBe('s519');
  });
});

describe('a history that cannot be saved', () => {
  it('says so once, the first time a write fails, and the session keeps its history in memory', () => {
    const home = join(tempDir(), 'home');
    const store = new HistoryStore(home);
    writeFileSync(home, 'a file where the settings folder should be');
    expect(store.add('a')).toMatch(
      /^the REPL history is not being saved \(.*is a file, not a folder.*\); this session keeps it in memory only$/,
    );
    expect(store.add('b')).toBeUndefined();
    expect(store.entries()).toEqual(['a', 'b']);
  });

  it('shows the warning under the statement in the prompt', async () => {
    let calls = 0;
    const a = app([], () => (++calls === 1 ? 'the REPL history is not being saved (disk full)' : undefined));
    const r = await mount(a.tree);
    let frame = await statement(r, 'x = 1', 'the REPL history is not being saved (disk full)');
    frame = await statement(r, 'y = 2', '>>> y = 2');
    expect(frame.split('the REPL history is not being saved').length - 1).toBe(1);
  });
});
