import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/learn/content.js';
import {
  type Card,
  dueIn,
  isStoredCard,
  pickCards,
  PACE,
  Rating,
  ratingFor,
  recall,
  restoreCard,
  reviewCard,
  State,
  storeCard,
} from '../../src/learn/scheduler.js';
import { planSession, teachingOrder } from '../../src/learn/session.js';

/** A fake clock: every test moves time by hand. */
const T0 = new Date(2026, 10, 26, 9, 0, 0);
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60000);
const days = (n: number) => n * 24 * 60;

describe('rating from what happened', () => {
  it.each([
    ['wrong', { type: 'single', correct: false, hints: 0, ms: 3000 }, Rating.Again],
    ['wrong even when fast', { type: 'truefalse', correct: false, hints: 0, ms: 500 }, Rating.Again],
    ['right after a hint', { type: 'fix-file', correct: true, hints: 1, ms: 30000 }, Rating.Hard],
    [
      'right after two failed checks',
      { type: 'fix-file', correct: true, hints: 0, ms: 120000, failedChecks: 2 },
      Rating.Hard,
    ],
    ['right but slow', { type: 'single', correct: true, hints: 0, ms: (PACE.single.slow + 1) * 1000 }, Rating.Hard],
    ['right at a normal pace', { type: 'single', correct: true, hints: 0, ms: 30000 }, Rating.Good],
    ['right and quick', { type: 'single', correct: true, hints: 0, ms: 4000 }, Rating.Easy],
    [
      'a fix-file in three minutes is a normal pace',
      { type: 'fix-file', correct: true, hints: 0, ms: 180000 },
      Rating.Good,
    ],
  ] as const)('%s', (_name, p, rating) => {
    expect(ratingFor(p)).toBe(rating);
  });
});

describe('FSRS scheduling on a fake clock', () => {
  it('a new card answered right comes back later the better it went', () => {
    const again = reviewCard(undefined, Rating.Again, T0);
    const hard = reviewCard(undefined, Rating.Hard, T0);
    const good = reviewCard(undefined, Rating.Good, T0);
    const easy = reviewCard(undefined, Rating.Easy, T0);
    const t = (c: Card) => c.due.getTime();
    expect(t(again)).toBeLessThan(t(hard));
    expect(t(hard)).toBeLessThan(t(good));
    expect(t(good)).toBeLessThan(t(easy));
    expect(again.state).toBe(State.Learning);
    expect(dueIn(again, T0)).toBe('in 1 minute');
    expect(easy.state).toBe(State.Review);
  });

  it('intervals grow with each good review, and a lapse brings the card back soon', () => {
    let card = reviewCard(undefined, Rating.Good, T0);
    let now = card.due;
    const intervals: number[] = [];
    for (let i = 0; i < 5; i++) {
      const next = reviewCard(card, Rating.Good, now);
      intervals.push(next.due.getTime() - now.getTime());
      card = next;
      now = card.due;
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]);
    expect(card.state).toBe(State.Review);
    const lapsed = reviewCard(card, Rating.Again, now);
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.state).toBe(State.Relearning);
    expect(lapsed.due.getTime() - now.getTime()).toBeLessThanOrEqual(10 * 60000);
  });

  it('recall is 0 for a new question, high right after a review, and falls with time', () => {
    expect(recall(undefined, T0)).toBe(0);
    const card = reviewCard(undefined, Rating.Easy, T0);
    const r1 = recall(card, at(1));
    const r30 = recall(card, at(days(30)));
    const r365 = recall(card, at(days(365)));
    expect(r1).toBeGreaterThan(0.95);
    expect(r30).toBeLessThan(r1);
    expect(r365).toBeLessThan(r30);
  });

  it('a review dated before the last one is applied at the last one (late exam scoring)', () => {
    const card = reviewCard(undefined, Rating.Good, at(60));
    const late = reviewCard(card, Rating.Good, at(0));
    expect(late.last_review!.getTime()).toBe(at(60).getTime());
  });

  it('cards survive a round trip through JSON', () => {
    const card = reviewCard(reviewCard(undefined, Rating.Good, T0), Rating.Hard, at(days(2)));
    const stored = JSON.parse(JSON.stringify(storeCard(card)));
    expect(isStoredCard(stored)).toBe(true);
    expect(restoreCard(stored)).toEqual(card);
    expect(isStoredCard({ ...stored, due: 'yesterday' })).toBe(false);
    expect(isStoredCard({ ...stored, state: 7 })).toBe(false);
    expect(isStoredCard({ ...stored, reps: '3' })).toBe(false);
  });
});

