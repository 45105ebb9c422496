// Exam mode as a pure state machine: an intro (start or resume), questions with a countdown and no
// feedback, a pause menu, the score with a per-topic breakdown, and a review of every wrong answer.
// The clock runs while a question is on screen and stops while paused; the view saves the session after
// every answer.
import type { Key } from 'ink';
import { blueprintOf, type ExamBlueprint } from '../../learn/blueprints.js';
import type { Exercise, Question, Topic } from '../../learn/content.js';
import {
  answeredCount,
  type ExamResult,
  examResult,
  type ExamSession,
  recordExamAnswer,
  remainingMs,
} from '../../learn/exam.js';
import { type Answer, grade } from '../../learn/grading.js';
import { pressed } from '../keys.js';
import { editedText, initialInput, inputFromAnswer, inputKey, type InputState } from './input-state.js';

export type ExamPhase = 'intro' | 'question' | 'paused' | 'confirm-finish' | 'result' | 'review';

export interface ExamState {
  exam: ExamSession;
  phase: ExamPhase;
  /** The intro offers to resume an exam left unfinished. */
  resuming: boolean;
  input: InputState;
  shownAt: number;
  /** Time used when the clock last (re)started, and when that was. */
  clock: { elapsedMs: number; at: number };
  result?: ExamResult;
  review: number;
  scroll: number;
  message?: { text: string; tone?: 'info' | 'error' | 'success' | 'warning' };
  /** Why the exam is not reaching the disk (kept in memory only), once a save has failed. */
  unsaved?: string;
}

/** leave: the exam screen is done; quit: Ctrl-C, out of the whole screen (the exam is saved first). */
export type ExamEffect =
  | { type: 'save' }
  | { type: 'finish' }
  | { type: 'open-editor'; text: string }
  /** The unfinished exam offered for resuming is dropped: its blueprint (its slot) and when it started. */
  | { type: 'discard'; exam: string | undefined; startedAt: string }
  | { type: 'leave' }
  | { type: 'quit' };

export interface ExamContext {
  now: number;
  hasEditor: boolean;
  questions: ReadonlyMap<string, Question>;
  exercise: (id: string) => Exercise | undefined;
  topics: readonly Topic[];
  /** The exam blueprints, for the pass mark and the skill areas of the exam being taken. */
  blueprints?: readonly ExamBlueprint[];
  today?: Date;
  scrollMax: number;
  editorHeight: number;
  /** A freshly drawn exam, for "start a new one instead". */
  draw: () => ExamSession;
}

export interface ExamStep {
  state: ExamState;
  effects: ExamEffect[];
}

const exerciseOf = (q: Question | undefined, ctx: Pick<ExamContext, 'exercise'>) =>
  q?.type === 'fix-file' ? ctx.exercise(q.exercise) : undefined;

export const questionAt = (s: ExamState, ctx: Pick<ExamContext, 'questions'>): Question | undefined =>
  ctx.questions.get(s.exam.questionIds[s.exam.current]);

function inputFor(exam: ExamSession, ctx: Pick<ExamContext, 'questions' | 'exercise'>): InputState {
  const q = ctx.questions.get(exam.questionIds[exam.current]);
  if (!q) return { type: 'single', focus: 0 };
  const saved = exam.answers[q.id];
  return saved ? inputFromAnswer(q, saved.answer, exerciseOf(q, ctx)) : initialInput(q, exerciseOf(q, ctx));
}

export function startExamState(
  exam: ExamSession,
  resuming: boolean,
  now: number,
  ctx: Pick<ExamContext, 'questions' | 'exercise'>,
): ExamState {
  return {
    exam,
    phase: 'intro',
    resuming,
    input: inputFor(exam, ctx),
    shownAt: now,
    clock: { elapsedMs: exam.elapsedMs, at: now },
    review: 0,
    scroll: 0,
  };
}

// Paused means paused: the clock stops on the pause screen and starts again from there on return.
const running = (s: ExamState) => s.phase === 'question' || s.phase === 'confirm-finish';

/** Time used so far. */
export const elapsed = (s: ExamState, now: number): number =>
  running(s) ? s.clock.elapsedMs + Math.max(0, now - s.clock.at) : s.exam.elapsedMs;

export const timeLeft = (s: ExamState, now: number): number => remainingMs(s.exam, elapsed(s, now));

/** The session with the time used up to now, ready to save. */
export const sessionNow = (s: ExamState, now: number): ExamSession => ({ ...s.exam, elapsedMs: elapsed(s, now) });

