import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/learn/content.js';
import { newExam, seededRandom } from '../../src/learn/exam.js';
import { LearningStore } from '../../src/learn/learning-store.js';
import { bar, dayKey, progressReport, streak } from '../../src/learn/progress.js';
import { type Card, Rating, recall, reviewCard } from '../../src/learn/scheduler.js';
import { tempDir } from '../helpers.js';

const content = loadContent();
const T0 = new Date(2026, 10, 26, 10, 0);
const dayAt = (offset: number, hour = 10) => new Date(2026, 10, 26 + offset, hour);

describe('streak', () => {
  const days = (...offsets: number[]) => Object.fromEntries(offsets.map((o) => [dayKey(dayAt(o)), 2]));

  it.each([
    ['no practice at all', days(), { current: 0, longest: 0, practisedToday: false }],
    ['today only', days(0), { current: 1, longest: 1, practisedToday: true }],
    ['three days up to today', days(-2, -1, 0), { current: 3, longest: 3, practisedToday: true }],
    ['up to yesterday: kept until today ends', days(-2, -1), { current: 2, longest: 2, practisedToday: false }],
    ['a gap breaks it', days(-6, -5, -4, -3, -1, 0), { current: 2, longest: 4, practisedToday: true }],
    ['two days ago only: broken', days(-2), { current: 0, longest: 1, practisedToday: false }],
  ])('%s', (_name, d, expected) => {
    expect(streak(d, T0)).toEqual(expected);
  });

  it('crosses month ends', () => {
    const d = { '2026-11-30': 1, '2026-12-01': 3 };
    expect(streak(d, new Date(2026, 11, 1, 8))).toMatchObject({ current: 2, longest: 2 });
  });
});

describe('progress report', () => {
  const spark = content.questions.filter((q) => q.topic === 'spark');

  it('mastery of a topic is the mean recall of its cards, unseen ones counting zero', () => {
    const cards = new Map<string, Card>();
    cards.set(spark[0].id, reviewCard(undefined, Rating.Easy, dayAt(-1)));
    cards.set(spark[1].id, reviewCard(undefined, Rating.Good, dayAt(-1)));
    const r = progressReport({ cards, days: {}, exams: [], questions: content.questions, topics: content.topics }, T0);
    const t = r.topics.find((x) => x.id === 'spark')!;
    const expected = (recall(cards.get(spark[0].id), T0) + recall(cards.get(spark[1].id), T0)) / spark.length;
    expect(t.mastery).toBeCloseTo(expected, 3);
    expect(t).toMatchObject({ cards: spark.length, seen: 2 });
    expect(r.topics.find((x) => x.id === 'python')!.mastery).toBe(0);
    expect(r.overall).toMatchObject({ cards: content.questions.length, seen: 2 });
    expect(r.newCards).toBe(content.questions.length - 2);
  });

  it('counts cards due today and within the week on the fake clock', () => {
    const cards = new Map<string, Card>();
    const overdue = reviewCard(undefined, Rating.Again, dayAt(-3));
    const later = { ...reviewCard(undefined, Rating.Easy, T0), due: dayAt(0, 22) };
    const inFive = { ...later, due: dayAt(5) };
    const inNine = { ...later, due: dayAt(9) };
    for (const [i, c] of [overdue, later, inFive, inNine].entries()) cards.set(spark[i].id, c);
    const r = progressReport(
      { cards, days: { [dayKey(T0)]: 4 }, exams: [], questions: content.questions, topics: content.topics },
      T0,
    );
    expect(r).toMatchObject({ dueToday: 2, dueThisWeek: 3, answeredToday: 4 });
    expect(r.topics.find((t) => t.id === 'spark')).toMatchObject({ dueToday: 2, dueThisWeek: 3 });
  });

  it('draws bars', () => {
    expect(bar(0)).toBe('░░░░░░░░░░');
    expect(bar(0.42)).toBe('████░░░░░░');
    expect(bar(1, 4)).toBe('████');
    expect(bar(7)).toBe('██████████');
  });
});

describe('the learning store', () => {
  it('saves every review at once and reads it back', () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    store.review('spark-001', Rating.Good, T0);
    store.review('spark-002', Rating.Again, T0);
    const again = new LearningStore(dir);
    expect([...again.cards.keys()].sort()).toEqual(['spark-001', 'spark-002']);
    expect(again.cards.get('spark-001')).toEqual(store.cards.get('spark-001'));
    expect(again.days[dayKey(T0)]).toBe(2);
    expect(again.report(content, T0).overall.seen).toBe(2);
  });

  it('sets a corrupt file aside, restores the last good copy and says so', () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    store.review('spark-001', Rating.Good, T0);
    store.review('spark-002', Rating.Good, T0);
    writeFileSync(join(dir, 'learning.json'), '{"version": 1, "cards": {"spark-001": {"due": "soon"');
    const next = new LearningStore(dir);
    expect(next.problem).toMatch(/learning\.json was damaged.*moved to .*corrupt.*last good copy was restored/);
    expect([...next.cards.keys()]).toEqual(['spark-001']);
    expect(readdirSync(dir).some((f) => f.startsWith('learning.corrupt-'))).toBe(true);
  });

  it('keeps the exam in progress and files a finished one once, even when finished twice', () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    const exam = newExam(content.questions, content.topics, { count: 5, now: T0, random: seededRandom(9) });
    store.saveExam(exam);
    expect(new LearningStore(dir).currentExam()).toEqual(exam);
    const record = {
      startedAt: exam.startedAt,
      finishedAt: T0.toISOString(),
      score: 800,
      passed: true,
      correct: 4,
      total: 5,
      minutes: 3,
      byTopic: [],
    };
    const reviews = exam.questionIds.slice(0, 4).map((id) => ({ id, rating: Rating.Good as const, at: T0 }));
    store.finishExam(record, reviews);
    store.finishExam(record, reviews);
    const after = new LearningStore(dir);
    expect(after.exams).toHaveLength(1);
    expect(after.cards.size).toBe(4);
    expect(after.currentExam()).toBeNull();
  });

  it('reset forgets cards, days, exams and the exam in progress', () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    store.review('spark-001', Rating.Good, T0);
    store.saveExam(newExam(content.questions, content.topics, { count: 2, now: T0, random: seededRandom(1) }));
    store.reset();
    const after = new LearningStore(dir);
    expect(after.cards.size).toBe(0);
    expect(after.days).toEqual({});
    expect(after.currentExam()).toBeNull();
    expect(existsSync(join(dir, 'learning.bak.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'learning.json'), 'utf8'))).toEqual({
      version: 1,
      cards: {},
      days: {},
      exams: [],
    });
  });
});