describe('picking cards: due first, then new, then the weakest', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('orders due cards by how overdue they are, then new ones in teaching order', () => {
    const cards = new Map<string, Card>();
    cards.set('c', reviewCard(undefined, Rating.Good, at(-days(10)))); // due long ago
    cards.set('e', reviewCard(undefined, Rating.Again, at(-5))); // due 4 minutes ago
    cards.set('a', reviewCard(undefined, Rating.Easy, T0)); // due in days: not due
    const picks = pickCards(cards, ids, T0, 4);
    expect(picks).toEqual([
      { id: 'c', reason: 'due' },
      { id: 'e', reason: 'due' },
      { id: 'b', reason: 'new' },
      { id: 'd', reason: 'new' },
    ]);
  });

  it('fills a session with the cards most likely to be forgotten when nothing else is left', () => {
    const cards = new Map<string, Card>();
    cards.set('b', reviewCard(undefined, Rating.Easy, at(-1)));
    cards.set('a', reviewCard(undefined, Rating.Easy, at(-days(3))));
    const picks = pickCards(cards, ['b', 'a'], T0, 5);
    expect(picks).toEqual([
      { id: 'a', reason: 'ahead' },
      { id: 'b', reason: 'ahead' },
    ]);
    expect(recall(cards.get('a'), T0)).toBeLessThan(recall(cards.get('b'), T0));
  });

  it('respects the count and the exclusions', () => {
    expect(pickCards(new Map(), ids, T0, 2)).toEqual([
      { id: 'a', reason: 'new' },
      { id: 'b', reason: 'new' },
    ]);
    expect(pickCards(new Map(), ids, T0, 2, new Set(['a'])).map((p) => p.id)).toEqual(['b', 'c']);
  });

  it('a card answered wrong is due again a minute later on the clock', () => {
    const cards = new Map<string, Card>([['b', reviewCard(undefined, Rating.Again, T0)]]);
    expect(pickCards(cards, ['a', 'b'], T0, 1)).toEqual([{ id: 'a', reason: 'new' }]);
    expect(pickCards(cards, ['a', 'b'], at(2), 1)).toEqual([{ id: 'b', reason: 'due' }]);
  });
});

describe('practice sessions over the real content', () => {
  const content = loadContent();

  it('teaching order follows the topics, then each topic’s lesson order', () => {
    const order = teachingOrder(content);
    expect(order.length).toBe(content.questions.length);
    const topicIndex = (id: string) => content.topics.findIndex((t) => t.id === id);
    for (let i = 1; i < order.length; i++)
      expect(topicIndex(order[i].topic)).toBeGreaterThanOrEqual(topicIndex(order[i - 1].topic));
    const firstLesson = content.topics[0].lessons![0];
    expect(order[0].lesson).toBe(firstLesson);
  });

  it('a topic session asks only that topic; a lesson session only that lesson', () => {
    const bySession = planSession(content, new Map(), T0, { topic: 'spark', count: 50 });
    expect(bySession.length).toBeGreaterThan(5);
    expect(bySession.every((p) => p.question.topic === 'spark' && p.reason === 'new')).toBe(true);
    const lesson = planSession(content, new Map(), T0, { lesson: 'python-kinds', count: 50 });
    expect(lesson.length).toBeGreaterThan(0);
    expect(lesson.every((p) => p.question.lesson === 'python-kinds')).toBe(true);
  });

  it('puts a due card ahead of new ones', () => {
    const q = teachingOrder(content).find((x) => x.topic === 'docker')!;
    const cards = new Map([[q.id, reviewCard(undefined, Rating.Again, at(-10))]]);
    const plan = planSession(content, cards, T0, { count: 3 });
    expect(plan[0]).toEqual({ question: q, reason: 'due' });
    expect(plan.slice(1).every((p) => p.reason === 'new')).toBe(true);
  });
});
