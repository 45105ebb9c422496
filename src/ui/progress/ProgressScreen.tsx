import { Notice, noticeLines } from '../components/Notice.js';
import { Box, type Key, useInput, useStdin } from 'ink';
import { useState } from 'react';
import { type EffectTools, type KeyEvent, type Step, useMachine } from '../hooks/useMachine.js';
import { loadContent } from '../../learn/content.js';
import { examLabel } from '../../learn/blueprints.js';
import { EXAM } from '../../learn/exam.js';
import { LearningStore } from '../../learn/learning-store.js';
import { bar, type ProgressReport } from '../../learn/progress.js';
import { pressed } from '../keys.js';
import type { Line } from '../components/lines.js';
import { bodyHeight, Page } from '../components/Page.js';
import { outcomeColor, type Tone } from '../components/theme.js';

const pct = (x: number) => `${String(Math.round(x * 100)).padStart(3)}%`;
const fit = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function progressLines(r: ProgressReport, width: number): Line[] {
  const titleWidth = Math.max(16, Math.min(34, width - 44));
  const out: Line[] = [
    {
      text: `Overall   ${bar(r.overall.mastery)} ${pct(r.overall.mastery)}  ${r.overall.seen} of ${r.overall.cards} questions answered at least once`,
      bold: true,
    },
    {
      text: `Due today ${r.dueToday} · this week ${r.dueThisWeek} · never answered ${r.newCards} · answered today ${r.answeredToday}`,
    },
    {
      text: `Streak    ${days(r.streak.current)}${r.streak.practisedToday ? ' (today done)' : r.streak.current ? ' (practise today to keep it)' : ''} · longest ${days(r.streak.longest)}`,
    },
    { text: '' },
    { text: `${fit('Topic', titleWidth)}  mastery          seen  due today  week`, bold: true },
  ];
  for (const t of r.topics) {
    out.push({
      text: `${fit(t.title, titleWidth)}  ${bar(t.mastery)} ${pct(t.mastery)}  ${`${t.seen}/${t.cards}`.padStart(5)}  ${String(t.dueToday).padStart(9)}  ${String(t.dueThisWeek).padStart(4)}`,
    });
  }
  // Mastery per exam in the topic table's columns (the skill areas follow the history, further down).
  if (r.examMastery.length)
    out.push({ text: `${fit('Exam', titleWidth)}  mastery          seen  due today  week`, bold: true });
  for (const e of r.examMastery) {
    out.push({
      text: `${fit(`${examLabel(e.id)} ${e.status === 'current' ? '(current)' : '(retired)'}`, titleWidth)}  ${bar(e.mastery)} ${pct(e.mastery)}  ${`${e.seen}/${e.questions}`.padStart(5)}  ${String(e.due).padStart(9)}  ${String(e.dueThisWeek).padStart(4)}`,
    });
  }
  const current = r.examMastery.find((e) => e.status === 'current');
  if (!r.exams.length)
    out.push({
      text: `  none yet: amlenv quiz --exam ${current ? `(${examLabel(current.id)}: ${current.length} questions, ${current.minutes} min, pass ${current.pass}/${current.scale})` : `(${EXAM.count} questions, ${EXAM.minutes} min, pass ${EXAM.pass}/${EXAM.scale})`}`,
      dim: true,
    });
  else out.push({ text: '' }, { text: 'Exams taken', bold: true });
  for (const e of [...r.exams].reverse().slice(0, 10)) {
    const scale = r.examMastery.find((x) => x.id === e.exam)?.scale ?? EXAM.scale;
    out.push({
      text: `  ${e.finishedAt.slice(0, 10)}  ${(typeof e.exam === 'string' ? examLabel(e.exam) : 'mixed').padEnd(6)}  ${String(e.score).padStart(4)}/${scale}  ${e.passed ? 'passed' : 'not passed'}  ${e.correct}/${e.total} right  ${Math.round(e.minutes)} min`,
      color: outcomeColor(e.passed),
    });
  }
  for (const e of r.examMastery) {
    if (!e.areas.length) continue;
    out.push(
      { text: '' },
      {
        text: `${examLabel(e.id)} skill areas${e.taken ? ` · ${e.taken} taken, best ${e.best}/${e.scale}` : ''}`,
        bold: true,
      },
    );
    for (const a of e.areas)
      out.push({
        text: `${fit(`  ${a.title}`, titleWidth)}  ${bar(a.mastery)} ${pct(a.mastery)}  ${`${a.seen}/${a.questions}`.padStart(5)}  ${a.weight[0]}–${a.weight[1]}% of the exam`,
      });
  }
  return out;
}

