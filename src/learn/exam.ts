// Exam mode as data: draw questions by an exam's blueprint (its tag, the weights of its skill areas), record
// answers (graded but not shown), keep the time used, score out of the blueprint's scale against its pass
// mark. The session is saved after every answer, so an exam that is interrupted resumes where it stopped;
// the clock runs only while the exam is open.
import { areaOf, coveredAreas, type ExamBlueprint, examQuestions } from './blueprints.js';
import type { Question, Topic } from './content.js';
import type { Answer } from './grading.js';
import type { ExamRecord } from './progress.js';

/** Defaults for an exam without a blueprint; a blueprint brings its own length, time and pass mark. */
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
  /** The blueprint's id (ai-300, dp-100); absent for an exam drawn across every topic. */
  exam?: string;
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
  /** Per skill area of the blueprint, when the exam has one. */
  byArea: Array<{ area: string; title: string; correct: number; total: number }>;
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
 * Splits `n` between groups in proportion to `quotas`, one at a time to the group furthest below its share
 * that still has room, so each gets its share rounded up or down unless it runs out (then the others take
 * the rest). `atLeastOne` first gives every group with room one, when there are enough to go round.
 */
export function apportion(quotas: readonly number[], room: readonly number[], n: number, atLeastOne = false): number[] {
  const open = room.filter((r) => r > 0).length;
  const take: number[] = room.map((r) => (atLeastOne && n >= open && r > 0 ? 1 : 0));
  const total = quotas.reduce((x, y) => x + y, 0) || 1;
  const share = quotas.map((q) => (q * n) / total);
  for (
    let left =
      Math.min(
        n,
        room.reduce((x, y) => x + y, 0),
      ) - take.reduce((x, y) => x + y, 0);
    left > 0;
    left--
  ) {
    let best = -1;
    for (let i = 0; i < room.length; i++)
      if (take[i] < room[i] && (best < 0 || share[i] - take[i] > share[best] - take[best])) best = i;
    take[best]++;
  }
  return take;
}

/** `n` of the questions spread over their topics in proportion to how many each has (each at least one when there is room). */
function spreadOverTopics(
  questions: readonly Question[],
  topics: readonly Topic[],
  n: number,
  random: () => number,
): Question[] {
  const groups = topics
    .map((t) =>
      shuffle(
        questions.filter((q) => q.topic === t.id),
        random,
      ),
    )
    .filter((g) => g.length);
  const take = apportion(
    groups.map((g) => g.length),
    groups.map((g) => g.length),
    n,
    true,
  );
  return groups.flatMap((g, i) => g.slice(0, take[i]));
}

/** Fix-file questions kept to a share of the exam, like the labs of a real one; the rest all stay. */
function capFixFile(questions: readonly Question[], count: number, random: () => number): Question[] {
  const fix = shuffle(
    questions.filter((q) => q.type === 'fix-file'),
    random,
  ).slice(0, Math.floor(count * EXAM.fixFileShare));
  return [...questions.filter((q) => q.type !== 'fix-file'), ...fix];
}

/**
 * `count` questions spread over the topics in proportion to how many each has (every topic at least one
 * when there is room), fix-file questions kept to a tenth like the labs of a real exam, in random order.
 */
export function drawExam(
  questions: readonly Question[],
  topics: readonly Topic[],
  count: number,
  random: () => number,
): Question[] {
  const pool = capFixFile(questions, count, random);
  return shuffle(spreadOverTopics(pool, topics, Math.min(count, pool.length), random), random);
}

/**
 * `count` questions for one exam: only those tagged for it, split between its skill areas by their
 * official weights (the middle of each range, over the areas amlenv teaches), spread over the topics
 * inside each area, fix-file kept to a tenth, in random order.
 */
export function drawByBlueprint(
  questions: readonly Question[],
  topics: readonly Topic[],
  blueprint: ExamBlueprint,
  count: number,
  random: () => number,
): Question[] {
  const pool = capFixFile(examQuestions(blueprint, questions), count, random);
  const areas = coveredAreas(blueprint);
  const groups = areas.map(({ area }) => pool.filter((q) => areaOf(blueprint, q) === area));
  const take = apportion(
    areas.map((a, i) => (groups[i].length ? a.share : 0)),
    groups.map((g) => g.length),
    Math.min(count, pool.length),
  );
  return shuffle(
    groups.flatMap((g, i) => spreadOverTopics(g, topics, take[i], random)),
    random,
  );
}

