// Exam mode as data: draw questions across topics, record answers (graded but not shown), keep the time
// used, score out of 1000 with the pass line at 700. The session is saved after every answer, so an exam
// that is interrupted resumes where it stopped; the clock runs only while the exam is open.
import type { Question, Topic } from './content.js';
import type { Answer } from './grading.js';
import type { ExamRecord } from './progress.js';

export const EXAM = { count: 50, minutes: 100, scale: 1000, pass: 700, fixFileShare: 0.1 } as const;

export interface ExamAnswer {
  answer: Answer;
  correct: boolean;
  score: number;
  ms: number;
  answeredAt: string;
}

export interface ExamSession {
  version: 1;
  startedAt: string;
  minutes: number;
  /** Time used so far, saved with every change. */
  elapsedMs: number;
  questionIds: string[];
  current: number;
  answers: Record<string, ExamAnswer>;
}

export interface ExamResult {
  score: number;
  passed: boolean;
  correct: number;
  total: number;
  unanswered: number;
  byTopic: Array<{ topic: string; title: string; correct: number; total: number }>;
  /** Every question answered wrongly or not at all, in exam order. */
  wrong: Array<{ question: Question; answer?: ExamAnswer }>;
}

/** A small seeded random generator (mulberry32), so a draw can be repeated in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * `count` questions spread over the topics in proportion to how many each has (every topic at least one
 * when there is room), fix-file questions kept to a tenth like the labs of a real exam, in random order.
 */
export function drawExam(questions: readonly Question[], topics: readonly Topic[], count: number, random: () => number): Question[] {
  const fix = shuffle(questions.filter((q) => q.type === 'fix-file'), random).slice(0, Math.floor(count * EXAM.fixFileShare));
  const pool = [...questions.filter((q) => q.type !== 'fix-file'), ...fix];
  const n = Math.min(count, pool.length);
  const groups = topics.map((t) => shuffle(pool.filter((q) => q.topic === t.id), random)).filter((g) => g.length);
  const quota = groups.map((g) => (g.length * n) / pool.length);
  const take: number[] = groups.map(() => (n >= groups.length ? 1 : 0));
  // One at a time to the topic furthest below its share that still has questions left.
  for (let left = n - take.reduce((x, y) => x + y, 0); left > 0; left--) {
    let best = -1;
    for (let i = 0; i < groups.length; i++) if (take[i] < groups[i].length && (best < 0 || quota[i] - take[i] > quota[best] - take[best])) best = i;
    take[best]++;
  }
  return shuffle(groups.flatMap((g, i) => g.slice(0, take[i])), random);
}

export function newExam(questions: readonly Question[], topics: readonly Topic[], options: { count?: number; minutes?: number; now: Date; random: () => number }): ExamSession {
  const drawn = drawExam(questions, topics, options.count ?? EXAM.count, options.random);
  return { version: 1, startedAt: options.now.toISOString(), minutes: options.minutes ?? EXAM.minutes, elapsedMs: 0, questionIds: drawn.map((q) => q.id), current: 0, answers: {} };
}

export const remainingMs = (exam: ExamSession, elapsedMs = exam.elapsedMs): number => Math.max(0, exam.minutes * 60000 - elapsedMs);

export const answeredCount = (exam: ExamSession): number => exam.questionIds.filter((id) => exam.answers[id]).length;

export function recordExamAnswer(exam: ExamSession, id: string, answer: ExamAnswer, elapsedMs: number): ExamSession {
  const at = exam.questionIds.indexOf(id);
  const next = exam.questionIds.findIndex((q, i) => i > at && !exam.answers[q] && q !== id);
  const wrap = exam.questionIds.findIndex((q) => !exam.answers[q] && q !== id);
  return { ...exam, elapsedMs, answers: { ...exam.answers, [id]: answer }, current: next >= 0 ? next : wrap >= 0 ? wrap : at };
}

/** Score: the share of right answers scaled to 1000 (no partial credit, as in the real exams). */
export function examResult(exam: ExamSession, questions: ReadonlyMap<string, Question>, topics: readonly Topic[]): ExamResult {
  const asked = exam.questionIds.map((id) => questions.get(id)).filter((q): q is Question => q !== undefined);
  const correct = asked.filter((q) => exam.answers[q.id]?.correct).length;
  const total = asked.length;
  const score = total ? Math.round((EXAM.scale * correct) / total) : 0;
  const byTopic = topics
    .map((t) => {
      const mine = asked.filter((q) => q.topic === t.id);
      return { topic: t.id, title: t.title, correct: mine.filter((q) => exam.answers[q.id]?.correct).length, total: mine.length };
    })
    .filter((t) => t.total > 0);
  return {
    score,
    passed: score >= EXAM.pass,
    correct,
    total,
    unanswered: asked.filter((q) => !exam.answers[q.id]).length,
    byTopic,
    wrong: asked.filter((q) => !exam.answers[q.id]?.correct).map((q) => ({ question: q, answer: exam.answers[q.id] })),
  };
}

export function examRecord(exam: ExamSession, result: ExamResult, now: Date): ExamRecord {
  return {
    startedAt: exam.startedAt,
    finishedAt: now.toISOString(),
    score: result.score,
    passed: result.passed,
    correct: result.correct,
    total: result.total,
    minutes: Math.round(exam.elapsedMs / 600) / 100,
    byTopic: result.byTopic.map(({ topic, correct, total }) => ({ topic, correct, total })),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isExamSession(v: unknown): v is ExamSession {
  return (
    isRecord(v) &&
    v.version === 1 &&
    typeof v.startedAt === 'string' &&
    typeof v.minutes === 'number' &&
    typeof v.elapsedMs === 'number' &&
    typeof v.current === 'number' &&
    Array.isArray(v.questionIds) &&
    v.questionIds.every((id) => typeof id === 'string') &&
    isRecord(v.answers) &&
    Object.values(v.answers).every((a) => isRecord(a) && isRecord(a.answer) && typeof a.correct === 'boolean' && typeof a.ms === 'number')
  );
}
