// Spaced repetition with FSRS (ts-fsrs, major version 5 pinned in package.json): one card per question.
// The rating is not asked of the learner; it follows from what happened: wrong → Again; right after a
// hint or slowly → Hard; right at a normal pace → Good; right quickly → Easy. Every function takes `now`,
// so tests run on a fake clock.
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { QuestionType } from './content.js';

export { Rating, State, type Card, type Grade };

const scheduler = fsrs(generatorParameters({ enable_fuzz: true, enable_short_term: true }));

/** Seconds under which a right answer counts as easy, and over which as hard, by question type. */
export const PACE: Record<QuestionType, { fast: number; slow: number }> = {
  truefalse: { fast: 8, slow: 45 },
  single: { fast: 12, slow: 75 },
  fill: { fast: 12, slow: 75 },
  multi: { fast: 20, slow: 120 },
  order: { fast: 20, slow: 120 },
  'fix-file': { fast: 60, slow: 600 },
};

export interface Performance {
  type: QuestionType;
  correct: boolean;
  /** Hints shown before answering. */
  hints: number;
  /** Time from seeing the question to answering. */
  ms: number;
  /** Fix-file: checks that did not pass before the one that did. */
  failedChecks?: number;
}

export function ratingFor(p: Performance): Grade {
  if (!p.correct) return Rating.Again;
  if (p.hints > 0 || (p.failedChecks ?? 0) >= 2) return Rating.Hard;
  const seconds = p.ms / 1000;
  const pace = PACE[p.type];
  if (seconds > pace.slow) return Rating.Hard;
  if (seconds < pace.fast) return Rating.Easy;
  return Rating.Good;
}

export const RATING_NAME: Record<Grade, string> = {
  [Rating.Again]: 'again',
  [Rating.Hard]: 'hard',
  [Rating.Good]: 'good',
  [Rating.Easy]: 'easy',
};

/** The card after one review (a question never seen before starts as a new card). */
export function reviewCard(card: Card | undefined, rating: Grade, now: Date): Card {
  const current: Card = card ?? createEmptyCard<Card>(now);
  // A review may be applied late (an exam scored at its end): never before the card's last review.
  const at = current.last_review && current.last_review.getTime() > now.getTime() ? current.last_review : now;
  return scheduler.next(current, at, rating).card;
}

/** Probability of recalling the answer now: 0 for a question never answered. */
export function recall(card: Card | undefined, now: Date): number {
  if (!card || card.state === State.New) return 0;
  return scheduler.get_retrievability(card, now, false);
}

export type PickReason = 'due' | 'new' | 'ahead';
export interface Pick {
  id: string;
  reason: PickReason;
}

/**
 * The next `count` questions among `candidates` (ids in teaching order): cards that are due, most overdue
 * first; then questions never seen, in teaching order; then, to fill a session, the cards most likely to
 * be forgotten soonest. One pass over the candidates plus a sort of the due ones (recall is computed only
 * when the session needs cards that are not due).
 */
export function pickCards(
  cards: ReadonlyMap<string, Card>,
  candidates: readonly string[],
  now: Date,
  count: number,
  exclude?: ReadonlySet<string>,
): Pick[] {
  const t = now.getTime();
  const due: Array<{ id: string; at: number }> = [];
  const fresh: string[] = [];
  const ahead: string[] = [];
  for (const id of candidates) {
    if (exclude?.has(id)) continue;
    const card = cards.get(id);
    if (!card || card.state === State.New) {
      if (fresh.length < count) fresh.push(id);
    } else {
      const at = card.due.getTime();
      if (at <= t) due.push({ id, at });
      else ahead.push(id);
    }
  }
  const picks: Pick[] = [];
  due.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  for (const d of due) {
    if (picks.length >= count) return picks;
    picks.push({ id: d.id, reason: 'due' });
  }
  for (const id of fresh) {
    if (picks.length >= count) return picks;
    picks.push({ id, reason: 'new' });
  }
  if (picks.length < count && ahead.length) {
    const ranked = ahead
      .map((id) => ({ id, r: recall(cards.get(id), now) }))
      .sort((a, b) => a.r - b.r || (a.id < b.id ? -1 : 1));
    for (const a of ranked) {
      if (picks.length >= count) break;
      picks.push({ id: a.id, reason: 'ahead' });
    }
  }
  return picks;
}

/** "in 10 minutes", "in 3 days": when a card comes back. */
export function dueIn(card: Card, now: Date): string {
  const minutes = Math.max(0, Math.round((card.due.getTime() - now.getTime()) / 60000));
  if (minutes < 1) return 'now';
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

/** Cards as JSON: dates as ISO strings. */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string;
}

export const storeCard = (c: Card): StoredCard => ({
  due: c.due.toISOString(),
  stability: c.stability,
  difficulty: c.difficulty,
  elapsed_days: c.elapsed_days,
  scheduled_days: c.scheduled_days,
  learning_steps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  ...(c.last_review ? { last_review: c.last_review.toISOString() } : {}),
});

/** One of ts-fsrs' card states (New 0, Learning 1, Review 2, Relearning 3). */
const isState = (v: unknown): v is State => v === 0 || v === 1 || v === 2 || v === 3;

export const restoreCard = (s: StoredCard): Card => ({
  due: new Date(s.due),
  stability: s.stability,
  difficulty: s.difficulty,
  elapsed_days: s.elapsed_days,
  scheduled_days: s.scheduled_days,
  learning_steps: s.learning_steps,
  reps: s.reps,
  lapses: s.lapses,
  state: isState(s.state) ? s.state : State.New,
  ...(s.last_review ? { last_review: new Date(s.last_review) } : {}),
});

const NUMERIC = [
  'stability',
  'difficulty',
  'elapsed_days',
  'scheduled_days',
  'learning_steps',
  'reps',
  'lapses',
  'state',
] as const;
const validDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

export function isStoredCard(v: unknown): v is StoredCard {
  if (typeof v !== 'object' || v === null) return false;
  const o: Record<string, unknown> = { ...v };
  return (
    validDate(o.due) &&
    NUMERIC.every((k) => typeof o[k] === 'number' && Number.isFinite(o[k])) &&
    (o.last_review === undefined || validDate(o.last_review)) &&
    isState(o.state)
  );
}
