import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/learn/content.js';
import {
  drawExam,
  EXAM,
  examRecord,
  examResult,
  isExamSession,
  newExam,
  recordExamAnswer,
  remainingMs,
  seededRandom,
} from '../../src/learn/exam.js';

const content = loadContent();
const questions = new Map(content.questions.map((q) => [q.id, q]));
const T0 = new Date(2026, 10, 26, 9);

describe('drawing an exam', () => {
  it('draws 50 distinct questions from every topic, in proportion, with fix-file kept to a tenth', () => {
    const drawn = drawExam(content.questions, content.topics, 50, seededRandom(1));
    expect(drawn).toHaveLength(50);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(50);
    for (const t of content.topics) expect(drawn.filter((q) => q.topic === t.id).length).toBeGreaterThanOrEqual(1);
    expect(drawn.filter((q) => q.type === 'fix-file').length).toBeLessThanOrEqual(5);
    const pool = content.questions.length;
    for (const t of content.topics) {
      const share = (content.questions.filter((q) => q.topic === t.id && q.type !== 'fix-file').length * 50) / pool;
      expect(Math.abs(drawn.filter((q) => q.topic === t.id).length - share)).toBeLessThanOrEqual(3);
    }
  });

  it('is repeatable with the same seed and differs with another', () => {
    const a = drawExam(content.questions, content.topics, 20, seededRandom(42)).map((q) => q.id);
    expect(drawExam(content.questions, content.topics, 20, seededRandom(42)).map((q) => q.id)).toEqual(a);
    expect(drawExam(content.questions, content.topics, 20, seededRandom(43)).map((q) => q.id)).not.toEqual(a);
  });

  it('a small exam takes the biggest topics; a huge one takes every question there is', () => {
    const three = drawExam(content.questions, content.topics, 3, seededRandom(3));
    expect(three).toHaveLength(3);
    expect(new Set(three.map((q) => q.topic)).size).toBe(3);
    const all = drawExam(content.questions, content.topics, 10000, seededRandom(3));
    expect(all.length).toBe(
      content.questions.filter((q) => q.type !== 'fix-file').length +
        Math.min(1000, content.questions.filter((q) => q.type === 'fix-file').length),
    );
  });
});

describe('scoring an exam', () => {
  const exam = newExam(content.questions, content.topics, { count: 10, minutes: 20, now: T0, random: seededRandom(5) });
  const answer = (correct: boolean) => ({
    answer: { type: 'truefalse' as const, value: true },
    correct,
    score: correct ? 1 : 0,
    ms: 1000,
    answeredAt: T0.toISOString(),
  });

  it('defaults: 50 questions, 100 minutes, pass at 700 of 1000', () => {
    const full = newExam(content.questions, content.topics, { now: T0, random: seededRandom(1) });
    expect(full.questionIds).toHaveLength(EXAM.count);
    expect(full.minutes).toBe(100);
    expect(remainingMs(full)).toBe(100 * 60000);
    expect([EXAM.scale, EXAM.pass]).toEqual([1000, 700]);
    expect(isExamSession(JSON.parse(JSON.stringify(full)))).toBe(true);
    expect(isExamSession({ ...full, answers: { x: { correct: 'yes' } } })).toBe(false);
  });

  it('7 of 10 right is exactly the pass mark; 6 is not', () => {
    let s = exam;
    for (const [i, id] of exam.questionIds.entries()) s = recordExamAnswer(s, id, answer(i < 7), 60000);
    const r = examResult(s, questions, content.topics);
    expect(r).toMatchObject({ score: 700, passed: true, correct: 7, total: 10, unanswered: 0 });
    expect(r.wrong.map((w) => w.question.id)).toEqual(exam.questionIds.slice(7));
    expect(r.byTopic.reduce((n, t) => n + t.total, 0)).toBe(10);
    expect(r.byTopic.reduce((n, t) => n + t.correct, 0)).toBe(7);
    let six = exam;
    for (const [i, id] of exam.questionIds.entries()) six = recordExamAnswer(six, id, answer(i < 6), 0);
    expect(examResult(six, questions, content.topics)).toMatchObject({ score: 600, passed: false });
  });

  it('unanswered questions count as wrong and are listed for review', () => {
    const s = recordExamAnswer(exam, exam.questionIds[3], answer(true), 1000);
    const r = examResult(s, questions, content.topics);
    expect(r).toMatchObject({ score: 100, unanswered: 9 });
    expect(r.wrong).toHaveLength(9);
    expect(r.wrong.every((w) => w.answer === undefined)).toBe(true);
  });

  it('after an answer the next unanswered question comes, wrapping round to skipped ones', () => {
    let s = recordExamAnswer({ ...exam, current: 8 }, exam.questionIds[8], answer(true), 0);
    expect(s.current).toBe(9);
    s = recordExamAnswer(s, exam.questionIds[9], answer(true), 0);
    expect(s.current).toBe(0);
  });

  it('the record for the history keeps the score, the time used and the breakdown', () => {
    const s = {
      ...recordExamAnswer(exam, exam.questionIds[0], answer(true), 0),
      elapsedMs: 90 * 60000,
    };
    const rec = examRecord(s, examResult(s, questions, content.topics), new Date(T0.getTime() + 3600000));
    expect(rec).toMatchObject({
      startedAt: T0.toISOString(),
      score: 100,
      passed: false,
      correct: 1,
      total: 10,
      minutes: 90,
    });
    expect(rec.byTopic.length).toBeGreaterThan(0);
  });
});
