// What the quiz, exam and progress screens say about saving must match what reached the disk.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { loadContent, type Question } from '../../src/learn/content.js';
import { newExam, seededRandom } from '../../src/learn/exam.js';
import { LearningStore } from '../../src/learn/learning-store.js';
import { ProgressScreen } from '../../src/ui/progress/ProgressScreen.js';
import { ExamSession } from '../../src/ui/quiz/ExamSession.js';
import { PracticeSession } from '../../src/ui/quiz/PracticeSession.js';
import { QuizScreen } from '../../src/ui/quiz/QuizScreen.js';
import { tempDir } from '../helpers.js';
import { failingFs } from '../store/failing-fs.js';
import { delay, SEQ } from './keys.js';
import { mount, send, waitFor } from './render.js';

beforeAll(() => loadFieldLibs());

const content = loadContent();
const settle = () => delay(100);
const T0 = new Date(2026, 10, 26, 9).getTime();
const truefalse = content.questions
  .filter((q): q is Extract<Question, { type: 'truefalse' }> => q.type === 'truefalse')
  .slice(0, 2);
const readOnly = () => failingFs([{ op: '*write', path: /./, code: 'EROFS' }]);
const noStackTrace = (frame: string) => expect(frame).not.toMatch(/ERROR|\n\s+at |\bat .*\.(js|ts):\d+/);

function practice(store: LearningStore) {
  return (
    <PracticeSession
      items={truefalse.map((question) => ({ question, reason: 'new' as const }))}
      content={content}
      store={store}
      width={80}
      height={24}
      clock={() => T0}
      editor={false}
      onLeave={() => undefined}
    />
  );
}

describe('a practice session never calls an unsaved answer saved', () => {
  it('a read-only store (simulated EROFS): the first answer says why once, every answer says "not saved", the summary agrees', async () => {
    const dir = tempDir();
    const store = new LearningStore(dir, { fs: readOnly() });
    const r = await mount(practice(store));
    await settle();
    let frame = await send(r, truefalse[0].answer ? 't' : 'f');
    expect(frame).toMatch(/could not save your answer: .*read-only file system/);
    expect(frame).toMatch(/Next review: .* · not saved/);
    frame = await send(r, SEQ.enter);
    frame = await send(r, truefalse[1].answer ? 't' : 'f');
    expect(frame).not.toMatch(/could not save your answer/); // said once
    expect(frame).toMatch(/· not saved/);
    frame = await send(r, SEQ.enter);
    frame = await waitFor(r, (f) => f.includes('2 of 2 right.'));
    expect(frame).toMatch(/Your answers were NOT saved/);
    expect(frame).not.toMatch(/Your answers are saved/);
    noStackTrace(frame);
    expect(new LearningStore(dir).cards.size).toBe(0);
    expect(store.cards.size).toBe(2); // the session went on in memory
  });

  it('a store that fails after the first answer: the summary counts what was saved', async () => {
    const dir = tempDir();
    const fs = failingFs([]);
    const store = new LearningStore(dir, { fs });
    const r = await mount(practice(store));
    await settle();
    await send(r, truefalse[0].answer ? 't' : 'f', SEQ.enter);
    fs.writeFile = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    await send(r, truefalse[1].answer ? 't' : 'f', SEQ.enter);
    const frame = await waitFor(r, (f) => f.includes('2 of 2 right.'));
    expect(frame).toMatch(/1 of 2 answers saved; 1 could not be \(no space left/);
    expect(new LearningStore(dir).cards.size).toBe(1);
  });

  it('a writable store: the summary says saved, and it is', async () => {
    const dir = tempDir();
    const r = await mount(practice(new LearningStore(dir)));
    await settle();
    await send(r, truefalse[0].answer ? 't' : 'f', SEQ.enter, truefalse[1].answer ? 't' : 'f', SEQ.enter);
    const frame = await waitFor(r, (f) => f.includes('2 of 2 right.'));
    expect(frame).toMatch(/Your answers are saved/);
    expect(new LearningStore(dir).cards.size).toBe(2);
  });
});

describe('a practice session on a store that could not be read', () => {
  it('the screen says so once at the top; answers say "not saved" without repeating why; the summary agrees', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'learning.json'),
      JSON.stringify({ version: 1, cards: {}, days: { '2026-11-25': 4 }, exams: [] }),
    );
    const store = new LearningStore(dir, {
      fs: failingFs([{ op: 'readFile', path: /learning\.json$/, code: 'EACCES' }]),
    });
    expect(store.problem).toMatch(/cannot read .*learning\.json \(permission denied\)/);
    const r = await mount(practice(store));
    await settle();
    let frame = await send(r, truefalse[0].answer ? 't' : 'f');
    expect(frame).toMatch(/· not saved/);
    expect(frame).not.toMatch(/could not save your answer/);
    frame = await send(r, SEQ.enter, truefalse[1].answer ? 't' : 'f', SEQ.enter);
    frame = await waitFor(r, (f) => f.includes('2 of 2 right.'));
    expect(frame).toMatch(/Your answers were NOT saved/);
    expect(JSON.parse(readFileSync(join(dir, 'learning.json'), 'utf8')).days).toEqual({ '2026-11-25': 4 });
  });
});

