// Grading: one answer to one question → right or wrong, a partial score for feedback, and a one-line
// summary. Fix-file answers are graded by the real validator exactly as the content checks grade the
// reference solutions: the file loads, raises no errors, and none of the exercise's rules.
import { loadDefinitionText } from '../env/load.js';
import type { Diagnostic } from '../env/types.js';
import { validateLoaded } from '../rules/validate.js';
import type { Exercise, Question } from './content.js';

export type Answer =
  | { type: 'single'; choice: number }
  | { type: 'multi'; choices: number[] }
  | { type: 'order'; order: number[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'fill'; text: string }
  | { type: 'fix-file'; text: string; gaveUp?: boolean };

export interface Graded {
  correct: boolean;
  /** 0..1: how much of the answer was right (partial answers to multi and order). */
  score: number;
  summary: string;
  /** Fix-file: what the validator still reports. */
  check?: FileCheck;
}

export interface FileCheck {
  solved: boolean;
  /** The file does not load at all (syntax error, not an environment). */
  failure?: string;
  /** Errors and the exercise's own rules still raised (error and warning severity). */
  findings: Diagnostic[];
}

/** The file name the validator sees: the same one the content checks use. */
export const exerciseFileName = (e: Exercise): string =>
  `/exercises/${e.id}/env.${e.format === 'v1-json' ? 'json' : 'yml'}`;

/** Runs the real validator over a learner's file (field libraries must be loaded: await loadFieldLibs()). */
export function checkExerciseFile(exercise: Exercise, text: string, today?: Date): FileCheck {
  const outcome = loadDefinitionText(text, exerciseFileName(exercise), { format: exercise.format });
  if (!outcome.ok) return { solved: false, failure: outcome.message, findings: [] };
  const diagnostics = validateLoaded(outcome.def, { today });
  const findings = diagnostics.filter(
    (d) => d.severity === 'error' || (d.severity === 'warning' && exercise.rules.includes(d.rule)),
  );
  return { solved: findings.length === 0, findings };
}

/** Fill answers: case (unless the question says otherwise), surrounding space, quotes, backticks and a final full stop do not matter. */
export function normalizeFill(text: string, caseSensitive = false): string {
  let t = text.trim().replace(/\s+/g, ' ');
  for (let changed = true; changed; ) {
    changed = false;
    const m = /^(["'`])(.*)\1$/.exec(t);
    if (m?.[2].length) {
      t = m[2].trim();
      changed = true;
    }
    if (t.length > 1 && t.endsWith('.') && !t.endsWith('..')) {
      t = t.slice(0, -1).trimEnd();
      changed = true;
    }
  }
  return caseSensitive ? t : t.toLowerCase();
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface GradeContext {
  exercise?: (id: string) => Exercise | undefined;
  today?: Date;
}

const mismatch = (q: Question, a: Answer): never => {
  throw new Error(`a ${a.type} answer to the ${q.type} question ${q.id}`);
};

export function grade(q: Question, a: Answer, ctx: GradeContext = {}): Graded {
  switch (q.type) {
    case 'single': {
      if (a.type !== 'single') return mismatch(q, a);
      const choice = a.choice;
      const correct = choice === q.answer;
      return {
        correct,
        score: correct ? 1 : 0,
        summary: correct ? 'Right.' : `Not quite: the answer is "${q.choices[q.answer].text}".`,
      };
    }
    case 'multi': {
      if (a.type !== 'multi') return mismatch(q, a);
      const picked = new Set(a.choices);
      const right = new Set(q.answer);
      const hits = [...picked].filter((i) => right.has(i)).length;
      const wrong = [...picked].filter((i) => !right.has(i)).length;
      const correct = hits === right.size && wrong === 0;
      // Each wrong pick cancels a right one, so ticking everything scores nothing.
      const score = Math.max(0, hits - wrong) / right.size;
      const extra = wrong ? `, and ${plural(wrong, 'wrong one')}` : '';
      const summary = correct
        ? `Right: all ${right.size} correct choices and no others.`
        : hits === 0
          ? `Not quite: none of the ${right.size} correct choices${extra}.`
          : `Partly right: ${hits} of ${right.size} correct choices${extra}.`;
      return { correct, score, summary };
    }
    case 'order': {
      if (a.type !== 'order') return mismatch(q, a);
      const order = a.order;
      const placed = q.answer.filter((v, i) => order[i] === v).length;
      const correct = placed === q.answer.length && order.length === q.answer.length;
      return {
        correct,
        score: placed / q.answer.length,
        summary: correct
          ? 'Right: every step in its place.'
          : `Wrong order: ${placed} of ${q.answer.length} in the right place.`,
      };
    }
    case 'truefalse': {
      if (a.type !== 'truefalse') return mismatch(q, a);
      const value = a.value;
      const correct = value === q.answer;
      return {
        correct,
        score: correct ? 1 : 0,
        summary: correct ? 'Right.' : `Not quite: the statement is ${q.answer ? 'true' : 'false'}.`,
      };
    }
    case 'fill': {
      if (a.type !== 'fill') return mismatch(q, a);
      const given = normalizeFill(a.text, q.caseSensitive);
      const correct = given.length > 0 && q.answers.some((x) => normalizeFill(x, q.caseSensitive) === given);
      return {
        correct,
        score: correct ? 1 : 0,
        summary: correct ? 'Right.' : `Not quite: the answer is "${q.answers[0]}".`,
      };
    }
    case 'fix-file': {
      if (a.type !== 'fix-file') return mismatch(q, a);
      const answer = a;
      const exercise = ctx.exercise?.(q.exercise);
      if (!exercise) throw new Error(`exercise ${q.exercise} of question ${q.id} is missing`);
      const check = checkExerciseFile(exercise, answer.text, ctx.today);
      const correct = check.solved && !answer.gaveUp;
      const summary = correct
        ? 'Solved: the validator accepts your file.'
        : answer.gaveUp
          ? 'Given up: here is a reference solution.'
          : check.failure
            ? `The file does not load: ${check.failure}`
            : `Not yet: ${plural(check.findings.length, 'finding')} left (${[...new Set(check.findings.map((d) => d.rule))].join(', ')}).`;
      return { correct, score: correct ? 1 : 0, summary, check };
    }
  }
}
