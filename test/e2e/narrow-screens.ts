// The narrow-screen checks, run at one width per test file (narrow-screens-60/80/120.e2e.test.ts) so the three
// widths run on separate workers at once.
// The learning screens and the REPL in a real pseudo-terminal at 60, 80 and 120 columns: lesson sources
// whole, :help in columns, the banner and the completion list wrapped, constants completed, and an exam
// left with Ctrl-C saying how to resume it. Runs the built bundle (node scripts/build.mjs first).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/learn/content.js';
import { tempDir } from '../helpers.js';
import { SEQ } from '../ui/keys.js';
import { keys, spawnCli } from './pty.js';

const content = loadContent();
const settle = () => new Promise((r) => setTimeout(r, 150));
const longest = [...content.lessons].sort(
  (a, b) => Math.max(...b.sources.map((s) => s.length)) - Math.max(...a.sources.map((s) => s.length)),
)[0];
const typeLine = async (s: ReturnType<typeof spawnCli>, line: string) => keys(s, ...line, SEQ.enter);

/** The lesson, REPL and exam checks at `cols` columns. */
export function narrowScreenChecks(cols: number): void {
  describe(`at ${cols} columns`, () => {
    it('a lesson shows its sources whole: each URL can be copied back from the screen, none is cut', async () => {
      const dir = tempDir();
      const s = spawnCli(['learn', longest.id], { cwd: dir, env: { AMLENV_HOME: join(dir, 'home') }, cols, rows: 24 });
      await s.waitFor(longest.title);
      await settle();
      for (let i = 0; i < 30 && !/lines \d+–(\d+) of \1/.test(s.screen()); i++) await keys(s, '\u001B[6~');
      const screen = await s.waitFor('Sources');
      const rows = screen.split('\n');
      const after = rows.slice(rows.findIndex((r) => r.startsWith('Sources')) + 1);
      expect(after.join('\n')).not.toContain('…');
      const joined = after.map((r) => r.trim()).join('');
      for (const source of longest.sources) expect(joined).toContain(source);
      s.write(SEQ.ctrlC);
      expect(await s.exited).toBe(0);
    }, 60000);

    it('the REPL: the banner breaks between phrases, Tab completes True, the completion list wraps, :help keeps its columns', async () => {
      const dir = tempDir();
      const s = spawnCli(['repl'], { cwd: dir, env: { AMLENV_HOME: join(dir, 'home') }, cols, rows: 24 });
      const banner = await s.waitFor('>>>');
      expect(banner).toContain(':quit leaves');
      for (const row of banner.split('\n')) expect(row).not.toMatch(/^\s*·/);
      await typeLine(s, 'from azureml.core import Environment');
      await keys(s, ...'x = Tru', SEQ.tab);
      await s.waitFor('>>> x = True');
      await keys(s, SEQ.ctrlC);
      await keys(s, ...'Environment.', SEQ.tab);
      const listed = await s.waitFor('from_existing_conda_environment');
      expect(listed).toContain('load_from_directory');
      expect(listed).not.toMatch(/[a-z_]…/);
      await keys(s, SEQ.ctrlC);
      await typeLine(s, ':help');
      const help = await s.waitFor(/:quit\s/);
      const rows = help.split('\n');
      const quit = rows.findIndex((r) => r.startsWith('  :quit'));
      const validate = rows.findIndex((r) => r.startsWith('  :validate'));
      if (cols >= 120) expect(rows[quit]).toContain('leave (also exit(), or Ctrl-D on an empty line)');
      else {
        // The description's rows start where it started (or, too narrow for two columns, one indent in).
        const column = rows[validate].indexOf('run every validation');
        const next = rows[quit + 1];
        expect(next.length - next.trimStart().length).toBe(column > 0 ? column : 6);
        expect(rows[quit + 1].trim().length).toBeGreaterThan(0);
      }
      s.write(SEQ.ctrlC);
      expect(await s.exited).toBe(0);
    }, 60000);
  });
}

/** The exam farewell after Ctrl-C, at 80×24. */
export function examFarewellCheck(): void {
  describe('an exam left with Ctrl-C (80×24)', () => {
    it('says that it was saved and the command that resumes it', async () => {
      const dir = tempDir();
      const s = spawnCli(['quiz', '--exam', 'ai-300', '--count', '3'], {
        cwd: dir,
        env: { AMLENV_HOME: join(dir, 'home'), EDITOR: '', VISUAL: '' },
      });
      await s.waitFor('Enter');
      await settle();
      await keys(s, SEQ.enter);
      await s.waitFor(/0\/3 answered/);
      await settle();
      s.write(SEQ.ctrlC);
      expect(await s.exited).toBe(0);
      await new Promise((r) => setTimeout(r, 100));
      const screen = s.screen();
      expect(screen).toMatch(/✓ The AI-300 exam is saved: 0 of 3 answered, [\d:]+ left on its clock/);
      expect(screen).toContain('Resume it with: amlenv quiz --exam ai-300');
    }, 60000);
  });
}