export interface ProgressView {
  scroll: number;
  /** Asking "delete all progress? y/n". */
  confirm: boolean;
  message?: { text: string; tone?: Tone };
}
export type ProgressEffect = 'reset' | 'exit';

/** What a key does on the progress page; `max` is the most the body can scroll. */
export function progressKey(v: ProgressView, input: string, key: Key, max: number): Step<ProgressView, ProgressEffect> {
  const to = (state: ProgressView): Step<ProgressView, ProgressEffect> => ({ state, effects: [] });
  if (v.confirm) {
    if (pressed('yes', input, key)) return { state: { ...v, confirm: false }, effects: ['reset'] };
    if (pressed('no', input, key) || pressed('back', input, key))
      return to({ ...v, confirm: false, message: { text: 'Nothing was reset.' } });
    return to(v);
  }
  const scrollTo = (scroll: number) => to({ ...v, scroll: Math.max(0, Math.min(max, scroll)) });
  if (pressed('reset', input, key)) return to({ ...v, confirm: true });
  if (pressed('down', input, key)) return scrollTo(v.scroll + 1);
  if (pressed('up', input, key)) return scrollTo(v.scroll - 1);
  if (pressed('pageDown', input, key)) return scrollTo(v.scroll + 10);
  if (pressed('pageUp', input, key)) return scrollTo(v.scroll - 10);
  if (pressed('back', input, key) || pressed('quit', input, key)) return { state: v, effects: ['exit'] };
  return to(v);
}

/** Mastery per topic and per exam, what is due, the streak and past exams; r resets everything after a confirmation. */
export function ProgressScreen({
  width,
  height,
  storeDir,
  store: given,
  clock = Date.now,
  onExit,
}: {
  width: number;
  height: number;
  storeDir?: string;
  store?: LearningStore;
  clock?: () => number;
  onExit: () => void;
}) {
  const { isRawModeSupported } = useStdin();
  const [content] = useState(() => loadContent());
  const [store] = useState(() => given ?? new LearningStore(storeDir));
  const notice = store.problem;
  const h = height - noticeLines(notice, width).length;
  const report = store.report(content, new Date(clock()));
  const body = progressLines(report, width - 2);
  const max = Math.max(0, body.length - bodyHeight(h, 0));
  const { state, send } = useMachine(
    (): ProgressView => ({ scroll: 0, confirm: false }),
    (v: ProgressView, { input, key }: KeyEvent) => progressKey(v, input, key, max),
    (
      v: ProgressView,
      effect: ProgressEffect,
      { afterwards }: EffectTools<ProgressView, ProgressEffect>,
    ): ProgressView => {
      if (effect === 'exit') {
        afterwards(onExit);
        return v;
      }
      const save = store.reset();
      return {
        ...v,
        message: save.saved
          ? { text: 'Progress reset: every question is new again.', tone: 'success' }
          : { text: `could not reset the saved progress (${save.reason}); it is unchanged on disk`, tone: 'error' },
      };
    },
  );
  useInput((input, key) => send({ input, key }), { isActive: Boolean(isRawModeSupported) });
  const { scroll, confirm, message } = state;
  const question = confirm
    ? {
        text: `Delete all progress (${report.overall.seen} answered questions, the streak, ${report.exams.length} exam${report.exams.length === 1 ? '' : 's'})? y/n`,
        tone: 'warning' as const,
      }
    : message;
  return (
    <Box flexDirection="column" width={width}>
      <Notice text={notice} width={width} />
      <Page
        width={width}
        title="Progress"
        status={`amlenv progress --json prints the same`}
        body={body}
        scroll={scroll}
        height={h}
        message={question}
        footer={confirm ? ['yes', 'no'] : ['up', 'reset', 'back']}
        labels={{ up: 'scroll', reset: 'reset progress', back: 'back' }}
      />
    </Box>
  );
}