/** A new exam: by the blueprint when there is one (its length and time unless overridden), else across every topic. */
export function newExam(
  questions: readonly Question[],
  topics: readonly Topic[],
  options: { count?: number; minutes?: number; blueprint?: ExamBlueprint; now: Date; random: () => number },
): ExamSession {
  const b = options.blueprint;
  const count = options.count ?? b?.questions ?? EXAM.count;
  const drawn = b
    ? drawByBlueprint(questions, topics, b, count, options.random)
    : drawExam(questions, topics, count, options.random);
  const session: ExamSession = {
    version: 1,
    startedAt: options.now.toISOString(),
    minutes: options.minutes ?? b?.minutes ?? EXAM.minutes,
    elapsedMs: 0,
    questionIds: drawn.map((q) => q.id),
    current: 0,
    answers: {},
  };
  return b ? { ...session, exam: b.id } : session;
}

/** The pass mark and scale an exam is scored against. */
export const passMark = (blueprint?: Pick<ExamBlueprint, 'pass' | 'scale'>): { pass: number; scale: number } => ({
  pass: blueprint?.pass ?? EXAM.pass,
  scale: blueprint?.scale ?? EXAM.scale,
});

export const remainingMs = (exam: ExamSession, elapsedMs = exam.elapsedMs): number =>
  Math.max(0, exam.minutes * 60000 - elapsedMs);

export const answeredCount = (exam: ExamSession): number => exam.questionIds.filter((id) => exam.answers[id]).length;

export function recordExamAnswer(exam: ExamSession, id: string, answer: ExamAnswer, elapsedMs: number): ExamSession {
  const at = exam.questionIds.indexOf(id);
  const next = exam.questionIds.findIndex((q, i) => i > at && !exam.answers[q] && q !== id);
  const wrap = exam.questionIds.findIndex((q) => !exam.answers[q] && q !== id);
  return {
    ...exam,
    elapsedMs,
    answers: { ...exam.answers, [id]: answer },
    current: next >= 0 ? next : wrap >= 0 ? wrap : at,
  };
}

/** Score: the share of right answers scaled to the exam's scale, 1000 (no partial credit, as in the real exams). */
export function examResult(
  exam: ExamSession,
  questions: ReadonlyMap<string, Question>,
  topics: readonly Topic[],
  blueprint?: ExamBlueprint,
): ExamResult {
  const { pass, scale } = passMark(blueprint);
  const asked = exam.questionIds.map((id) => questions.get(id)).filter((q): q is Question => q !== undefined);
  const correct = asked.filter((q) => exam.answers[q.id]?.correct).length;
  const total = asked.length;
  const score = total ? Math.round((scale * correct) / total) : 0;
  const byTopic = topics
    .map((t) => {
      const mine = asked.filter((q) => q.topic === t.id);
      return {
        topic: t.id,
        title: t.title,
        correct: mine.filter((q) => exam.answers[q.id]?.correct).length,
        total: mine.length,
      };
    })
    .filter((t) => t.total > 0);
  const bp = blueprint;
  const byArea = (bp?.areas ?? [])
    .map((a) => {
      const mine = bp ? asked.filter((q) => areaOf(bp, q) === a) : [];
      return {
        area: a.id,
        title: a.title,
        correct: mine.filter((q) => exam.answers[q.id]?.correct).length,
        total: mine.length,
      };
    })
    .filter((a) => a.total > 0);
  return {
    score,
    passed: score >= pass,
    correct,
    total,
    unanswered: asked.filter((q) => !exam.answers[q.id]).length,
    byTopic,
    byArea,
    wrong: asked.filter((q) => !exam.answers[q.id]?.correct).map((q) => ({ question: q, answer: exam.answers[q.id] })),
  };
}

export function examRecord(exam: ExamSession, result: ExamResult, now: Date): ExamRecord {
  return {
    ...(exam.exam ? { exam: exam.exam } : {}),
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
    (v.exam === undefined || typeof v.exam === 'string') &&
    typeof v.startedAt === 'string' &&
    typeof v.minutes === 'number' &&
    typeof v.elapsedMs === 'number' &&
    typeof v.current === 'number' &&
    Array.isArray(v.questionIds) &&
    v.questionIds.every((id) => typeof id === 'string') &&
    isRecord(v.answers) &&
    Object.values(v.answers).every(
      (a) => isRecord(a) && isRecord(a.answer) && typeof a.correct === 'boolean' && typeof a.ms === 'number',
    )
  );
}
