import { beforeAll, describe, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { loadContent, type Question } from '../../src/learn/content.js';
import { newExam, seededRandom } from '../../src/learn/exam.js';
import { Rating } from '../../src/learn/scheduler.js';
import { type ExamContext, examKey, examTick, startExamState, timeLeft } from '../../src/ui/quiz/exam-state.js';
import {
  initialInput,
  inputKey,
  type InputOptions,
  type InputResult,
  type InputState,
} from '../../src/ui/quiz/input-state.js';
import { editMulti, multiline, textOf } from '../../src/ui/quiz/multiline.js';
import {
  type PracticeContext,
  practiceEdited,
  practiceKey,
  type PracticeState,
  startPractice,
} from '../../src/ui/quiz/practice-state.js';
import { TODAY } from '../helpers.js';
import { k, KEY } from './keys.js';

beforeAll(() => loadFieldLibs());

const content = loadContent();
const q = (id: string) => content.questions.find((x) => x.id === id)!;
const ofType = <T extends Question['type']>(type: T) =>
  content.questions.find((x) => x.type === type) as Extract<Question, { type: T }>;
const exercise = (id: string) => content.exercises.find((e) => e.id === id);
const options: InputOptions = { exam: false, hasEditor: false, editorHeight: 18 };
const press = (question: Question, input: InputState, ...keys: Array<[string, ReturnType<typeof k>]>) => {
  let state = input;
  let last: InputResult | undefined;
  for (const [text, key] of keys) {
    last = inputKey(question, state, text, key, {
      ...options,
      exercise: question.type === 'fix-file' ? exercise(question.exercise) : undefined,
    });
    if (last) state = last.input;
  }
  return { state, last };
};

describe('the input for each question type', () => {
  it('single: arrows or a digit focus a choice, Enter answers it', () => {
    const single = ofType('single');
    const { last } = press(
      single,
      initialInput(single),
      ['', KEY.down],
      ['', KEY.down],
      ['1', KEY.none],
      ['', KEY.down],
      ['', KEY.enter],
    );
    expect(last?.answer).toEqual({ type: 'single', choice: 1 });
    expect(press(single, initialInput(single), ['', KEY.up]).state).toMatchObject({ focus: single.choices.length - 1 });
    expect(press(single, initialInput(single), ['9', KEY.none]).last).toBeUndefined();
  });

  it('multi: Space ticks and unticks, Enter refuses an empty answer', () => {
    const multi = ofType('multi');
    const empty = press(multi, initialInput(multi), ['', KEY.enter]).last!;
    expect(empty.answer).toBeUndefined();
    expect(empty.message).toMatch(/Tick at least one/);
    const { last, state } = press(
      multi,
      initialInput(multi),
      [' ', KEY.none],
      ['', KEY.down],
      [' ', KEY.none],
      ['', KEY.down],
      [' ', KEY.none],
      ['', KEY.up],
      [' ', KEY.none],
      ['', KEY.enter],
    );
    expect(state).toMatchObject({ picked: [0, 2] });
    expect(last?.answer).toEqual({ type: 'multi', choices: [0, 2] });
  });

  it('order: Shift-↑↓ (or K/J) carry the focused item; Enter answers the arrangement', () => {
    const order = ofType('order');
    const { state } = press(
      order,
      initialInput(order),
      ['', KEY.down],
      ['', k({ downArrow: true, shift: true })],
      ['K', KEY.none],
      ['K', KEY.none],
    );
    expect(state).toMatchObject({ focus: 0, order: [1, 0, 2, ...order.choices.slice(3).map((_, i) => i + 3)] });
    const atTop = press(order, initialInput(order), ['K', KEY.none]);
    expect(atTop.state).toMatchObject({ order: order.choices.map((_, i) => i) });
    expect(press(order, state, ['', KEY.enter]).last?.answer).toEqual({
      type: 'order',
      order: (state as { order: number[] }).order,
    });
  });

  it('truefalse: t and f answer at once; arrows and Enter work too', () => {
    const tf = ofType('truefalse');
    expect(press(tf, initialInput(tf), ['f', KEY.none]).last?.answer).toEqual({ type: 'truefalse', value: false });
    expect(press(tf, initialInput(tf), ['T', KEY.none]).last?.answer).toEqual({ type: 'truefalse', value: true });
    expect(press(tf, initialInput(tf), ['', KEY.down], ['', KEY.enter]).last?.answer).toEqual({
      type: 'truefalse',
      value: false,
    });
  });

  it('fill: typing edits the answer (letters are text, not keys); Enter submits non-empty text', () => {
    const fill = ofType('fill');
    const typed = press(
      fill,
      initialInput(fill),
      ...[...'hgex'].map((c) => [c, KEY.none] as [string, typeof KEY.none]),
      ['', KEY.backspace],
    );
    expect(typed.state).toMatchObject({ buf: { text: 'hge' } });
    expect(press(fill, typed.state, ['', KEY.enter]).last?.answer).toEqual({ type: 'fill', text: 'hge' });
    expect(press(fill, initialInput(fill), [' ', KEY.none], ['', KEY.enter]).last?.message).toMatch(/Type an answer/);
  });

  it('fix-file: hints one at a time up to the last, inline editing, Ctrl-S to check, g to give up', () => {
    const fix = content.questions.find((x) => x.type === 'fix-file' && x.exercise === 'fix-missing-name')!;
    const ex = exercise('fix-missing-name')!;
    let r = press(fix, initialInput(fix, ex), ['h', KEY.none], ['h', KEY.none]);
    expect(r.state).toMatchObject({ hints: 2 });
    r = press(fix, r.state, ...Array(ex.hints.length).fill(['h', KEY.none]));
    expect(r.state).toMatchObject({ hints: ex.hints.length });
    expect(r.last?.message).toMatch(/last hint/);
    const editing = press(fix, r.state, ['', KEY.enter]);
    expect(editing.state).toMatchObject({ editing: { row: 0, col: 0 } });
    const typed = press(
      fix,
      editing.state,
      ['', k({ end: true })],
      ['', KEY.enter],
      ['"name": "x",', KEY.none],
      ['s', k({ ctrl: true })],
    );
    expect(typed.last?.answer).toEqual({ type: 'fix-file', text: ex.broken.replace('{\n', '{\n"name": "x",\n') });
    expect(press(fix, initialInput(fix, ex), ['g', KEY.none]).last?.answer).toMatchObject({ gaveUp: true });
    expect(
      inputKey(fix, initialInput(fix, ex), 'e', KEY.none, { ...options, hasEditor: true, exercise: ex })?.openEditor,
    ).toBe(true);
  });

  it('fix-file in an exam: no hints and no giving up', () => {
    const fix = ofType('fix-file');
    const ex = exercise(fix.exercise)!;
    expect(
      inputKey(fix, initialInput(fix, ex), 'h', KEY.none, { ...options, exam: true, exercise: ex }),
    ).toBeUndefined();
    expect(
      inputKey(fix, initialInput(fix, ex), 'g', KEY.none, { ...options, exam: true, exercise: ex }),
    ).toBeUndefined();
  });
});

describe('the inline multi-line editor', () => {
  const m = multiline('{\n  "a": 1\n}\n');
  it('moves, types, joins and splits lines, keeps indentation, and keeps the cursor in view', () => {
    let e = editMulti(m, '', KEY.down, 2)!;
    e = editMulti(e, '', k({ end: true }), 2)!;
    e = editMulti(e, ',', KEY.none, 2)!;
    e = editMulti(e, '', KEY.enter, 2)!;
    e = editMulti(e, '"b": 2', KEY.none, 2)!;
    expect(textOf(e)).toBe('{\n  "a": 1,\n  "b": 2\n}\n');
    expect(e.top).toBe(1);
    e = editMulti({ ...e, col: 0 }, '', KEY.backspace, 2)!;
    expect(e.lines[1]).toBe('  "a": 1,  "b": 2');
    expect(editMulti(e, '', KEY.esc, 2)).toBeUndefined();
    expect(editMulti(e, 's', k({ ctrl: true }), 2)).toBeUndefined();
  });
  it('pastes several lines at once', () => {
    const e = editMulti(m, 'x\ny\n', KEY.none, 10)!;
    expect(textOf(e)).toBe('x\ny\n{\n  "a": 1\n}\n');
  });
});

describe('a practice session (pure, fake clock)', () => {
  const T0 = 1_800_000_000_000;
  const ctx = (now: number, over: Partial<PracticeContext> = {}): PracticeContext => ({
    now,
    hasEditor: false,
    exercise,
    today: TODAY,
    scrollMax: 100,
    editorHeight: 18,
    ...over,
  });
  const single = q('concepts-001') as Extract<Question, { type: 'single' }>;
  const start = (...qs: Question[]) =>
    startPractice(
      qs.map((question) => ({ question, reason: 'new' as const })),
      T0,
      { exercise },
    );

  it('a quick right answer is rated easy, a slow one hard, a wrong one again; each is recorded at once', () => {
    const key = String(single.answer + 1);
    const quick = practiceKey(
      practiceKey(start(single), key, KEY.none, ctx(T0 + 1000)).state,
      '',
      KEY.enter,
      ctx(T0 + 3000),
    );
    expect(quick.state.phase).toBe('feedback');
    expect(quick.effects).toEqual([{ type: 'record', id: single.id, rating: Rating.Easy, at: T0 + 3000 }]);
    const slow = practiceKey(
      practiceKey(start(single), key, KEY.none, ctx(T0)).state,
      '',
      KEY.enter,
      ctx(T0 + 10 * 60000),
    );
    expect(slow.effects[0]).toMatchObject({ rating: Rating.Hard });
    const wrong = practiceKey(
      practiceKey(start(single), single.answer === 0 ? '2' : '1', KEY.none, ctx(T0)).state,
      '',
      KEY.enter,
      ctx(T0 + 3000),
    );
    expect(wrong.effects[0]).toMatchObject({ rating: Rating.Again });
    expect(wrong.state.graded?.correct).toBe(false);
  });

  it('Enter after the last feedback shows the summary; Esc ends early; Ctrl-C quits', () => {
    let s: PracticeState = practiceKey(start(single), '', KEY.enter, ctx(T0)).state;
    s = practiceKey(s, '', KEY.enter, ctx(T0)).state;
    expect(s.phase).toBe('summary');
    expect(practiceKey(start(single, single), '', KEY.esc, ctx(T0)).state.phase).toBe('summary');
    expect(practiceKey(start(single), 'c', k({ ctrl: true }), ctx(T0)).effects).toEqual([{ type: 'quit' }]);
  });

  it('feedback scrolls within bounds and l opens the lesson', () => {
    const s = practiceKey(start(single), '', KEY.enter, ctx(T0)).state;
    expect(practiceKey(s, '', KEY.down, ctx(T0, { scrollMax: 1 })).state.scroll).toBe(1);
    expect(practiceKey({ ...s, scroll: 1 }, '', KEY.down, ctx(T0, { scrollMax: 1 })).state.scroll).toBe(1);
    expect(practiceKey(s, 'l', KEY.none, ctx(T0)).state.lessonOpen).toBe(true);
  });

  it('a fix-file that does not pass yet stays open with the findings; passing after a hint is rated hard', () => {
    const fix = content.questions.find((x) => x.type === 'fix-file' && x.exercise === 'fix-missing-name')!;
    let step = practiceKey(start(fix), 's', k({ ctrl: true }), ctx(T0));
    expect(step.state.phase).toBe('question');
    expect(step.effects).toEqual([]);
    expect(step.state.input).toMatchObject({ failed: 1, last: { solved: false } });
    expect(step.state.message?.text).toMatch(/1 finding left \(name\/required\)/);
    step = practiceKey(step.state, 'h', KEY.none, ctx(T0));
    step = practiceEdited(step.state, exercise('fix-missing-name')!.solution, ctx(T0 + 120000));
    expect(step.state.phase).toBe('feedback');
    expect(step.state.graded?.correct).toBe(true);
    expect(step.effects).toEqual([{ type: 'record', id: fix.id, rating: Rating.Hard, at: T0 + 120000 }]);
  });

  it('an editor that fails leaves the file as it was and says so', () => {
    const fix = ofType('fix-file');
    const s = practiceEdited(
      start(fix),
      undefined,
      ctx(T0),
      'the editor "nope" exited with code 127; the file is unchanged',
    );
    expect(s.state.phase).toBe('question');
    expect(s.state.message?.text).toMatch(/exited with code 127/);
  });
});

describe('an exam (pure, fake clock)', () => {
  const T0 = 1_800_000_000_000;
  const questions = new Map(content.questions.map((x) => [x.id, x]));
  const draw = () =>
    newExam(content.questions, content.topics, { count: 3, minutes: 10, now: new Date(T0), random: seededRandom(7) });
  const ctx = (now: number): ExamContext => ({
    now,
    hasEditor: false,
    questions,
    exercise,
    topics: content.topics,
    today: TODAY,
    scrollMax: 50,
    editorHeight: 18,
    draw,
  });
  const answerKey = (s: ReturnType<typeof startExamState>): [string, ReturnType<typeof k>] => {
    const question = questions.get(s.exam.questionIds[s.exam.current])!;
    if (question.type === 'multi') return [' ', KEY.none];
    if (question.type === 'fill') return ['x', KEY.none];
    if (question.type === 'fix-file') return ['s', k({ ctrl: true })];
    return ['', KEY.enter];
  };
  const answerOne = (s: ReturnType<typeof startExamState>, now: number) => {
    const [text, key] = answerKey(s);
    let step = examKey(s, text, key, ctx(now));
    if (text === ' ' || text === 'x') step = examKey(step.state, '', KEY.enter, ctx(now));
    return step;
  };

  it('the clock does not run on the intro; it runs from Enter and stops the exam at zero', () => {
    let s = startExamState(draw(), false, T0, ctx(T0));
    expect(timeLeft(s, T0 + 60000)).toBe(10 * 60000);
    s = examKey(s, '', KEY.enter, ctx(T0 + 60000)).state;
    expect(s.phase).toBe('question');
    expect(timeLeft(s, T0 + 120000)).toBe(9 * 60000);
    expect(examTick(s, ctx(T0 + 60000 + 9 * 60000)).effects).toEqual([]);
    const over = examTick(s, ctx(T0 + 60000 + 10 * 60000));
    expect(over.state.phase).toBe('result');
    expect(over.effects).toEqual([{ type: 'finish' }]);
    expect(over.state.result).toMatchObject({ score: 0, total: 3, unanswered: 3 });
    expect(over.state.message?.text).toMatch(/Time is up/);
  });

  it('answers are saved without feedback; after the last, a confirmation; then the score', () => {
    let s = examKey(startExamState(draw(), false, T0, ctx(T0)), '', KEY.enter, ctx(T0)).state;
    for (let i = 0; i < 3; i++) {
      const step = answerOne(s, T0 + (i + 1) * 1000);
      expect(step.effects).toEqual([{ type: 'save' }]);
      expect(step.state.message?.text ?? '').not.toMatch(/Right|Not quite|Partly/);
      s = step.state;
    }
    expect(s.phase).toBe('confirm-finish');
    expect(Object.keys(s.exam.answers)).toHaveLength(3);
    const done = examKey(s, '', KEY.enter, ctx(T0 + 5000));
    expect(done.effects).toEqual([{ type: 'finish' }]);
    expect(done.state.result!.total).toBe(3);
    expect(done.state.result!.score).toBe(Math.round((1000 * done.state.result!.correct) / 3));
  });

  it('Tab skips, Shift-Tab goes back to an answered question and shows the answer given', () => {
    let s = examKey(startExamState(draw(), false, T0, ctx(T0)), '', KEY.enter, ctx(T0)).state;
    s = answerOne(s, T0).state;
    expect(s.exam.current).toBe(1);
    s = examKey(s, '', KEY.tab, ctx(T0)).state;
    expect(s.exam.current).toBe(2);
    s = examKey(examKey(s, '', KEY.shiftTab, ctx(T0)).state, '', KEY.shiftTab, ctx(T0)).state;
    expect(s.exam.current).toBe(0);
    const first = questions.get(s.exam.questionIds[0])!;
    const saved = s.exam.answers[first.id].answer;
    if (saved.type === 'multi') expect(s.input).toMatchObject({ picked: saved.choices });
  });

  it('Esc pauses and saves; s saves and leaves; f scores at once', () => {
    const paused = examKey(
      examKey(startExamState(draw(), false, T0, ctx(T0)), '', KEY.enter, ctx(T0)).state,
      '',
      KEY.esc,
      ctx(T0 + 3000),
    );
    const s = paused.state;
    expect(s.phase).toBe('paused');
    expect(paused.effects).toEqual([{ type: 'save' }]);
    expect(s.exam.elapsedMs).toBe(3000);
    expect(examKey(s, 's', KEY.none, ctx(T0 + 5000)).effects).toEqual([{ type: 'save' }, { type: 'leave' }]);
    expect(examKey(s, 'f', KEY.none, ctx(T0)).state.phase).toBe('result');
  });

  it('the clock stops while paused and runs again from there after Enter', () => {
    const s = examKey(
      examKey(startExamState(draw(), false, T0, ctx(T0)), '', KEY.enter, ctx(T0)).state,
      '',
      KEY.esc,
      ctx(T0 + 3000),
    ).state;
    expect(timeLeft(s, T0 + 3000)).toBe(10 * 60000 - 3000);
    expect(timeLeft(s, T0 + 3600000)).toBe(10 * 60000 - 3000);
    expect(examTick(s, ctx(T0 + 3600000)).state.phase).toBe('paused');
    expect(examKey(s, 's', KEY.none, ctx(T0 + 600000)).state.exam.elapsedMs).toBe(3000);
    const back = examKey(s, '', KEY.enter, ctx(T0 + 600000)).state;
    expect(back.phase).toBe('question');
    expect(timeLeft(back, T0 + 600000 + 2000)).toBe(10 * 60000 - 5000);
  });

  it('resuming offers the saved exam; n draws a new one and drops the old', () => {
    const saved = { ...draw(), elapsedMs: 4 * 60000 };
    const s = startExamState(saved, true, T0, ctx(T0));
    expect(timeLeft(s, T0 + 999999)).toBe(6 * 60000);
    const fresh = examKey(s, 'n', KEY.none, ctx(T0));
    expect(fresh.effects).toEqual([{ type: 'discard', exam: saved.exam, startedAt: saved.startedAt }]);
    expect(fresh.state.resuming).toBe(false);
    expect(fresh.state.exam.elapsedMs).toBe(0);
  });

  it('the review steps through every wrong or missing answer', () => {
    let s = examKey(startExamState(draw(), false, T0, ctx(T0)), '', KEY.enter, ctx(T0)).state;
    s = examKey(examKey(s, '', KEY.esc, ctx(T0)).state, 'f', KEY.none, ctx(T0)).state;
    s = examKey(s, '', KEY.enter, ctx(T0)).state;
    expect(s.phase).toBe('review');
    s = examKey(examKey(s, '', KEY.tab, ctx(T0)).state, '', KEY.tab, ctx(T0)).state;
    expect(s.review).toBe(2);
    s = examKey(s, '', KEY.tab, ctx(T0)).state;
    expect(s.review).toBe(2);
    expect(examKey(s, '', KEY.esc, ctx(T0)).state.phase).toBe('result');
  });
});
