// What the learner knows, as numbers: mastery per topic and per exam (the mean recall probability of its
// cards, a question never answered counting 0), cards due today and this week, the practice streak, exam
// history.
// The progress screen and `amlenv progress --json` both print this.
import { areaOf, type ExamBlueprint, examQuestions } from './blueprints.js';
import type { Question, Topic } from './content.js';
import { recall, State, type Card } from './scheduler.js';

export interface ExamRecord {
  /** The blueprint's id; absent for exams taken before there were blueprints. */
  exam?: string;
  startedAt: string;
  finishedAt: string;
  score: number;
  passed: boolean;
  correct: number;
  total: number;
  /** Minutes the exam took (time spent answering, not counting pauses). */
  minutes: number;
  byTopic: Array<{ topic: string; correct: number; total: number }>;
}

export interface TopicProgress {
  id: string;
  title: string;
  mastery: number;
  cards: number;
  seen: number;
  dueToday: number;
  dueThisWeek: number;
}

/** Mastery over the questions one exam can ask (those tagged for it, in its skill areas). */
export interface ExamProgress {
  id: string;
  name: string;
  status: ExamBlueprint['status'];
  /** A full exam: its questions, minutes and pass mark out of its scale. */
  length: number;
  minutes: number;
  pass: number;
  scale: number;
  mastery: number;
  /** How many questions the exam draws from. */
  questions: number;
  seen: number;
  /** Of its questions, due today. */
  due: number;
  dueThisWeek: number;
  areas: Array<{
    id: string;
    title: string;
    weight: [number, number];
    mastery: number;
    questions: number;
    seen: number;
  }>;
  /** Exams of this kind taken, the best and the last score. */
  taken: number;
  best?: number;
  last?: { score: number; passed: boolean; finishedAt: string };
}

export interface ProgressReport {
  generatedAt: string;
  overall: { mastery: number; cards: number; seen: number };
  dueToday: number;
  /** Due within the next seven days, today included. */
  dueThisWeek: number;
  newCards: number;
  answeredToday: number;
  streak: { current: number; longest: number; practisedToday: boolean };
  topics: TopicProgress[];
  /** Every exam taken, oldest first. */
  exams: ExamRecord[];
  /** Mastery per exam, one entry per blueprint. */
  examMastery: ExamProgress[];
}

/** The local calendar day, YYYY-MM-DD. */
export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The end of the local day `plusDays` after `d`. */
export function endOfDay(d: Date, plusDays = 0): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + plusDays, 23, 59, 59, 999);
}

function shiftDay(key: string, by: number): string {
  const [y, m, d] = key.split('-').map(Number);
  return dayKey(new Date(y, m - 1, d + by, 12));
}

