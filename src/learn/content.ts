import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../content/paths.js';
import { type ExamBlueprint, type RawBlueprint, readBlueprintFiles } from './blueprints.js';

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

/** Raw content as read from disk, each value with the file it came from. */
export interface RawContent {
  topics: { file: string; value: unknown };
  concepts: { file: string; value: unknown };
  lessons: Array<{ file: string; frontMatter: unknown; body: string; error?: string }>;
  quizFiles: Array<{ file: string; value: unknown; error?: string }>;
  exercises: Array<{ file: string; value: unknown; error?: string }>;
  /** content/exams/*.yaml, the exam blueprints. */
  exams?: RawBlueprint[];
}

function readYaml(file: string): { value: unknown; error?: string } {
  try {
    return { value: parse(readFileSync(file, 'utf8')) };
  } catch (err) {
    return { value: undefined, error: (err as Error).message.split('\n')[0] };
  }
}

/** Splits "---\nfront matter\n---\nbody". */
export function splitFrontMatter(text: string): { frontMatter: unknown; body: string; error?: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return { frontMatter: undefined, body: text, error: 'no front matter (the file must start with ---)' };
  try {
    return { frontMatter: parse(m[1]), body: m[2] };
  } catch (err) {
    return { frontMatter: undefined, body: m[2], error: `front matter: ${(err as Error).message.split('\n')[0]}` };
  }
}

const files = (dir: string, ext: RegExp) =>
  readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(dir, f));

export function readRawContent(dir = contentDir()): RawContent {
  const topicsFile = join(dir, 'topics.yaml');
  const conceptsFile = join(dir, 'concepts.yaml');
  return {
    topics: { file: topicsFile, value: readYaml(topicsFile).value },
    concepts: { file: conceptsFile, value: readYaml(conceptsFile).value },
    lessons: files(join(dir, 'lessons'), /\.md$/).map((file) => ({
      file,
      ...splitFrontMatter(readFileSync(file, 'utf8')),
    })),
    quizFiles: files(join(dir, 'quiz'), /\.ya?ml$/).map((file) => ({ file, ...readYaml(file) })),
    exercises: files(join(dir, 'exercises'), /\.ya?ml$/).map((file) => ({ file, ...readYaml(file) })),
    exams: readBlueprintFiles(join(dir, 'exams')),
  };
}

export interface Content {
  topics: Topic[];
  concepts: Concept[];
  lessons: Lesson[];
  questions: Question[];
  exercises: Exercise[];
  exams: ExamBlueprint[];
}

let cached: Content | undefined;

/** The content, trusted to have passed checkContent (npm test runs it over every file). */
export function loadContent(dir?: string): Content {
  if (cached && !dir) return cached;
  const raw = readRawContent(dir);
  const content: Content = {
    topics: (raw.topics.value as Topic[]) ?? [],
    concepts: (raw.concepts.value as Concept[]) ?? [],
    lessons: raw.lessons.map((l) => ({
      ...(l.frontMatter as Omit<Lesson, 'body' | 'file'>),
      body: l.body,
      file: l.file,
    })),
    questions: raw.quizFiles.flatMap((q) => ((q.value as Question[]) ?? []).map((x) => ({ ...x, file: q.file }))),
    exercises: raw.exercises.map((e) => ({ ...(e.value as Omit<Exercise, 'file'>), file: e.file })),
    exams: (raw.exams ?? []).map((b) => ({ ...(b.value as Omit<ExamBlueprint, 'file'>), file: b.file })),
  };
  if (!dir) cached = content;
  return content;
}

let lessonsCache: Lesson[] | undefined;

/** Only the lessons (cheaper than loadContent when the quiz is not needed). */
export function loadLessons(dir = contentDir()): Lesson[] {
  if (lessonsCache) return lessonsCache;
  lessonsCache = readdirSync(join(dir, 'lessons'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const file = join(dir, 'lessons', f);
      const { frontMatter, body } = splitFrontMatter(readFileSync(file, 'utf8'));
      return { ...(frontMatter as Omit<Lesson, 'body' | 'file'>), body, file };
    });
  return lessonsCache;
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
