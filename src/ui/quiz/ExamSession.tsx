import { Box, useInput, useStdin, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { type EffectTools, type KeyEvent, useMachine } from '../hooks/useMachine.js';
import type { Content, Exercise, Question } from '../../learn/content.js';
import { blueprintOf, coveredAreas, type ExamBlueprint, examLabel, examQuestions } from '../../learn/blueprints.js';
import { answeredCount, type ExamResult, type ExamSession as Session, examRecord, passMark } from '../../learn/exam.js';
import { grade } from '../../learn/grading.js';
import { examSlot, type LearningStore, type Review } from '../../learn/learning-store.js';
import type { SaveResult } from '../../store/json-store.js';
import { bar } from '../../learn/progress.js';
import { ratingFor } from '../../learn/scheduler.js';
import { editInExternalEditor, editorCommand } from './editor.js';
import { farewellLines, resumeCommand } from './exam-farewell.js';
import { listRows } from '../components/list-rows.js';
import {
  type ExamContext,
  examEdited,
  examKey,
  type ExamState,
  type ExamEffect,
  examTick,
  questionAt,
  sessionNow,
  startExamState,
  timeLeft,
} from './exam-state.js';
import { formatClock, type Line, wrapped } from '../components/lines.js';
import { feedbackLines, promptLines } from './question-lines.js';
import { bodyHeight, LineView, Page } from '../components/Page.js';
import { editorHeight, layoutQuestion, QuestionView, questionScrollMax } from './QuestionView.js';
import { FAIL_COLOR, OK_COLOR, outcomeColor } from '../components/theme.js';

export interface ExamSessionProps {
  exam: Session;
  resuming: boolean;
  content: Content;
  store: LearningStore;
  width: number;
  height: number;
  draw: () => Session;
  /** The exam `draw` takes (its blueprint id), named when a resume offers a new one instead. */
  next?: string;
  clock?: () => number;
  today?: Date;
  /** The external editor command; false for the inline editor (default: $VISUAL or $EDITOR). */
  editor?: string | false;
  onLeave: () => void;
  /** Ctrl-C: out of the whole screen (default: onLeave). */
  onQuit?: () => void;
}

/** Answers become reviews when the exam is scored, each at the time it was given. */
export function examReviews(exam: Session, questions: ReadonlyMap<string, Question>): Review[] {
  return exam.questionIds.flatMap((id) => {
    const a = exam.answers[id];
    const q = questions.get(id);
    return a && q
      ? [
          {
            id,
            rating: ratingFor({ type: q.type, correct: a.correct, hints: 0, ms: a.ms }),
            at: new Date(a.answeredAt),
          },
        ]
      : [];
  });
}

/** "AI-300 · Operationalizing Machine Learning and Generative AI Solutions", and how its questions are drawn. */
function examLines(b: ExamBlueprint, content: Pick<Content, 'questions'>, width: number): Line[] {
  const areas = coveredAreas(b);
  const left = b.areas.length - areas.length;
  const weights = areas.map(({ area, share }) => `${area.title} ${Math.round(share * 100)}%`).join(', ');
  return wrapped(
    `Drawn from the ${examQuestions(b, content.questions).length} questions tagged ${examLabel(b.id)}, by the weights of its skill areas: ${weights}${left ? ` (${left === 1 ? 'the other area is' : `the other ${left} areas are`} outside amlenv's scope)` : ''}.`,
    width,
  );
}

function introLines(
  state: ExamState,
  content: Pick<Content, 'questions' | 'exams'>,
  now: number,
  width: number,
  next?: string,
  /** Exams of other blueprints in progress: they stay saved, and the intro says how to resume them. */
  others: readonly Session[] = [],
): Line[] {
  const n = state.exam.questionIds.length;
  const b = blueprintOf(content.exams, state.exam.exam);
  const { pass, scale } = passMark(b);
  const title: Line[] = b
    ? [
        ...wrapped(
          `${examLabel(b.id)} · ${b.name}${b.status === 'retired' ? ` (retired${b.retired ? ` ${b.retired}` : ''})` : ''}`,
          width,
          '',
          '',
          { bold: true },
        ),
        { text: '' },
      ]
    : [];
  const size = `${n} questions, ${state.exam.minutes} minutes; the pass mark is ${pass} of ${scale}.`;
  const leave = `Esc pauses: finish early, or save and leave (amlenv quiz --exam${b ? ` ${b.id}` : ''} resumes it, with the clock where it stopped).`;
  if (state.resuming) {
    return [
      ...title,
      ...wrapped(
        `An unfinished exam: ${answeredCount(state.exam)} of ${n} answered, ${formatClock(timeLeft(state, now))} left on its clock.`,
        width,
        '',
        '',
        { bold: true },
      ),
      ...wrapped(size, width),
      { text: '' },
      ...wrapped(
        `Enter resumes it where you stopped. n starts a new ${next ? `${examLabel(next)} ` : ''}exam instead (the unfinished one is dropped).`,
        width,
      ),
      ...wrapped(leave, width),
    ];
  }
  return [
    ...title,
    { text: `${n} questions across the topics, ${state.exam.minutes} minutes.`, bold: true },
    ...wrapped(
      `Pass mark: ${pass} of ${scale}. No feedback until the end; partly right answers earn nothing, as in the real exams.`,
      width,
    ),
    ...(b ? [{ text: '' }, ...examLines(b, content, width)] : []),
    { text: '' },
    ...wrapped(
      `Enter answers and moves on; Tab skips a question and Shift-Tab goes back to change an answer. ${leave}`,
      width,
    ),
    ...others.flatMap((e) =>
      wrapped(
        `Your ${e.exam ? `${examLabel(e.exam)} ` : ''}exam in progress (${answeredCount(e)} of ${e.questionIds.length} answered) stays saved: ${resumeCommand(e.exam)} resumes it.`,
        width,
      ),
    ),
  ];
}

function resultLines(
  state: ExamState,
  r: ExamResult,
  blueprints: readonly ExamBlueprint[] | undefined,
  width: number,
): Line[] {
  const b = blueprintOf(blueprints, state.exam.exam);
  const { pass, scale } = passMark(b);
  // Titles whole, wrapped under themselves when the screen is narrow; the bars stay in one column.
  const breakdown = (rows: Array<{ title: string; correct: number; total: number }>, colored: boolean): Line[] => {
    const { lines, starts } = listRows(
      rows.map((t) => ({ title: t.title, stats: `${bar(t.correct / t.total)} ${t.correct}/${t.total}` })),
      -1,
      width,
    );
    if (!colored) return lines;
    return lines.map((l, i) => {
      const t = rows[starts.filter((s) => s <= i).length - 1];
      return { ...l, color: t.correct === t.total ? OK_COLOR : t.correct / t.total < 0.5 ? FAIL_COLOR : undefined };
    });
  };
  const out: Line[] = [
    ...(b ? wrapped(`${examLabel(b.id)} · ${b.name}`, width, '', '', { dim: true }) : []),
    {
      text: `Score: ${r.score} / ${scale} — ${r.passed ? 'PASSED' : 'NOT PASSED'} (pass mark ${pass})`,
      bold: true,
      color: outcomeColor(r.passed),
    },
    {
      text: `${r.correct} of ${r.total} right${r.unanswered ? ` · ${r.unanswered} unanswered` : ''} · ${Math.round(state.exam.elapsedMs / 60000)} of ${state.exam.minutes} minutes used`,
    },
    { text: '' },
    ...(r.byArea?.length ? [{ text: 'By skill area', bold: true }, ...breakdown(r.byArea, false), { text: '' }] : []),
    { text: 'By topic', bold: true },
    ...breakdown(r.byTopic, true),
  ];
  if (state.unsaved)
    out.push(
      { text: '' },
      { text: `This result was NOT saved (${state.unsaved}): it counts for this session only.`, color: FAIL_COLOR },
    );
  out.push(
    { text: '' },
    ...wrapped(
      r.wrong.length
        ? `Enter reviews the ${r.wrong.length} question${r.wrong.length === 1 ? '' : 's'} you got wrong or left out, with explanations.`
        : 'Every answer was right.',
      width,
      '',
      '',
      { dim: true },
    ),
  );
  return out;
}

function reviewLines(state: ExamState, content: Content, exercises: Map<string, Exercise>, width: number): Line[] {
  const item = state.result?.wrong[state.review];
  if (!item) return [];
  const q = item.question;
  const exercise = q.type === 'fix-file' ? exercises.get(q.exercise) : undefined;
  const graded = item.answer ? grade(q, item.answer.answer, { exercise: (id) => exercises.get(id) }) : undefined;
  return [
    ...promptLines(q, width),
    { text: '' },
    ...feedbackLines(q, item.answer?.answer, graded, width, {
      exercise,
      lesson: content.lessons.find((l) => l.id === q.lesson),
    }),
  ];
}

/** After a save: nothing says "saved" unless it was; the reason is told once, then the session goes on in memory. */
export function afterSave(state: ExamState, save: SaveResult): ExamState {
  if (save.saved) return state;
  const n = state.exam.questionIds.length;
  const claimed = state.message?.text.startsWith('answer saved');
  const why = save.first ? `: ${save.reason}` : '';
  const message = claimed
    ? {
        text: `answer kept in memory only (${answeredCount(state.exam)} of ${n}), not saved${why}`,
        tone: 'error' as const,
      }
    : save.first
      ? { text: `could not save the exam${why}; it goes on in memory only`, tone: 'error' as const }
      : state.message;
  return { ...state, unsaved: save.reason, message };
}

/** An exam: countdown, no feedback until the end, then the score, the breakdown and the review. */
export function ExamSession({
  exam,
  resuming,
  content,
  store,
  width,
  height,
  draw,
  next,
  clock = Date.now,
  today,
  editor: editorOption,
  onLeave,
  onQuit,
}: ExamSessionProps) {
  const { isRawModeSupported, stdin } = useStdin();
  const { stdout } = useStdout();
  const [lookups] = useState(() => ({
    questions: new Map(content.questions.map((q) => [q.id, q])),
    exercises: new Map(content.exercises.map((e) => [e.id, e])),
  }));
  const [now, setNow] = useState(() => clock());
  const scrollMax = useRef(0);
  const lastSave = useRef(clock());
  // Leaving an unfinished exam shows where it stands first: the last frame stays on the terminal.
  const [farewell, setFarewell] = useState<Line[]>();
  const pendingLeave = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    const leave = pendingLeave.current;
    pendingLeave.current = undefined;
    leave?.();
  }, [farewell]);
  const editor = editorOption === undefined ? editorCommand() : editorOption || undefined;
  const ctx = (): ExamContext => ({
    now: clock(),
    hasEditor: Boolean(editor),
    questions: lookups.questions,
    exercise: (id) => lookups.exercises.get(id),
    topics: content.topics,
    blueprints: content.exams,
    today,
    scrollMax: scrollMax.current,
    editorHeight: editorHeight(height),
    draw,
  });

  // Leaving: the farewell frame first when the exam is unfinished, then out.
  const leaveWith = (leave: () => void) => (final: ExamState) => {
    const goodbye = farewellLines(final, clock(), width - 2);
    if (goodbye) {
      pendingLeave.current = leave;
      setFarewell(goodbye);
    } else leave();
  };

  const perform = (
    current: ExamState,
    effect: ExamEffect,
    { afterwards }: EffectTools<ExamState, ExamEffect>,
  ): ExamState => {
    const at = clock();
    switch (effect.type) {
      case 'save':
        lastSave.current = at;
        return afterSave(current, store.saveExam(sessionNow(current, at)));
      case 'discard':
        return afterSave(current, store.dropExam(effect.exam, effect.startedAt));
      case 'finish':
        if (!current.result) return current;
        return afterSave(
          current,
          store.finishExam(
            examRecord(current.exam, current.result, new Date(at)),
            examReviews(current.exam, lookups.questions),
          ),
        );
      case 'open-editor': {
        if (!editor) return current;
        const q = questionAt(current, ctx());
        const ex = q?.type === 'fix-file' ? lookups.exercises.get(q.exercise) : undefined;
        const outcome = editInExternalEditor(
          effect.text,
          ex?.format === 'v1-json' ? 'env.json' : 'env.yml',
          editor,
          stdin,
          stdout,
        );
        return examEdited(current, outcome.text, outcome.problem);
      }
      case 'leave':
        afterwards(leaveWith(onLeave));
        return current;
      case 'quit':
        afterwards(leaveWith(onQuit ?? onLeave));
        return current;
    }
  };

  const machine = useMachine(
    () =>
      startExamState(exam, resuming, clock(), {
        questions: lookups.questions,
        exercise: (id) => lookups.exercises.get(id),
      }),
    (current: ExamState, { input, key }: KeyEvent) => examKey(current, input, key, ctx()),
    perform,
  );
  const { state } = machine;

  useInput((input, key) => machine.send({ input, key }), { isActive: Boolean(isRawModeSupported) });

  useEffect(() => {
    const timer = setInterval(() => {
      const c = ctx();
      setNow(c.now);
      const step = examTick(machine.current(), c);
      if (step.effects.length) machine.run(step);
      else if (machine.current().phase === 'question' && c.now - lastSave.current >= 15000)
        machine.run({ state: machine.current(), effects: [{ type: 'save' }] });
    }, 1000);
    return () => clearInterval(timer);
  }, []);

  const n = state.exam.questionIds.length;
  const left = formatClock(timeLeft(state, now));
  const textWidth = width - 2;
  const page = (
    title: string,
    body: Line[],
    footer: Parameters<typeof Page>[0]['footer'],
    labels: Parameters<typeof Page>[0]['labels'],
    status?: string,
  ) => {
    scrollMax.current = Math.max(0, body.length - bodyHeight(height, 0));
    return (
      <Page
        width={width}
        title={title}
        status={status}
        body={body}
        scroll={state.scroll}
        height={height}
        message={state.message}
        footer={footer}
        labels={labels}
      />
    );
  };

  if (farewell) {
    return (
      <Box flexDirection="column" width={width}>
        {farewell.map((l, i) => (
          <LineView key={i} line={l} />
        ))}
      </Box>
    );
  }
  switch (state.phase) {
    case 'intro':
      return page(
        `Exam${state.exam.exam ? ` · ${examLabel(state.exam.exam)}` : ''}${state.resuming ? ' · resume' : ''}`,
        introLines(
          state,
          content,
          now,
          textWidth,
          next,
          state.resuming ? [] : store.examsInProgress().filter((e) => examSlot(e.exam) !== examSlot(state.exam.exam)),
        ),
        state.resuming ? ['select', 'no', 'back'] : ['select', 'back'],
        { select: state.resuming ? 'resume' : 'start', no: 'new exam', back: 'back' },
      );
    case 'paused':
      return page(
        `Exam · paused`,
        [
          ...wrapped(
            `${answeredCount(state.exam)} of ${n} answered; the clock is stopped at ${left} left until you continue.`,
            textWidth,
          ),
          { text: '' },
          ...wrapped(
            `Enter continues. f scores the exam now (unanswered questions count as wrong). s saves it and leaves: ${resumeCommand(state.exam.exam)} resumes it with ${left} left.`,
            textWidth,
          ),
          ...(state.unsaved
            ? [
                { text: '' },
                ...wrapped(`Saving is not possible (${state.unsaved}): leaving loses this exam.`, textWidth, '', '', {
                  color: FAIL_COLOR,
                }),
              ]
            : []),
        ],
        ['select', 'finish', 'leave'],
        { select: 'continue', finish: 'finish now', leave: 'save and leave' },
        `⏱ ${left} left`,
      );
    case 'confirm-finish':
      return page(
        'Exam · all answered',
        wrapped(
          `All ${n} questions are answered. Enter scores the exam; Esc goes back to check your answers first.`,
          textWidth,
        ),
        ['select', 'back'],
        { select: 'finish and score', back: 'check answers' },
        `⏱ ${left} left`,
      );
    case 'result':
      return page(
        'Exam · result',
        state.result ? resultLines(state, state.result, content.exams, textWidth) : [],
        state.result?.wrong.length ? ['select', 'back'] : ['back'],
        { select: 'review wrong answers', back: 'done' },
      );
    case 'review': {
      const wrong = state.result?.wrong ?? [];
      const item = wrong[state.review];
      return page(
        `Exam review · ${state.review + 1} of ${wrong.length}${item ? ` · ${item.question.id}` : ''}`,
        reviewLines(state, content, lookups.exercises, textWidth),
        ['nextStep', 'prevStep', 'up', 'back'],
        { nextStep: 'next', prevStep: 'previous', up: 'scroll', back: 'result' },
      );
    }
    case 'question': {
      const q = questionAt(state, ctx());
      if (!q) return null;
      const ex = q.type === 'fix-file' ? lookups.exercises.get(q.exercise) : undefined;
      scrollMax.current = questionScrollMax(layoutQuestion(q, state.input, ex, width, height, true), height);
      const done = state.exam.answers[q.id] ? ' · answered' : '';
      return (
        <QuestionView
          question={q}
          exercise={ex}
          input={state.input}
          title={`Exam · ⏱ ${left} left · question ${state.exam.current + 1} of ${n}`}
          status={`${answeredCount(state.exam)}/${n} answered${done}`}
          scroll={state.scroll}
          width={width}
          height={height}
          exam
          hasEditor={Boolean(editor)}
          message={state.message}
          sessionKeys={['nextStep', 'back']}
          sessionLabels={{ nextStep: 'skip', back: 'pause' }}
        />
      );
    }
  }
}
