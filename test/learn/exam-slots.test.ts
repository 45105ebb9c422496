// Exams in progress keep one slot each (ai-300, dp-100, default): two exams at once never overwrite each
// other, and the single exam that exam.json held before slots still loads, under its own exam.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/learn/content.js';
import { newExam, seededRandom } from '../../src/learn/exam.js';
import { LearningStore } from '../../src/learn/learning-store.js';
import { tempDir } from '../helpers.js';

const content = loadContent();
const T0 = new Date(2026, 10, 26, 10, 0);
const draw = (exam: string | undefined, at = T0) =>
  newExam(content.questions, content.topics, {
    count: 3,
    blueprint: content.exams.find((b) => b.id === exam),
    now: at,
    random: seededRandom(7),
  });

describe('one saved exam per blueprint', () => {
  it('two windows, two exams: each keeps its own progress on disk', () => {
    const dir = tempDir();
    const one = new LearningStore(dir);
    const two = new LearningStore(dir);
    const ai = draw('ai-300');
    const dp = draw('dp-100');
    expect(one.saveExam({ ...ai, elapsedMs: 1000 }).saved).toBe(true);
    expect(two.saveExam({ ...dp, elapsedMs: 2000 }).saved).toBe(true);
    const after = new LearningStore(dir);
    expect(after.examInProgress('ai-300')).toMatchObject({ exam: 'ai-300', elapsedMs: 1000 });
    expect(after.examInProgress('dp-100')).toMatchObject({ exam: 'dp-100', elapsedMs: 2000 });
    expect(after.examInProgress(undefined)).toBeNull();
    expect(JSON.parse(readFileSync(join(dir, 'exam.json'), 'utf8'))).toMatchObject({
      version: 2,
      exams: { 'ai-300': { startedAt: ai.startedAt }, 'dp-100': { startedAt: dp.startedAt } },
    });
  });

  it('finishing or dropping one exam leaves the other', () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    const ai = draw('ai-300');
    const dp = draw('dp-100');
    store.saveExam(ai);
    store.saveExam(dp);
    const record = { exam: 'ai-300', startedAt: ai.startedAt, finishedAt: T0.toISOString(), score: 0, passed: false };
    store.finishExam({ ...record, correct: 0, total: 3, minutes: 1, byTopic: [] }, []);
    expect(new LearningStore(dir).examInProgress('ai-300')).toBeNull();
    expect(new LearningStore(dir).examInProgress('dp-100')?.startedAt).toBe(dp.startedAt);
    // Another window started a new DP-100 exam meanwhile: dropping the old one must not drop the new one.
    const later = draw('dp-100', new Date(T0.getTime() + 60000));
    new LearningStore(dir).saveExam(later);
    store.dropExam('dp-100', dp.startedAt);
    expect(new LearningStore(dir).examInProgress('dp-100')?.startedAt).toBe(later.startedAt);
    store.dropExam('dp-100');
    expect(new LearningStore(dir).examsInProgress()).toEqual([]);
  });

  it('an exam.json written before slots (one session, or null) loads into the slot of its exam', () => {
    const dir = tempDir();
    const dp = { ...draw('dp-100'), elapsedMs: 5000 };
    writeFileSync(join(dir, 'exam.json'), JSON.stringify(dp));
    const store = new LearningStore(dir);
    expect(store.problem).toBeUndefined();
    expect(store.examInProgress('dp-100')).toEqual(dp);
    expect(store.examInProgress('ai-300')).toBeNull();
    store.saveExam(draw('ai-300'));
    const after = new LearningStore(dir);
    expect(after.examInProgress('dp-100')).toEqual(dp);
    expect(after.examInProgress('ai-300')).not.toBeNull();

    const old = tempDir();
    const across = draw(undefined);
    writeFileSync(join(old, 'exam.json'), JSON.stringify(across));
    expect(new LearningStore(old).examInProgress(undefined)).toEqual(across);
    writeFileSync(join(old, 'exam.json'), 'null\n');
    const none = new LearningStore(old);
    expect(none.problem).toBeUndefined();
    expect(none.examsInProgress()).toEqual([]);
  });

  it('reset forgets every exam in progress', () => {
    const dir = tempDir();
    const store = new LearningStore(dir);
    store.saveExam(draw('ai-300'));
    store.saveExam(draw('dp-100'));
    expect(store.reset().saved).toBe(true);
    expect(new LearningStore(dir).examsInProgress()).toEqual([]);
  });
});
