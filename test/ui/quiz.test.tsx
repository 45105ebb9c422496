import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { loadContent, type Question } from '../../src/learn/content.js';
import { newExam, seededRandom } from '../../src/learn/exam.js';
import { LearningStore } from '../../src/learn/learning-store.js';
import { ExamSession } from '../../src/ui/quiz/ExamSession.js';
import { PracticeSession } from '../../src/ui/quiz/PracticeSession.js';
import { QuizScreen } from '../../src/ui/quiz/QuizScreen.js';
import { tempDir } from '../helpers.js';
import { delay, SEQ } from './keys.js';
import { mount, type Rendered, send, type, waitFor } from './render.js';

beforeAll(() => loadFieldLibs());

const content = loadContent();
/** A newly shown component subscribes to keys just after its first frame: give it that moment. */
const settle = () => delay(100);
const byId = (id: string) => content.questions.find((q) => q.id === id)!;
const first = <T extends Question['type']>(t: T) =>
  content.questions.find((q) => q.type === t) as Extract<Question, { type: T }>;
const T0 = new Date(2026, 10, 26, 9).getTime();

/** The whole frame fits an 80×24 terminal with a line to spare. */
function fits(frame: string): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(23);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
}

function practice(questions: Question[], options: { dir?: string; clock?: () => number } = {}) {
  const dir = options.dir ?? tempDir();
  const store = new LearningStore(dir);
  let left = false;
  const tree = (
    <PracticeSession
      items={questions.map((question) => ({ question, reason: 'new' as const }))}
      content={content}
      store={store}
      width={80}
      height={24}
      clock={options.clock ?? (() => T0)}
      editor={false}
      onLeave={() => (left = true)}
    />
  );
  return { tree, store, dir, left: () => left };
}

/** Keys that put an order question's items in the right order with K (move up). */
function orderKeys(q: Extract<Question, { type: 'order' }>): string[] {
  const order = q.choices.map((_, i) => i);
  const out: string[] = [];
  let focus = 0;
  q.answer.forEach((item, target) => {
    const at = order.indexOf(item);
    for (; focus < at; focus++) out.push(SEQ.down);
    for (; focus > at; focus--) out.push(SEQ.up);
    for (let i = at; i > target; i--) {
      [order[i - 1], order[i]] = [order[i], order[i - 1]];
      out.push('K');
      focus--;
    }
  });
  return out;
}

async function answerRight(r: Rendered, q: Question): Promise<string> {
  switch (q.type) {
    case 'single':
      return send(r, String(q.answer + 1), SEQ.enter);
    case 'multi':
      return send(r, ...q.answer.map((i) => String(i + 1)), SEQ.enter);
    case 'order':
      return send(r, ...orderKeys(q), SEQ.enter);
    case 'truefalse':
      return send(r, q.answer ? 't' : 'f');
    case 'fill':
      await type(r, `  ${q.answers[0].toUpperCase()} `);
      return send(r, SEQ.enter);
    default:
      throw new Error(q.type);
  }
}

