import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkAnswers,
  checkContent,
  checkCounts,
  checkFieldPaths,
  checkIdsAndLinks,
  checkLessonStructure,
  checkSchemas,
  checkWithValidator,
  type ContentProblem,
  type Parsed,
  unknownFieldPaths,
} from './check.js';
import { readRawContent } from '../../src/content/compile.js';
import { QUESTION_TYPES, type Question, type RawContent } from '../../src/learn/content.js';
import { TODAY } from '../helpers.js';

let raw: RawContent;
let problems: ContentProblem[];
beforeAll(async () => {
  raw = readRawContent();
  problems = await checkContent(raw, { today: TODAY });
});

const show = (check: string) =>
  problems.filter((p) => p.check === check).map((p) => `${p.file.replace(/.*content\//, '')}: ${p.message}`);

describe('the bundled content passes every check', () => {
  it.each(['schema', 'ids', 'links', 'answers', 'lesson-structure', 'field-paths', 'examples', 'exercises', 'counts'])(
    '%s',
    (check) => {
      expect(show(check)).toEqual([]);
    },
  );
});

/** A fresh copy of the real content, to break on purpose. */
const copy = (): RawContent => structuredClone(raw);
const firstOfType = (r: RawContent, type: string) => {
  for (const f of r.quizFiles)
    for (const q of (f.value as Question[]) ?? []) if (q.type === type) return q as Question & Record<string, unknown>;
  throw new Error(`no ${type} question`);
};

