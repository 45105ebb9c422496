import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, type Question } from '../../src/learn/content.js';
import { dayKey } from '../../src/learn/progress.js';
import { Rating, reviewCard, storeCard } from '../../src/learn/scheduler.js';
import { cli, tempDir } from '../helpers.js';
import { SEQ } from '../ui/keys.js';
import { keys, type Session, spawnCli } from './pty.js';

const content = loadContent();
const byId = (id: string) => content.questions.find((q) => q.id === id)!;
const DAY = 24 * 3600 * 1000;
/** A screen that just appeared subscribes to keys a moment later. */
const settle = () => new Promise((r) => setTimeout(r, 150));

/** A learning store where the given questions were answered (easily) weeks ago and are now due, in this order. */
function seedDue(home: string, ids: string[]): void {
  mkdirSync(home, { recursive: true });
  const cards: Record<string, unknown> = {};
  for (const [i, id] of ids.entries())
    cards[id] = {
      ...storeCard(reviewCard(undefined, Rating.Easy, new Date(Date.now() - 40 * DAY))),
      due: new Date(Date.now() - (10 - i) * DAY).toISOString(),
    };
  writeFileSync(join(home, 'learning.json'), JSON.stringify({ version: 1, cards, days: {}, exams: [] }));
}

const stored = (home: string) => JSON.parse(readFileSync(join(home, 'learning.json'), 'utf8'));

/** Answers whatever exam question is on screen with its default input (tests the flow, not the knowledge). */
async function answerShown(s: Session): Promise<void> {
  const screen = s.screen();
  if (screen.includes('choose all that apply')) await keys(s, ' ', SEQ.enter);
  else if (screen.includes('type the answer')) await keys(s, 'x', SEQ.enter);
  else if (screen.includes('fix the file')) await keys(s, SEQ.ctrlS);
  else await keys(s, SEQ.enter);
}

