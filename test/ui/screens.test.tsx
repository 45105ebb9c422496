import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog.js';
import { loadTemplates } from '../../src/content/templates.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { HOME_ENTRIES } from '../../src/ui/home-entries.js';
import { Home } from '../../src/ui/home/Home.js';
import type { Diagnostic } from '../../src/env/types.js';
import { findingFile, ValidateScreen } from '../../src/ui/validate/ValidateScreen.js';
import type { Draft } from '../../src/ui/wizard/draft.js';
import { templateDraft } from '../../src/ui/wizard/start.js';
import { StartPicker } from '../../src/ui/wizard/StartPicker.js';
import { FIXTURES } from '../helpers.js';
import { SEQ } from './keys.js';
import { mount, send, type, waitFor } from './render.js';
import { completions, commonPrefix } from '../../src/ui/components/PathPrompt.js';

beforeAll(() => loadFieldLibs());

describe('home screen', () => {
  it('keys that arrive in one read act in order: Down then Enter in one chunk opens the entry below', async () => {
    const chosen: string[] = [];
    const r = await mount(<Home entries={HOME_ENTRIES} onChoose={(id) => chosen.push(id)} onQuit={() => undefined} />);
    r.stdin.write(SEQ.down + SEQ.enter);
    await waitFor(r, () => chosen.length > 0);
    expect(chosen).toEqual([HOME_ENTRIES[1].id]);
  });

  it('lists every entry; unavailable ones say why instead of doing nothing', async () => {
    const chosen: string[] = [];
    // Learn is built now; mark it unavailable here to test how an unavailable entry behaves.
    const entries = HOME_ENTRIES.map((e) =>
      e.id === 'learn' ? { ...e, disabled: 'the lesson browser is not built yet' } : e,
    );
    const r = await mount(<Home entries={entries} onChoose={(id) => chosen.push(id)} onQuit={() => undefined} />);
    let frame = r.lastFrame()!;
    for (const label of ['Learn', 'Build an environment', 'Quiz', 'REPL', 'Validate a file', 'Build & run', 'Progress'])
      expect(frame).toContain(label);
    expect(frame).toMatch(/↑↓ move · Enter open · Ctrl-C quit/);
    frame = await send(r, SEQ.up, SEQ.enter);
    expect(frame).toMatch(/Learn: the lesson browser is not built yet/);
    expect(chosen).toEqual([]);
    await send(r, SEQ.down, SEQ.enter);
    expect(chosen).toEqual(['wizard']);
  });
});

describe('wizard start', () => {
  const props = {
    templates: loadTemplates(),
    catalog: loadCatalog(),
    width: 80,
    height: 24,
    onCancel: () => undefined,
  };

  it('keys that arrive in one read act in order: Down, Down, Enter in one chunk starts the second template', async () => {
    const started: Draft[] = [];
    const r = await mount(<StartPicker {...props} onStart={(d) => started.push(d)} />);
    r.stdin.write(SEQ.down + SEQ.down + SEQ.enter);
    await waitFor(r, () => started.length > 0);
    expect(started[0].env.name).toBe('sklearn');
  });

  it('starts from a template', async () => {
    const started: Draft[] = [];
    const r = await mount(<StartPicker {...props} onStart={(d) => started.push(d)} />);
    await send(r, SEQ.down, SEQ.down, SEQ.enter);
    expect(started[0].env.name).toBe('sklearn');
  });

  it('offers to resume a saved draft first', async () => {
    const draft = templateDraft('spark');
    draft.env.name = 'half-done';
    const started: Draft[] = [];
    const r = await mount(
      <StartPicker
        {...props}
        resume={{ draft, savedAt: '2026-11-26T10:00:00.000Z' }}
        onStart={(d) => started.push(d)}
      />,
    );
    expect(r.lastFrame()).toMatch(/▸ Resume the saved draft: half-done/);
    await send(r, SEQ.enter);
    expect(started[0].env.name).toBe('half-done');
  });

  it('copies a curated environment under a new name', async () => {
    const started: Draft[] = [];
    const r = await mount(<StartPicker {...props} onStart={(d) => started.push(d)} />);
    const items = 1 + loadTemplates().length;
    await send(r, ...Array(items).fill(SEQ.down), SEQ.enter);
    await waitFor(r, (f) => /copy which curated/.test(f));
    await send(r, SEQ.enter);
    expect(String(started[0].env.name)).toMatch(/-copy$/);
  });

  it('opens an existing file and reports a bad path in one line', async () => {
    const started: Draft[] = [];
    const r = await mount(<StartPicker {...props} onStart={(d) => started.push(d)} />);
    await send(r, SEQ.up, SEQ.enter);
    await waitFor(r, (f) => /File or folder:/.test(f));
    await type(r, 'no/such.json');
    let frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/no such file or folder/);
    await send(r, ...Array(12).fill(SEQ.backspace));
    await type(r, join(FIXTURES, 'valid', 'v2', 'environment.yml'));
    frame = await send(r, SEQ.enter);
    expect(started[0].env.name).toBe('sklearn-v2');
  });
});

