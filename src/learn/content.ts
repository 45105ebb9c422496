import { join } from 'node:path';
import { type ContentBundle, loadBundle } from '../content/bundle.js';
import { contentDir } from '../content/paths.js';
import { EnvironmentProblem } from '../util/errors.js';
import type { ExamBlueprint } from './blueprints.js';

export type { RawContent } from '../content/compile.js';

export interface Topic {
  id: string;
  title: string;
  summary: string;
  lessons?: string[];
}

export interface Lesson {
  id: string;
  title: string;
  topic: string;
  exam: string[];
  sdk: 'v1' | 'v2' | 'both';
  sources: string[];
  /** Markdown after the front matter. */
  body: string;
  file: string;
}

export interface Choice {
  text: string;
  why: string;
}

interface QuestionBase {
  id: string;
  topic: string;
  lesson: string;
  exam: string[];
  sdk: 'v1' | 'v2' | 'both';
  prompt: string;
  explanation: string;
  sources: string[];
  file: string;
}

export type Question =
  | (QuestionBase & { type: 'single'; choices: Choice[]; answer: number })
  | (QuestionBase & { type: 'multi'; choices: Choice[]; answer: number[] })
  | (QuestionBase & { type: 'order'; choices: string[]; answer: number[] })
  | (QuestionBase & { type: 'truefalse'; answer: boolean })
  | (QuestionBase & { type: 'fill'; answers: string[]; caseSensitive?: boolean })
  | (QuestionBase & { type: 'fix-file'; exercise: string });

export type QuestionType = Question['type'];
export const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multi', 'order', 'truefalse', 'fill', 'fix-file'];

export interface Exercise {
  id: string;
  title: string;
  topic: string;
  lesson: string;
  format: 'v1-json' | 'v2-yaml' | 'conda-yaml';
  task: string;
  rules: string[];
  hints: string[];
  broken: string;
  solution: string;
  file: string;
}

export interface Concept {
  id: string;
  title: string;
  lessons: string[];
}

export interface Content {
  topics: Topic[];
  concepts: Concept[];
  lessons: Lesson[];
  questions: Question[];
  exercises: Exercise[];
  exams: ExamBlueprint[];
}

/** The content sections of the bundle, typed: the build wrote them from the checked sources (bundle.ts). */
interface BundledContent {
  topics: Topic[];
  concepts: Concept[];
  lessons: Lesson[];
  questions: Question[];
  exercises: Exercise[];
  exams: ExamBlueprint[];
}

const hasIdAndFile = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'id' in value && 'file' in value;

/** Every lesson, question, exercise and exam of the bundle names its id and file (the shape the build writes). */
function isBundledContent(bundle: ContentBundle): bundle is ContentBundle & BundledContent {
  return [bundle.lessons, bundle.questions, bundle.exercises, bundle.exams].every((list) => list.every(hasIdAndFile));
}

let cached: Content | undefined;

/**
 * The content, from the bundle the build compiled out of content/ (trusted to have passed checkContent,
 * which npm test runs over every source file). Files are absolute paths under the installed content folder.
 */
export function loadContent(): Content {
  if (cached) return cached;
  const bundle = loadBundle();
  if (!isBundledContent(bundle))
    throw new EnvironmentProblem('its compiled content has an item without id or file; run "npm run build"');
  const dir = contentDir();
  const placed = <T extends { file: string }>(item: T): T => ({ ...item, file: join(dir, item.file) });
  cached = {
    topics: bundle.topics,
    concepts: bundle.concepts,
    lessons: bundle.lessons.map(placed),
    questions: bundle.questions.map(placed),
    exercises: bundle.exercises.map(placed),
    exams: bundle.exams.map(placed),
  };
  return cached;
}

/** Only the lessons. */
export function loadLessons(): Lesson[] {
  return loadContent().lessons;
}

/** The lessons of a topic in teaching order. */
export function lessonsOf(content: Content, topicId: string): Lesson[] {
  const topic = content.topics.find((t) => t.id === topicId);
  const order = topic?.lessons ?? [];
  const rank = (l: Lesson) => (order.includes(l.id) ? order.indexOf(l.id) : Infinity);
  return content.lessons
    .filter((l) => l.topic === topicId)
    .sort((a, b) => (rank(a) === rank(b) ? a.id.localeCompare(b.id) : rank(a) - rank(b)));
}
