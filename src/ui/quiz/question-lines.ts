// What the quiz screens show, as lines of text: the prompt, each type's choices, a fix-file task with its
// hints and findings, and the feedback after an answer. Pure, so the layout is tested without a terminal.
import type { Exercise, Lesson, Question } from '../../learn/content.js';
import type { Answer, Graded } from '../../learn/grading.js';
import { renderMarkdown } from '../../learn/render-markdown.js';
import { blank, type Line, line, wrapped } from '../components/lines.js';
import {
  ACCENT_COLOR,
  ATTENTION_COLOR,
  FAIL_COLOR,
  FAIL_MARK,
  OK_COLOR,
  OK_MARK,
  outcomeColor,
  outcomeMark,
} from '../components/theme.js';
import type { InputState } from './input-state.js';
import { TRUE_FALSE } from './input-state.js';

export const TYPE_LABEL: Record<Question['type'], string> = {
  single: 'choose one',
  multi: 'choose all that apply',
  order: 'put in order',
  truefalse: 'true or false?',
  fill: 'type the answer',
  'fix-file': 'fix the file',
};

export function promptLines(q: Question, width: number): Line[] {
  return renderMarkdown(q.prompt, width)
    .split('\n')
    .map((t) => line(t));
}

function choiceTexts(q: Question): string[] {
  if (q.type === 'single' || q.type === 'multi') return q.choices.map((c) => c.text);
  if (q.type === 'order') return q.choices;
  if (q.type === 'truefalse') return [...TRUE_FALSE];
  return [];
}

