// Exam blueprints (content/exams/*.yaml): what an exam is called, how long it is, its pass mark, and its
// skill areas with their official weights, each mapped to the topics (and single lessons) that teach it.
// This file checks them (content/compile.ts reads them) against the rest of the content and answers "which area is this
// question in"; exam.ts draws by them and progress.ts measures mastery per exam with them.
import { basename } from 'node:path';
import type { Question, Topic } from './content.js';

export type { RawBlueprint } from '../content/compile.js';

export interface ExamArea {
  id: string;
  title: string;
  /** The official weight, a range in percent (e.g. 15–20). */
  weight: [number, number];
  topics: string[];
  /** Lessons whose questions belong here even though their topic is listed by another area. */
  lessons?: string[];
}

export interface ExamBlueprint {
  id: string;
  name: string;
  credential: string;
  /** current: the exam plain `--exam` takes; retired: kept for its material. */
  status: 'current' | 'retired';
  retired?: string;
  questions: number;
  minutes: number;
  pass: number;
  scale: number;
  sources: string[];
  areas: ExamArea[];
  file: string;
}

const url = { type: 'string', pattern: '^https://' } as const;
const id = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' } as const;
const text = { type: 'string', minLength: 1 } as const;
const whole = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum }) as const;

export const blueprintSchema = {
  type: 'object',
  required: ['id', 'name', 'credential', 'status', 'questions', 'minutes', 'pass', 'scale', 'sources', 'areas'],
  additionalProperties: false,
  properties: {
    id,
    name: text,
    credential: text,
    status: { enum: ['current', 'retired'] },
    retired: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    questions: whole(1, 500),
    minutes: whole(1, 600),
    pass: whole(1, 100000),
    scale: whole(1, 100000),
    sources: { type: 'array', items: url, minItems: 1 },
    areas: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'title', 'weight', 'topics'],
        additionalProperties: false,
        properties: {
          id,
          title: text,
          weight: { type: 'array', items: { type: 'number', minimum: 0, maximum: 100 }, minItems: 2, maxItems: 2 },
          topics: { type: 'array', items: id, uniqueItems: true },
          lessons: { type: 'array', items: id, uniqueItems: true },
        },
      },
    },
  },
} as const;

/** The middle of the official range: the share an area gets when drawing. */
export const areaWeight = (a: ExamArea): number => (a.weight[0] + a.weight[1]) / 2;

/** The area a question is asked in: the one listing its lesson, else the one listing its topic. */
export function areaOf(blueprint: ExamBlueprint, q: Pick<Question, 'topic' | 'lesson'>): ExamArea | undefined {
  return (
    blueprint.areas.find((a) => a.lessons?.includes(q.lesson)) ??
    blueprint.areas.find((a) => a.topics.includes(q.topic))
  );
}

/** Every question this exam can ask: tagged for it and in one of its areas. */
export function examQuestions<Q extends Question>(blueprint: ExamBlueprint, questions: readonly Q[]): Q[] {
  return questions.filter((q) => q.exam.includes(blueprint.id) && areaOf(blueprint, q) !== undefined);
}

/** The areas amlenv teaches, with the share of the exam each gets (the weights renormalised over them). */
export function coveredAreas(blueprint: ExamBlueprint): Array<{ area: ExamArea; share: number }> {
  const covered = blueprint.areas.filter((a) => a.topics.length || a.lessons?.length);
  const total = covered.reduce((n, a) => n + areaWeight(a), 0);
  return covered.map((area) => ({ area, share: total ? areaWeight(area) / total : 0 }));
}

/** AI-300 for ai-300. */
export const examLabel = (id: string): string => id.toUpperCase();

/** The exam plain `--exam` takes: the current one. */
export function defaultBlueprint(blueprints: readonly ExamBlueprint[]): ExamBlueprint | undefined {
  return blueprints.find((b) => b.status === 'current') ?? blueprints[0];
}

/** "ai-300 (…, current), dp-100 (…, retired 2026-06-01)" for usage errors and help. */
export function describeExams(blueprints: readonly ExamBlueprint[]): string {
  return blueprints
    .map(
      (b) =>
        `${b.id} (${b.name}${b.status === 'current' ? ', the current exam' : `, retired${b.retired ? ` ${b.retired}` : ''}`})`,
    )
    .join(', ');
}

export interface BlueprintProblem {
  check: 'schema' | 'links' | 'counts';
  file: string;
  message: string;
}