/** Days in a row with at least one answer, ending today (or yesterday, when today has none yet). */
export function streak(days: Readonly<Record<string, number>>, now: Date): ProgressReport['streak'] {
  const active = (k: string) => (days[k] ?? 0) > 0;
  const today = dayKey(now);
  const practisedToday = active(today);
  let current = 0;
  for (let k = practisedToday ? today : shiftDay(today, -1); active(k); k = shiftDay(k, -1)) current++;
  let longest = 0;
  for (const start of Object.keys(days)) {
    if (!active(start) || active(shiftDay(start, -1))) continue;
    let run = 0;
    for (let k = start; active(k); k = shiftDay(k, 1)) run++;
    longest = Math.max(longest, run);
  }
  return { current, longest: Math.max(longest, current), practisedToday };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Mean recall over the questions, with how many were seen and are due today and this week. */
function masteryOf(
  questions: readonly Question[],
  cards: ReadonlyMap<string, Card>,
  now: Date,
): { mastery: number; seen: number; dueToday: number; dueThisWeek: number } {
  const today = endOfDay(now).getTime();
  const week = endOfDay(now, 6).getTime();
  let sum = 0;
  let seen = 0;
  let dueToday = 0;
  let dueThisWeek = 0;
  for (const q of questions) {
    const card = cards.get(q.id);
    if (!card || card.state === State.New) continue;
    seen++;
    sum += recall(card, now);
    if (card.due.getTime() <= today) dueToday++;
    if (card.due.getTime() <= week) dueThisWeek++;
  }
  return { mastery: questions.length ? round(sum / questions.length) : 0, seen, dueToday, dueThisWeek };
}

export function examProgress(
  blueprint: ExamBlueprint,
  questions: readonly Question[],
  cards: ReadonlyMap<string, Card>,
  history: readonly ExamRecord[],
  now: Date,
): ExamProgress {
  const pool = examQuestions(blueprint, questions);
  const all = masteryOf(pool, cards, now);
  const areas = blueprint.areas
    .map((a) => {
      const mine = pool.filter((q) => areaOf(blueprint, q) === a);
      const m = masteryOf(mine, cards, now);
      return { id: a.id, title: a.title, weight: a.weight, mastery: m.mastery, questions: mine.length, seen: m.seen };
    })
    .filter((a) => a.questions > 0);
  const taken = history.filter((e) => e.exam === blueprint.id);
  const last = taken.at(-1);
  return {
    id: blueprint.id,
    name: blueprint.name,
    status: blueprint.status,
    length: blueprint.questions,
    minutes: blueprint.minutes,
    pass: blueprint.pass,
    scale: blueprint.scale,
    mastery: all.mastery,
    questions: pool.length,
    seen: all.seen,
    due: all.dueToday,
    dueThisWeek: all.dueThisWeek,
    areas,
    taken: taken.length,
    ...(last
      ? {
          best: Math.max(...taken.map((e) => e.score)),
          last: { score: last.score, passed: last.passed, finishedAt: last.finishedAt },
        }
      : {}),
  };
}

export function progressReport(
  input: {
    cards: ReadonlyMap<string, Card>;
    days: Readonly<Record<string, number>>;
    exams: readonly ExamRecord[];
    questions: readonly Question[];
    topics: readonly Topic[];
    blueprints?: readonly ExamBlueprint[];
  },
  now: Date,
): ProgressReport {
  const today = endOfDay(now).getTime();
  const week = endOfDay(now, 6).getTime();
  const topics: TopicProgress[] = input.topics.map((t) => ({
    id: t.id,
    title: t.title,
    mastery: 0,
    cards: 0,
    seen: 0,
    dueToday: 0,
    dueThisWeek: 0,
  }));
  const byId = new Map(topics.map((t) => [t.id, t]));
  const sums = new Map<string, number>();
  let total = 0;
  for (const q of input.questions) {
    const t = byId.get(q.topic);
    if (!t) continue;
    t.cards++;
    const card = input.cards.get(q.id);
    if (!card || card.state === State.New) continue;
    t.seen++;
    const r = recall(card, now);
    sums.set(t.id, (sums.get(t.id) ?? 0) + r);
    total += r;
    const due = card.due.getTime();
    if (due <= today) t.dueToday++;
    if (due <= week) t.dueThisWeek++;
  }
  for (const t of topics) t.mastery = t.cards ? round((sums.get(t.id) ?? 0) / t.cards) : 0;
  const cards = topics.reduce((n, t) => n + t.cards, 0);
  const seen = topics.reduce((n, t) => n + t.seen, 0);
  return {
    generatedAt: now.toISOString(),
    overall: { mastery: cards ? round(total / cards) : 0, cards, seen },
    dueToday: topics.reduce((n, t) => n + t.dueToday, 0),
    dueThisWeek: topics.reduce((n, t) => n + t.dueThisWeek, 0),
    newCards: cards - seen,
    answeredToday: input.days[dayKey(now)] ?? 0,
    streak: streak(input.days, now),
    topics,
    exams: [...input.exams],
    examMastery: (input.blueprints ?? []).map((b) => examProgress(b, input.questions, input.cards, input.exams, now)),
  };
}

/** "█████░░░░░" for a fraction. */
export function bar(fraction: number, width = 10): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
