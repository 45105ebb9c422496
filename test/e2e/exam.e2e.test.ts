import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/learn/content.js';
import { cli, tempDir } from '../helpers.js';
import { SEQ } from '../ui/keys.js';
import { keys, type Session, spawnCli } from './pty.js';

const content = loadContent();
const byId = new Map(content.questions.map((q) => [q.id, q]));
/** A screen that just appeared subscribes to keys a moment later. */
const settle = () => new Promise((r) => setTimeout(r, 150));
const stored = (home: string, name: string) => JSON.parse(readFileSync(join(home, `${name}.json`), 'utf8'));

/** Answers whatever exam question is on screen with its default input (tests the flow, not the knowledge). */
async function answerShown(s: Session): Promise<void> {
  const screen = s.screen();
  if (screen.includes('choose all that apply')) await keys(s, ' ', SEQ.enter);
  else if (screen.includes('type the answer')) await keys(s, 'x', SEQ.enter);
  else if (screen.includes('fix the file')) await keys(s, SEQ.ctrlS);
  else await keys(s, SEQ.enter);
}

describe('exams by blueprint in a pseudo-terminal (80×24)', () => {
  it('quiz --exam ai-300: the intro names AI-300, its length and pass mark; an answer is saved; save and leave keeps an AI-300-only exam', async () => {
    const dir = tempDir();
    const home = join(dir, 'home');
    const s = spawnCli(['quiz', '--exam', 'ai-300'], { cwd: dir, env: { AMLENV_HOME: home, EDITOR: '', VISUAL: '' } });
    const intro = await s.waitFor('AI-300 · Operationalizing Machine Learning and Generative AI Solutions');
    expect(intro).toContain('50 questions across the topics, 100 minutes.');
    expect(intro).toMatch(/Pass mark: 700 of 1000\./);
    expect(intro).toMatch(/Esc pauses/);
    await settle();
    await keys(s, SEQ.enter);
    await s.waitFor(/0\/50 answered/);
    await settle();
    await answerShown(s);
    await s.waitFor(/1\/50 answered/);
    await keys(s, SEQ.esc);
    await s.waitFor('Exam · paused');
    await keys(s, 's');
    expect(await s.exited).toBe(0);

    // exam.json keeps one exam in progress per blueprint: this one is in the ai-300 slot.
    const slots = stored(home, 'exam');
    expect(Object.keys(slots.exams)).toEqual(['ai-300']);
    const exam = slots.exams['ai-300'];
    expect(exam.exam).toBe('ai-300');
    expect(exam.questionIds).toHaveLength(50);
    expect(exam.questionIds.every((id: string) => byId.get(id)?.exam.includes('ai-300'))).toBe(true);
    expect(Object.keys(exam.answers)).toHaveLength(1);

    // on resume the intro names the exam again, with what is left
    const again = spawnCli(['quiz', '--exam'], { cwd: dir, env: { AMLENV_HOME: home, EDITOR: '', VISUAL: '' } });
    const resume = await again.waitFor(/An unfinished exam: 1 of 50 answered/);
    expect(resume).toContain('AI-300 · Operationalizing Machine Learning and Generative AI Solutions');
    expect(resume).toContain('the pass mark is 700 of 1000');
    expect(resume).toMatch(/n starts a new AI-300\s+exam instead/);
    await settle();
    await keys(again, SEQ.esc);
    expect(await again.exited).toBe(0);
  }, 60000);

  it('quiz --exam dp-100: DP-100 questions only, scored with a breakdown per skill area; progress --json shows the DP-100 mastery', async () => {
    const dir = tempDir();
    const home = join(dir, 'home');
    const s = spawnCli(['quiz', '--exam', 'dp-100', '--count', '2', '--minutes', '5'], {
      cwd: dir,
      env: { AMLENV_HOME: home, EDITOR: '', VISUAL: '' },
    });
    const intro = await s.waitFor('DP-100 · Designing and Implementing a Data Science Solution on Azure');
    expect(intro).toMatch(/\(retired\s+2026-06-01\)/);
    expect(intro).toMatch(/the other area is outside\s+amlenv's\s+scope/);
    expect(intro).toContain('2 questions across the topics, 5 minutes.');
    expect(intro).toContain('Pass mark: 700 of 1000.');
    await settle();
    await keys(s, SEQ.enter);
    await s.waitFor(/0\/2 answered/);
    await settle();
    await answerShown(s);
    await s.waitFor(/1\/2 answered/);
    await settle();
    await answerShown(s);
    await s.waitFor('All 2 questions are answered.');
    await keys(s, SEQ.enter);
    await s.waitFor(/Score: \d+ \/ 1000 — (PASSED|NOT PASSED) \(pass mark 700\)/);
    await s.waitFor('By skill area');
    await keys(s, SEQ.esc);
    expect(await s.exited).toBe(0);

    const report = JSON.parse(cli(['progress', '--json'], { env: { AMLENV_HOME: home } }).stdout);
    expect(report.exams).toHaveLength(1);
    expect(report.exams[0]).toMatchObject({ exam: 'dp-100', total: 2 });
    const dp = report.examMastery.find((e: { id: string }) => e.id === 'dp-100');
    expect(dp).toMatchObject({ taken: 1, seen: 2 });
    expect(dp.mastery).toBeGreaterThan(0);
    const askedIds = Object.keys(stored(home, 'learning').cards);
    expect(askedIds.every((id) => byId.get(id)?.exam.includes('dp-100'))).toBe(true);
    // AI-300 mastery moves only through questions both exams ask
    const ai = report.examMastery.find((e: { id: string }) => e.id === 'ai-300');
    expect(ai.seen).toBe(askedIds.filter((id) => byId.get(id)?.exam.includes('ai-300')).length);
  }, 60000);
});
