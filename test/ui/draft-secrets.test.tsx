// Secrets at rest in the wizard's draft: what is saved, with which mode, and what the write step does when a
// resumed draft lacks a secret that was left out of it.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog.js';
import { loadTemplates } from '../../src/content/templates.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { WizardFlow } from '../../src/ui/wizard/WizardFlow.js';
import { type Draft, missingSecretLabels } from '../../src/ui/wizard/draft.js';
import { DraftStore } from '../../src/ui/wizard/draft-store.js';
import { templateDraft } from '../../src/ui/wizard/start.js';
import { STEPS } from '../../src/ui/wizard/steps.js';
import { Wizard } from '../../src/ui/wizard/Wizard.js';
import { tempDir } from '../helpers.js';
import { failingFs } from '../store/failing-fs.js';
import { SEQ } from './keys.js';
import { mount, send, waitFor } from './render.js';

beforeAll(() => loadFieldLibs());
const ctx = { catalog: loadCatalog(), templates: loadTemplates() };

/** A draft with a secret-looking variable, a harmless one, a reference, and a registry password. */
function secretDraft(): Draft {
  const draft = templateDraft('sklearn', undefined, 'v1');
  draft.env.environmentVariables = {
    DB_PASSWORD: 'hunter2-secret',
    API_TOKEN: '${TOKEN_FROM_VAULT}',
    MODEL_DIR: './outputs',
  };
  draft.env.docker = {
    ...(draft.env.docker as object),
    baseImage: 'myregistry.azurecr.io/base:1',
    baseImageRegistry: { address: 'myregistry.azurecr.io', username: 'me', password: null },
  };
  return { ...draft, password: 'p4ssw0rd-in-memory', meta: { ...draft.meta, writePassword: true } };
}

describe('the saved draft', () => {
  it('is a 0600 file in a 0700 folder and holds no password or secret-looking value', () => {
    const dir = join(tempDir(), 'home');
    new DraftStore(dir).save(secretDraft());
    const file = join(dir, 'wizard-draft.json');
    const text = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('p4ssw0rd-in-memory');
    const saved = JSON.parse(text);
    expect(saved.env.environmentVariables).toEqual({
      DB_PASSWORD: '',
      API_TOKEN: '${TOKEN_FROM_VAULT}',
      MODEL_DIR: './outputs',
    });
    expect(saved.meta.withheld.sort()).toEqual(['DB_PASSWORD', 'password']);
  });

  it('keeps the secrets when the user says so (Secrets in draft), still 0600', () => {
    const dir = tempDir();
    const draft = secretDraft();
    new DraftStore(dir).save({ ...draft, meta: { ...draft.meta, draftSecrets: true } });
    const resumed = new DraftStore(dir).load()!.draft;
    expect(resumed.env.environmentVariables).toMatchObject({ DB_PASSWORD: 'hunter2-secret' });
    expect(resumed.password).toBe('p4ssw0rd-in-memory');
    expect(missingSecretLabels(resumed)).toEqual([]);
    expect(statSync(join(dir, 'wizard-draft.json')).mode & 0o777).toBe(0o600);
  });

  it('a resumed draft knows what it lacks, and stops lacking it once filled in', () => {
    const dir = tempDir();
    new DraftStore(dir).save(secretDraft());
    const resumed = new DraftStore(dir).load()!.draft;
    expect(missingSecretLabels(resumed)).toEqual(['DB_PASSWORD', 'the registry password']);
    // Saved again before anything is filled in: it still knows.
    new DraftStore(dir).save(resumed);
    const again = new DraftStore(dir).load()!.draft;
    expect(missingSecretLabels(again)).toEqual(['DB_PASSWORD', 'the registry password']);
    const filled = {
      ...again,
      password: 'typed-again',
      env: { ...again.env, environmentVariables: { ...(again.env.environmentVariables as object), DB_PASSWORD: 'x' } },
    };
    expect(missingSecretLabels(filled)).toEqual([]);
  });

  it('does not ask for the password when it is not to be written', () => {
    const dir = tempDir();
    const draft = secretDraft();
    new DraftStore(dir).save({ ...draft, meta: { ...draft.meta, writePassword: false } });
    expect(missingSecretLabels(new DraftStore(dir).load()!.draft)).toEqual(['DB_PASSWORD']);
  });
});

