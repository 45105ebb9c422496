import { beforeAll, describe, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { lessonsOf, loadContent } from '../../src/learn/content.js';
import { LearningStore } from '../../src/learn/learning-store.js';
import { Rating } from '../../src/learn/scheduler.js';
import { HOME_ENTRIES } from '../../src/ui/home-entries.js';
import { LearnScreen } from '../../src/ui/learn/LearnScreen.js';
import { ProgressScreen } from '../../src/ui/progress/ProgressScreen.js';
import { tempDir } from '../helpers.js';
import { delay, SEQ } from './keys.js';
import { mount, send, waitFor } from './render.js';

beforeAll(() => loadFieldLibs());

const content = loadContent();
/** A newly shown component subscribes to keys just after its first frame: give it that moment. */
const settle = () => delay(100);
const T0 = new Date(2026, 10, 26, 9).getTime();

function fits(frame: string): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(23);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
}

describe('home screen entries', () => {
  it('Learn, Quiz and Progress are available', () => {
    for (const id of ['learn', 'quiz', 'progress'])
      expect(HOME_ENTRIES.find((e) => e.id === id)?.disabled).toBeUndefined();
  });
});

describe('the lesson browser at 80×24', () => {
  it('lists topics with a mastery bar and what is due, opens lessons, reads one, and quizzes on it', async () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    const spark = content.questions.filter((q) => q.topic === 'spark');
    store.review(spark[0].id, Rating.Again, new Date(T0 - 3600000));
    store.review(spark[1].id, Rating.Easy, new Date(T0 - 3600000));
    let exited = false;
    const r = await mount(
      <LearnScreen
        storeDir={dir}
        width={80}
        height={24}
        clock={() => T0}
        editor={false}
        onExit={() => (exited = true)}
      />,
    );
    await settle();
    let frame = r.lastFrame()!;
    fits(frame);
    expect(frame).toMatch(/▸ What an environment is\s+░{10}\s+0%\s+\d+ new/);
    expect(frame).toMatch(/Spark and the other sections\s+[█░]{10}\s+\d+%\s+1 due · \d+ new/);
    expect(frame).toMatch(/↑↓ move · Enter lessons · q quiz this topic · Esc back/);

    const sparkIndex = content.topics.findIndex((t) => t.id === 'spark');
    frame = await send(r, ...Array(sparkIndex).fill(SEQ.down), SEQ.enter);
    const lessons = lessonsOf(content, 'spark');
    expect(frame).toContain('Learn — Spark and the other sections');
    expect(frame).toContain(`▸ ${lessons[0].title.slice(0, 40)}`);
    fits(frame);

    frame = await send(r, SEQ.enter);
    await settle();
    expect(frame).toContain(lessons[0].title);
    expect(frame).toMatch(/lines 1–\d+ of \d+/);
    expect(frame).toMatch(/q quizzes you on them/);
    fits(frame);
    frame = await send(r, '\u001B[6~');
    expect(frame).not.toMatch(/lines 1–/);

    frame = await send(r, 'q');
    frame = await waitFor(r, (f) => /Quiz · lesson spark-and-other-sections · 1 of \d+/.test(f));
    await settle();
    expect(frame).toMatch(/due for review/);
    fits(frame);
    frame = await send(r, SEQ.esc);
    expect(frame).toMatch(/done/);
    frame = await send(r, SEQ.enter);
    await settle();
    expect(frame).toContain(lessons[0].title);
    await send(r, SEQ.esc, SEQ.esc);
    frame = await send(r, SEQ.esc);
    expect(exited).toBe(true);
  });

  it('opens straight at a topic, or at a lesson, from the command line', async () => {
    const dir = tempDir();
    let r = await mount(
      <LearnScreen topic="docker" storeDir={dir} width={80} height={24} editor={false} onExit={() => undefined} />,
    );
    expect(r.lastFrame()).toContain('Learn — Docker images and containers');
    r.unmount();
    r = await mount(
      <LearnScreen
        lesson="python-kinds"
        storeDir={dir}
        width={80}
        height={24}
        editor={false}
        onExit={() => undefined}
      />,
    );
    await settle();
    expect(r.lastFrame()).toContain('The three kinds of Python environment');
    const frame = await send(r, SEQ.esc);
    expect(frame).toContain('Learn — Python dependencies');
    expect(frame).toContain('▸ The three kinds of Python environment');
  });

  it('Ctrl-C in a quiz opened from a lesson leaves the whole browser', async () => {
    let exited = false;
    const r = await mount(
      <LearnScreen
        lesson="python-kinds"
        storeDir={tempDir()}
        width={80}
        height={24}
        editor={false}
        onExit={() => (exited = true)}
      />,
    );
    await settle();
    await send(r, 'q');
    await waitFor(r, (f) => f.includes('Quiz · lesson python-kinds'));
    await settle();
    await send(r, SEQ.ctrlC);
    expect(exited).toBe(true);
  });
});

