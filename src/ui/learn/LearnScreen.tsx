import { Notice, noticeLines } from '../components/Notice.js';
import { Box, type Key, useInput, useStdin } from 'ink';
import { type ReactElement, useState } from 'react';
import { type EffectTools, type KeyEvent, type Step, useMachine } from '../hooks/useMachine.js';
import { type Content, lessonsOf, loadContent } from '../../learn/content.js';
import { LearningStore } from '../../learn/learning-store.js';
import { bar } from '../../learn/progress.js';
import { dueSummary, PRACTICE_COUNT } from '../../learn/session.js';
import { pressed } from '../keys.js';
import type { Line } from '../components/lines.js';
import { wrapped } from '../components/lines.js';
import { Page } from '../components/Page.js';
import { QuizScreen } from '../quiz/QuizScreen.js';
import { visibleWindow } from '../components/window.js';
import { LessonView } from '../components/LessonView.js';
import { listRows } from '../components/list-rows.js';

export type LearnView =
  | { id: 'topics'; focus: number }
  | { id: 'lessons'; topic: string; focus: number }
  | { id: 'lesson'; lesson: string; from: LearnView }
  | { id: 'quiz'; topic?: string; lesson?: string; count: number; from: LearnView };

export interface LearnScreenProps {
  /** Open at a topic's lessons, or at one lesson. */
  topic?: string;
  lesson?: string;
  width: number;
  height: number;
  storeDir?: string;
  clock?: () => number;
  editor?: string | false;
  onExit: () => void;
}

function initialView(content: Content, topic?: string, lesson?: string): LearnView {
  const topicIndex = Math.max(
    0,
    content.topics.findIndex((t) => t.id === topic),
  );
  const topics: LearnView = { id: 'topics', focus: topicIndex };
  const l = lesson ? content.lessons.find((x) => x.id === lesson) : undefined;
  if (l) {
    const inTopic = lessonsOf(content, l.topic);
    const lessons: LearnView = {
      id: 'lessons',
      topic: l.topic,
      focus: Math.max(
        0,
        inTopic.findIndex((x) => x.id === l.id),
      ),
    };
    return { id: 'lesson', lesson: l.id, from: lessons };
  }
  return topic ? { id: 'lessons', topic: content.topics[topicIndex].id, focus: 0 } : topics;
}

/** What a key does on the topic and lesson lists; a lesson or quiz that is open takes its own keys. */
export function learnKey(content: Content, v: LearnView, input: string, key: Key): Step<LearnView, 'exit'> {
  const to = (state: LearnView): Step<LearnView, 'exit'> => ({ state, effects: [] });
  const exit: Step<LearnView, 'exit'> = { state: v, effects: ['exit'] };
  if (v.id === 'topics') {
    const n = content.topics.length;
    if (pressed('up', input, key)) return to({ ...v, focus: (v.focus - 1 + n) % n });
    if (pressed('down', input, key)) return to({ ...v, focus: (v.focus + 1) % n });
    if (pressed('select', input, key)) return to({ id: 'lessons', topic: content.topics[v.focus].id, focus: 0 });
    if (pressed('quiz', input, key))
      return to({ id: 'quiz', topic: content.topics[v.focus].id, count: PRACTICE_COUNT, from: v });
    if (pressed('back', input, key) || pressed('quit', input, key)) return exit;
  } else if (v.id === 'lessons') {
    const list = lessonsOf(content, v.topic);
    const n = list.length;
    if (pressed('up', input, key)) return to({ ...v, focus: (v.focus - 1 + n) % n });
    if (pressed('down', input, key)) return to({ ...v, focus: (v.focus + 1) % n });
    if (pressed('select', input, key) && list[v.focus]) return to({ id: 'lesson', lesson: list[v.focus].id, from: v });
    if (pressed('quiz', input, key) && list[v.focus]) {
      const id = list[v.focus].id;
      return to({ id: 'quiz', lesson: id, count: content.questions.filter((q) => q.lesson === id).length, from: v });
    }
    if (pressed('back', input, key))
      return to({
        id: 'topics',
        focus: Math.max(
          0,
          content.topics.findIndex((t) => t.id === v.topic),
        ),
      });
    if (pressed('quit', input, key)) return exit;
  }
  return to(v);
}

