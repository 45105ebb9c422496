import { beforeAll, describe, expect, it } from 'vitest';
import type { Choice, Exercise, Question } from '../../src/learn/content.js';
import { loadContent } from '../../src/learn/content.js';
import { type Answer, checkExerciseFile, grade, normalizeFill } from '../../src/learn/grading.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { TODAY } from '../helpers.js';

beforeAll(() => loadFieldLibs());

const base = {
  topic: 'python',
  lesson: 'python-kinds',
  exam: ['dp-100'],
  sdk: 'v1' as const,
  prompt: 'p',
  explanation: 'e',
  sources: ['https://x'],
  file: 'f',
};
const choices = (n: number): Choice[] =>
  Array.from({ length: n }, (_, i) => ({ text: `choice ${i}`, why: `why ${i}` }));

const single: Question = { ...base, id: 's', type: 'single', choices: choices(4), answer: 2 };
const multi: Question = { ...base, id: 'm', type: 'multi', choices: choices(5), answer: [0, 2, 3] };
const order: Question = { ...base, id: 'o', type: 'order', choices: ['a', 'b', 'c', 'd'], answer: [2, 0, 3, 1] };
const tf: Question = { ...base, id: 't', type: 'truefalse', answer: false };
const fill: Question = {
  ...base,
  id: 'f',
  type: 'fill',
  answers: ['python.user_managed_dependencies', 'userManagedDependencies', '=='],
};
const fillCase: Question = { ...base, id: 'fc', type: 'fill', answers: ['FROM'], caseSensitive: true };

type Row = [string, Question, Answer, boolean, number];

describe('grading tables', () => {
  const rows: Row[] = [
    ['single: the right choice', single, { type: 'single', choice: 2 }, true, 1],
    ['single: a wrong choice', single, { type: 'single', choice: 0 }, false, 0],
    ['multi: exactly the right set', multi, { type: 'multi', choices: [3, 0, 2] }, true, 1],
    ['multi: two of three right, none wrong (partial)', multi, { type: 'multi', choices: [0, 2] }, false, 2 / 3],
    ['multi: all right plus one wrong (partial)', multi, { type: 'multi', choices: [0, 1, 2, 3] }, false, 2 / 3],
    ['multi: one right and one wrong cancel out', multi, { type: 'multi', choices: [0, 1] }, false, 0],
    [
      'multi: every choice ticked: the wrong ticks cancel right ones',
      multi,
      { type: 'multi', choices: [0, 1, 2, 3, 4] },
      false,
      1 / 3,
    ],
    ['multi: nothing ticked', multi, { type: 'multi', choices: [] }, false, 0],
    ['order: the right order', order, { type: 'order', order: [2, 0, 3, 1] }, true, 1],
    ['order: two swapped (partial)', order, { type: 'order', order: [0, 2, 3, 1] }, false, 0.5],
    ['order: the order as shown', order, { type: 'order', order: [0, 1, 2, 3] }, false, 0],
    ['order: one in place (partial)', order, { type: 'order', order: [2, 1, 0, 3] }, false, 0.25],
    ['truefalse: right', tf, { type: 'truefalse', value: false }, true, 1],
    ['truefalse: wrong', tf, { type: 'truefalse', value: true }, false, 0],
    ['fill: an accepted form exactly', fill, { type: 'fill', text: 'python.user_managed_dependencies' }, true, 1],
    [
      'fill: another accepted form, other case, spaces around',
      fill,
      { type: 'fill', text: '  USERMANAGEDDEPENDENCIES ' },
      true,
      1,
    ],
    ['fill: in backticks with a full stop', fill, { type: 'fill', text: '`userManagedDependencies`.' }, true, 1],
    ['fill: in quotes', fill, { type: 'fill', text: '"=="' }, true, 1],
    ['fill: a near miss is wrong', fill, { type: 'fill', text: 'user_managed' }, false, 0],
    ['fill: empty is wrong', fill, { type: 'fill', text: '   ' }, false, 0],
    ['fill: case-sensitive answer with the right case', fillCase, { type: 'fill', text: 'FROM' }, true, 1],
    ['fill: case-sensitive answer with the wrong case', fillCase, { type: 'fill', text: 'from' }, false, 0],
  ];
  it.each(rows)('%s', (_name, q, a, correct, score) => {
    const g = grade(q, a);
    expect(g.correct).toBe(correct);
    expect(g.score).toBeCloseTo(score, 5);
    expect(g.summary.length).toBeGreaterThan(0);
  });

  it('partial answers say how much was right', () => {
    expect(grade(multi, { type: 'multi', choices: [0, 2, 4] }).summary).toBe(
      'Partly right: 2 of 3 correct choices, and 1 wrong one.',
    );
    expect(grade(order, { type: 'order', order: [0, 2, 3, 1] }).summary).toBe(
      'Wrong order: 2 of 4 in the right place.',
    );
    expect(grade(single, { type: 'single', choice: 1 }).summary).toBe('Not quite: the answer is "choice 2".');
  });

  it('refuses an answer of another type', () => {
    expect(() => grade(single, { type: 'truefalse', value: true })).toThrow(/truefalse answer to the single question/);
  });

  it('normalizes fill answers only in harmless ways', () => {
    expect(normalizeFill("  'Run   Configuration'. ")).toBe('run configuration');
    expect(normalizeFill('clone()')).toBe('clone()');
    expect(normalizeFill('FROM', true)).toBe('FROM');
  });
});