describe('validate screen', () => {
  it('checks a file, groups findings by section and explains one with its lesson', async () => {
    const r = await mount(<ValidateScreen width={80} height={24} onBack={() => undefined} />);
    await type(r, join(FIXTURES, 'invalid', 'env-secret-like.json'));
    let frame = await send(r, SEQ.enter);
    frame = await waitFor(r, (f) => /invalid|valid/.test(f) && /Environment variables/.test(f));
    expect(frame).toMatch(/DB_PASSWORD looks like a secret/);
    frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/env\/secret-like/);
    frame = await waitFor(r, (f) => /Lesson: Environment variables/i.test(f) || /lines 1–/.test(f));
    expect(frame).toMatch(/WARNING env\/secret-like at environmentVariables\.DB_PASSWORD/);
  });

  it('a path pasted with its Enter in one read is checked (the Enter sees the whole path)', async () => {
    const r = await mount(<ValidateScreen width={80} height={24} onBack={() => undefined} />);
    r.stdin.write(`${join(FIXTURES, 'invalid', 'env-secret-like.json')}\r`);
    expect(await waitFor(r, (f) => /DB_PASSWORD looks like a secret/.test(f))).toMatch(/Environment variables/);
  });

  it('a path and Enter written back to back (before a redraw) are checked, not lost', async () => {
    const r = await mount(<ValidateScreen width={80} height={24} onBack={() => undefined} />);
    r.stdin.write(join(FIXTURES, 'invalid', 'env-secret-like.json'));
    r.stdin.write(SEQ.enter);
    expect(await waitFor(r, (f) => /DB_PASSWORD looks like a secret/.test(f))).toMatch(/Environment variables/);
  });

  it('a command job is read whole: its variables and resources are checked, not only its environment', async () => {
    const r = await mount(<ValidateScreen width={80} height={24} onBack={() => undefined} />);
    await type(r, join(FIXTURES, 'invalid', 'job-shm-size.yml'));
    await send(r, SEQ.enter);
    expect(await waitFor(r, (f) => /\(v2-job\)/.test(f))).toMatch(/shm_size/);
  });

  it('Down then Enter in one read opens the finding below, as the two keys one at a time do', async () => {
    const r = await mount(<ValidateScreen width={80} height={24} onBack={() => undefined} />);
    await type(r, join(FIXTURES, 'invalid', 'v2-type.yml'));
    await send(r, SEQ.enter);
    await waitFor(r, (f) => /invalid — 3 errors/.test(f));
    const title = (f: string) => f.split('\n')[0].trim();
    await send(r, SEQ.down);
    const second = title(await send(r, SEQ.enter));
    expect(second).toMatch(/^v2\//);
    await send(r, SEQ.esc, SEQ.up);
    const first = title(await send(r, SEQ.enter));
    expect(first).not.toBe(second);
    await send(r, SEQ.esc);
    r.stdin.write(SEQ.down + SEQ.enter);
    expect(title(await waitFor(r, (f) => /^v2\//.test(f.trim())))).toBe(second);
  });

  it('names the file of a finding in another file (the conda file beside a v2 YAML), relative to its folder', async () => {
    const r = await mount(<ValidateScreen width={100} height={24} onBack={() => undefined} />);
    await type(r, join(FIXTURES, 'invalid', 'v2-file-prefix.yml'));
    await send(r, SEQ.enter);
    let frame = await waitFor(r, (f) => /1 warning, 1 info/.test(f));
    expect(frame).toMatch(/ v2-file-prefix-conda\.yml:6:5 dependencies\[1\] conda package "pip" has no version/);
    // the finding in the validated file itself keeps its field and line
    expect(frame).toMatch(/ conda_file:3 the "file:" prefix/);
    await send(r, SEQ.down);
    frame = await send(r, SEQ.enter);
    frame = await waitFor(r, (f) => /INFO deps\/unpinned/.test(f));
    expect(frame).toMatch(/INFO deps\/unpinned in v2-file-prefix-conda\.yml at dependencies\[1\] \(line 6, column 5\)/);
  });

  it('escapes a file name from the definition before it reaches the terminal', async () => {
    const { writeFileSync } = await import('node:fs');
    const { tempDir } = await import('../helpers.js');
    const dir = tempDir();
    writeFileSync(join(dir, 'con\u0007da.yml'), 'name: x\ndependencies:\n  - python=3.10\n  - numpy\n');
    writeFileSync(
      join(dir, 'env.yml'),
      'name: x\nversion: "1"\nimage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240101.v1\nconda_file: "con\\ada.yml"\n',
    );
    const r = await mount(<ValidateScreen width={100} height={24} onBack={() => undefined} />);
    await type(r, join(dir, 'env.yml'));
    await send(r, SEQ.enter);
    const frame = await waitFor(r, (f) => /numpy/.test(f));
    expect(frame).toMatch(/con\\x07da\.yml:4:5 dependencies\[1\] conda package "numpy"/);
    expect(frame).not.toMatch(/\u0007/);
  });

  it('names the file inside a v1 folder a finding is in, from that folder', () => {
    const dir = join(FIXTURES, 'valid', 'v1-dir-dockerfile');
    const main = join(dir, 'azureml_environment.json');
    const at: Diagnostic = { rule: 'x', severity: 'info', path: 'p', message: 'm', hint: 'h' };
    // a position without a file is in the folder's main file; a file named is shown from the folder
    expect(findingFile({ ...at, line: 2, column: 1 }, dir, main)).toBe('azureml_environment.json');
    expect(findingFile({ ...at, file: join(dir, 'BaseDockerfile'), line: 1, column: 1 }, dir, main)).toBe(
      'BaseDockerfile',
    );
    // the main file validated by its own path: its findings need no file name
    expect(findingFile({ ...at, line: 2, column: 1 }, main, main)).toBeUndefined();
    expect(findingFile({ ...at, file: join(dir, 'conda_dependencies.yml') }, main, main)).toBe(
      'conda_dependencies.yml',
    );
  });

  it('completes paths with Tab', () => {
    const found = completions(join(FIXTURES, 'valid', 'v1-d'));
    expect(found.map((f) => f.split('/').slice(-2).join('/'))).toEqual(['v1-dir/', 'v1-dir-dockerfile/']);
    expect(commonPrefix(found)).toMatch(/v1-dir$/);
  });
});

describe('a corrupt draft file', () => {
  it('is set aside and reported, never silently erased', async () => {
    const { writeFileSync, readdirSync } = await import('node:fs');
    const { WizardFlow } = await import('../../src/ui/wizard/WizardFlow.js');
    const { tempDir } = await import('../helpers.js');
    const dir = tempDir();
    writeFileSync(join(dir, 'wizard-draft.json'), '{"env": {"name": "x"}, "meta": ');
    const r = await mount(<WizardFlow storeDir={dir} width={80} height={24} onExit={() => undefined} />);
    expect(r.lastFrame()).toMatch(/wizard-draft\.json was damaged[\s\S]*moved\s+to[\s\S]*corrupt/);
    expect(readdirSync(dir).some((f) => f.startsWith('wizard-draft.corrupt-'))).toBe(true);
  });
});