/** Topics with a mastery bar and what is due, their lessons, a lesson to read, a quiz on what was read. */
export function LearnScreen({
  topic,
  lesson,
  width,
  height,
  storeDir,
  clock = Date.now,
  editor,
  onExit,
}: LearnScreenProps) {
  const { isRawModeSupported } = useStdin();
  const [content] = useState(() => loadContent());
  const [store] = useState(() => new LearningStore(storeDir));
  const {
    state: view,
    send,
    run,
  } = useMachine(
    () => initialView(content, topic, lesson),
    (v: LearnView, { input, key }: KeyEvent) => learnKey(content, v, input, key),
    (v: LearnView, _exit: 'exit', { afterwards }: EffectTools<LearnView, 'exit'>) => {
      afterwards(onExit);
      return v;
    },
  );
  // A lesson or quiz hands back control from inside its own key handler; this screen's handler gets the same
  // key after it, so the switch waits until the key has reached every handler (Esc must not go back twice).
  const setView = (next: LearnView) => setImmediate(() => run({ state: next, effects: [] }));
  const now = new Date(clock());
  const report = store.report(content, now);
  const notice = store.problem;
  const h = height - noticeLines(notice, width).length;

  const lessons = view.id === 'lessons' ? lessonsOf(content, view.topic) : [];

  useInput(
    (input, key) => send({ input, key }),
    // Always subscribed (it ignores keys while a lesson or quiz is open): re-subscribing after each switch would drop a quick key.
    { isActive: Boolean(isRawModeSupported) },
  );

  let body: ReactElement;
  const openLesson = view.id === 'lesson' ? content.lessons.find((x) => x.id === view.lesson) : undefined;
  const mastery = (topic: string) => report.topics.find((x) => x.id === topic) ?? { mastery: 0, dueToday: 0 };
  if (view.id === 'lesson' && openLesson) {
    const l = openLesson;
    const count = content.questions.filter((q) => q.lesson === l.id).length;
    body = (
      <LessonView
        lesson={l}
        width={width}
        height={h}
        note={`${count} question${count === 1 ? '' : 's'} on this lesson: q quizzes you on them`}
        onQuiz={() => setView({ id: 'quiz', lesson: l.id, count, from: view })}
        onBack={() => setView(view.from)}
        onQuit={onExit}
      />
    );
  } else if (view.id === 'quiz') {
    body = (
      <QuizScreen
        mode="practice"
        topic={view.topic}
        lesson={view.lesson}
        count={view.count}
        store={store}
        content={content}
        width={width}
        height={h}
        clock={clock}
        editor={editor}
        onExit={() => setView(view.from)}
        onQuit={onExit}
      />
    );
  } else if (view.id === 'topics' || view.id === 'lesson') {
    // (A lesson id that is not in the content shows the topics.)
    const focus = view.id === 'topics' ? view.focus : 0;
    const items = content.topics.map((t) => {
      const p = mastery(t.id);
      const s = dueSummary(content.questions, store.cards, now, { topic: t.id });
      const due =
        [s.due ? `${s.due} due` : '', s.fresh ? `${s.fresh} new` : ''].filter(Boolean).join(' · ') || 'nothing due';
      return { title: t.title, stats: `${bar(p.mastery)} ${String(Math.round(p.mastery * 100)).padStart(3)}%  ${due}` };
    });
    const { lines: rows, starts } = listRows(items, focus, width - 2);
    const focused = content.topics[focus];
    const room = Math.max(3, h - 8);
    const [start, end] = visibleWindow(rows.length, starts[focus] ?? 0, room);
    const lines: Line[] = [
      ...rows.slice(start, end),
      { text: '' },
      ...wrapped(focused?.summary ?? '', width - 2, '', '', { dim: true }),
    ];
    body = (
      <Page
        width={width}
        title="Learn — topics"
        status={`${report.dueToday} due today · mastery ${Math.round(report.overall.mastery * 100)}%`}
        body={lines}
        scroll={0}
        height={h}
        footer={['up', 'select', 'quiz', 'back']}
        labels={{ select: 'lessons', quiz: 'quiz this topic', back: 'back' }}
      />
    );
  } else {
    const t = content.topics.find((x) => x.id === view.topic) ?? { id: view.topic, title: view.topic, summary: '' };
    const items = lessons.map((l) => {
      const s = dueSummary(content.questions, store.cards, now, { lesson: l.id });
      const due = [s.due ? `${s.due} due` : '', s.fresh ? `${s.fresh} new` : ''].filter(Boolean).join(' · ');
      return {
        title: l.title,
        stats: `${String(s.total).padStart(2)} question${s.total === 1 ? ' ' : 's'}${due ? ` · ${due}` : ''}`,
      };
    });
    const { lines: rows, starts } = listRows(items, view.focus, width - 2);
    const room = Math.max(3, h - 8);
    const [start, end] = visibleWindow(rows.length, starts[view.focus] ?? 0, room);
    const p = mastery(t.id);
    body = (
      <Page
        width={width}
        title={`Learn — ${t.title}`}
        status={`mastery ${Math.round(p.mastery * 100)}% · ${p.dueToday} due today`}
        body={[...rows.slice(start, end), { text: '' }, ...wrapped(t.summary, width - 2, '', '', { dim: true })]}
        scroll={0}
        height={h}
        footer={['up', 'select', 'quiz', 'back']}
        labels={{ select: 'read', quiz: 'quiz this lesson', back: 'topics' }}
      />
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      <Notice text={notice} width={width} />
      {body}
    </Box>
  );
}