describe('a practice session at 80×24', () => {
  it('answers one question of every type with the input that suits it, each saved at once', async () => {
    const questions = [
      first('single'),
      first('multi'),
      first('order'),
      first('truefalse'),
      content.questions.find((q) => q.type === 'fill' && !q.caseSensitive)!,
    ];
    const p = practice(questions);
    const r = await mount(p.tree);
    await settle();
    for (const [i, q] of questions.entries()) {
      const frame = await waitFor(r, (f) => f.includes(`Quiz · ${i + 1} of 5`));
      fits(frame);
      const feedback = await answerRight(r, q);
      expect(feedback).toMatch(/✓ (Right|Solved)/);
      expect(feedback).toMatch(/Why: /);
      fits(feedback);
      expect(p.store.cards.has(q.id)).toBe(true);
      await send(r, SEQ.enter);
    }
    const summary = await waitFor(r, (f) => f.includes('5 of 5 right.'));
    fits(summary);
    expect(new LearningStore(p.dir).cards.size).toBe(5);
    await send(r, SEQ.enter);
    expect(p.left()).toBe(true);
  });

  it('shows the ticks in a multi question and grades a partial answer as partial', async () => {
    const q = content.questions.find((x) => x.type === 'multi' && x.answer.length >= 2) as Extract<
      Question,
      { type: 'multi' }
    >;
    const p = practice([q]);
    const r = await mount(p.tree);
    await settle();
    let frame = await send(r, String(q.answer[0] + 1));
    expect(frame).toMatch(/▸ \[x\]/);
    frame = await send(r, SEQ.enter);
    expect(frame).toContain(`Partly right: 1 of ${q.answer.length} correct choices.`);
    expect(frame).toMatch(/→ /);
    expect(p.store.cards.get(q.id)).toMatchObject({ state: 1, reps: 1 });
  });

  it('puts order items where they are moved, and says which were in the wrong place', async () => {
    const q = first('order');
    const r = await mount(practice([q]).tree);
    await settle();
    let frame = await send(r, SEQ.down, 'K');
    expect(frame).toContain(`▸ 1. ${q.choices[1].slice(0, 40)}`);
    frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/The right order/);
    expect(frame).toMatch(/\(you had it \d(st|nd|rd|th)\)/);
  });

  it('feedback links to the lesson: l opens it, Esc comes back', async () => {
    const q = first('truefalse');
    const lesson = content.lessons.find((l) => l.id === q.lesson)!;
    const r = await mount(practice([q]).tree);
    await settle();
    let frame = await send(r, 't');
    expect(frame).toContain(`Lesson: ${lesson.title.slice(0, 30)}`);
    frame = await send(r, 'l');
    await settle();
    expect(frame).toContain(lesson.title);
    expect(frame).toMatch(/lines 1–\d+ of \d+/);
    fits(frame);
    frame = await send(r, SEQ.esc);
    expect(frame).toMatch(/Why: /);
  });

  it('a fix-file in the inline editor: a hint, a failed check with the finding, a fix, then the reference solution', async () => {
    const q = content.questions.find((x) => x.type === 'fix-file' && x.exercise === 'fix-missing-name')!;
    const exercise = content.exercises.find((e) => e.id === 'fix-missing-name')!;
    const r = await mount(practice([q]).tree);
    await settle();
    let frame = await waitFor(r, (f) => f.includes('fix the file'));
    fits(frame);
    expect(frame).toContain('Task: This definition was trimmed');
    frame = await send(r, 'h');
    expect(frame).toContain(`Hint 1: ${exercise.hints[0].slice(0, 40)}`);
    expect(frame).not.toContain('Hint 2');
    frame = await send(r, SEQ.ctrlS);
    expect(frame).toMatch(/✗ .*name.*\[name\/required\]/);
    expect(frame).toMatch(/1 finding left \(name\/required\)/);
    frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/Editing env\.json\s+line 1 of \d+, column 1/);
    fits(frame);
    await send(r, SEQ.right);
    await send(r, SEQ.enter);
    await type(r, '"name": "churn",');
    frame = await send(r, SEQ.ctrlS);
    expect(frame).toContain('✓ Solved: the validator accepts your file.');
    expect(frame).toContain('A reference solution:');
    fits(frame);
    frame = await send(r, '\u001B[6~', '\u001B[6~');
    expect(frame).toMatch(/Next review: in \d+ minutes \(rated hard\)/);
  });

  it('giving up on a fix-file shows the reference solution and counts as wrong', async () => {
    const q = first('fix-file');
    const p = practice([q]);
    const r = await mount(p.tree);
    await settle();
    const frame = await send(r, 'g');
    expect(frame).toContain('✗ Given up: here is a reference solution.');
    expect(p.store.cards.get(q.id)?.state).toBe(1);
  });
});

