// A practice session as a pure state machine: question → answer → feedback → next, then a summary. The
// view carries out the effects: record the review (saved at once), open $EDITOR, leave.
import type { Key } from 'ink';
import type { Exercise, Question } from '../../learn/content.js';
import { type Answer, grade, type Graded } from '../../learn/grading.js';
import type { Grade, PickReason } from '../../learn/scheduler.js';
import { ratingFor } from '../../learn/scheduler.js';
import { pressed } from '../keys.js';
import { editedText, initialInput, inputKey, type InputState } from './input-state.js';

export interface PracticeItem {
  question: Question;
  reason: PickReason;
}

export interface PracticeResult {
  id: string;
  correct: boolean;
  rating: Grade;
  /** False when the answer could not be written to disk (it counts for this session only). */
  saved?: boolean;
}

export interface PracticeState {
  items: PracticeItem[];
  index: number;
  phase: 'question' | 'feedback' | 'summary';
  input: InputState;
  /** When the question was shown (clock ms), for the time taken. */
  shownAt: number;
  scroll: number;
  answer?: Answer;
  graded?: Graded;
  rating?: Grade;
  nextReview?: string;
  results: PracticeResult[];
  message?: { text: string; tone?: 'info' | 'error' | 'success' | 'warning' };
  /** The lesson of the question is open over the feedback. */
  lessonOpen: boolean;
}

/** leave: the session is over; quit: Ctrl-C, out of the whole screen. */
export type PracticeEffect =
  | { type: 'record'; id: string; rating: Grade; at: number }
  | { type: 'open-editor'; text: string }
  | { type: 'leave' }
  | { type: 'quit' };

export interface PracticeContext {
  now: number;
  hasEditor: boolean;
  exercise: (id: string) => Exercise | undefined;
  today?: Date;
  /** The most the body can scroll (from the last frame). */
  scrollMax: number;
  editorHeight: number;
}

export interface PracticeStep {
  state: PracticeState;
  effects: PracticeEffect[];
}

const exerciseOf = (q: Question, ctx: Pick<PracticeContext, 'exercise'>) =>
  q.type === 'fix-file' ? ctx.exercise(q.exercise) : undefined;

export function startPractice(
  items: PracticeItem[],
  now: number,
  ctx: Pick<PracticeContext, 'exercise'>,
): PracticeState {
  const first = items[0];
  return {
    items,
    index: 0,
    phase: items.length ? 'question' : 'summary',
    input: first ? initialInput(first.question, exerciseOf(first.question, ctx)) : { type: 'single', focus: 0 },
    shownAt: now,
    scroll: 0,
    results: [],
    lessonOpen: false,
  };
}

export const currentQuestion = (s: PracticeState): Question | undefined => s.items[s.index]?.question;

function advance(state: PracticeState, ctx: PracticeContext): PracticeState {
  const index = state.index + 1;
  const item = state.items[index];
  if (!item) return { ...state, phase: 'summary', scroll: 0, message: undefined };
  return {
    ...state,
    index,
    phase: 'question',
    input: initialInput(item.question, exerciseOf(item.question, ctx)),
    shownAt: ctx.now,
    scroll: 0,
    answer: undefined,
    graded: undefined,
    rating: undefined,
    nextReview: undefined,
    message: undefined,
  };
}

function submit(state: PracticeState, answer: Answer, ctx: PracticeContext, input: InputState): PracticeStep {
  const q = currentQuestion(state);
  if (!q) return { state, effects: [] };
  const graded = grade(q, answer, { exercise: ctx.exercise, today: ctx.today });
  if (
    q.type === 'fix-file' &&
    input.type === 'fix-file' &&
    !graded.correct &&
    !(answer.type === 'fix-file' && answer.gaveUp)
  ) {
    // Not solved yet: stay on the file and show what the validator still finds.
    return {
      state: {
        ...state,
        input: { ...input, last: graded.check, failed: input.failed + 1 },
        scroll: 0,
        message: { text: `${graded.summary} Edit again, or h for a hint.`, tone: 'error' },
      },
      effects: [],
    };
  }
  const rating = ratingFor({
    type: q.type,
    correct: graded.correct,
    hints: input.type === 'fix-file' ? input.hints : 0,
    ms: ctx.now - state.shownAt,
    failedChecks: input.type === 'fix-file' ? input.failed : 0,
  });
  return {
    state: {
      ...state,
      input,
      phase: 'feedback',
      answer,
      graded,
      rating,
      scroll: 0,
      message: undefined,
      results: [...state.results, { id: q.id, correct: graded.correct, rating }],
    },
    effects: [{ type: 'record', id: q.id, rating, at: ctx.now }],
  };
}