describe('an exam never calls an unsaved answer saved', () => {
  it('a read-only store: "kept in memory only", and the result says it was not saved', async () => {
    const store = new LearningStore(tempDir(), { fs: readOnly() });
    const draw = () =>
      newExam(truefalse, content.topics, { count: 2, minutes: 10, now: new Date(T0), random: seededRandom(3) });
    const exam = draw();
    const r = await mount(
      <ExamSession
        exam={exam}
        resuming={false}
        content={content}
        store={store}
        width={80}
        height={24}
        draw={draw}
        clock={() => T0}
        editor={false}
        onLeave={() => undefined}
      />,
    );
    await settle();
    let frame = await send(r, SEQ.enter);
    expect(frame).toMatch(/could not save the exam: .*read-only/);
    frame = await send(r, 't');
    expect(frame).toMatch(/answer kept in memory only \(1 of 2\), not saved/);
    expect(frame).not.toMatch(/answer saved/);
    frame = await send(r, 't');
    frame = await send(r, SEQ.enter);
    frame = await waitFor(r, (f) => f.includes('Score:'));
    expect(frame).toMatch(/This result was NOT saved \(.*read-only/);
    noStackTrace(frame);
  });
});

describe('screens on a store they cannot use', () => {
  it('a settings folder that is a file: the quiz opens, says so plainly, no stack trace', async () => {
    const home = join(tempDir(), 'amlenv');
    writeFileSync(home, 'a file');
    const r = await mount(
      <QuizScreen mode="practice" storeDir={home} width={80} height={24} editor={false} onExit={() => undefined} />,
    );
    const frame = await waitFor(r, (f) => f.includes('Quiz ·'));
    expect(frame).toMatch(/is a file, not a folder/);
    noStackTrace(frame);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it("a damaged store in a read-only folder (simulated): progress shows a notice, not Ink's ERROR", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'learning.json'), '{"version": 1, "cards": [');
    const store = new LearningStore(dir, { fs: readOnly() });
    const r = await mount(<ProgressScreen store={store} width={80} height={24} onExit={() => undefined} />);
    const frame = await waitFor(r, (f) => f.includes('Progress'));
    expect(frame).toMatch(/learning\.json is damaged/);
    noStackTrace(frame);
    // The notice takes three lines at 80 columns; the screen below shrinks to match, so all of it shows.
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    expect(frame.split('\n')[0]).toMatch(/^\/tmp\/.*learning\.json is damaged/);
  });

  it('reset on a read-only store says it could not, and the disk keeps the progress', async () => {
    const dir = tempDir();
    new LearningStore(dir).review('spark-001', 3, new Date(T0));
    const store = new LearningStore(dir, { fs: readOnly() });
    const r = await mount(<ProgressScreen store={store} width={80} height={24} onExit={() => undefined} />);
    await settle();
    await send(r, 'r');
    const frame = await send(r, 'y');
    expect(frame).toMatch(/could not reset the saved progress \(.*read-only/);
    expect(frame).toMatch(/1 of \d+ questions answered at least once/); // the screen does not pretend it was wiped
    expect(new LearningStore(dir).cards.size).toBe(1);
  });
});
