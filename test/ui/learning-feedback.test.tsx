// The learning screens say things whole and plainly: lesson sources never cut, an order question's review
// and a missed "all that apply" choice in words, the rating explained, the exam's pause and its leaving.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { loadContent, type Question } from '../../src/learn/content.js';
import { newExam, seededRandom } from '../../src/learn/exam.js';
import { LearningStore } from '../../src/learn/learning-store.js';
import { lessonLines } from '../../src/ui/components/LessonView.js';
import { LearnScreen } from '../../src/ui/learn/LearnScreen.js';
import { ExamSession } from '../../src/ui/quiz/ExamSession.js';
import { feedbackLines } from '../../src/ui/quiz/question-lines.js';
import { PracticeSession } from '../../src/ui/quiz/PracticeSession.js';
import { grade } from '../../src/learn/grading.js';
import { tempDir } from '../helpers.js';
import { delay, SEQ } from './keys.js';
import { mount, send, waitFor } from './render.js';

beforeAll(() => loadFieldLibs());

const content = loadContent();
const settle = () => delay(100);
const T0 = new Date(2026, 10, 26, 9).getTime();
const longest = [...content.lessons].sort(
  (a, b) => Math.max(...b.sources.map((s) => s.length)) - Math.max(...a.sources.map((s) => s.length)),
)[0];

function practice(questions: Question[], width = 80) {
  const store = new LearningStore(tempDir());
  const tree = (
    <PracticeSession
      items={questions.map((question) => ({ question, reason: 'new' as const }))}
      content={content}
      store={store}
      width={width}
      height={24}
      clock={() => T0}
      editor={false}
      onLeave={() => undefined}
    />
  );
  return { tree, store };
}

describe('lesson sources', () => {
  it.each([60, 80, 120])(
    'are shown whole at %i columns: every URL can be read back from the lines, none is cut',
    (width) => {
      expect(Math.max(...longest.sources.map((s) => s.length))).toBeGreaterThan(70);
      const lines = lessonLines(longest, width - 2).map((l) => l.text);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width - 2);
      const after = lines.slice(lines.indexOf('Sources') + 1);
      expect(after.join('\n')).not.toContain('…');
      // Joining the lines (a copy with its line breaks taken out) gives each URL back.
      const joined = after.map((l) => l.trim()).join('');
      for (const source of longest.sources) expect(joined).toContain(source);
    },
  );

  it('a long link inside a lesson paragraph is split across lines, not cut', () => {
    const lesson = {
      ...longest,
      body: `Read [the page](https://learn.microsoft.com/en-us/azure/machine-learning/how-to-use-environments?view=azureml-api-1&tabs=python) first.`,
    };
    const lines = lessonLines(lesson, 58).map((l) => l.text);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(58);
    expect(lines.join('')).toContain('how-to-use-environments?view=azureml-api-1&tabs=python');
  });
});

