import { describe, expect, it } from 'vitest';
import { areaOf, examQuestions } from '../../src/learn/blueprints.js';
import { loadContent } from '../../src/learn/content.js';
import { type ExamRecord, progressReport } from '../../src/learn/progress.js';
import { type Card, Rating, recall, reviewCard } from '../../src/learn/scheduler.js';
import { progressLines } from '../../src/ui/progress/ProgressScreen.js';

const content = loadContent();
const T0 = new Date(2026, 10, 26, 10, 0);
const dayAt = (offset: number, hour = 10) => new Date(2026, 10, 26 + offset, hour);
const ai = content.exams.find((b) => b.id === 'ai-300')!;
const dp = content.exams.find((b) => b.id === 'dp-100')!;
const report = (cards: Map<string, Card>, exams: ExamRecord[] = []) =>
  progressReport(
    { cards, days: {}, exams, questions: content.questions, topics: content.topics, blueprints: content.exams },
    T0,
  );
const record = (exam: string | undefined, score: number, day: number): ExamRecord => ({
  ...(exam ? { exam } : {}),
  startedAt: dayAt(day, 9).toISOString(),
  finishedAt: dayAt(day).toISOString(),
  score,
  passed: score >= 700,
  correct: 0,
  total: 50,
  minutes: 80,
  byTopic: [],
});

describe('mastery per exam', () => {
  const aiOnly = content.questions.filter(
    (q) => q.exam.includes('ai-300') && !q.exam.includes('dp-100') && areaOf(ai, q),
  );
  const dpOnly = content.questions.filter(
    (q) => q.exam.includes('dp-100') && !q.exam.includes('ai-300') && areaOf(dp, q),
  );
  const shared = content.questions.filter(
    (q) => q.exam.includes('ai-300') && q.exam.includes('dp-100') && areaOf(ai, q) && areaOf(dp, q),
  );

  it('has one entry per blueprint, each over the questions that exam can ask, all zero with no history', () => {
    const r = report(new Map());
    expect(r.examMastery.map((e) => e.id)).toEqual(['ai-300', 'dp-100']);
    expect(r.examMastery[0]).toMatchObject({
      name: ai.name,
      status: 'current',
      mastery: 0,
      questions: examQuestions(ai, content.questions).length,
      seen: 0,
      due: 0,
      taken: 0,
      pass: 700,
      scale: 1000,
    });
    expect(r.examMastery[0].areas.reduce((n, a) => n + a.questions, 0)).toBe(r.examMastery[0].questions);
    expect(r.examMastery[1].questions).toBe(examQuestions(dp, content.questions).length);
  });

  it('is the mean recall over the exam’s questions: an AI-300-only card raises AI-300 alone, a shared one raises both', () => {
    expect(aiOnly.length && dpOnly.length && shared.length).toBeTruthy();
    const cards = new Map<string, Card>();
    cards.set(aiOnly[0].id, reviewCard(undefined, Rating.Easy, dayAt(-1)));
    let r = report(cards);
    const mine = recall(cards.get(aiOnly[0].id), T0);
    expect(r.examMastery[0].mastery).toBeCloseTo(mine / r.examMastery[0].questions, 3);
    expect(r.examMastery[0].seen).toBe(1);
    expect(r.examMastery[1]).toMatchObject({ mastery: 0, seen: 0 });
    const area = r.examMastery[0].areas.find((a) => a.id === areaOf(ai, aiOnly[0])!.id)!;
    expect(area.seen).toBe(1);
    expect(area.mastery).toBeCloseTo(mine / area.questions, 3);

    cards.set(shared[0].id, reviewCard(undefined, Rating.Good, dayAt(-2)));
    cards.set(dpOnly[0].id, reviewCard(undefined, Rating.Good, dayAt(-2)));
    r = report(cards);
    expect(r.examMastery[0].seen).toBe(2);
    expect(r.examMastery[1].seen).toBe(2);
    expect(r.examMastery[1].mastery).toBeGreaterThan(0);
  });

  it('counts the exam’s questions due today and this week', () => {
    const later = { ...reviewCard(undefined, Rating.Easy, T0) };
    const cards = new Map<string, Card>([
      [aiOnly[0].id, reviewCard(undefined, Rating.Again, dayAt(-3))],
      [aiOnly[1].id, { ...later, due: dayAt(3) }],
      [aiOnly[2].id, { ...later, due: dayAt(20) }],
      [dpOnly[0].id, reviewCard(undefined, Rating.Again, dayAt(-3))],
    ]);
    const r = report(cards);
    expect(r.examMastery[0]).toMatchObject({ seen: 3, due: 1, dueThisWeek: 2 });
    expect(r.examMastery[1]).toMatchObject({ seen: 1, due: 1, dueThisWeek: 1 });
  });

  it('keeps every exam taken in exams, and each exam’s count and best score', () => {
    const history = [
      record('ai-300', 640, -5),
      record('ai-300', 760, -2),
      record('dp-100', 500, -1),
      record(undefined, 900, -9),
    ];
    const r = report(new Map(), history);
    expect(r.exams).toEqual(history);
    expect(r.examMastery[0]).toMatchObject({ taken: 2, best: 760, last: { score: 760, passed: true } });
    expect(r.examMastery[1]).toMatchObject({ taken: 1, best: 500, last: { score: 500, passed: false } });
  });

  it('the progress screen shows each exam’s mastery within its first screenful at 80×24, and its skill areas below', () => {
    const cards = new Map<string, Card>([[aiOnly[0].id, reviewCard(undefined, Rating.Easy, dayAt(-1))]]);
    let lines = progressLines(report(cards), 78).map((l) => l.text);
    const firstScreen = lines.slice(0, 20).join('\n');
    expect(firstScreen).toMatch(/AI-300 \(current\)\s+[█░]{10}\s+\d+%\s+1\/\d+\s+0\s+0/);
    expect(firstScreen).toMatch(/DP-100 \(retired\)\s+[█░]{10}\s+0%\s+0\/\d+/);
    expect(firstScreen).toContain('none yet: amlenv quiz --exam (AI-300: 50 questions, 100 min, pass 700/1000)');
    expect(lines).toContain('AI-300 skill areas');
    expect(
      lines.some((l) =>
        /^ {2}Design and implement an MLOps i…\s+[█░]{10}\s+\d+%\s+1\/\d+\s+15–20% of the exam$/.test(l),
      ),
    ).toBe(true);
    lines = progressLines(report(cards, [record('ai-300', 760, -1)]), 78).map((l) => l.text);
    expect(lines).toContain('AI-300 skill areas · 1 taken, best 760/1000');
    expect(lines.some((l) => /AI-300\s+760\/1000\s+passed/.test(l))).toBe(true);
    expect(lines.every((l) => l.length <= 78)).toBe(true);
  });
});