function goTo(state: ExamState, index: number, ctx: ExamContext): ExamState {
  const n = state.exam.questionIds.length;
  const exam = { ...state.exam, current: ((index % n) + n) % n };
  return {
    ...state,
    exam,
    phase: 'question',
    input: inputFor(exam, ctx),
    shownAt: ctx.now,
    scroll: 0,
    message: undefined,
  };
}

function finish(state: ExamState, ctx: ExamContext, message?: ExamState['message']): ExamStep {
  const exam = sessionNow(state, ctx.now);
  const result = examResult(exam, ctx.questions, ctx.topics, blueprintOf(ctx.blueprints, exam.exam));
  return {
    state: { ...state, exam, phase: 'result', result, review: 0, scroll: 0, message },
    effects: [{ type: 'finish' }],
  };
}

function answer(state: ExamState, a: Answer, ctx: ExamContext): ExamStep {
  const q = questionAt(state, ctx);
  if (!q) return { state, effects: [] };
  const graded = grade(q, a, { exercise: ctx.exercise, today: ctx.today });
  const used = elapsed(state, ctx.now);
  const previous = state.exam.answers[q.id];
  const exam = recordExamAnswer(
    state.exam,
    q.id,
    {
      answer: a,
      correct: graded.correct,
      score: graded.score,
      ms: (previous?.ms ?? 0) + Math.max(0, ctx.now - state.shownAt),
      answeredAt: new Date(ctx.now).toISOString(),
    },
    used,
  );
  const clock = { elapsedMs: used, at: ctx.now };
  if (answeredCount(exam) === exam.questionIds.length)
    return {
      state: { ...state, exam, clock, phase: 'confirm-finish', message: undefined },
      effects: [{ type: 'save' }],
    };
  const moved = goTo({ ...state, exam, clock }, exam.current, ctx);
  return {
    state: {
      ...moved,
      message: { text: `answer saved (${answeredCount(exam)} of ${exam.questionIds.length})`, tone: 'info' },
    },
    effects: [{ type: 'save' }],
  };
}

function scrollKey(
  state: ExamState,
  input: string,
  key: Key,
  ctx: ExamContext,
  arrows: boolean,
): ExamState | undefined {
  const page = Math.max(1, ctx.editorHeight - 2);
  let scroll: number | undefined;
  if (pressed('pageDown', input, key)) scroll = state.scroll + page;
  else if (pressed('pageUp', input, key)) scroll = state.scroll - page;
  else if (arrows && pressed('down', input, key)) scroll = state.scroll + 1;
  else if (arrows && pressed('up', input, key)) scroll = state.scroll - 1;
  if (scroll === undefined) return undefined;
  return { ...state, scroll: Math.max(0, Math.min(ctx.scrollMax, scroll)) };
}