function scrollKey(
  state: PracticeState,
  input: string,
  key: Key,
  ctx: PracticeContext,
  arrows: boolean,
): PracticeState | undefined {
  const page = Math.max(1, ctx.editorHeight - 2);
  let scroll: number | undefined;
  if (pressed('pageDown', input, key) || (arrows && pressed('pageSpace', input, key))) scroll = state.scroll + page;
  else if (pressed('pageUp', input, key)) scroll = state.scroll - page;
  else if (arrows && pressed('down', input, key)) scroll = state.scroll + 1;
  else if (arrows && pressed('up', input, key)) scroll = state.scroll - 1;
  if (scroll === undefined) return undefined;
  return { ...state, scroll: Math.max(0, Math.min(ctx.scrollMax, scroll)) };
}

export function practiceKey(state: PracticeState, input: string, key: Key, ctx: PracticeContext): PracticeStep {
  const none = { state, effects: [] };
  if (state.lessonOpen) return none;
  if (pressed('quit', input, key)) return { state, effects: [{ type: 'quit' }] };

  if (state.phase === 'summary') {
    if (pressed('select', input, key) || pressed('back', input, key)) return { state, effects: [{ type: 'leave' }] };
    return none;
  }

  if (state.phase === 'feedback') {
    if (pressed('select', input, key) || pressed('right', input, key))
      return { state: advance(state, ctx), effects: [] };
    if (pressed('lesson', input, key)) return { state: { ...state, lessonOpen: true }, effects: [] };
    if (pressed('back', input, key)) return { state: { ...state, phase: 'summary', scroll: 0 }, effects: [] };
    const scrolled = scrollKey(state, input, key, ctx, true);
    return scrolled ? { state: scrolled, effects: [] } : none;
  }

  const q = currentQuestion(state);
  if (!q) return none;
  const result = inputKey(q, state.input, input, key, {
    exam: false,
    hasEditor: ctx.hasEditor,
    exercise: exerciseOf(q, ctx),
    editorHeight: ctx.editorHeight,
  });
  if (result) {
    if (result.answer) return submit(state, result.answer, ctx, result.input);
    if (result.openEditor && result.input.type === 'fix-file')
      return { state: { ...state, input: result.input }, effects: [{ type: 'open-editor', text: result.input.text }] };
    const hintAdded =
      result.input.type === 'fix-file' && state.input.type === 'fix-file' && result.input.hints > state.input.hints;
    return {
      state: {
        ...state,
        input: result.input,
        message: result.message ? { text: result.message, tone: 'warning' } : undefined,
        scroll: hintAdded ? 0 : state.scroll,
      },
      effects: [],
    };
  }
  if (pressed('back', input, key))
    return { state: { ...state, phase: 'summary', scroll: 0, message: undefined }, effects: [] };
  const scrolled = scrollKey(state, input, key, ctx, state.input.type === 'fill' || state.input.type === 'fix-file');
  return scrolled ? { state: scrolled, effects: [] } : none;
}

/** The file came back from $EDITOR: check it straight away. */
export function practiceEdited(
  state: PracticeState,
  text: string | undefined,
  ctx: PracticeContext,
  problem?: string,
): PracticeStep {
  const input = editedText(state.input, text);
  if (text === undefined)
    return {
      state: {
        ...state,
        input,
        message: { text: problem ?? 'the editor did not save the file; nothing changed', tone: 'warning' },
      },
      effects: [],
    };
  return submit({ ...state, input }, { type: 'fix-file', text }, ctx, input);
}

export const withNextReview = (state: PracticeState, nextReview: string): PracticeState => ({ ...state, nextReview });

export const closeLesson = (state: PracticeState): PracticeState => ({ ...state, lessonOpen: false });

/** The answer to `id` was kept in memory only: the summary must not call it saved. */
export function markUnsaved(state: PracticeState, id: string): PracticeState {
  const at = state.results.map((r) => r.id).lastIndexOf(id);
  if (at < 0) return state;
  const results = state.results.map((r, i) => (i === at ? { ...r, saved: false } : r));
  return { ...state, results };
}