describe('exam mode at 80×24', () => {
  it('shows a countdown from the clock, gives no feedback, and ends when time is up', async () => {
    let now = T0;
    const dir = tempDir();
    const store = new LearningStore(dir);
    const draw = () =>
      newExam(
        content.questions.filter((q) => q.type === 'truefalse'),
        content.topics,
        { count: 3, minutes: 2, now: new Date(now), random: seededRandom(3) },
      );
    const exam = draw();
    let left = false;
    const r = await mount(
      <ExamSession
        exam={exam}
        resuming={false}
        content={content}
        store={store}
        width={80}
        height={24}
        draw={draw}
        clock={() => now}
        editor={false}
        onLeave={() => (left = true)}
      />,
    );
    await settle();
    expect(r.lastFrame()).toContain('3 questions across the topics, 2 minutes.');
    let frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/Exam · ⏱ 02:00 left · question 1 of 3/);
    fits(frame);
    frame = await send(r, 't');
    expect(frame).toMatch(/question 2 of 3/);
    expect(frame).toContain('answer saved (1 of 3)');
    expect(frame).not.toMatch(/Right|Not quite|Why:/);
    expect(store.currentExam()?.answers).toHaveProperty(exam.questionIds[0]);
    now += 61000;
    frame = await waitFor(r, (f) => /⏱ 00:59 left/.test(f));
    now += 60000;
    frame = await waitFor(r, (f) => f.includes('Score:'));
    expect(frame).toMatch(/Score: (0|333) \/ 1000 — NOT PASSED \(pass mark 700\)/);
    expect(frame).toContain('Time is up');
    expect(frame).toContain('2 unanswered');
    fits(frame);
    expect(store.currentExam()).toBeNull();
    expect(store.exams).toHaveLength(1);
    frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/Exam review · 1 of [23]/);
    expect(frame).toMatch(/Why: /);
    await send(r, SEQ.esc, SEQ.esc);
    expect(left).toBe(true);
  });
});

describe('two exams at once', () => {
  const blueprint = (id: string) => content.exams.find((b) => b.id === id)!;
  const quiz = (dir: string, mode: 'exam' | 'menu', exam?: string) =>
    mount(
      <QuizScreen
        mode={mode}
        exam={exam}
        count={3}
        minutes={30}
        storeDir={dir}
        width={80}
        height={24}
        clock={() => T0}
        editor={false}
        onExit={() => undefined}
      />,
    );
  /** A DP-100 exam saved half-way: one of four answered, 7 minutes of 30 used. */
  const savedDp100 = () => {
    const exam = newExam(content.questions, content.topics, {
      count: 4,
      minutes: 30,
      blueprint: blueprint('dp-100'),
      now: new Date(T0 - 3600000),
      random: seededRandom(4),
    });
    const answer = { answer: { type: 'truefalse' as const, value: true }, correct: false, score: 0, ms: 1000 };
    return {
      ...exam,
      elapsedMs: 7 * 60000,
      current: 1,
      answers: { [exam.questionIds[0]]: { ...answer, answeredAt: new Date(T0 - 3000000).toISOString() } },
    };
  };

  it('starting an AI-300 exam leaves a saved DP-100 exam as it was, and each resumes its own', async () => {
    const dir = tempDir();
    new LearningStore(dir).saveExam(savedDp100());
    let r = await quiz(dir, 'exam', 'ai-300');
    await settle();
    let frame = await waitFor(r, (f) => /questions across the topics/.test(f));
    expect(frame).toMatch(/AI-300 ·/);
    expect(frame).not.toMatch(/An unfinished exam/);
    expect(frame).toMatch(
      /DP-100 exam in progress \(1 of 4 answered\) stays saved: amlenv quiz --exam\s+dp-100 resumes it/,
    );
    frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/question 1 of 3/);
    frame = await send(r, SEQ.esc);
    frame = await send(r, 's');
    r.unmount();

    r = await quiz(dir, 'exam', 'dp-100');
    await settle();
    frame = await waitFor(r, (f) => /An unfinished exam/.test(f));
    expect(frame).toMatch(/DP-100 ·/);
    expect(frame).toMatch(/An unfinished exam: 1 of 4 answered, 23:00 left/);
    r.unmount();

    r = await quiz(dir, 'exam', 'ai-300');
    await settle();
    frame = await waitFor(r, (f) => /An unfinished exam/.test(f));
    expect(frame).toMatch(/AI-300 ·/);
    expect(frame).toMatch(/An unfinished exam: 0 of 3 answered/);
  });

  it('the menu offers every exam in progress, the one asked for first', async () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    store.saveExam(savedDp100());
    store.saveExam(
      newExam(content.questions, content.topics, {
        count: 2,
        minutes: 20,
        blueprint: blueprint('ai-300'),
        now: new Date(T0),
        random: seededRandom(5),
      }),
    );
    const r = await quiz(dir, 'menu', 'dp-100');
    await settle();
    let frame = await waitFor(r, (f) => f.includes('Practise'));
    expect(frame).toMatch(/Resume the DP-100 exam\s+1 of 4 answered, 23:00 left\n.*Resume the AI-300 exam\s+0 of 2/);
    expect(frame).not.toMatch(/Take a practice exam/);
    await settle();
    frame = await send(r, SEQ.down, SEQ.down, SEQ.enter);
    await settle();
    expect(frame).toMatch(/AI-300 ·/);
    expect(frame).toMatch(/An unfinished exam: 0 of 2 answered/);
  });

  it('an exam saved before exams had slots (one exam.json session) still resumes, under its own exam', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'exam.json'), JSON.stringify(savedDp100()));
    let r = await quiz(dir, 'exam', 'ai-300');
    await settle();
    let frame = await waitFor(r, (f) => /questions across the topics/.test(f));
    expect(frame).not.toMatch(/An unfinished exam/);
    r.unmount();
    r = await quiz(dir, 'exam', 'dp-100');
    await settle();
    frame = await waitFor(r, (f) => /An unfinished exam/.test(f));
    expect(frame).toMatch(/An unfinished exam: 1 of 4 answered, 23:00 left/);
  });
});

