import { beforeAll, describe, expect, it } from 'vitest';
import { checkAnswers, checkContent, checkCounts, checkFieldPaths, checkIdsAndLinks, checkLessonStructure, checkSchemas, checkWithValidator, type ContentProblem, unknownFieldPaths } from '../../src/learn/check.js';
import { readRawContent, type Question, type RawContent } from '../../src/learn/content.js';
import { TODAY } from '../helpers.js';

let raw: RawContent;
let problems: ContentProblem[];
beforeAll(async () => {
  raw = readRawContent();
  problems = await checkContent(raw, { today: TODAY });
});

const show = (check: string) => problems.filter((p) => p.check === check).map((p) => `${p.file.replace(/.*content\//, '')}: ${p.message}`);

describe('the bundled content passes every check', () => {
  it.each(['schema', 'ids', 'links', 'answers', 'lesson-structure', 'field-paths', 'examples', 'exercises', 'counts'])('%s', (check) => {
    expect(show(check)).toEqual([]);
  });
});

/** A fresh copy of the real content, to break on purpose. */
const copy = (): RawContent => structuredClone(raw);
const firstOfType = (r: RawContent, type: string) => {
  for (const f of r.quizFiles) for (const q of (f.value as Question[]) ?? []) if (q.type === type) return q as Question & Record<string, unknown>;
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
    expect(unknownFieldPaths('Set `python.userManagedDependencies` and `docker.baseImageTag`.')).toEqual(['docker.baseImageTag']);
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
