import { useInput, useStdin, useStdout } from 'ink';
import { useRef, useState } from 'react';
import { type EffectTools, type KeyEvent, useMachine } from '../hooks/useMachine.js';
import type { Content, Exercise } from '../../learn/content.js';
import type { LearningStore } from '../../learn/learning-store.js';
import { dueIn, RATING_NAME } from '../../learn/scheduler.js';
import type { KeyId } from '../keys.js';
import { LessonView } from '../components/LessonView.js';
import { editInExternalEditor, editorCommand } from './editor.js';
import type { Line } from '../components/lines.js';
import { feedbackLines, ratingLines, TYPE_LABEL } from './question-lines.js';
import { bodyHeight, Page } from '../components/Page.js';
import {
  closeLesson,
  currentQuestion,
  markUnsaved,
  type PracticeContext,
  practiceEdited,
  practiceKey,
  type PracticeItem,
  type PracticeState,
  type PracticeEffect,
  startPractice,
  withNextReview,
} from './practice-state.js';
import { editorHeight, layoutQuestion, QuestionView, questionScrollMax } from './QuestionView.js';
import { FAIL_COLOR, OK_COLOR, outcomeColor, outcomeMark } from '../components/theme.js';

type PracticeTools = EffectTools<PracticeState, PracticeEffect>;

export interface PracticeSessionProps {
  items: PracticeItem[];
  content: Content;
  store: LearningStore;
  width: number;
  height: number;
  /** What is being practised, for the title ("python", "lesson python-kinds"). */
  scope?: string;
  /** The clock (tests pass a fake one). */
  clock?: () => number;
  today?: Date;
  /** The external editor command; false for the inline editor (default: $VISUAL or $EDITOR). */
  editor?: string | false;
  onLeave: () => void;
  /** Ctrl-C: out of the whole screen (default: onLeave). */
  onQuit?: () => void;
}

const REASON = { due: 'due for review', new: 'new', ahead: 'extra practice' } as const;

/** What the summary says about saving: only what is true. */
export function savedLine(results: PracticeState['results'], reason: string | undefined): Line {
  const unsaved = results.filter((r) => r.saved === false).length;
  if (!unsaved) return { text: 'Your answers are saved. amlenv progress shows what is due next.', dim: true };
  const why = reason ? ` (${reason})` : '';
  if (unsaved === results.length)
    return { text: `Your answers were NOT saved${why}: they count for this session only.`, color: FAIL_COLOR };
  return {
    text: `${results.length - unsaved} of ${results.length} answers saved; ${unsaved} could not be${why} and count for this session only.`,
    color: FAIL_COLOR,
  };
}

function summaryLines(state: PracticeState, content: Content, width: number, notSaved?: string): Line[] {
  const right = state.results.filter((r) => r.correct).length;
  const out: Line[] = [];
  if (!state.items.length) out.push({ text: 'No questions match.' });
  else if (!state.results.length) out.push({ text: 'No questions answered this time.' });
  else
    out.push(
      {
        text: `${right} of ${state.results.length} right.`,
        bold: true,
        color: right === state.results.length ? OK_COLOR : undefined,
      },
      { text: '' },
    );
  for (const r of state.results) {
    const q = content.questions.find((x) => x.id === r.id);
    const text = `${outcomeMark(r.correct)} ${r.id.padEnd(20)} ${RATING_NAME[r.rating].padEnd(6)} ${(q?.prompt ?? '').replace(/\s+/g, ' ')}`;
    out.push({ text: text.length > width ? `${text.slice(0, width - 1)}…` : text, color: outcomeColor(r.correct) });
  }
  if (state.results.length) {
    // The ratings in the list above, in words.
    const used = [...new Set(state.results.map((r) => RATING_NAME[r.rating]))];
    out.push({ text: '' }, ...used.flatMap((name) => ratingLines(name, width)));
    out.push({ text: '' }, savedLine(state.results, notSaved));
  }
  return out;
}