/** The choices with the focus and ticks; `focusLine` is the first line of the focused choice. */
export function choiceLines(q: Question, input: InputState, width: number): { lines: Line[]; focusLine: number } {
  const texts = choiceTexts(q);
  const lines: Line[] = [];
  let focusLine = 0;
  const focus = 'focus' in input ? input.focus : -1;
  const shown = input.type === 'order' ? input.order.map((i) => texts[i]) : texts;
  shown.forEach((text, i) => {
    const mark =
      input.type === 'multi'
        ? input.picked.includes(i)
          ? '[x] '
          : '[ ] '
        : input.type === 'truefalse'
          ? ''
          : `${i + 1}. `;
    const pointer = i === focus ? '▸ ' : '  ';
    if (i === focus) focusLine = lines.length;
    lines.push(
      ...wrapped(
        text.replace(/`([^`]+)`/g, '$1'),
        width - 1,
        pointer + mark,
        ' '.repeat(pointer.length + mark.length),
        { inverse: i === focus },
      ),
    );
  });
  return { lines, focusLine };
}

export function fixFileLines(
  q: Question,
  exercise: Exercise | undefined,
  input: Extract<InputState, { type: 'fix-file' }>,
  width: number,
  exam: boolean,
): Line[] {
  const out: Line[] = [...promptLines(q, width)];
  if (exercise) {
    out.push(blank(), ...wrapped(exercise.task, width, 'Task: ', '      '));
    for (let i = 0; i < input.hints && i < exercise.hints.length; i++)
      out.push(...wrapped(exercise.hints[i], width, `Hint ${i + 1}: `, '        ', { color: ATTENTION_COLOR }));
  }
  if (input.last && !exam) {
    out.push(blank());
    if (input.last.failure)
      out.push(
        ...wrapped(input.last.failure, width, `${FAIL_MARK} The file does not load: `, '  ', { color: FAIL_COLOR }),
      );
    for (const d of input.last.findings)
      out.push(
        ...wrapped(`${d.message} [${d.rule}]${d.line ? ` line ${d.line}` : ''}`, width, `${FAIL_MARK} `, '  ', {
          color: FAIL_COLOR,
        }),
      );
  }
  const file = input.text.replace(/\n$/, '').split('\n');
  const digits = String(file.length).length;
  const edits = input.edits ? `, after ${input.edits} edit${input.edits === 1 ? '' : 's'} in your editor` : '';
  out.push(blank(), line(`The file${exercise ? ` (${exercise.format})` : ''}${edits}:`, { bold: true }));
  for (const [i, t] of file.entries()) out.push(line(`${String(i + 1).padStart(digits)}  ${t}`));
  return out;
}

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** Your answer against the right one, with the reasons. */
export function answerLines(q: Question, a: Answer | undefined, width: number, exercise?: Exercise): Line[] {
  const out: Line[] = [];
  const strip = (t: string) => t.replace(/`([^`]+)`/g, '$1');
  switch (q.type) {
    case 'single':
    case 'multi': {
      const right = new Set(q.type === 'single' ? [q.answer] : q.answer);
      const picked = new Set(a?.type === 'single' ? [a.choice] : a?.type === 'multi' ? a.choices : []);
      const missed = a ? q.choices.filter((_, i) => right.has(i) && !picked.has(i)).map((c) => strip(c.text)) : [];
      if (q.type === 'multi' && missed.length)
        out.push(
          ...wrapped(missed.join('; '), width, 'You missed: ', '             ', { color: ATTENTION_COLOR }),
          blank(),
        );
      q.choices.forEach((c, i) => {
        const isRight = right.has(i);
        const isPicked = picked.has(i);
        const mark = isRight && isPicked ? `${OK_MARK} ` : isPicked ? `${FAIL_MARK} ` : isRight ? '→ ' : '  ';
        const color = isRight ? OK_COLOR : isPicked ? FAIL_COLOR : undefined;
        const note =
          isRight && isPicked
            ? '  (your answer)'
            : isPicked
              ? '  (your answer: not a right choice)'
              : isRight
                ? a
                  ? '  (a right choice you missed)'
                  : '  (the right choice)'
                : '';
        out.push(...wrapped(`${strip(c.text)}${note}`, width, mark, '  ', { color, dim: !isRight && !isPicked }));
        if (isRight || isPicked) out.push(...wrapped(strip(c.why), width, '    ', '    ', { dim: true }));
      });
      break;
    }
    case 'order': {
      out.push(
        line(
          a ? `The right order (${OK_MARK} where you had it, ${FAIL_MARK} where you did not):` : 'The right order:',
          { bold: true },
        ),
      );
      const given = a?.type === 'order' ? a.order : [];
      q.answer.forEach((choice, pos) => {
        const yours = given.indexOf(choice);
        const ok = yours === pos;
        out.push(
          ...wrapped(
            `${strip(q.choices[choice])}${a && !ok ? `  (you had it ${ordinal(yours + 1)})` : ''}`,
            width,
            `${outcomeMark(ok)} ${pos + 1}. `,
            '     ',
            { color: outcomeColor(ok) },
          ),
        );
      });
      break;
    }
    case 'truefalse':
      out.push(
        line(
          `The statement is ${q.answer ? 'true' : 'false'}.${a?.type === 'truefalse' ? ` You answered ${a.value ? 'true' : 'false'}.` : ''}`,
          { color: outcomeColor(a?.type === 'truefalse' && a.value === q.answer) },
        ),
      );
      break;
    case 'fill':
      if (a?.type === 'fill') out.push(...wrapped(a.text, width, 'You wrote: '));
      out.push(...wrapped(q.answers.join(' · '), width, 'Accepted: ', '          ', { color: OK_COLOR }));
      break;
    case 'fix-file':
      if (exercise) {
        out.push(line('A reference solution:', { bold: true }));
        for (const t of exercise.solution.replace(/\n$/, '').split('\n')) out.push(line(`  ${t}`, { color: OK_COLOR }));
      }
      break;
  }
  return out;
}

/** What each rating means, in the words a learner needs: why this one, and when the question comes back. */
export const RATING_MEANING: Record<string, string> = {
  again: 'wrong or given up — comes back soon',
  hard: 'right, but slowly, after a hint or after failed checks — comes back in a short while',
  good: 'right at a normal pace — comes back later',
  easy: 'right and quick — comes back latest',
};

/** "easy: right and quick — comes back latest", for the rating an answer got. */
export const ratingLines = (rating: string, width: number): Line[] =>
  RATING_MEANING[rating] ? wrapped(`${rating}: ${RATING_MEANING[rating]}`, width, '', '  ', { dim: true }) : [];

export function feedbackLines(
  q: Question,
  a: Answer | undefined,
  graded: Graded | undefined,
  width: number,
  extra: { exercise?: Exercise; lesson?: Lesson; nextReview?: string; rating?: string },
): Line[] {
  const out: Line[] = [];
  if (graded)
    out.push(
      ...wrapped(graded.summary, width, `${outcomeMark(graded.correct)} `, '  ', {
        color: outcomeColor(graded.correct),
        bold: true,
      }),
      blank(),
    );
  else out.push(line(`${FAIL_MARK} Not answered.`, { color: FAIL_COLOR, bold: true }), blank());
  out.push(...answerLines(q, a, width, extra.exercise), blank());
  out.push(...wrapped(q.explanation.replace(/`([^`]+)`/g, '$1'), width, 'Why: ', '     '));
  if (extra.lesson)
    out.push(
      blank(),
      ...wrapped(
        `${extra.lesson.title} (l opens it; amlenv explain ${extra.lesson.id})`,
        width,
        'Lesson: ',
        '        ',
        { color: ACCENT_COLOR },
      ),
    );
  if (extra.nextReview) out.push(...wrapped(extra.nextReview, width, 'Next review: ', '  ', { dim: true }));
  if (extra.rating) out.push(...ratingLines(extra.rating, width));
  return out;
}