describe('the progress screen at 80×24', () => {
  it('shows mastery, due cards, the streak and exams; resets only after a yes', async () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    store.review('spark-001', Rating.Easy, new Date(T0 - 24 * 3600000));
    store.review('spark-002', Rating.Again, new Date(T0 - 60000));
    const r = await mount(
      <ProgressScreen storeDir={dir} width={80} height={24} clock={() => T0} onExit={() => undefined} />,
    );
    await settle();
    let frame = r.lastFrame()!;
    fits(frame);
    expect(frame).toMatch(/2 of \d+ questions answered at least once/);
    expect(frame).toMatch(/Due today 1 · this week 1/);
    expect(frame).toMatch(/Streak\s+2 days \(today done\) · longest 2 days/);
    expect(frame).toMatch(/Spark and the other sections\s+[█░]{10}\s+\d+%\s+2\/\d+\s+1\s+1/);
    expect(frame).toMatch(/none yet: amlenv quiz --exam/);

    frame = await send(r, 'r');
    expect(frame).toMatch(/Delete all progress \(2 answered questions, the streak, 0 exams\)\? y\/n/);
    frame = await send(r, 'n');
    expect(frame).toContain('Nothing was reset.');
    expect(new LearningStore(dir).cards.size).toBe(2);
    await send(r, 'r');
    frame = await send(r, 'y');
    expect(frame).toContain('Progress reset: every question is new again.');
    expect(frame).toMatch(/0 of \d+ questions answered/);
    expect(new LearningStore(dir).cards.size).toBe(0);
  });

  it('takes keys typed faster than a frame in order: r then y before a redraw resets', async () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    store.review('spark-001', Rating.Easy, new Date(T0 - 60000));
    const r = await mount(
      <ProgressScreen storeDir={dir} width={80} height={24} clock={() => T0} onExit={() => undefined} />,
    );
    await settle();
    r.stdin.write('r');
    r.stdin.write('y');
    const frame = await waitFor(r, (f) => f.includes('Progress reset'));
    expect(frame).toMatch(/0 of \d+ questions answered/);
    expect(new LearningStore(dir).cards.size).toBe(0);
  });
});

describe('the lesson browser with keys typed faster than a frame', () => {
  it('moves down twice and opens the third topic when Down, Down, Enter arrive in one read', async () => {
    const r = await mount(
      <LearnScreen storeDir={tempDir()} width={80} height={24} clock={() => T0} editor={false} onExit={() => {}} />,
    );
    await settle();
    r.stdin.write(SEQ.down + SEQ.down + SEQ.enter);
    const frame = await waitFor(r, (f) => f.includes(`Learn — ${content.topics[2].title}`));
    expect(frame).toContain(`▸ ${lessonsOf(content, content.topics[2].id)[0].title.slice(0, 40)}`);
  });
});