describe('the write step with a resumed draft that lacks secrets', () => {
  function resumedAtReview(out: string) {
    const store = tempDir();
    const draft = secretDraft();
    draft.meta.outPath = out;
    draft.meta.step = STEPS.findIndex((s) => s.id === 'review');
    new DraftStore(store).save(draft);
    return new DraftStore(store).load()!.draft;
  }

  it('says what is missing and asks; n writes nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'env.json');
    const r = await mount(
      <Wizard
        draft={resumedAtReview(out)}
        ctx={ctx}
        width={80}
        height={24}
        saveDraft={() => undefined}
        onExit={() => undefined}
      />,
    );
    let frame = await send(r, SEQ.ctrlS);
    expect(frame).toMatch(/Write without DB_PASSWORD, the registry password\? y\/n/);
    frame = await send(r, 'n');
    expect(frame).toMatch(/nothing written: fill in DB_PASSWORD, the registry password/);
    expect(existsSync(out)).toBe(false);
  });

  it('y writes without them, knowingly', async () => {
    const dir = tempDir();
    const out = join(dir, 'env.json');
    const r = await mount(
      <Wizard
        draft={resumedAtReview(out)}
        ctx={ctx}
        width={80}
        height={24}
        saveDraft={() => undefined}
        onExit={() => undefined}
      />,
    );
    await send(r, SEQ.ctrlS);
    await send(r, 'y');
    await waitFor(r, (f) => /wrote /.test(f));
    const env = JSON.parse(readFileSync(out, 'utf8'));
    expect(env.docker.baseImageRegistry.password).toBeNull();
    expect(env.environmentVariables.DB_PASSWORD).toBe('');
  });

  it('a draft that still has its secrets writes at once, without asking', async () => {
    const dir = tempDir();
    const draft = secretDraft();
    draft.meta.outPath = join(dir, 'env.json');
    draft.meta.step = STEPS.findIndex((s) => s.id === 'review');
    const r = await mount(
      <Wizard draft={draft} ctx={ctx} width={80} height={24} saveDraft={() => undefined} onExit={() => undefined} />,
    );
    await send(r, SEQ.ctrlS);
    await waitFor(r, (f) => /wrote /.test(f));
    expect(JSON.parse(readFileSync(draft.meta.outPath, 'utf8')).docker.baseImageRegistry.password).toBe(
      'p4ssw0rd-in-memory',
    );
  });
});

describe('the wizard on a settings folder it cannot use', () => {
  it('a settings folder that is a file: the start step opens and says so, no stack trace', async () => {
    const home = join(tempDir(), 'amlenv');
    writeFileSync(home, 'a file');
    const r = await mount(<WizardFlow storeDir={home} width={80} height={24} onExit={() => undefined} />);
    const frame = r.lastFrame()!;
    expect(frame).toMatch(/is a file, not a folder/);
    expect(frame).toMatch(/where do you start\?/);
    expect(frame).not.toMatch(/ERROR|\n\s+at /);
  });

  it('a draft that cannot be saved (simulated EROFS) says so once, and the wizard goes on', async () => {
    const store = new DraftStore(tempDir(), { fs: failingFs([{ op: '*write', path: /./, code: 'EROFS' }]) });
    const draft = templateDraft('sklearn', undefined, 'v1');
    draft.meta.step = STEPS.findIndex((s) => s.id === 'basics');
    const r = await mount(
      <Wizard
        draft={draft}
        ctx={ctx}
        width={80}
        height={24}
        saveDraft={(d) => store.save(d)}
        onExit={() => undefined}
      />,
    );
    let frame = await send(r, SEQ.enter, 'x', SEQ.enter);
    expect(frame).toMatch(/the draft could not be saved \(read-only file system\)/);
    frame = await send(r, SEQ.enter, 'y', SEQ.enter);
    expect(frame).not.toMatch(/the draft could not be saved/);
    expect(frame).toMatch(/sklearnxy/);
  });
});