/** A practice session over planned questions: feedback after each answer, saved at once. */
export function PracticeSession({
  items,
  content,
  store,
  width,
  height,
  scope,
  clock = Date.now,
  today,
  editor: editorOption,
  onLeave,
  onQuit,
}: PracticeSessionProps) {
  const { isRawModeSupported, stdin } = useStdin();
  const { stdout } = useStdout();
  const [exercises] = useState(() => new Map<string, Exercise>(content.exercises.map((e) => [e.id, e])));
  const exercise = (id: string) => exercises.get(id);
  const scrollMax = useRef(0);
  const editor = editorOption === undefined ? editorCommand() : editorOption || undefined;
  const ctx = (): PracticeContext => ({
    now: clock(),
    hasEditor: Boolean(editor),
    exercise,
    today,
    scrollMax: scrollMax.current,
    editorHeight: editorHeight(height),
  });

  const perform = (
    current: PracticeState,
    effect: PracticeEffect,
    { queue, afterwards }: PracticeTools,
  ): PracticeState => {
    switch (effect.type) {
      case 'record': {
        const { card, save } = store.review(effect.id, effect.rating, new Date(effect.at));
        let next = withNextReview(
          current,
          `${dueIn(card, new Date(effect.at))} (rated ${RATING_NAME[effect.rating]})${save.saved ? '' : ' · not saved'}`,
        );
        if (!save.saved) {
          next = markUnsaved(next, effect.id);
          // Said once; later answers carry "not saved" on their own line and in the summary.
          if (save.first)
            next = {
              ...next,
              message: {
                text: `could not save your answer: ${save.reason}. The session goes on; answers are kept in memory only.`,
                tone: 'error',
              },
            };
        }
        return next;
      }
      case 'open-editor': {
        if (!editor) return current;
        const q = currentQuestion(current);
        const ex = q?.type === 'fix-file' ? exercise(q.exercise) : undefined;
        const outcome = editInExternalEditor(
          effect.text,
          ex?.format === 'v1-json' ? 'env.json' : 'env.yml',
          editor,
          stdin,
          stdout,
        );
        const next = practiceEdited(current, outcome.text, ctx(), outcome.problem);
        queue(...next.effects);
        return next.state;
      }
      case 'leave':
        afterwards(onLeave);
        return current;
      case 'quit':
        afterwards(onQuit ?? onLeave);
        return current;
    }
  };

  const machine = useMachine(
    () => startPractice(items, clock(), { exercise }),
    (current: PracticeState, { input, key }: KeyEvent) => practiceKey(current, input, key, ctx()),
    perform,
  );
  const { state } = machine;

  useInput(
    (input, key) => machine.send({ input, key }),
    // Stays subscribed while the lesson is open (the reducer ignores keys then), so no key is lost on the way back.
    { isActive: Boolean(isRawModeSupported) },
  );

  const q = currentQuestion(state);
  const ex = q?.type === 'fix-file' ? exercise(q.exercise) : undefined;
  const position = `${Math.min(state.index + 1, state.items.length)} of ${state.items.length}`;
  const title = `Quiz${scope ? ` · ${scope}` : ''} · ${position}`;

  if (state.phase === 'summary') {
    const body = summaryLines(state, content, width - 2, store.notSavedReason);
    scrollMax.current = Math.max(0, body.length - bodyHeight(height, 0));
    return (
      <Page
        width={width}
        title={`Quiz${scope ? ` · ${scope}` : ''} · done`}
        body={body}
        scroll={state.scroll}
        height={height}
        footer={['select']}
        labels={{ select: 'done' }}
      />
    );
  }
  if (!q) return null;
  if (state.phase === 'feedback') {
    const lesson = content.lessons.find((l) => l.id === q.lesson);
    if (state.lessonOpen && lesson) {
      return (
        <LessonView
          lesson={lesson}
          width={width}
          height={height}
          onBack={() => {
            // After this key has reached every handler: the session's own must not take the same Esc.
            setImmediate(() => {
              machine.run({ state: closeLesson(machine.current()), effects: [] });
            });
          }}
          onQuit={onQuit ?? onLeave}
        />
      );
    }
    const body = feedbackLines(q, state.answer, state.graded, width - 2, {
      exercise: ex,
      lesson,
      nextReview: state.nextReview,
      rating: state.rating === undefined ? undefined : RATING_NAME[state.rating],
    });
    scrollMax.current = Math.max(0, body.length - bodyHeight(height, 0));
    const footer: KeyId[] = ['select', 'up', 'lesson', 'back'];
    return (
      <Page
        width={width}
        title={`${title} · ${q.id}`}
        status={TYPE_LABEL[q.type]}
        body={body}
        scroll={state.scroll}
        height={height}
        message={state.message}
        footer={footer}
        labels={{
          select: state.index + 1 < state.items.length ? 'next question' : 'finish',
          up: 'scroll',
          lesson: 'read the lesson',
          back: 'end session',
        }}
      />
    );
  }
  scrollMax.current = questionScrollMax(layoutQuestion(q, state.input, ex, width, height, false), height);
  const item = state.items[state.index];
  return (
    <QuestionView
      question={q}
      exercise={ex}
      input={state.input}
      title={title}
      status={`${REASON[item.reason]} · ${q.topic}`}
      scroll={state.scroll}
      width={width}
      height={height}
      exam={false}
      hasEditor={Boolean(editor)}
      message={state.message}
      sessionKeys={['back']}
      sessionLabels={{ back: 'end' }}
    />
  );
}
