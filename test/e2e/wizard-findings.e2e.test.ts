// A new user's wizard in a real pseudo-terminal at 60, 80 and 120 columns: a bad pip spec and a bad
// variable name show their whole message and fix (wrapped, never cut with "…"), and the footer its keys.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { draftDiagnostics } from '../../src/ui/wizard/diagnostics.js';
import { listItems, setField, setListItems } from '../../src/ui/wizard/draft.js';
import { templateDraft } from '../../src/ui/wizard/start.js';
import { cli, tempDir } from '../helpers.js';
import { SEQ } from '../ui/keys.js';
import { keys, spawnCli } from './pty.js';

const PGDN = '\u001B[6~';
const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(() => loadFieldLibs());

/** The finding the wizard should show, computed by the same rules from the same template. */
function expected() {
  const d = templateDraft('sklearn', undefined, 'v1');
  const pip = draftDiagnostics(setListItems(d, 'pip', [...listItems(d.env, 'pip'), 'numpy=1.2'])).find((x) =>
    x.rule.startsWith('pip/'),
  )!;
  const env = draftDiagnostics(setField(d, 'environmentVariables', { MODEL_DIR: './outputs', '1BAD-NAME': 'x' })).find(
    (x) => x.rule === 'env/invalid-name',
  )!;
  return { pip, env };
}

describe.each([
  [80, 24],
  [60, 24],
  [120, 30],
])('wizard findings in a pseudo-terminal (%i×%i)', (cols, rows) => {
  it('a bad pip spec and a bad variable name: the whole message and its fix are on screen', async () => {
    const { pip, env } = expected();
    const dir = tempDir();
    const s = spawnCli(['wizard', '--out', join(dir, 'out.json')], {
      cwd: dir,
      cols,
      rows,
      env: { AMLENV_HOME: join(dir, 'home') },
    });
    await s.waitFor('where do you start?');
    await keys(s, SEQ.down, SEQ.down);
    await s.waitFor(/▸ Template: scikit-learn/);
    await keys(s, SEQ.enter);
    // This walks the v1 path: the SDK step comes first, v2 by default.
    await s.waitFor('step 1 of 7: SDK');
    await keys(s, SEQ.right);
    await s.waitFor(/Target SDK\s+◂ SDK v1/);
    await keys(s, SEQ.tab);
    await s.waitFor('step 2 of 7: Basics');
    await keys(s, SEQ.tab);
    await s.waitFor(': Python');
    // PgDn to the pip "+ add" row, add the entry, then up onto it
    await keys(s, PGDN, PGDN, PGDN, SEQ.enter, ...'numpy=1.2', SEQ.enter);
    await s.waitFor('added numpy=1.2');
    await keys(s, SEQ.up);
    let screen = flat(await s.waitFor(/numpy=1\.2 ✗/));
    expect(screen).toContain(flat(`✗ ${pip.message}`));
    expect(screen).toContain(flat(`fix: ${pip.hint} [${pip.rule}]`));
    expect(screen).toContain('Ctrl-C quit');
    expect(s.screen()).not.toContain('…');

    await keys(s, SEQ.tab);
    await s.waitFor(/Continue anyway\?/);
    await keys(s, 'y');
    await s.waitFor(': Environment variables');
    await keys(s, PGDN, SEQ.enter, ...'1BAD-NAME=x', SEQ.enter);
    await s.waitFor('added 1BAD-NAME=x');
    await keys(s, SEQ.up);
    await s.waitFor(/1BAD-NAME=x ✗/);
    screen = flat(s.screen());
    expect(screen).toContain(flat(`✗ ${env.message}`));
    expect(screen).toContain(flat(`fix: ${env.hint} [${env.rule}]`));
    expect(screen).toContain('Ctrl-C quit');
    await keys(s, SEQ.ctrlC);
    await s.waitFor(/Quit\? y\/n/);
    await keys(s, 'y');
    expect(await s.exited).toBe(0);
  }, 90000);
});

describe('shmSize in run', () => {
  it('run refuses "2 gigs" with exit 1 before Docker, naming the rule and its fix', () => {
    const dir = tempDir();
    copyFileSync(join(process.cwd(), 'fixtures', 'envs', 'invalid', 'docker-shm-size.json'), join(dir, 'env.json'));
    writeFileSync(join(dir, 'main.py'), 'print(1)\n');
    const r = cli(['run', 'env.json', 'main.py'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"2 gigs" is not a Docker size');
    expect(r.stderr).toContain('nothing was built or run');
  });
});
