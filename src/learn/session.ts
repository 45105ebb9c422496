// Which questions a practice session asks: due cards first, then new ones in teaching order (topics in
// their order, lessons in their teaching order, questions as written with fix-file exercises after the
// questions of their lesson), then the weakest of the rest.
import { type Content, lessonsOf, type Question } from './content.js';
import { type Card, pickCards, type PickReason, State } from './scheduler.js';

export const PRACTICE_COUNT = 10;

const orders = new WeakMap<object, Question[]>();

/** Fixing a file comes after the questions on the same lesson. */
const lab = (q: Question) => (q.type === 'fix-file' ? 1 : 0);

/** Every question in the order a course would teach it. */
export function teachingOrder(content: Content): Question[] {
  const cached = orders.get(content);
  if (cached) return cached;
  const rank = new Map<string, number>();
  let n = 0;
  for (const t of content.topics) for (const l of lessonsOf(content, t.id)) rank.set(l.id, n++);
  const topicRank = new Map(content.topics.map((t, i) => [t.id, i]));
  const ordered = content.questions
    .map((q, i) => ({ q, i }))
    .sort(
      (a, b) =>
        (topicRank.get(a.q.topic) ?? 1e9) - (topicRank.get(b.q.topic) ?? 1e9) ||
        (rank.get(a.q.lesson) ?? 1e9) - (rank.get(b.q.lesson) ?? 1e9) ||
        lab(a.q) - lab(b.q) ||
        a.i - b.i,
    )
    .map((x) => x.q);
  orders.set(content, ordered);
  return ordered;
}

export interface SessionFilter {
  topic?: string;
  lesson?: string;
}

export const matches = (q: Question, f: SessionFilter): boolean =>
  (!f.topic || q.topic === f.topic) && (!f.lesson || q.lesson === f.lesson);

export interface Planned {
  question: Question;
  reason: PickReason;
}

export function planSession(
  content: Content,
  cards: ReadonlyMap<string, Card>,
  now: Date,
  options: SessionFilter & { count?: number },
): Planned[] {
  const candidates = teachingOrder(content).filter((q) => matches(q, options));
  const byId = new Map(candidates.map((q) => [q.id, q]));
  return pickCards(
    cards,
    candidates.map((q) => q.id),
    now,
    options.count ?? PRACTICE_COUNT,
  ).flatMap((p) => {
    const question = byId.get(p.id);
    return question ? [{ question, reason: p.reason }] : [];
  });
}

/** How many of the filtered questions are due now and how many are new. */
export function dueSummary(
  questions: readonly Question[],
  cards: ReadonlyMap<string, Card>,
  now: Date,
  filter: SessionFilter = {},
): { due: number; fresh: number; total: number } {
  let due = 0;
  let fresh = 0;
  let total = 0;
  const t = now.getTime();
  for (const q of questions) {
    if (!matches(q, filter)) continue;
    total++;
    const card = cards.get(q.id);
    if (!card || card.state === State.New) fresh++;
    else if (card.due.getTime() <= t) due++;
  }
  return { due, fresh, total };
}
