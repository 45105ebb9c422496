import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';
import { SEQ } from '../ui/keys.js';
import { keys, spawnCli } from './pty.js';

describe('wizard end to end in a pseudo-terminal (80×24)', () => {
  it('goes from the scikit-learn template to an env.json and v2 YAML that validate accepts', async () => {
    const dir = tempDir();
    const s = spawnCli(['wizard', '--out', join(dir, 'out')], { cwd: dir, env: { AMLENV_HOME: join(dir, 'home') } });
    await s.waitFor('where do you start?');
    await keys(s, SEQ.down, SEQ.down);
    await s.waitFor(/▸ Template: scikit-learn/);
    await keys(s, SEQ.enter);
    // The SDK comes first, v2 by default; this test walks the v1 path.
    await s.waitFor('step 1 of 7: SDK');
    await keys(s, SEQ.right);
    await s.waitFor(/Target SDK\s+◂ SDK v1/);
    await keys(s, SEQ.tab);
    await s.waitFor('step 2 of 7: Basics');
    await keys(s, SEQ.enter, ...Array(8).fill(SEQ.backspace), ...'churn-model', SEQ.enter);
    await s.waitFor(/Name\s+churn-model/);
    for (const step of ['Python', 'Environment variables', 'Docker', 'Spark', 'Review and write']) {
      await keys(s, SEQ.tab);
      await s.waitFor(`: ${step}`);
    }
    await keys(s, SEQ.right, SEQ.right, SEQ.right);
    await s.waitFor(/Write as\s+◂ All of them ▸/);
    await keys(s, SEQ.ctrlS);
    await s.waitFor(/wrote /);
    await keys(s, SEQ.ctrlC);
    expect(await s.exited).toBe(0);

    const files = [join(dir, 'out', 'env.json'), join(dir, 'out', 'v1'), join(dir, 'out', 'v2', 'environment.yml')];
    for (const f of files) expect(existsSync(f)).toBe(true);
    const r = cli(['validate', '--json', ...files]);
    const results = JSON.parse(r.stdout).results;
    expect(results.map((x: { format: string; valid: boolean }) => [x.format, x.valid])).toEqual([
      ['v1-json', true],
      ['v1-dir', true],
      ['v2-yaml', true],
    ]);
    expect(JSON.parse(readFileSync(files[0], 'utf8')).name).toBe('churn-model');
    // The v2 form is convert's: its header, then $schema; job.yml beside it.
    const v2 = readFileSync(files[2], 'utf8');
    expect(v2).toMatch(/^# Converted by amlenv\./);
    expect(v2).toMatch(/^\$schema: https:\/\/azuremlschemas\.azureedge\.net\/latest\/environment\.schema\.json/m);
    expect(existsSync(join(dir, 'out', 'v2', 'job.yml'))).toBe(true);
  }, 90000);

  it('a killed wizard leaves its draft behind, and the next start offers to resume it (a v2 draft)', async () => {
    const dir = tempDir();
    const env = { AMLENV_HOME: join(dir, 'home') };
    const first = spawnCli(['wizard'], { cwd: dir, env });
    await first.waitFor('where do you start?');
    await keys(first, SEQ.down, SEQ.down, SEQ.enter);
    await first.waitFor('step 1 of 7: SDK');
    await keys(first, SEQ.tab);
    await first.waitFor('step 2 of 7: Basics');
    await keys(first, SEQ.enter, ...Array(8).fill(SEQ.backspace), ...'half-done', SEQ.enter, SEQ.tab);
    await first.waitFor('step 3 of 7: Image');
    first.kill('SIGKILL');
    await first.exited;
    const saved = JSON.parse(readFileSync(join(dir, 'home', 'wizard-draft.json'), 'utf8'));
    expect(saved.env.name).toBe('half-done');
    expect(saved.meta.sdk).toBe('v2');

    const second = spawnCli(['wizard'], { cwd: dir, env });
    await second.waitFor(/▸ Resume the saved draft: half-done/);
    await second.waitFor(/SDK v2, template sklearn/);
    await keys(second, SEQ.enter);
    await second.waitFor('step 3 of 7: Image');
    await keys(second, SEQ.shiftTab);
    await second.waitFor(/Name\s+half-done/);
    // An edit since the resume: Ctrl-C asks, and says the draft is kept and how to come back to it.
    await keys(second, SEQ.enter, ...'-2', SEQ.enter);
    await second.waitFor(/Name\s+half-done-2/);
    await keys(second, SEQ.ctrlC);
    await second.waitFor(/Quit\? y\/n .*the draft is kept/);
    await keys(second, 'y');
    expect(await second.exited).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'home', 'wizard-draft.json'), 'utf8')).env.name).toBe('half-done-2');
  }, 90000);

  it('kill -9 with a secret typed in: the draft (0600) holds no secret; after resume, Ctrl-S names it and asks', async () => {
    const dir = tempDir();
    const env = { AMLENV_HOME: join(dir, 'home') };
    const out = join(dir, 'out.json');
    const first = spawnCli(['wizard', '--out', out], { cwd: dir, env });
    await first.waitFor('where do you start?');
    await keys(first, SEQ.down, SEQ.down);
    await first.waitFor(/▸ Template: scikit-learn/);
    await keys(first, SEQ.enter);
    await first.waitFor('step 1 of 7: SDK');
    await keys(first, SEQ.right);
    await first.waitFor(/Target SDK\s+◂ SDK v1/);
    await keys(first, SEQ.tab);
    await first.waitFor('step 2 of 7: Basics');
    await keys(first, SEQ.tab);
    await first.waitFor(': Python');
    await keys(first, SEQ.tab);
    await first.waitFor(': Environment variables');
    await keys(first, 'a', ...'DB_PASSWORD=hunter2-e2e', SEQ.enter);
    await first.waitFor(/DB_PASSWORD=•••• \(secret\?\)/);
    first.kill('SIGKILL');
    await first.exited;
    const draftFile = join(dir, 'home', 'wizard-draft.json');
    expect(statSync(draftFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'home')).mode & 0o777).toBe(0o700);
    expect(readFileSync(draftFile, 'utf8')).not.toContain('hunter2-e2e');

    const second = spawnCli(['wizard', '--out', out], { cwd: dir, env });
    await second.waitFor(/▸ Resume the saved draft/);
    await keys(second, SEQ.enter);
    await second.waitFor(': Environment variables');
    for (const step of ['Docker', 'Spark', 'Review and write']) {
      await keys(second, SEQ.tab);
      await second.waitFor(`: ${step}`);
    }
    await keys(second, SEQ.ctrlS);
    await second.waitFor(/Write without DB_PASSWORD\? y\/n/);
    await keys(second, 'n');
    await second.waitFor(/nothing written: fill in DB_PASSWORD/);
    expect(existsSync(out)).toBe(false);
    // Nothing was edited since the resume: Ctrl-C quits without asking.
    await keys(second, SEQ.ctrlC);
    expect(await second.exited).toBe(0);
  }, 90000);

  it('the home screen opens the validate screen and explains a finding', async () => {
    const dir = tempDir();
    const s = spawnCli([], { cwd: dir, env: { AMLENV_HOME: join(dir, 'home') } });
    await s.waitFor('Azure Machine Learning environments');
    // The focus starts on the first entry (Learn); Validate a file is the fifth.
    await keys(s, SEQ.down, SEQ.down, SEQ.down, SEQ.down);
    await s.waitFor(/▸ Validate a file/);
    await keys(s, SEQ.enter);
    await s.waitFor('Validate a file');
    await keys(s, ...join(process.cwd(), 'fixtures', 'envs', 'invalid', 'name-reserved-prefix.json'), SEQ.enter);
    await s.waitFor(/invalid — 1 error/);
    await keys(s, SEQ.enter);
    await s.waitFor(/ERROR name\/reserved-prefix/);
    await keys(s, SEQ.esc, SEQ.ctrlC);
    await s.waitFor('Azure Machine Learning environments');
    await keys(s, SEQ.ctrlC);
    expect(await s.exited).toBe(0);
  }, 90000);
});
