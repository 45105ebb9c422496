import { describe, expect, it } from 'vitest';
import {
  areaOf,
  checkBlueprints,
  coveredAreas,
  defaultBlueprint,
  type ExamBlueprint,
  examQuestions,
} from '../../src/learn/blueprints.js';
import { checkExams, checkSchemas } from '../content/check.js';
import { readRawContent } from '../../src/content/compile.js';
import { loadContent, type Question } from '../../src/learn/content.js';
import {
  drawByBlueprint,
  EXAM,
  examRecord,
  examResult,
  isExamSession,
  newExam,
  recordExamAnswer,
  seededRandom,
} from '../../src/learn/exam.js';

const content = loadContent();
const T0 = new Date(2026, 10, 26, 9);

/** A question of the given topic, type and exam tags (the rest does not matter to drawing). */
function q(
  id: string,
  topic: string,
  exam: string[],
  type: Question['type'] = 'truefalse',
  lesson = `${topic}-lesson`,
): Question {
  const base = {
    id,
    topic,
    lesson,
    exam,
    sdk: 'v2' as const,
    prompt: id,
    explanation: 'x',
    sources: ['https://learn.microsoft.com/x'],
    file: 'test.yaml',
  };
  return type === 'fix-file'
    ? { ...base, type, exercise: 'e' }
    : ({ ...base, type: 'truefalse', answer: true } as Question);
}
const many = (n: number, topic: string, exam: string[], type: Question['type'] = 'truefalse') =>
  Array.from({ length: n }, (_, i) => q(`${topic}-${type}-${exam.join('+')}-${i}`, topic, exam, type));

const topics = ['a1', 'a2', 'b1', 'x'].map((id) => ({ id, title: id.toUpperCase(), summary: id }));
const blueprint: ExamBlueprint = {
  id: 'ai-300',
  name: 'Test exam',
  credential: 'Test credential',
  status: 'current',
  questions: 40,
  minutes: 60,
  pass: 700,
  scale: 1000,
  sources: ['https://learn.microsoft.com/x'],
  areas: [
    { id: 'infra', title: 'Infrastructure', weight: [15, 20], topics: ['a1', 'a2'] },
    { id: 'life', title: 'Lifecycle', weight: [25, 30], topics: ['b1'], lessons: ['a1-special'] },
    { id: 'genai', title: 'Generative AI', weight: [50, 55], topics: [] },
  ],
  file: 'content/exams/ai-300.yaml',
};
const withoutFile = ({ file: _file, ...rest }: ExamBlueprint) => rest;
const count = (drawn: Question[], pred: (q: Question) => boolean) => drawn.filter(pred).length;

describe('the bundled blueprints', () => {
  it('are AI-300 (current) and DP-100 (retired), each with its official name, pass mark and weights, and pass every check', () => {
    const ai = content.exams.find((b) => b.id === 'ai-300')!;
    const dp = content.exams.find((b) => b.id === 'dp-100')!;
    expect(ai).toMatchObject({
      name: 'Operationalizing Machine Learning and Generative AI Solutions',
      status: 'current',
      pass: 700,
      scale: 1000,
    });
    expect(ai.areas.map((a) => a.weight)).toEqual([
      [15, 20],
      [25, 30],
      [20, 25],
      [10, 15],
      [10, 15],
    ]);
    expect(dp).toMatchObject({
      name: 'Designing and Implementing a Data Science Solution on Azure',
      status: 'retired',
      retired: '2026-06-01',
      pass: 700,
    });
    expect(defaultBlueprint(content.exams)?.id).toBe('ai-300');
    const raw = readRawContent();
    const problems: Array<{ check: string; file: string; message: string }> = [];
    checkExams(raw, checkSchemas(raw, []), problems);
    expect(problems).toEqual([]);
  });

  it('a question in a lesson an area lists belongs there, even when another area lists its topic', () => {
    expect(areaOf(blueprint, { topic: 'a1', lesson: 'a1-special' })?.id).toBe('life');
    expect(areaOf(blueprint, { topic: 'a1', lesson: 'other' })?.id).toBe('infra');
    expect(areaOf(blueprint, { topic: 'x', lesson: 'other' })).toBeUndefined();
  });

  it('only the areas amlenv teaches share the exam, in the proportion of their official middles', () => {
    expect(coveredAreas(blueprint).map((c) => [c.area.id, Math.round(c.share * 1000) / 1000])).toEqual([
      ['infra', 0.389],
      ['life', 0.611],
    ]);
  });
});

