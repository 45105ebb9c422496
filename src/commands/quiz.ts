import { loadContent } from '../learn/content.js';
import { EXAM } from '../learn/exam.js';
import { PRACTICE_COUNT } from '../learn/session.js';
import { didYouMean } from '../rules/helpers.js';
import { EXIT, UsageError } from '../util/errors.js';
import type { Command } from './types.js';

function wholeNumber(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > max) throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, not "${value}"`);
  return Number(value);
}

const command: Command = {
  options: { topic: { type: 'string', short: 't' }, count: { type: 'string', short: 'n' }, exam: { type: 'boolean' }, minutes: { type: 'string' } },
  minPositionals: 0,
  maxPositionals: 0,
  async run({ values }) {
    const exam = Boolean(values.exam);
    const topic = values.topic as string | undefined;
    const count = wholeNumber('count', values.count as string | undefined, 500);
    const minutes = wholeNumber('minutes', values.minutes as string | undefined, 600);
    if (exam && topic) throw new UsageError('--topic does not go with --exam: an exam draws from every topic (amlenv quiz --topic T practises one)');
    if (minutes !== undefined && !exam) throw new UsageError('--minutes sets the time of an exam; add --exam');
    if (topic) {
      const topics = loadContent().topics.map((t) => t.id);
      if (!topics.includes(topic)) {
        const guess = didYouMean(topic, topics);
        throw new UsageError(`--topic "${topic}" is not a topic${guess ? `; did you mean "${guess}"?` : ''} (topics: ${topics.join(', ')})`);
      }
    }
    const { runApp } = await import('../ui/run-app.js');
    await runApp({ initial: { id: 'quiz', options: { mode: exam ? 'exam' : 'practice', topic, count: count ?? (exam ? EXAM.count : PRACTICE_COUNT), minutes } }, standalone: true });
    return EXIT.ok;
  },
};

export default command;
