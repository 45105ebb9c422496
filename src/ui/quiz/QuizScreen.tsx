import { Notice, noticeLines } from '../components/Notice.js';
import { Box, Text, useInput, useStdin } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { fieldLibsLoaded, loadFieldLibs } from '../../env/libs.js';
import { type Content, loadContent } from '../../learn/content.js';
import { defaultBlueprint, examLabel } from '../../learn/blueprints.js';
import { answeredCount, EXAM, type ExamSession as Session, newExam, passMark, remainingMs } from '../../learn/exam.js';
import { examSlot, LearningStore } from '../../learn/learning-store.js';
import { dueSummary, planSession, PRACTICE_COUNT } from '../../learn/session.js';
import { useSyncedState } from '../hooks/useSyncedState.js';
import { pressed } from '../keys.js';
import { plural } from '../../util/plural.js';
import { ExamSession } from './ExamSession.js';
import { formatClock, type Line } from '../components/lines.js';
import { Page } from '../components/Page.js';
import { PracticeSession } from './PracticeSession.js';
import type { PracticeItem } from './practice-state.js';

export interface QuizOptions {
  /** menu: choose practice or exam (from the home screen). */
  mode: 'menu' | 'practice' | 'exam';
  topic?: string;
  lesson?: string;
  count?: number;
  minutes?: number;
  /** The exam blueprint's id (default: the current exam). */
  exam?: string;
}

export interface QuizScreenProps extends QuizOptions {
  width: number;
  height: number;
  storeDir?: string;
  /** Shared with the lesson browser, which opens quizzes too. */
  store?: LearningStore;
  content?: Content;
  clock?: () => number;
  random?: () => number;
  today?: Date;
  /** The external editor command; false for the inline editor (default: $VISUAL or $EDITOR). */
  editor?: string | false;
  onExit: () => void;
  /** Ctrl-C: out of the whole screen (default: onExit). */
  onQuit?: () => void;
}

type View =
  | { id: 'menu' }
  | { id: 'practice'; items: PracticeItem[]; key: number }
  | { id: 'exam'; exam: Session; resuming: boolean };