describe('the quiz menu', () => {
  it('offers practice and an exam, and resumes a saved exam', async () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    const exam = newExam(content.questions, content.topics, { count: 4, now: new Date(T0), random: seededRandom(2) });
    store.saveExam({ ...exam, elapsedMs: 10 * 60000 });
    const r = await mount(
      <QuizScreen
        mode="menu"
        storeDir={dir}
        width={80}
        height={24}
        clock={() => T0}
        editor={false}
        onExit={() => undefined}
      />,
    );
    await settle();
    let frame = await waitFor(r, (f) => f.includes('Practise 10 questions'));
    await settle();
    expect(frame).toMatch(/Resume the exam\s+0 of 4 answered, 1:30:00 left/);
    frame = await send(r, SEQ.down, SEQ.enter);
    await settle();
    expect(frame).toMatch(/An unfinished exam: 0 of 4 answered, 1:30:00 left/);
    frame = await send(r, SEQ.esc);
    expect(frame).toMatch(/▸ Resume the exam/);
    frame = await send(r, SEQ.up, SEQ.enter);
    expect(frame).toMatch(/Quiz · 1 of 10/);
  });

  it('a corrupt progress file is set aside and reported', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'learning.json'), '{"version": 1, "cards": [');
    const r = await mount(
      <QuizScreen mode="practice" storeDir={dir} width={80} height={24} editor={false} onExit={() => undefined} />,
    );
    await settle();
    const frame = await waitFor(r, (f) => f.includes('Quiz ·'));
    expect(frame).toMatch(/learning\.json was damaged/);
    fits(frame);
  });

  it('due questions come first', async () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    const q = byId('docker-003');
    store.review(q.id, 1, new Date(T0 - 3600000));
    const r = await mount(
      <QuizScreen
        mode="practice"
        storeDir={dir}
        width={80}
        height={24}
        clock={() => T0}
        editor={false}
        onExit={() => undefined}
      />,
    );
    await settle();
    const frame = await waitFor(r, (f) => f.includes('Quiz ·'));
    expect(frame).toMatch(/due for review · docker/);
  });
});