describe('the checks catch broken content', () => {
  it('an answer index out of range', () => {
    const r = copy();
    const q = firstOfType(r, 'single');
    q.answer = 99;
    const out: ContentProblem[] = [];
    checkAnswers(checkSchemas(r, []).questions, out);
    expect(out.map((p) => p.message).join()).toMatch(new RegExp(`${q.id}: answer 99 is out of range`));
  });

  it('an order answer that is not a permutation', () => {
    const r = copy();
    const q = firstOfType(r, 'order');
    q.answer = [0, 0, 1];
    const out: ContentProblem[] = [];
    checkAnswers(checkSchemas(r, []).questions, out);
    expect(out.some((p) => p.message.includes('not a permutation'))).toBe(true);
  });

  it('a single question with two answers fails the schema', () => {
    const r = copy();
    firstOfType(r, 'single').answer = [0, 1];
    const out: ContentProblem[] = [];
    checkSchemas(r, out);
    expect(out.some((p) => p.check === 'schema')).toBe(true);
  });

  it('a link to a lesson that does not exist', () => {
    const r = copy();
    firstOfType(r, 'truefalse').lesson = 'no-such-lesson';
    const out: ContentProblem[] = [];
    checkIdsAndLinks(checkSchemas(r, []), out);
    expect(out.some((p) => p.message.includes('lesson "no-such-lesson" does not exist'))).toBe(true);
  });

  it('a field path that is not in the model', () => {
    expect(unknownFieldPaths('Set `python.userManagedDependencies` and `docker.baseImageTag`.')).toEqual([
      'docker.baseImageTag',
    ]);
    expect(unknownFieldPaths('In SDK code `env.python.user_managed_dependencies` is fine.')).toEqual([]);
    expect(unknownFieldPaths('```json\n`docker.nothing`\n```')).toEqual([]);
    const r = copy();
    r.lessons[0].body += '\nSee `docker.shmSizeInGb`.\n';
    const out: ContentProblem[] = [];
    checkFieldPaths(checkSchemas(r, []), out);
    expect(out.map((p) => p.message).join()).toMatch(/docker\.shmSizeInGb/);
  });

  it('a lesson without its key facts', () => {
    const r = copy();
    r.lessons[0].body = r.lessons[0].body.replace('## Key facts', '## Facts');
    const out: ContentProblem[] = [];
    checkLessonStructure(checkSchemas(r, []).lessons, out);
    expect(out.some((p) => p.message.includes('## Key facts'))).toBe(true);
  });

  it('a worked example that does not validate', async () => {
    const r = copy();
    const lesson = r.lessons.find((l) => /```json/.test(l.body.split('## Worked example')[1] ?? ''))!;
    lesson.body = lesson.body.replace(/("name":\s*")/, '$1AzureML-');
    const out: ContentProblem[] = [];
    await checkWithValidator(checkSchemas(r, []), out, TODAY);
    expect(out.some((p) => p.check === 'examples' && p.message.includes('name/reserved-prefix'))).toBe(true);
  });

  it('an exercise whose listed rules do not match what the broken file raises', async () => {
    const r = copy();
    const e = r.exercises[0].value as { rules: string[] };
    e.rules = [...e.rules, 'docker/platform'];
    const out: ContentProblem[] = [];
    await checkWithValidator(checkSchemas(r, []), out, TODAY);
    expect(out.some((p) => p.check === 'exercises' && p.message.includes('expected exactly'))).toBe(true);
  });

  it('too few questions for a topic', () => {
    const r = copy();
    for (const f of r.quizFiles) f.value = ((f.value as Question[]) ?? []).filter((q) => q.topic !== 'spark');
    const out: ContentProblem[] = [];
    checkCounts(checkSchemas(r, []), out);
    expect(out.some((p) => p.message.includes('topic spark has 0 questions'))).toBe(true);
  });
});

/** The numbers issue 16 promises about the bank, computed from the parsed content. */
function bankStats(p: Parsed) {
  const qs = p.questions;
  const count = (pred: (q: Question) => boolean) => qs.filter(pred).length;
  const perTopic = Object.fromEntries(p.topics.map((t) => [t.id, count((q) => q.topic === t.id)]));
  const perType = Object.fromEntries(QUESTION_TYPES.map((type) => [type, count((q) => q.type === type)]));
  const modernPerType = Object.fromEntries(
    QUESTION_TYPES.map((type) => [type, count((q) => q.type === type && q.sdk !== 'v1')]),
  );
  const v2Exercises = p.exercises.filter((e) => e.format === 'v2-yaml' || e.format === 'conda-yaml');
  const asked = new Set(qs.flatMap((q) => (q.type === 'fix-file' ? [q.exercise] : [])));
  return {
    questions: qs.length,
    lessons: p.lessons.length,
    perTopic,
    perType,
    modernPerType,
    v2OrBothShare: count((q) => q.sdk !== 'v1') / qs.length,
    ai300: count((q) => q.exam.includes('ai-300')),
    v2Exercises: v2Exercises.length,
    exercisesWithoutQuestion: p.exercises.filter((e) => !asked.has(e.id)).map((e) => e.id),
    v1NotDp100Only: qs
      .filter((q) => q.sdk === 'v1' && (q.exam.length !== 1 || q.exam[0] !== 'dp-100'))
      .map((q) => q.id),
    modernWithoutAi300: qs.filter((q) => q.sdk !== 'v1' && !q.exam.includes('ai-300')).map((q) => q.id),
  };
}

describe('the bank teaches AI-300 and v2 (issue 16 counts)', () => {
  let stats: ReturnType<typeof bankStats>;
  beforeAll(() => {
    stats = bankStats(checkSchemas(raw, []));
  });

  it('has at least 306 questions and 32 lessons', () => {
    expect(stats.questions).toBeGreaterThanOrEqual(306);
    expect(stats.lessons).toBeGreaterThanOrEqual(32);
  });

  it('has at least 16 questions in every topic, including deploy', () => {
    expect(Object.keys(stats.perTopic)).toContain('deploy');
    for (const [topic, n] of Object.entries(stats.perTopic))
      expect({ topic, n }).toEqual({ topic, n: expect.toSatisfy((v: number) => v >= 16) });
  });

  it('has every kind of question, also among the v2/both questions', () => {
    for (const type of QUESTION_TYPES) {
      expect({ type, n: stats.perType[type] }).toEqual({ type, n: expect.toSatisfy((v: number) => v >= 20) });
      expect({ type, n: stats.modernPerType[type] }).toEqual({ type, n: expect.toSatisfy((v: number) => v >= 10) });
    }
  });

  it('asks mostly about v2: at least 55% of questions are tagged v2 or both', () => {
    expect(stats.v2OrBothShare).toBeGreaterThanOrEqual(0.55);
  });

  it('tags at least 120 questions for AI-300, and tags follow the plan (v1 = dp-100 only, v2/both include ai-300)', () => {
    expect(stats.ai300).toBeGreaterThanOrEqual(120);
    expect(stats.v1NotDp100Only).toEqual([]);
    expect(stats.modernWithoutAi300).toEqual([]);
  });

  it('has at least 27 fix-the-file exercises on v2 files (12 before issue 16, 15 new), each asked by a fix-file question', () => {
    expect(stats.v2Exercises).toBeGreaterThanOrEqual(27);
    expect(stats.exercisesWithoutQuestion).toEqual([]);
  });

  it('the counts notice a bank that lost its deploy questions and its AI-300 tags', () => {
    const r = copy();
    for (const f of r.quizFiles) {
      f.value = ((f.value as Question[]) ?? []).filter((q) => q.topic !== 'deploy');
      for (const q of f.value as Question[]) q.exam = ['dp-100'];
    }
    const shrunk = bankStats(checkSchemas(r, []));
    expect(shrunk.perTopic.deploy).toBe(0);
    expect(shrunk.ai300).toBe(0);
    expect(shrunk.modernWithoutAi300.length).toBeGreaterThan(0);
    expect(shrunk.exercisesWithoutQuestion).toContain('fix-v2-inference-config-typo');
  });
});