export function QuizScreen(props: QuizScreenProps) {
  const { width, height, clock = Date.now, random = Math.random, onExit } = props;
  const { isRawModeSupported } = useStdin();
  const [content] = useState(() => props.content ?? loadContent());
  const [store] = useState(() => props.store ?? new LearningStore(props.storeDir));
  // Ready at once when the validator's libraries are loaded already (the app loads them with this screen), so
  // keys typed while the screen loaded are not ignored by a first frame that waits for them.
  const [ready, setReady] = useState(fieldLibsLoaded);
  const exams = content.exams ?? [];
  const blueprint = exams.find((b) => b.id === props.exam) ?? defaultBlueprint(exams);
  const draw = () =>
    newExam(content.questions, content.topics, {
      count: props.count,
      minutes: props.minutes,
      blueprint,
      now: new Date(clock()),
      random,
    });
  // Each exam keeps its own slot: --exam ai-300 resumes an AI-300 exam and leaves a saved DP-100 one alone.
  const examView = (saved = store.examInProgress(blueprint?.id)): View =>
    saved ? { id: 'exam', exam: saved, resuming: true } : { id: 'exam', exam: draw(), resuming: false };
  /** The menu: practice, every exam in progress (the one of this blueprint first), and a new exam unless one is saved. */
  const menuEntries = (): Array<{ label: string; summary: string; open: () => View }> => {
    const mine = store.examInProgress(blueprint?.id);
    const first = (e: Session) => Number(examSlot(e.exam) === examSlot(blueprint?.id));
    const saved = store.examsInProgress().sort((a, b) => first(b) - first(a));
    const now = new Date(clock());
    const s = dueSummary(content.questions, store.cards, now, { topic: props.topic });
    return [
      {
        label: `Practise ${plural(props.count ?? PRACTICE_COUNT, 'question')}`,
        summary: `${s.due} due, ${s.fresh} new; feedback after each answer`,
        open: practiceView,
      },
      ...saved.map((e) => ({
        label: `Resume the ${e.exam ? `${examLabel(e.exam)} ` : ''}exam`,
        summary: `${answeredCount(e)} of ${e.questionIds.length} answered, ${formatClock(remainingMs(e))} left`,
        open: () => examView(e),
      })),
      ...(mine
        ? []
        : [
            {
              label: 'Take a practice exam',
              summary: `${blueprint ? `${examLabel(blueprint.id)}: ` : ''}${plural(props.count ?? blueprint?.questions ?? EXAM.count, 'question')}, ${props.minutes ?? blueprint?.minutes ?? EXAM.minutes} minutes, pass at ${passMark(blueprint).pass}/${passMark(blueprint).scale}`,
              open: () => examView(null),
            },
          ]),
    ];
  };
  const practiceView = (): View => ({
    id: 'practice',
    items: planSession(content, store.cards, new Date(clock()), {
      topic: props.topic,
      lesson: props.lesson,
      count: props.count ?? PRACTICE_COUNT,
    }),
    key: clock(),
  });
  const [view, setView] = useState<View>(() =>
    props.mode === 'exam' ? examView() : props.mode === 'practice' ? practiceView() : { id: 'menu' },
  );
  // Read through currentFocus(): Down then Enter in one read opens the exam, not practice.
  const [focus, setFocus, currentFocus] = useSyncedState(0);
  useEffect(() => {
    if (!ready) void loadFieldLibs().then(() => setReady(true));
  }, []);
  const back = () => (props.mode === 'menu' ? setView({ id: 'menu' }) : onExit());

  // Ink subscribes the handler after the frame shows: read the latest values through a ref, not the closure.
  const live = useRef({ ready, menu: view.id === 'menu' });
  live.current = { ready, menu: view.id === 'menu' };
  useInput(
    (input, key) => {
      if (!live.current.ready || !live.current.menu) return;
      const n = menuEntries().length;
      if (pressed('up', input, key)) setFocus((f) => (f + n - 1) % n);
      else if (pressed('down', input, key)) setFocus((f) => (f + 1) % n);
      else if (pressed('select', input, key)) setView((menuEntries()[currentFocus()] ?? menuEntries()[0]).open());
      else if (pressed('back', input, key)) onExit();
      else if (pressed('quit', input, key)) (props.onQuit ?? onExit)();
    },
    { isActive: Boolean(isRawModeSupported) },
  );

  // A shared store's problem is shown by the screen that owns it.
  const notice = props.store ? undefined : store.problem;
  const h = height - noticeLines(notice, width).length;
  const body = (() => {
    if (!ready) return <Text dimColor>loading the validator…</Text>;
    if (view.id === 'practice') {
      const scope = props.lesson ? `lesson ${props.lesson}` : props.topic;
      return (
        <PracticeSession
          key={view.key}
          items={view.items}
          content={content}
          store={store}
          width={width}
          height={h}
          scope={scope}
          clock={clock}
          today={props.today}
          editor={props.editor}
          onLeave={back}
          onQuit={props.onQuit ?? onExit}
        />
      );
    }
    if (view.id === 'exam')
      return (
        <ExamSession
          exam={view.exam}
          resuming={view.resuming}
          content={content}
          store={store}
          width={width}
          height={h}
          draw={draw}
          next={blueprint?.id}
          clock={clock}
          today={props.today}
          editor={props.editor}
          onLeave={back}
          onQuit={props.onQuit ?? onExit}
        />
      );
    const entries = menuEntries();
    const lines: Line[] = entries.flatMap((e, i) => [
      { text: `${i === focus ? '▸ ' : '  '}${e.label.padEnd(24)}${e.summary}`, inverse: i === focus },
    ]);
    return (
      <Page
        width={width}
        title="Quiz"
        body={lines}
        scroll={0}
        height={h}
        footer={['up', 'select', 'back']}
        labels={{ select: 'open', back: 'back' }}
      />
    );
  })();
  return (
    <Box flexDirection="column" width={width}>
      <Notice text={notice} width={width} />
      {body}
    </Box>
  );
}