describe('the blueprint checks catch', () => {
  const lessons = [{ id: 'a1-special' }];
  const questions = [...many(30, 'a1', ['ai-300']), ...many(30, 'b1', ['ai-300'])];
  const check = (b: ExamBlueprint, qs: Question[] = questions) =>
    checkBlueprints([b], { topics, lessons, questions: qs }, EXAM.fixFileShare).map((p) => `${p.check}: ${p.message}`);

  it('nothing in a sound blueprint', () => expect(check(blueprint)).toEqual([]));
  it('a topic that does not exist, or sits in two areas', () => {
    const b = {
      ...blueprint,
      areas: [
        { ...blueprint.areas[0], topics: ['a1', 'nope'] },
        { ...blueprint.areas[1], topics: ['b1', 'a1'] },
        blueprint.areas[2],
      ],
    };
    expect(check(b)).toEqual([
      'links: areas[0] (infra).topics: "nope" is not in topics.yaml',
      'links: areas[1] (life).topics: "a1" is already in area infra; a topic belongs to one area',
    ]);
  });
  it('a lesson that does not exist', () => {
    expect(
      check({
        ...blueprint,
        areas: [blueprint.areas[0], { ...blueprint.areas[1], lessons: ['gone'] }, blueprint.areas[2]],
      }),
    ).toEqual(['links: areas[1] (life).lessons: lesson "gone" does not exist']);
  });
  it('questions tagged for the exam in a topic no area lists', () => {
    expect(check(blueprint, [...questions, ...many(3, 'x', ['ai-300'])])).toEqual([
      'links: topic "x" has 3 questions tagged ai-300 but no area lists it, so the exam would never ask them; add it to an area\'s topics',
    ]);
  });
  it('weights that cannot make 100%, a range written backwards, a wrong id, a pass mark above the scale', () => {
    const b = {
      ...blueprint,
      id: 'ai-301',
      pass: 1200,
      areas: [{ ...blueprint.areas[0], weight: [20, 15] as [number, number] }, blueprint.areas[1]],
    };
    expect(check(b, [])).toEqual([
      'schema: id "ai-301" differs from the file name',
      'schema: pass 1200 is above the scale 1000',
      'schema: the area weights range from 45% to 45% in total; the official ranges must allow 100%',
      'schema: areas[0] (infra).weight: [20, 15] runs backwards; write [low, high]',
      'counts: a full ai-301 exam has 40 questions but only 0 can be drawn (questions tagged ai-301, fix-file kept to 10%)',
    ]);
  });
  it('too few questions for a full exam once fix-file is capped', () => {
    expect(check(blueprint, [...many(20, 'a1', ['ai-300']), ...many(30, 'b1', ['ai-300'], 'fix-file')])).toEqual([
      'counts: a full ai-300 exam has 40 questions but only 24 can be drawn (questions tagged ai-300, fix-file kept to 10%)',
    ]);
  });
  it('two current exams, or none', () => {
    const problems = checkBlueprints(
      [blueprint, { ...blueprint, id: 'dp-100', file: 'content/exams/dp-100.yaml' }],
      { topics, lessons, questions },
      EXAM.fixFileShare,
    );
    expect(problems.map((p) => p.message)).toContain(
      '2 exams have status: current (ai-300, dp-100); exactly one must, the one plain --exam takes',
    );
  });
  it('a blueprint file that breaks the schema, with the field named', () => {
    const raw = {
      ...readRawContent(),
      exams: [
        {
          file: 'content/exams/ai-300.yaml',
          value: { ...withoutFile(blueprint), questions: 'fifty', areas: undefined },
        },
      ],
    };
    const problems: Array<{ check: string; message: string }> = [];
    checkExams(raw, checkSchemas(raw, []), problems as never);
    expect(problems.some((p) => p.check === 'schema' && p.message.includes('/questions must be integer'))).toBe(true);
    expect(
      problems.some((p) => p.check === 'schema' && p.message.includes("must have required property 'areas'")),
    ).toBe(true);
  });
});

