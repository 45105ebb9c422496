// Spaced-repetition benchmark: picking the next card among 10,000 that all have a review history, in
// process, median of many runs. Also the cost of a session's ten picks and of the progress report.
// Run alone with `npx tsx bench/learn.ts`, or add benchLearn to bench/run.ts.
import { fileURLToPath } from 'node:url';
import type { Question, Topic } from '../src/learn/content.js';
import { progressReport } from '../src/learn/progress.js';
import { type Card, type Grade, pickCards, Rating, reviewCard } from '../src/learn/scheduler.js';
import { seededRandom } from '../src/learn/exam.js';
import { median, percentile, report, type Check } from './lib.js';

const DAY = 24 * 3600 * 1000;

/** 10,000 cards, each with one to six reviews spread over the last 90 days, ratings mostly good. */
export function deckWithHistory(size: number, now: Date): { cards: Map<string, Card>; ids: string[] } {
  const random = seededRandom(2026);
  const ids = Array.from({ length: size }, (_, i) => `q-${String(i).padStart(5, '0')}`);
  const cards = new Map<string, Card>();
  for (const id of ids) {
    let at = now.getTime() - 90 * DAY + random() * 30 * DAY;
    let card: Card | undefined;
    const reviews = 1 + Math.floor(random() * 6);
    for (let r = 0; r < reviews && at < now.getTime(); r++) {
      const x = random();
      const rating: Grade = x < 0.15 ? Rating.Again : x < 0.3 ? Rating.Hard : x < 0.9 ? Rating.Good : Rating.Easy;
      card = reviewCard(card, rating, new Date(at));
      at = Math.max(at + 60000, card.due.getTime() + random() * 3 * DAY);
    }
    if (card) cards.set(id, card);
  }
  return { cards, ids };
}

function time(fn: () => void, runs: number): number[] {
  for (let i = 0; i < 5; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchLearn(runs = 200): Promise<boolean> {
  const now = new Date(2026, 10, 26, 9);
  const { cards, ids } = deckWithHistory(10000, now);
  const due = ids.filter((id) => cards.get(id)!.due.getTime() <= now.getTime()).length;
  const next = time(() => pickCards(cards, ids, now, 1), runs);
  const session = time(() => pickCards(cards, ids, now, 10), runs);
  // Nothing due (everything was just reviewed): the session falls back to the cards most likely to be
  // forgotten, which needs the recall of every card.
  const reviewed = new Map(ids.map((id) => [id, reviewCard(cards.get(id), Rating.Easy, now)]));
  const hourLater = new Date(now.getTime() + 3600000);
  const ahead = time(() => pickCards(reviewed, ids, hourLater, 10), Math.max(20, runs / 10));
  const topics: Topic[] = Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, title: `Topic ${i}`, summary: '' }));
  const questions = ids.map((id, i) => ({ id, topic: `t${i % 10}` }) as Question);
  const progress = time(
    () => progressReport({ cards, days: {}, exams: [], questions, topics }, now),
    Math.max(20, runs / 10),
  );
  const checks: Check[] = [
    {
      name: `next card of 10,000 (${due} due)`,
      value: `median ${median(next).toFixed(2)} ms, p95 ${percentile(next, 95).toFixed(2)} ms`,
      target: '≤ 20 ms median',
      ok: median(next) <= 20,
    },
    {
      name: 'a 10-card session of 10,000',
      value: `median ${median(session).toFixed(2)} ms`,
      target: '≤ 20 ms median',
      ok: median(session) <= 20,
    },
    {
      name: '10 cards, none due (by recall)',
      value: `median ${median(ahead).toFixed(2)} ms`,
      target: '≤ 50 ms median',
      ok: median(ahead) <= 50,
    },
    {
      name: 'progress report of 10,000',
      value: `median ${median(progress).toFixed(2)} ms`,
      target: '≤ 50 ms median',
      ok: median(progress) <= 50,
    },
  ];
  return report('Spaced repetition (in process)', checks);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = (await benchLearn()) ? 0 : 1;