describe('feedback in words', () => {
  it('an order question answered in the wrong order says "Wrong order", shows the right order and where you had each', () => {
    const q = content.questions.find(
      (x): x is Extract<Question, { type: 'order' }> => x.type === 'order' && x.choices.length >= 3,
    )!;
    const reversed = [...q.answer].reverse();
    const answer = { type: 'order' as const, order: reversed };
    const text = feedbackLines(q, answer, grade(q, answer), 76, {})
      .map((l) => l.text)
      .join('\n');
    expect(text).toMatch(/^✗ Wrong order: \d+ of \d+ in the right place\./);
    expect(text).not.toContain('Partly');
    expect(text).toContain('The right order (✓ where you had it, ✗ where you did not):');
    expect(text).toMatch(/✗ 1\. [^✓✗]*\(you had it \d+(st|nd|rd|th)\)/);
  });

  it('a missed choice in "all that apply" is named: "You missed: …" and "(a right choice you missed)"', async () => {
    const q = content.questions.find(
      (x): x is Extract<Question, { type: 'multi' }> => x.type === 'multi' && x.answer.length >= 2,
    )!;
    const r = await mount(practice([q]).tree);
    await settle();
    await send(r, String(q.answer[0] + 1));
    const frame = await send(r, SEQ.enter);
    const missed = q.choices[q.answer[1]].text.replace(/`([^`]+)`/g, '$1');
    expect(frame).toContain(`You missed: ${missed.slice(0, 30)}`);
    expect(frame).toContain('(a right choice you missed)');
    expect(frame).toContain('(your answer)');
  });

  it('the rating in the feedback is explained on screen', async () => {
    const q = content.questions.find((x) => x.type === 'truefalse')!;
    const r = await mount(practice([q]).tree);
    await settle();
    // The clock stands still, so the answer is quick: right is "easy", wrong is "again".
    let frame = await send(r, (q as Extract<Question, { type: 'truefalse' }>).answer ? 't' : 'f');
    frame = await send(r, '\u001B[6~', '\u001B[6~', '\u001B[6~');
    expect(frame).toMatch(/Next review: .*\(rated easy\)/);
    expect(frame).toContain('easy: right and quick — comes back latest');
  });

  it('the summary at the end explains the ratings it lists', async () => {
    const q = content.questions.find((x): x is Extract<Question, { type: 'truefalse' }> => x.type === 'truefalse')!;
    const r = await mount(practice([q]).tree);
    await settle();
    await send(r, q.answer ? 'f' : 't');
    const frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/✗ \S+\s+again\s/);
    expect(frame).toContain('again: wrong or given up — comes back soon');
  });

  it('every rating has its meaning, wrapped at 60 columns', () => {
    const q = content.questions.find((x) => x.type === 'truefalse')!;
    for (const rating of ['again', 'hard', 'good', 'easy']) {
      const lines = feedbackLines(q, undefined, undefined, 56, {
        nextReview: `in 1 day (rated ${rating})`,
        rating,
      }).map((l) => l.text);
      const at = lines.findIndex((l) => l.startsWith(`${rating}: `));
      expect(at).toBeGreaterThan(0);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(56);
    }
  });
});

describe('the exam: pause and leave', () => {
  const draw = (now: number) => () =>
    newExam(
      content.questions.filter((q) => q.type === 'truefalse'),
      content.topics,
      { count: 3, minutes: 2, now: new Date(now), random: seededRandom(3) },
    );

  it('the pause screen is a real pause: its countdown stands still while it shows', async () => {
    let now = T0;
    const store = new LearningStore(tempDir());
    const exam = draw(now)();
    const r = await mount(
      <ExamSession
        exam={exam}
        resuming={false}
        content={content}
        store={store}
        width={80}
        height={24}
        draw={draw(now)}
        clock={() => now}
        editor={false}
        onLeave={() => undefined}
      />,
    );
    await settle();
    await send(r, SEQ.enter);
    now += 10000;
    let frame = await waitFor(r, (f) => f.includes('01:50 left'));
    frame = await send(r, SEQ.esc);
    expect(frame).toContain('Exam · paused');
    expect(frame).toContain('the clock is stopped at 01:50 left until you continue');
    expect(frame).not.toMatch(/keeps running/);
    now += 60000;
    await delay(1200);
    expect(r.lastFrame()).toContain('⏱ 01:50 left');
    expect(store.currentExam()?.elapsedMs).toBe(10000);
    frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/Exam · ⏱ 01:50 left · question 1 of 3/);
  });

  it.each([
    ['Ctrl-C during a question', [SEQ.ctrlC]],
    ['s on the pause screen', [SEQ.esc, 's']],
  ])('%s leaves the exam saved and says how to resume it', async (_, keys) => {
    const store = new LearningStore(tempDir());
    const exam = { ...draw(T0)(), exam: 'ai-300' };
    let quit = false;
    const r = await mount(
      <ExamSession
        exam={exam}
        resuming={false}
        content={content}
        store={store}
        width={80}
        height={24}
        draw={draw(T0)}
        clock={() => T0}
        editor={false}
        onLeave={() => (quit = true)}
        onQuit={() => (quit = true)}
      />,
    );
    await settle();
    await send(r, SEQ.enter, 't');
    const frame = await send(r, ...keys);
    await waitFor(r, () => quit);
    expect(frame).toContain('✓ The AI-300 exam is saved: 1 of 3 answered, 02:00 left on its clock');
    expect(frame).toContain('Resume it with: amlenv quiz --exam ai-300');
    expect(store.currentExam()?.answers).toHaveProperty(exam.questionIds[0]);
  });

  it('Esc on the intro of a new exam leaves without a word (nothing was started)', async () => {
    const store = new LearningStore(tempDir());
    let left = false;
    const r = await mount(
      <ExamSession
        exam={draw(T0)()}
        resuming={false}
        content={content}
        store={store}
        width={80}
        height={24}
        draw={draw(T0)}
        clock={() => T0}
        editor={false}
        onLeave={() => (left = true)}
      />,
    );
    await settle();
    const frame = await send(r, SEQ.esc);
    expect(left).toBe(true);
    expect(frame).not.toContain('Resume it with');
  });
});

describe('lesson text is wrapped, never cut', () => {
  it.each([60, 80, 120])(
    'every lesson fits %i columns with nothing dropped (code lines are broken, not cut)',
    (width) => {
      for (const lesson of content.lessons) {
        const lines = lessonLines(lesson, width - 2).map((l) => l.text);
        for (const line of lines) expect(line.length, `${lesson.id}: ${line}`).toBeLessThanOrEqual(width - 2);
        const words = (s: string) => s.replace(/\s+/g, '');
        for (const code of lesson.body.matchAll(/```[\w-]*\n([\s\S]*?)```/g))
          expect(words(lines.join(''))).toContain(words(code[1]));
      }
    },
  );
});

describe('the topic and lesson lists keep whole titles and their numbers', () => {
  // The titles read back from the rows: the numbers after a title (on its first row) taken out.
  const flat = (frame: string) =>
    frame
      .split('\n')
      .map((l) =>
        l
          .replace(/^[▸ ]\s*/, '')
          .replace(/\s+(?:[░█]{10}\s+\d+%|\d+ questions?\b).*$/, '')
          .trim(),
      )
      .join(' ')
      .replace(/\s+/g, ' ');

  it.each([60, 80, 120])('at %i columns every topic title and its counts are shown, no "…"', async (width) => {
    const r = await mount(
      <LearnScreen
        storeDir={tempDir()}
        width={width}
        height={40}
        clock={() => T0}
        editor={false}
        onExit={() => undefined}
      />,
    );
    await settle();
    const frame = r.lastFrame()!;
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    expect(frame).not.toMatch(/\S…/);
    for (const t of content.topics) expect(flat(frame)).toContain(t.title);
    expect(frame.match(/░{10}\s+0%\s+\d+ new/g)?.length).toBe(content.topics.length);
  });

  it.each([60, 80, 120])('at %i columns a long lesson title wraps under itself', async (width) => {
    const lesson = [...content.lessons].sort((a, b) => b.title.length - a.title.length)[0];
    const inTopic = content.lessons.filter((l) => l.topic === lesson.topic);
    const r = await mount(
      <LearnScreen
        topic={lesson.topic}
        storeDir={tempDir()}
        width={width}
        height={40}
        clock={() => T0}
        editor={false}
        onExit={() => undefined}
      />,
    );
    await settle();
    const frame = r.lastFrame()!;
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    for (const l of inTopic) expect(flat(frame)).toContain(l.title);
    expect(frame.match(/\d+ questions?/g)?.length).toBe(inTopic.length);
  });
});

describe('the key help at 60 columns', () => {
  it('a footer too long for one row takes the free message row instead of being cut', async () => {
    const q = content.questions.find((x) => x.type === 'truefalse')!;
    const r = await mount(practice([q], 60).tree);
    await settle();
    const frame = await send(r, 't');
    expect(frame).toContain('l read the lesson');
    expect(frame).toContain('Esc end session');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });
});

describe('the exam result at 60 columns', () => {
  it('names every skill area and topic whole (wrapped, not cut) with the bars in one column', async () => {
    const blueprint = content.exams.find((b) => b.id === 'ai-300')!;
    const draw = () =>
      newExam(content.questions, content.topics, { count: 6, blueprint, now: new Date(T0), random: seededRandom(5) });
    const exam = draw();
    const r = await mount(
      <ExamSession
        exam={exam}
        resuming={false}
        content={content}
        store={new LearningStore(tempDir())}
        width={60}
        height={60}
        draw={draw}
        clock={() => T0}
        editor={false}
        onLeave={() => undefined}
      />,
    );
    await settle();
    await send(r, SEQ.enter);
    await send(r, SEQ.esc);
    const frame = await send(r, 'f');
    expect(frame).toContain('By skill area');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(frame).not.toMatch(/\S…/);
    const titles = frame
      .split('\n')
      .map((l) => l.replace(/\s+[░█]{10}\s+\d+\/\d+$/, '').trim())
      .join(' ');
    const areas = blueprint.areas.filter((a) => a.topics.length || a.lessons?.length);
    for (const a of areas) expect(titles).toContain(a.title);
    expect(frame).toMatch(/Enter reviews the \d+ questions? you got wrong or left out,\s+with explanations\./);
  });
});
