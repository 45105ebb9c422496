// What stays on the terminal when an unfinished exam is left (s on the pause screen, Esc or Ctrl-C): that it
// was saved, with how much is left, and the command that resumes it; or, plainly, that it was not saved.
import { examLabel } from '../../learn/blueprints.js';
import { answeredCount } from '../../learn/exam.js';
import { type ExamState, timeLeft } from './exam-state.js';
import { formatClock, type Line, wrapped } from '../components/lines.js';
import { FAIL_COLOR, FAIL_MARK, OK_COLOR, OK_MARK } from '../components/theme.js';

/** The command that resumes an exam of this blueprint. */
export const resumeCommand = (examId: string | undefined): string => `amlenv quiz --exam${examId ? ` ${examId}` : ''}`;

/** Lines to leave on screen, or undefined when there is no unfinished exam to speak of (a new one never started, a scored one). */
export function farewellLines(state: ExamState, now: number, width: number): Line[] | undefined {
  const unfinished =
    state.phase === 'question' ||
    state.phase === 'paused' ||
    state.phase === 'confirm-finish' ||
    (state.phase === 'intro' && state.resuming);
  if (!unfinished) return undefined;
  const n = state.exam.questionIds.length;
  const name = state.exam.exam ? `${examLabel(state.exam.exam)} exam` : 'exam';
  const progress = `${answeredCount(state.exam)} of ${n} answered, ${formatClock(timeLeft(state, now))} left on its clock`;
  if (state.unsaved)
    return wrapped(
      `The ${name} was NOT saved (${state.unsaved}): ${progress}, and it is lost now.`,
      width,
      `${FAIL_MARK} `,
      '  ',
      { color: FAIL_COLOR },
    );
  return [
    ...wrapped(`The ${name} is saved: ${progress}, stopped until you resume it.`, width, `${OK_MARK} `, '  ', {
      color: OK_COLOR,
    }),
    ...wrapped(resumeCommand(state.exam.exam), width, '  Resume it with: ', '  '),
  ];
}
