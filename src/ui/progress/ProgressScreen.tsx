import { Notice, noticeLines } from '../components/Notice.js';
import { Box, useInput, useStdin } from 'ink';
import { useRef, useState } from 'react';
import { loadContent } from '../../learn/content.js';
import { examLabel } from '../../learn/blueprints.js';
import { EXAM } from '../../learn/exam.js';
import { LearningStore } from '../../learn/learning-store.js';
import { bar, type ProgressReport } from '../../learn/progress.js';
import { pressed } from '../keys.js';
import type { Line } from '../components/lines.js';
import { bodyHeight, Page } from '../components/Page.js';
import { outcomeColor } from '../components/theme.js';

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
  const [scroll, setScroll] = useState(0);
  const [confirm, setConfirm] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone?: 'success' | 'error' | 'warning' }>();
  const notice = store.problem;
  const h = height - noticeLines(notice, width).length;
  const report = store.report(content, new Date(clock()));
  const body = progressLines(report, width - 2);
  const max = Math.max(0, body.length - bodyHeight(h, 0));
  // Ink subscribes the handler after the frame shows: read the latest values through a ref, not the closure.
  const live = useRef({ confirm, max });
  live.current = { confirm, max };
  useInput(
    (input, key) => {
      const { confirm, max } = live.current;
      if (confirm) {
        if (pressed('yes', input, key)) {
          const save = store.reset();
          setMessage(
            save.saved
              ? { text: 'Progress reset: every question is new again.', tone: 'success' }
              : { text: `could not reset the saved progress (${save.reason}); it is unchanged on disk`, tone: 'error' },
          );
          setConfirm(false);
        } else if (pressed('no', input, key) || pressed('back', input, key)) {
          setConfirm(false);
          setMessage({ text: 'Nothing was reset.' });
        }
        return;
      }
      if (pressed('reset', input, key)) setConfirm(true);
      else if (pressed('down', input, key)) setScroll((s) => Math.min(max, s + 1));
      else if (pressed('up', input, key)) setScroll((s) => Math.max(0, s - 1));
      else if (pressed('pageDown', input, key)) setScroll((s) => Math.min(max, s + 10));
      else if (pressed('pageUp', input, key)) setScroll((s) => Math.max(0, s - 10));
      else if (pressed('back', input, key) || pressed('quit', input, key)) onExit();
    },
    { isActive: Boolean(isRawModeSupported) },
  );
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