describe('drawing an exam by its blueprint', () => {
  it('asks only questions tagged for the exam, split by the area weights within rounding', () => {
    const pool = [
      ...many(60, 'a1', ['ai-300']),
      ...many(60, 'a2', ['ai-300']),
      ...many(80, 'b1', ['ai-300']),
      ...many(100, 'b1', ['dp-100']),
      ...many(50, 'x', ['ai-300']),
    ];
    for (const seed of [1, 2, 3]) {
      const drawn = drawByBlueprint(pool, topics, blueprint, 40, seededRandom(seed));
      expect(drawn).toHaveLength(40);
      expect(new Set(drawn.map((d) => d.id)).size).toBe(40);
      expect(drawn.every((d) => d.exam.includes('ai-300'))).toBe(true);
      expect(count(drawn, (d) => d.topic === 'x')).toBe(0);
      // 40 × 17.5/45 = 15.6 and 40 × 27.5/45 = 24.4
      expect(count(drawn, (d) => d.topic === 'a1' || d.topic === 'a2')).toBeOneOf([15, 16]);
      expect(count(drawn, (d) => d.topic === 'b1')).toBeOneOf([24, 25]);
      // inside an area, its topics share in proportion to their size
      expect(
        Math.abs(count(drawn, (d) => d.topic === 'a1') - count(drawn, (d) => d.topic === 'a2')),
      ).toBeLessThanOrEqual(1);
    }
  });

  it('an area with too few questions gives all it has and the others fill the exam', () => {
    const pool = [...many(60, 'a1', ['ai-300']), ...many(5, 'b1', ['ai-300'])];
    const drawn = drawByBlueprint(pool, topics, blueprint, 40, seededRandom(4));
    expect(drawn).toHaveLength(40);
    expect(count(drawn, (d) => d.topic === 'b1')).toBe(5);
  });

  it('keeps fix-file questions to a tenth even when most questions are fix-file', () => {
    const pool = [
      ...many(40, 'a1', ['ai-300'], 'fix-file'),
      ...many(10, 'a2', ['ai-300']),
      ...many(60, 'b1', ['ai-300'], 'fix-file'),
      ...many(30, 'b1', ['ai-300']),
    ];
    for (const seed of [5, 6]) {
      const drawn = drawByBlueprint(pool, topics, blueprint, 40, seededRandom(seed));
      expect(drawn).toHaveLength(40);
      expect(count(drawn, (d) => d.type === 'fix-file')).toBeLessThanOrEqual(4);
    }
  });

  it('on the bundled content: AI-300 and DP-100 each ask only their own questions, fix-file capped, the biggest share from the areas with room', () => {
    for (const b of content.exams) {
      const drawn = drawByBlueprint(content.questions, content.topics, b, b.questions, seededRandom(11));
      expect(drawn).toHaveLength(b.questions);
      expect(drawn.every((d) => d.exam.includes(b.id) && areaOf(b, d))).toBe(true);
      expect(count(drawn, (d) => d.type === 'fix-file')).toBeLessThanOrEqual(
        Math.floor(b.questions * EXAM.fixFileShare),
      );
      const available = examQuestions(b, content.questions);
      for (const { area, share } of coveredAreas(b)) {
        const mine = count(drawn, (d) => areaOf(b, d) === area);
        const room = available.filter((d) => areaOf(b, d) === area && d.type !== 'fix-file').length;
        // an area gets its share (rounded), unless it has fewer questions than that
        if (room >= Math.ceil(share * b.questions))
          expect(mine).toBeGreaterThanOrEqual(Math.floor(share * b.questions));
      }
    }
  });

  it('a new exam carries the blueprint id, length and time; --count and --minutes override them', () => {
    const ai = content.exams.find((b) => b.id === 'ai-300')!;
    const exam = newExam(content.questions, content.topics, { blueprint: ai, now: T0, random: seededRandom(1) });
    expect(exam).toMatchObject({ exam: 'ai-300', minutes: ai.minutes });
    expect(exam.questionIds).toHaveLength(ai.questions);
    expect(isExamSession(JSON.parse(JSON.stringify(exam)))).toBe(true);
    expect(isExamSession({ ...exam, exam: 300 })).toBe(false);
    const short = newExam(content.questions, content.topics, {
      blueprint: ai,
      count: 3,
      minutes: 5,
      now: T0,
      random: seededRandom(1),
    });
    expect([short.questionIds.length, short.minutes]).toEqual([3, 5]);
  });

  it('is scored against the blueprint pass mark, with a breakdown per skill area, and recorded under its id', () => {
    const strict = { ...blueprint, pass: 800 };
    const pool = [...many(20, 'a1', ['ai-300']), ...many(20, 'b1', ['ai-300'])];
    const byId = new Map(pool.map((p) => [p.id, p]));
    let exam = newExam(pool, topics, { blueprint: strict, count: 10, now: T0, random: seededRandom(2) });
    for (const [i, id] of exam.questionIds.entries())
      exam = recordExamAnswer(
        exam,
        id,
        {
          answer: { type: 'truefalse', value: true },
          correct: i < 7,
          score: i < 7 ? 1 : 0,
          ms: 1000,
          answeredAt: T0.toISOString(),
        },
        0,
      );
    const result = examResult(exam, byId, topics, strict);
    expect(result).toMatchObject({ score: 700, passed: false });
    expect(result.byArea.map((a) => a.area).sort()).toEqual(['infra', 'life']);
    expect(result.byArea.reduce((n, a) => n + a.total, 0)).toBe(10);
    expect(result.byArea.reduce((n, a) => n + a.correct, 0)).toBe(7);
    expect(examResult(exam, byId, topics, blueprint).passed).toBe(true);
    expect(examRecord(exam, result, T0)).toMatchObject({ exam: 'ai-300', score: 700, passed: false });
  });
});