export function examKey(state: ExamState, input: string, key: Key, ctx: ExamContext): ExamStep {
  const none: ExamStep = { state, effects: [] };
  const q = questionAt(state, ctx);
  switch (state.phase) {
    case 'intro':
      if (pressed('select', input, key))
        return {
          state: { ...goTo(state, state.exam.current, ctx), clock: { elapsedMs: state.exam.elapsedMs, at: ctx.now } },
          effects: [{ type: 'save' }],
        };
      if (state.resuming && pressed('no', input, key)) {
        const fresh = startExamState(ctx.draw(), false, ctx.now, ctx);
        return {
          state: fresh,
          effects: [{ type: 'discard', exam: state.exam.exam, startedAt: state.exam.startedAt }],
        };
      }
      if (pressed('back', input, key)) return { state, effects: [{ type: 'leave' }] };
      if (pressed('quit', input, key)) return { state, effects: [{ type: 'quit' }] };
      return none;
    case 'paused':
      if (pressed('finish', input, key)) return finish(state, ctx);
      if (pressed('leave', input, key))
        return {
          state: { ...state, exam: sessionNow(state, ctx.now) },
          effects: [{ type: 'save' }, { type: 'leave' }],
        };
      if (pressed('quit', input, key))
        return { state: { ...state, exam: sessionNow(state, ctx.now) }, effects: [{ type: 'save' }, { type: 'quit' }] };
      if (pressed('select', input, key) || pressed('back', input, key))
        return {
          state: {
            ...state,
            phase: 'question',
            clock: { elapsedMs: state.exam.elapsedMs, at: ctx.now },
            shownAt: state.shownAt + Math.max(0, ctx.now - state.clock.at),
            message: undefined,
          },
          effects: [],
        };
      return none;
    case 'confirm-finish':
      if (pressed('select', input, key) || pressed('yes', input, key)) return finish(state, ctx);
      if (pressed('back', input, key) || pressed('no', input, key))
        return {
          state: {
            ...goTo(state, state.exam.current, ctx),
            message: {
              text: 'every question is answered; Tab and Shift-Tab move between them, Esc then f finishes',
              tone: 'info',
            },
          },
          effects: [],
        };
      if (pressed('quit', input, key))
        return { state: { ...state, exam: sessionNow(state, ctx.now) }, effects: [{ type: 'save' }, { type: 'quit' }] };
      return none;
    case 'result':
      if (pressed('select', input, key) && state.result?.wrong.length)
        return { state: { ...state, phase: 'review', review: 0, scroll: 0 }, effects: [] };
      if (pressed('quit', input, key)) return { state, effects: [{ type: 'quit' }] };
      if (pressed('back', input, key) || pressed('select', input, key)) return { state, effects: [{ type: 'leave' }] };
      return { state: scrollKey(state, input, key, ctx, true) ?? state, effects: [] };
    case 'review': {
      const count = state.result?.wrong.length ?? 0;
      if (pressed('nextStep', input, key) || pressed('right', input, key) || pressed('select', input, key))
        return { state: { ...state, review: Math.min(count - 1, state.review + 1), scroll: 0 }, effects: [] };
      if (pressed('prevStep', input, key) || pressed('left', input, key))
        return { state: { ...state, review: Math.max(0, state.review - 1), scroll: 0 }, effects: [] };
      if (pressed('back', input, key)) return { state: { ...state, phase: 'result', scroll: 0 }, effects: [] };
      if (pressed('quit', input, key)) return { state, effects: [{ type: 'quit' }] };
      return { state: scrollKey(state, input, key, ctx, true) ?? state, effects: [] };
    }
    case 'question': {
      if (!q) return none;
      if (pressed('quit', input, key))
        return { state: { ...state, exam: sessionNow(state, ctx.now) }, effects: [{ type: 'save' }, { type: 'quit' }] };
      const editing = state.input.type === 'fix-file' && state.input.editing;
      if (!editing && pressed('nextStep', input, key))
        return { state: goTo(state, state.exam.current + 1, ctx), effects: [] };
      if (!editing && pressed('prevStep', input, key))
        return { state: goTo(state, state.exam.current - 1, ctx), effects: [] };
      const result = inputKey(q, state.input, input, key, {
        exam: true,
        hasEditor: ctx.hasEditor,
        exercise: exerciseOf(q, ctx),
        editorHeight: ctx.editorHeight,
      });
      if (result) {
        if (result.answer) return answer({ ...state, input: result.input }, result.answer, ctx);
        if (result.openEditor && result.input.type === 'fix-file')
          return {
            state: { ...state, input: result.input },
            effects: [{ type: 'open-editor', text: result.input.text }],
          };
        return {
          state: {
            ...state,
            input: result.input,
            message: result.message ? { text: result.message, tone: 'warning' } : state.message,
          },
          effects: [],
        };
      }
      if (pressed('back', input, key)) {
        const exam = sessionNow(state, ctx.now);
        return {
          state: {
            ...state,
            exam,
            clock: { elapsedMs: exam.elapsedMs, at: ctx.now },
            phase: 'paused',
            message: undefined,
          },
          effects: [{ type: 'save' }],
        };
      }
      return {
        state:
          scrollKey(state, input, key, ctx, state.input.type === 'fill' || state.input.type === 'fix-file') ?? state,
        effects: [],
      };
    }
  }
}

/** A second passed: when time is up, the exam ends with what was answered. */
export function examTick(state: ExamState, ctx: ExamContext): ExamStep {
  if (running(state) && timeLeft(state, ctx.now) <= 0)
    return finish(state, ctx, { text: 'Time is up: unanswered questions count as wrong.', tone: 'warning' });
  return { state, effects: [] };
}

/** The file came back from $EDITOR: keep it; Ctrl-S submits it (no check results during an exam). */
export function examEdited(state: ExamState, text: string | undefined, problem?: string): ExamState {
  const input = editedText(state.input, text);
  if (text === undefined)
    return {
      ...state,
      input,
      message: { text: problem ?? 'the editor did not save the file; nothing changed', tone: 'warning' },
    };
  return { ...state, input, message: { text: 'file saved here; Ctrl-S submits it as your answer', tone: 'info' } };
}
