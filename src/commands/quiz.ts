import { defaultBlueprint, describeExams } from '../learn/blueprints.js';
import { loadContent } from '../learn/content.js';
import { PRACTICE_COUNT } from '../learn/session.js';
import { suggest } from '../util/suggest.js';
import { EXIT, UsageError } from '../util/errors.js';
import type { Command } from './types.js';
import { stringOption } from './options.js';

function wholeNumber(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > max)
    throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, not "${value}"`);
  return Number(value);
}

const command: Command = {
  // `--exam` alone takes the current exam; `--exam ID` names one (the ID arrives as the one positional).
  options: {
    topic: { type: 'string', short: 't' },
    count: { type: 'string', short: 'n' },
    exam: { type: 'boolean' },
    minutes: { type: 'string' },
  },
  minPositionals: 0,
  maxPositionals: 1,
  async run({ positionals, values }) {
    const exam = Boolean(values.exam);
    const topic = stringOption(values, 'topic');
    const count = wholeNumber('count', stringOption(values, 'count'), 500);
    const minutes = wholeNumber('minutes', stringOption(values, 'minutes'), 600);
    const [examId] = positionals;
    const content = loadContent();
    if (examId !== undefined && !exam)
      throw new UsageError(
        `unexpected argument "${examId}": an exam is named after --exam (amlenv quiz --exam ${examId})`,
      );
    if (exam && topic)
      throw new UsageError(
        '--topic does not go with --exam: an exam draws from every topic (amlenv quiz --topic T practises one)',
      );
    if (minutes !== undefined && !exam) throw new UsageError('--minutes sets the time of an exam; add --exam');
    const blueprint = exam
      ? examId === undefined
        ? defaultBlueprint(content.exams)
        : content.exams.find((b) => b.id === examId.toLowerCase())
      : undefined;
    if (exam && examId !== undefined && !blueprint) {
      const guess = suggest(
        examId.toLowerCase(),
        content.exams.map((b) => b.id),
      );
      throw new UsageError(
        `--exam "${examId}" is not an exam${guess ? `; did you mean "${guess}"?` : ''} (exams: ${describeExams(content.exams)})`,
      );
    }
    if (topic) {
      const topics = content.topics.map((t) => t.id);
      if (!topics.includes(topic)) {
        const guess = suggest(topic, topics);
        throw new UsageError(
          `--topic "${topic}" is not a topic${guess ? `; did you mean "${guess}"?` : ''} (topics: ${topics.join(', ')})`,
        );
      }
    }
    // Checked here rather than by the command table, so that bad flags are named first.
    if (!process.stdin.isTTY || !process.stdout.isTTY)
      throw new UsageError('amlenv quiz is interactive and needs a terminal; without one use amlenv explain');
    const { runApp } = await import('../ui/run-app.js');
    await runApp({
      initial: {
        id: 'quiz',
        options: {
          mode: exam ? 'exam' : 'practice',
          topic,
          count: count ?? (exam ? undefined : PRACTICE_COUNT),
          minutes,
          exam: blueprint?.id,
        },
      },
      standalone: true,
    });
    return EXIT.ok;
  },
};

export default command;
