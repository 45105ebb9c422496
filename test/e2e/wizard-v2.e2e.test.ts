import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, tempDir } from '../helpers.js';
import { SEQ } from '../ui/keys.js';
import { keys, spawnCli } from './pty.js';

describe('wizard v2 path end to end in a pseudo-terminal (80×24)', () => {
  it('SDK v2 (the default) → basics, image, conda file, serving routes, job variables → three files validate accepts', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'train.py'), 'print("training")\n');
    const out = join(dir, 'churn-v2');
    const s = spawnCli(['wizard', '--out', out], { cwd: dir, env: { AMLENV_HOME: join(dir, 'home') } });
    await s.waitFor('where do you start?');
    await keys(s, SEQ.enter); // Blank environment

    // The SDK first: v2 is chosen, and v1's end of support is said plainly.
    let screen = await s.waitFor('step 1 of 7: SDK');
    expect(screen).toMatch(/Target SDK\s+◂ SDK v2 \(azure-ai-ml, az ml\) ▸/);
    expect(screen.replace(/\s+/g, ' ')).toMatch(/SDK v1 is out of support since 2026-06-30/);

    await keys(s, SEQ.tab);
    await s.waitFor('step 2 of 7: Basics');
    await keys(s, SEQ.enter, ...Array(14).fill(SEQ.backspace), ...'churn-v2', SEQ.enter);
    await s.waitFor(/Name\s+churn-v2/);
    await keys(s, SEQ.down, SEQ.down, SEQ.enter, ...'Churn model training', SEQ.enter);
    await s.waitFor(/Description\s+Churn model training/);
    // A reserved name is flagged as typed, on its row.
    await keys(s, SEQ.up, SEQ.up, SEQ.enter, ...Array(8).fill(SEQ.backspace), ...'AzureML-x', SEQ.enter);
    screen = await s.waitFor(/Name\s+AzureML-x ✗/);
    expect(screen).toMatch(/reserved/);
    await keys(s, SEQ.enter, ...Array(9).fill(SEQ.backspace), ...'churn-v2', SEQ.enter);
    await s.waitFor(/Name\s+churn-v2\s*$/m);
    await keys(s, SEQ.down, SEQ.down, SEQ.down, SEQ.enter, ...'team=ml', SEQ.enter);
    await s.waitFor(/team=ml/);

    await keys(s, SEQ.tab);
    screen = await s.waitFor('step 3 of 7: Image');
    expect(screen).toMatch(/Image from\s+◂ Azure ML base image ▸/);
    expect(screen).toMatch(/OS type\s+◂ linux ▸/);

    await keys(s, SEQ.tab);
    screen = await s.waitFor('step 4 of 7: Python');
    expect(screen).toMatch(/Packages from\s+◂ Conda file ▸/);
    expect(screen).toMatch(/Python version\s+3\.12/);

    await keys(s, SEQ.tab);
    await s.waitFor('step 5 of 7: Serving');
    await keys(s, SEQ.enter);
    screen = await s.waitFor(/Scoring path\s+\/score/);
    expect(screen).toMatch(/Liveness port\s+5001/);
    // A port that is not a number is an error on its row, as typed.
    await keys(s, SEQ.down, SEQ.enter, ...Array(4).fill(SEQ.backspace), ...'http', SEQ.enter);
    await s.waitFor(/Liveness port\s+http ✗/);
    await keys(s, SEQ.enter, ...Array(4).fill(SEQ.backspace), ...'5001', SEQ.enter);
    await s.waitFor(/Liveness port\s+5001\s*$/m);

    await keys(s, SEQ.tab);
    screen = await s.waitFor('step 6 of 7: Job');
    expect(screen).toMatch(/they go on the job/);
    await keys(s, SEQ.down, SEQ.down, SEQ.enter, ...'MODEL_NAME=churn', SEQ.enter);
    await s.waitFor(/MODEL_NAME=churn/);

    await keys(s, SEQ.tab);
    screen = await s.waitFor('step 7 of 7: Review and write');
    const flat = screen.replace(/\s+/g, ' ');
    expect(flat).toContain('az ml environment create --file environment.yml');
    expect(flat).toContain('az ml job create --file job.yml');
    expect(screen).toMatch(/Preview: .*environment\.yml/);
    await keys(s, SEQ.ctrlS);
    screen = await s.waitFor(/wrote /);
    expect(screen.replace(/\s+/g, ' ')).toContain('az ml job create --file job.yml');
    // Writing again asks first; n keeps the files.
    await keys(s, SEQ.ctrlS);
    await s.waitFor(/Overwrite\? y\/n/);
    await keys(s, 'n');
    await s.waitFor(/nothing written/);
    await keys(s, SEQ.ctrlC);
    expect(await s.exited).toBe(0);

    for (const f of ['environment.yml', 'conda.yml', 'job.yml']) expect(existsSync(join(out, f))).toBe(true);
    const environment = readFileSync(join(out, 'environment.yml'), 'utf8');
    expect(environment).toMatch(
      /^\$schema: https:\/\/azuremlschemas\.azureedge\.net\/latest\/environment\.schema\.json$/m,
    );
    const doc = parse(environment);
    expect(doc).toMatchObject({
      name: 'churn-v2',
      description: 'Churn model training',
      tags: { team: 'ml' },
      conda_file: 'conda.yml',
      inference_config: {
        liveness_route: { port: 5001, path: '/' },
        readiness_route: { port: 5001, path: '/' },
        scoring_route: { port: 5001, path: '/score' },
      },
    });
    expect(doc.environment_variables).toBeUndefined();
    expect(parse(readFileSync(join(out, 'conda.yml'), 'utf8')).dependencies).toContain('python=3.12');
    const job = parse(readFileSync(join(out, 'job.yml'), 'utf8'));
    expect(job).toMatchObject({
      code: '..',
      command: 'python train.py',
      environment_variables: { MODEL_NAME: 'churn' },
    });

    // The files are what amlenv validate accepts, with no errors.
    const r = cli(['validate', '--json', join(out, 'environment.yml'), join(out, 'job.yml')], { cwd: dir });
    const results = JSON.parse(r.stdout).results;
    expect(
      results.map((x: { format: string; valid: boolean; diagnostics: Array<{ severity: string }> }) => [
        x.format,
        x.valid,
        x.diagnostics.filter((d) => d.severity === 'error'),
      ]),
    ).toEqual([
      ['v2-yaml', true, []],
      ['v2-job', true, []],
    ]);
    expect(r.code).toBe(0);
  }, 120000);
});