describe('fix-file grading uses the real validator', () => {
  const content = loadContent();
  const exercise = (id: string) => content.exercises.find((e) => e.id === id);
  const question = content.questions.find((q) => q.type === 'fix-file' && q.exercise === 'fix-missing-name')!;
  const ctx = { exercise, today: TODAY };

  it('the broken file is not solved and names its rule', () => {
    const g = grade(question, { type: 'fix-file', text: exercise('fix-missing-name')!.broken }, ctx);
    expect(g.correct).toBe(false);
    expect(g.check?.findings.map((d) => d.rule)).toEqual(['name/required']);
    expect(g.summary).toMatch(/1 finding left \(name\/required\)/);
  });

  it('the reference solution is solved', () => {
    const g = grade(question, { type: 'fix-file', text: exercise('fix-missing-name')!.solution }, ctx);
    expect(g.correct).toBe(true);
  });

  it('a fix of its own (not the reference text) is solved too', () => {
    const text = exercise('fix-missing-name')!.broken.replace('{', '{\n  "name": "my-own-name",');
    expect(grade(question, { type: 'fix-file', text }, ctx).correct).toBe(true);
  });

  it('a fix that introduces another error is not solved', () => {
    const text = exercise('fix-missing-name')!.broken.replace('{', '{\n  "name": "AzureML-mine",');
    const g = grade(question, { type: 'fix-file', text }, ctx);
    expect(g.correct).toBe(false);
    expect(g.check?.findings.map((d) => d.rule)).toContain('name/reserved-prefix');
  });

  it('a file that does not parse is reported, not thrown', () => {
    const g = grade(question, { type: 'fix-file', text: '{ "name": ' }, ctx);
    expect(g.correct).toBe(false);
    expect(g.summary).toMatch(/does not load|finding/);
  });

  it('giving up is never right, even with the solution in the file', () => {
    const g = grade(question, { type: 'fix-file', text: exercise('fix-missing-name')!.solution, gaveUp: true }, ctx);
    expect(g.correct).toBe(false);
    expect(g.summary).toMatch(/Given up/);
  });

  it.each(loadContent().exercises.map((e) => [e.id, e] as [string, Exercise]))(
    '%s: broken unsolved, solution solved',
    (_id, e) => {
      expect(checkExerciseFile(e, e.broken, TODAY).solved).toBe(false);
      expect(checkExerciseFile(e, e.solution, TODAY).solved).toBe(true);
    },
  );
});
