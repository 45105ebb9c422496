// Keys typed while a screen opens from the home menu reach that screen: Enter on an entry and the next keys
// straight after it, before the screen has drawn (a person who knows the menu types ahead).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { SEQ } from '../ui/keys.js';
import { keys, spawnCli } from './pty.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function storeDir(): string {
  const dir = join(tempDir(), 'amlenv');
  mkdirSync(dir);
  return dir;
}

describe('keys typed while a screen loads', () => {
  it('Progress: r typed right after Enter asks to reset', async () => {
    const s = spawnCli([], { env: { AMLENV_HOME: storeDir(), HOME: '/tmp' } });
    await s.waitFor(/▸ Learn/);
    await keys(s, SEQ.up);
    await s.waitFor(/▸ Progress/);
    s.write(SEQ.enter);
    // As soon as the menu has gone (the screen may still be loading): a separate read, not "\rr" pasted.
    await s.waitFor(/^(?![\s\S]*▸ Progress)/, 10000);
    s.write('r');
    expect(await s.waitFor(/Delete all progress/, 10000)).toMatch(/y\/n/);
    s.write('n');
    await s.waitFor('Nothing was reset.');
    s.kill();
  }, 60000);

  it('Learn: Down, Down, Enter typed right after choosing it open the third topic', async () => {
    const s = spawnCli([], { env: { AMLENV_HOME: storeDir(), HOME: '/tmp' } });
    await s.waitFor(/▸ Learn/);
    await keys(s, SEQ.down, SEQ.up);
    await s.waitFor(/▸ Learn/);
    s.write(SEQ.enter);
    await pause(5);
    s.write(SEQ.down);
    await pause(5);
    s.write(SEQ.down);
    await pause(5);
    s.write(SEQ.enter);
    const screen = await s.waitFor(/Learn — (?!topics)/, 10000);
    expect(screen).toMatch(/Learn — Curated environments/);
    s.kill();
  }, 60000);

  it('Learn: Enter, Down, Down in one read, then Enter, open the third topic', async () => {
    const s = spawnCli([], { env: { AMLENV_HOME: storeDir(), HOME: '/tmp' } });
    await s.waitFor(/▸ Learn/);
    await keys(s, SEQ.down, SEQ.up);
    await s.waitFor(/▸ Learn/);
    s.write(SEQ.enter + SEQ.down + SEQ.down);
    await pause(5);
    s.write(SEQ.enter);
    expect(await s.waitFor(/Learn — (?!topics)/, 10000)).toMatch(/Learn — Curated environments/);
    s.kill();
  }, 60000);

  it('Quiz: Down, Enter typed while it loads open the practice exam (not practice)', async () => {
    const s = spawnCli([], { env: { AMLENV_HOME: storeDir(), HOME: '/tmp' } });
    await s.waitFor(/▸ Learn/);
    await keys(s, SEQ.down, SEQ.down);
    await s.waitFor(/▸ Quiz/);
    s.write(SEQ.enter);
    await pause(5);
    s.write(SEQ.down);
    await pause(5);
    s.write(SEQ.enter);
    expect(await s.waitFor(/^Exam/m, 10000)).toMatch(/Enter start/);
    s.kill();
  }, 60000);

  it('Learn: Esc typed as soon as a topic quiz appears ends it (the quiz never waits on the validator)', async () => {
    const s = spawnCli(['learn'], { env: { AMLENV_HOME: storeDir(), HOME: '/tmp' } });
    await s.waitFor(/Learn — topics/);
    await keys(s, SEQ.down, SEQ.up);
    s.write('q');
    await s.waitFor(/Quiz|loading the validator/, 10000);
    s.write(SEQ.esc);
    expect(await s.waitFor(/Quiz · .*done/, 10000)).not.toMatch(/loading the validator/);
    s.kill();
  }, 60000);

  it('a screen opened from the command line gets the keys typed while it loads', async () => {
    const s = spawnCli(['progress'], { env: { AMLENV_HOME: storeDir(), HOME: '/tmp' } });
    await pause(50);
    s.write('r');
    expect(await s.waitFor(/Delete all progress/, 10000)).toMatch(/y\/n/);
    s.kill();
  }, 60000);
});