/**
 * Each blueprint against the rest of the content: ids match file names, exactly one exam is current, the
 * weights add up, every topic and lesson named exists and sits in one area only, every topic with questions
 * tagged for the exam is in an area (or those questions would never be asked), and there are enough
 * questions for a full exam with fix-file kept to its share.
 */
export function checkBlueprints(
  blueprints: readonly ExamBlueprint[],
  content: { topics: readonly Topic[]; lessons: ReadonlyArray<{ id: string }>; questions: readonly Question[] },
  fixFileShare: number,
): BlueprintProblem[] {
  const problems: BlueprintProblem[] = [];
  const add = (check: BlueprintProblem['check'], file: string, message: string) =>
    problems.push({ check, file, message });
  const topics = new Set(content.topics.map((t) => t.id));
  const lessons = new Set(content.lessons.map((l) => l.id));
  const current = blueprints.filter((b) => b.status === 'current');
  if (blueprints.length && current.length !== 1)
    add(
      'schema',
      'exams',
      `${current.length} exams have status: current (${current.map((b) => b.id).join(', ') || 'none'}); exactly one must, the one plain --exam takes`,
    );
  for (const b of blueprints) {
    if (b.id !== basename(b.file).replace(/\.ya?ml$/, ''))
      add('schema', b.file, `id "${b.id}" differs from the file name`);
    if (b.pass > b.scale) add('schema', b.file, `pass ${b.pass} is above the scale ${b.scale}`);
    if (b.status === 'retired' && !b.retired) add('schema', b.file, 'a retired exam needs retired: YYYY-MM-DD');
    const [low, high] = b.areas.reduce(([l, h], a) => [l + a.weight[0], h + a.weight[1]], [0, 0]);
    if (low > 100 || high < 100)
      add(
        'schema',
        b.file,
        `the area weights range from ${low}% to ${high}% in total; the official ranges must allow 100%`,
      );
    const seenTopic = new Map<string, string>();
    const seenLesson = new Map<string, string>();
    b.areas.forEach((a, i) => {
      if (a.weight[0] > a.weight[1])
        add(
          'schema',
          b.file,
          `areas[${i}] (${a.id}).weight: [${a.weight.join(', ')}] runs backwards; write [low, high]`,
        );
      for (const t of a.topics) {
        if (!topics.has(t)) add('links', b.file, `areas[${i}] (${a.id}).topics: "${t}" is not in topics.yaml`);
        if (seenTopic.has(t))
          add(
            'links',
            b.file,
            `areas[${i}] (${a.id}).topics: "${t}" is already in area ${seenTopic.get(t)}; a topic belongs to one area`,
          );
        seenTopic.set(t, a.id);
      }
      for (const l of a.lessons ?? []) {
        if (!lessons.has(l)) add('links', b.file, `areas[${i}] (${a.id}).lessons: lesson "${l}" does not exist`);
        if (seenLesson.has(l))
          add(
            'links',
            b.file,
            `areas[${i}] (${a.id}).lessons: "${l}" is already in area ${seenLesson.get(l)}; a lesson belongs to one area`,
          );
        seenLesson.set(l, a.id);
      }
    });
    const tagged = content.questions.filter((q) => q.exam.includes(b.id));
    const lost = [...new Set(tagged.filter((q) => !areaOf(b, q)).map((q) => q.topic))];
    for (const t of lost)
      add(
        'links',
        b.file,
        `topic "${t}" has ${tagged.filter((q) => q.topic === t).length} questions tagged ${b.id} but no area lists it, so the exam would never ask them; add it to an area's topics`,
      );
    const pool = examQuestions(b, content.questions);
    const usable =
      pool.filter((q) => q.type !== 'fix-file').length +
      Math.min(pool.filter((q) => q.type === 'fix-file').length, Math.floor(b.questions * fixFileShare));
    if (usable < b.questions)
      add(
        'counts',
        b.file,
        `a full ${b.id} exam has ${b.questions} questions but only ${usable} can be drawn (questions tagged ${b.id}, fix-file kept to ${fixFileShare * 100}%)`,
      );
  }
  return problems;
}

/** The blueprint an exam session was drawn by, if it still exists. */
export const blueprintOf = (
  blueprints: readonly ExamBlueprint[] | undefined,
  id: string | undefined,
): ExamBlueprint | undefined => (id ? blueprints?.find((b) => b.id === id) : undefined);