describe('quiz end to end in a pseudo-terminal (80×24)', () => {
  it('answers three due questions (one right, one wrong, one fix-file in $EDITOR) and the progress is stored', async () => {
    const dir = tempDir();
    const home = join(dir, 'home');
    const single = byId('concepts-001') as Extract<Question, { type: 'single' }>;
    const tf = byId('concepts-013') as Extract<Question, { type: 'truefalse' }>;
    const fix = content.questions.find((q) => q.type === 'fix-file' && q.exercise === 'fix-missing-name')!;
    expect([single.type, tf.type, fix.type]).toEqual(['single', 'truefalse', 'fix-file']);
    seedDue(home, [single.id, tf.id, fix.id]);
    // The "editor" saves the reference solution over the file, as a learner fixing it would.
    const solution = join(dir, 'solution.json');
    writeFileSync(solution, content.exercises.find((e) => e.id === 'fix-missing-name')!.solution);
    const s = spawnCli(['quiz', '--count', '3'], {
      cwd: dir,
      env: { AMLENV_HOME: home, EDITOR: `cp ${solution}`, VISUAL: '' },
    });

    await s.waitFor(/Quiz · 1 of 3 · choose one\s+due for review/);
    await settle();
    await keys(s, String(single.answer + 1), SEQ.enter);
    await s.waitFor('✓ Right.');
    await s.waitFor(/Next review: in \d+ days/);

    await keys(s, SEQ.enter);
    await s.waitFor(/Quiz · 2 of 3 · true or false\?/);
    await keys(s, tf.answer ? 'f' : 't');
    await s.waitFor(`✗ Not quite: the statement is ${tf.answer ? 'true' : 'false'}.`);
    await s.waitFor(/Next review: in \d+ minutes? \(rated again\)/);

    await keys(s, SEQ.enter);
    await s.waitFor(/Quiz · 3 of 3 · fix the file/);
    await s.waitFor('"version": null');
    await keys(s, 'h');
    await s.waitFor(/Hint 1: Registration stores an environment/);
    await keys(s, 'e');
    await s.waitFor('✓ Solved: the validator accepts your file.');
    await s.waitFor('A reference solution:');

    await keys(s, SEQ.enter);
    await s.waitFor('2 of 3 right.');
    await keys(s, SEQ.enter);
    expect(await s.exited).toBe(0);

    const data = stored(home);
    expect(data.days[dayKey(new Date())]).toBe(3);
    expect(data.cards[single.id].reps).toBe(2);
    expect(Date.parse(data.cards[single.id].due)).toBeGreaterThan(Date.now() + DAY);
    expect(data.cards[tf.id].lapses).toBe(1);
    expect(Date.parse(data.cards[tf.id].due)).toBeLessThan(Date.now() + 3600 * 1000);
    expect(data.cards[fix.id].reps).toBe(2);

    const progress = cli(['progress', '--json'], { env: { AMLENV_HOME: home } });
    expect(progress.code).toBe(0);
    const report = JSON.parse(progress.stdout);
    expect(report.answeredToday).toBe(3);
    expect(report.overall.seen).toBe(3);
    expect(report.streak).toMatchObject({ current: 1, practisedToday: true });
    expect(report.dueThisWeek).toBeGreaterThanOrEqual(1);
    expect(report.topics.find((t: { id: string }) => t.id === 'concepts').seen).toBe(3);
  }, 60000);

  it('killing the app mid-quiz keeps every answered card', async () => {
    const dir = tempDir();
    const home = join(dir, 'home');
    const s = spawnCli(['quiz', '--topic', 'spark', '--count', '5'], {
      cwd: dir,
      env: { AMLENV_HOME: home, EDITOR: '', VISUAL: '' },
    });
    await s.waitFor(/Quiz · spark · 1 of 5/);
    await settle();
    await answerShown(s);
    await s.waitFor(/Enter next question/);
    await keys(s, SEQ.enter);
    await s.waitFor(/Quiz · spark · 2 of 5/);
    await answerShown(s);
    await s.waitFor(/Enter next question/);
    s.kill('SIGKILL');
    await s.exited;
    expect(Object.keys(stored(home).cards)).toHaveLength(2);
  }, 60000);

  it('an exam killed half-way resumes with its answers, then scores out of 1000', async () => {
    const dir = tempDir();
    const home = join(dir, 'home');
    const env = { AMLENV_HOME: home, EDITOR: '', VISUAL: '' };
    const first = spawnCli(['quiz', '--exam', '--count', '3', '--minutes', '5'], { cwd: dir, env });
    await first.waitFor('3 questions across the topics, 5 minutes.');
    // plain --exam takes the current exam
    await first.waitFor('AI-300 · Operationalizing Machine Learning and Generative AI Solutions');
    await settle();
    await keys(first, SEQ.enter);
    await first.waitFor(/Exam · ⏱ 0[45]:\d\d left · question 1 of 3/);
    await answerShown(first);
    await first.waitFor(/1\/3 answered/);
    first.kill('SIGKILL');
    await first.exited;
    const saved = JSON.parse(readFileSync(join(home, 'exam.json'), 'utf8'));
    expect(Object.keys(saved.exams['ai-300'].answers)).toHaveLength(1);

    const second = spawnCli(['quiz', '--exam'], { cwd: dir, env });
    await second.waitFor(/An unfinished exam: 1 of 3 answered, 0[45]:\d\d left/);
    await settle();
    await keys(second, SEQ.enter);
    await second.waitFor(/question 2 of 3/);
    await answerShown(second);
    await second.waitFor(/question 3 of 3/);
    await answerShown(second);
    await second.waitFor('All 3 questions are answered.');
    await keys(second, SEQ.enter);
    await second.waitFor(/Score: \d+ \/ 1000 — (PASSED|NOT PASSED) \(pass mark 700\)/);
    await second.waitFor('By topic');
    await keys(second, SEQ.esc);
    expect(await second.exited).toBe(0);

    const report = JSON.parse(cli(['progress', '--json'], { env: { AMLENV_HOME: home } }).stdout);
    expect(report.exams).toHaveLength(1);
    expect(report.exams[0]).toMatchObject({ exam: 'ai-300', total: 3 });
    expect([0, 333, 667, 1000]).toContain(report.exams[0].score);
    expect(report.examMastery.find((e: { id: string }) => e.id === 'ai-300')).toMatchObject({
      taken: 1,
      seen: 3,
      best: report.exams[0].score,
    });
    expect(report.overall.seen).toBe(3);
    expect(JSON.parse(readFileSync(join(home, 'exam.json'), 'utf8'))).toEqual({ version: 2, exams: {} });
  }, 60000);
});
