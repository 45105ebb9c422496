// Checks that keep the bundled content true to the model and to itself. `npm test` runs all of them; each
// problem names its check, its file and what is wrong.
import { Ajv, type ValidateFunction } from 'ajv';
import { basename } from 'node:path';
import { loadTemplates } from '../../src/content/templates.js';
import { fieldAt } from '../../src/env/fields.js';
import { loadFieldLibs } from '../../src/env/libs.js';
import { loadDefinitionText } from '../../src/env/load.js';
import type { Format } from '../../src/env/types.js';
import { RULES } from '../../src/rules/index.js';
import { validateLoaded } from '../../src/rules/validate.js';
import { blueprintSchema, checkBlueprints, type ExamBlueprint } from '../../src/learn/blueprints.js';
import type { Concept, Exercise, Lesson, Question, RawContent, Topic } from '../../src/learn/content.js';
import { QUESTION_TYPES } from '../../src/learn/content.js';
import { EXAM } from '../../src/learn/exam.js';
import { codeBlocks, inlineCode, sections, wordCount } from '../../src/learn/markdown.js';
import {
  conceptsSchema,
  exerciseSchema,
  lessonFrontMatterSchema,
  quizFileSchema,
  topicsSchema,
} from '../../src/learn/schemas.js';
import { pluralWord } from '../../src/util/plural.js';

export interface ContentProblem {
  check: string;
  file: string;
  message: string;
}

export const LIMITS = {
  lessons: 16,
  questions: 150,
  perTopic: 10,
  exercises: 20,
  perConcept: 5,
  words: [300, 900] as const,
};
export const LESSON_HEADINGS = ['Key facts', 'Common traps', 'Worked example'];

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<object, ValidateFunction>();
function schemaErrors(schema: object, value: unknown): string[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  // oneOf failures repeat per branch; the type-matching branch's errors are the useful ones.
  return [
    ...new Set(
      (validate.errors ?? [])
        .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'const')
        .map((e) => `${e.instancePath || '/'} ${e.message}`),
    ),
  ].slice(0, 5);
}

const FIELD_PATH =
  /^(?:[a-z_][a-z0-9_]*\.)?((?:python|docker|spark|databricks|environmentVariables|environment_variables)(?:\.[A-Za-z_][A-Za-z0-9_]*)+)$/;

/** Dotted field paths in inline code that do not exist in the model. */
export function unknownFieldPaths(text: string): string[] {
  return inlineCode(text)
    .map((code) => FIELD_PATH.exec(code.trim())?.[1])
    .filter((path): path is string => path !== undefined && fieldAt(path) === undefined);
}

export interface Parsed {
  topics: Topic[];
  concepts: Concept[];
  lessons: Lesson[];
  questions: Question[];
  exercises: Exercise[];
}

/** Schema checks; returns the parts that passed, for the checks that read them. */
export function checkSchemas(raw: RawContent, problems: ContentProblem[]): Parsed {
  const add = (file: string, messages: string[], prefix = '') => {
    for (const m of messages) problems.push({ check: 'schema', file, message: prefix + m });
  };
  add(raw.topics.file, schemaErrors(topicsSchema, raw.topics.value));
  add(raw.concepts.file, schemaErrors(conceptsSchema, raw.concepts.value));
  const parsed: Parsed = {
    topics: Array.isArray(raw.topics.value) ? (raw.topics.value as Topic[]) : [],
    concepts: Array.isArray(raw.concepts.value) ? (raw.concepts.value as Concept[]) : [],
    lessons: [],
    questions: [],
    exercises: [],
  };
  for (const l of raw.lessons) {
    if (l.error) add(l.file, [l.error]);
    const errors = l.error ? [] : schemaErrors(lessonFrontMatterSchema, l.frontMatter);
    add(l.file, errors, 'front matter ');
    if (!l.error && errors.length === 0) {
      const lesson = { ...(l.frontMatter as Omit<Lesson, 'body' | 'file'>), body: l.body, file: l.file };
      if (lesson.id !== basename(l.file, '.md')) add(l.file, [`id "${lesson.id}" differs from the file name`]);
      parsed.lessons.push(lesson);
    }
  }
  for (const q of raw.quizFiles) {
    if (q.error) add(q.file, [q.error]);
    else if (!Array.isArray(q.value)) add(q.file, ['a quiz file is a YAML list of questions']);
    else
      q.value.forEach((item, i) => {
        const errors = schemaErrors(quizFileSchema.items, item);
        const label = `question ${i + 1}${(item as { id?: string })?.id ? ` (${(item as { id: string }).id})` : ''}: `;
        add(q.file, errors, label);
        if (errors.length === 0) parsed.questions.push({ ...(item as Question), file: q.file });
      });
  }
  for (const e of raw.exercises) {
    if (e.error) add(e.file, [e.error]);
    const errors = e.error ? [] : schemaErrors(exerciseSchema, e.value);
    add(e.file, errors);
    if (!e.error && errors.length === 0) {
      const exercise = { ...(e.value as Omit<Exercise, 'file'>), file: e.file };
      if (exercise.id !== basename(e.file).replace(/\.ya?ml$/, ''))
        add(e.file, [`id "${exercise.id}" differs from the file name`]);
      parsed.exercises.push(exercise);
    }
  }
  return parsed;
}

export function checkIdsAndLinks(p: Parsed, problems: ContentProblem[]): void {
  const push = (check: string, file: string, message: string) => problems.push({ check, file, message });
  const duplicates = (items: Array<{ id: string; file?: string }>, what: string, file: string) => {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id)) push('ids', item.file ?? file, `${what} id "${item.id}" is used twice`);
      seen.add(item.id);
    }
  };
  duplicates(p.topics, 'topic', 'topics.yaml');
  duplicates(p.lessons, 'lesson', 'lessons');
  duplicates(p.questions, 'question', 'quiz');
  duplicates(p.exercises, 'exercise', 'exercises');

  const topics = new Set(p.topics.map((t) => t.id));
  const lessons = new Map(p.lessons.map((l) => [l.id, l]));
  const exercises = new Map(p.exercises.map((e) => [e.id, e]));
  for (const item of [...p.lessons, ...p.questions, ...p.exercises]) {
    if (!topics.has(item.topic)) push('links', item.file, `${item.id}: topic "${item.topic}" is not in topics.yaml`);
  }
  for (const item of [...p.questions, ...p.exercises]) {
    const lesson = lessons.get(item.lesson);
    if (!lesson) push('links', item.file, `${item.id}: lesson "${item.lesson}" does not exist`);
  }
  for (const q of p.questions) {
    if (q.type !== 'fix-file') continue;
    const exercise = exercises.get(q.exercise);
    if (!exercise) push('links', q.file, `${q.id}: exercise "${q.exercise}" does not exist`);
    else if (exercise.topic !== q.topic)
      push('links', q.file, `${q.id}: topic "${q.topic}" differs from its exercise's topic "${exercise.topic}"`);
  }
  for (const t of p.topics)
    for (const id of t.lessons ?? [])
      if (lessons.get(id)?.topic !== t.id)
        push('links', 'topics.yaml', `topic ${t.id} lists lesson "${id}", which does not exist in that topic`);
  for (const c of p.concepts)
    for (const id of c.lessons)
      if (!lessons.has(id)) push('links', 'concepts.yaml', `concept ${c.id}: lesson "${id}" does not exist`);
  for (const r of RULES)
    if (!lessons.has(r.lesson)) push('links', 'src/rules', `rule ${r.id}: lesson "${r.lesson}" does not exist`);
  for (const t of loadTemplates())
    if (!lessons.has(t.lesson))
      push('links', 'templates/index.yaml', `template ${t.name}: lesson "${t.lesson}" does not exist`);
  for (const e of p.exercises)
    for (const id of e.rules)
      if (!RULES.some((r) => r.id === id)) push('links', e.file, `${e.id}: rule "${id}" does not exist`);
}

export function checkAnswers(questions: Question[], problems: ContentProblem[]): void {
  const bad = (q: Question, message: string) =>
    problems.push({ check: 'answers', file: q.file, message: `${q.id}: ${message}` });
  for (const q of questions) {
    switch (q.type) {
      case 'single':
        if (q.answer >= q.choices.length) bad(q, `answer ${q.answer} is out of range (${q.choices.length} choices)`);
        break;
      case 'multi': {
        const out = q.answer.filter((i) => i >= q.choices.length);
        if (out.length) bad(q, `answers ${out.join(', ')} are out of range`);
        if (q.answer.length >= q.choices.length)
          bad(q, 'every choice is right; a multi question needs at least one wrong choice');
        break;
      }
      case 'order': {
        const sorted = [...q.answer].sort((a, b) => a - b);
        if (q.answer.length !== q.choices.length || sorted.some((v, i) => v !== i))
          bad(q, `answer ${JSON.stringify(q.answer)} is not a permutation of the ${q.choices.length} choices`);
        else if (q.answer.every((v, i) => v === i)) bad(q, 'the choices are already in the right order; scramble them');
        break;
      }
      case 'fill':
        if (q.answers.some((a) => !a.trim())) bad(q, 'an accepted answer is empty');
        break;
      default:
        break;
    }
    if (
      (q.type === 'single' || q.type === 'multi') &&
      new Set(q.choices.map((c) => c.text.trim().toLowerCase())).size !== q.choices.length
    )
      bad(q, 'two choices have the same text');
  }
}

export function checkLessonStructure(lessons: Lesson[], problems: ContentProblem[]): void {
  const bad = (l: Lesson, message: string) => problems.push({ check: 'lesson-structure', file: l.file, message });
  for (const l of lessons) {
    const words = wordCount(l.body);
    if (words < LIMITS.words[0] || words > LIMITS.words[1])
      bad(l, `${words} words; a lesson has ${LIMITS.words[0]}–${LIMITS.words[1]}`);
    const found = sections(l.body).map((s) => s.heading);
    const positions = LESSON_HEADINGS.map((h) => found.indexOf(h));
    const missing = LESSON_HEADINGS.filter((_, i) => positions[i] < 0);
    if (missing.length)
      bad(l, `missing ${pluralWord(missing.length, 'heading')}: ${missing.map((h) => `## ${h}`).join(', ')}`);
    else if (positions.some((p, i) => i > 0 && p < positions[i - 1]))
      bad(l, `the headings ${LESSON_HEADINGS.join(', ')} must come in this order`);
    for (const [heading, min, max] of [
      ['Key facts', 4, 8],
      ['Common traps', 3, 6],
    ] as const) {
      const text = sections(l.body).find((s) => s.heading === heading)?.text ?? '';
      const bullets = text.split('\n').filter((line) => /^\s*[-*] /.test(line)).length;
      if (bullets < min || bullets > max) bad(l, `"${heading}" has ${bullets} bullets; it needs ${min}–${max}`);
    }
    const example = sections(l.body).find((s) => s.heading === 'Worked example')?.text ?? '';
    const blocks = codeBlocks(example).filter((b) => ['json', 'yaml', 'yml'].includes(b.lang));
    if (blocks.length !== 1) bad(l, `"Worked example" needs exactly one json or yaml code block, has ${blocks.length}`);
  }
}

export function checkFieldPaths(p: Parsed, problems: ContentProblem[]): void {
  const scan = (file: string, label: string, text: string) => {
    for (const path of unknownFieldPaths(text))
      problems.push({
        check: 'field-paths',
        file,
        message: `${label}: \`${path}\` is not a field of the environment model`,
      });
  };
  for (const l of p.lessons) scan(l.file, l.id, l.body);
  for (const q of p.questions) {
    const parts = [q.prompt, q.explanation];
    if (q.type === 'single' || q.type === 'multi') for (const c of q.choices) parts.push(c.text, c.why);
    if (q.type === 'order') parts.push(...q.choices);
    scan(q.file, q.id, parts.join('\n'));
  }
  for (const e of p.exercises) scan(e.file, e.id, [e.task, ...e.hints].join('\n'));
}

function ruleSet(
  text: string,
  file: string,
  format?: Format,
  today?: Date,
): { errors: string[]; blocking: Set<string>; failure?: string } {
  const outcome = loadDefinitionText(text, file, format ? { format } : {});
  if (!outcome.ok) return { errors: [], blocking: new Set(), failure: outcome.message };
  const diagnostics = validateLoaded(outcome.def, { today });
  return {
    errors: diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.rule} at ${d.path || 'top'}${d.line ? ` (line ${d.line})` : ''}: ${d.message}`),
    blocking: new Set(diagnostics.filter((d) => d.severity !== 'info').map((d) => d.rule)),
  };
}

/** Worked examples validate clean; exercises raise exactly their rules and their solutions none. */
export async function checkWithValidator(p: Parsed, problems: ContentProblem[], today?: Date): Promise<void> {
  await loadFieldLibs();
  for (const l of p.lessons) {
    const example = sections(l.body).find((s) => s.heading === 'Worked example')?.text ?? '';
    const block = codeBlocks(example).find((b) => ['json', 'yaml', 'yml'].includes(b.lang));
    if (!block) continue;
    const result = ruleSet(
      block.code,
      `/lessons/${l.id}/example.${block.lang === 'json' ? 'json' : 'yml'}`,
      undefined,
      today,
    );
    if (result.failure)
      problems.push({
        check: 'examples',
        file: l.file,
        message: `the worked example is not an environment: ${result.failure}`,
      });
    for (const e of result.errors)
      problems.push({ check: 'examples', file: l.file, message: `the worked example has an error: ${e}` });
  }
  for (const e of p.exercises) {
    const name = `/exercises/${e.id}/env.${e.format === 'v1-json' ? 'json' : 'yml'}`;
    const broken = ruleSet(e.broken, name, e.format, today);
    const expected = [...e.rules].sort().join(', ');
    const got = [...broken.blocking].sort().join(', ');
    if (broken.failure)
      problems.push({ check: 'exercises', file: e.file, message: `broken file does not load: ${broken.failure}` });
    else if (expected !== got)
      problems.push({
        check: 'exercises',
        file: e.file,
        message: `broken file raises [${got}], expected exactly [${expected}]`,
      });
    const solved = ruleSet(e.solution, name, e.format, today);
    if (solved.failure)
      problems.push({ check: 'exercises', file: e.file, message: `solution does not load: ${solved.failure}` });
    for (const err of solved.errors)
      problems.push({ check: 'exercises', file: e.file, message: `solution has an error: ${err}` });
    const left = e.rules.filter((r) => solved.blocking.has(r));
    if (left.length)
      problems.push({ check: 'exercises', file: e.file, message: `solution still raises ${left.join(', ')}` });
  }
}

export function checkCounts(p: Parsed, problems: ContentProblem[]): void {
  const bad = (message: string) => problems.push({ check: 'counts', file: 'content', message });
  if (p.lessons.length < LIMITS.lessons) bad(`${p.lessons.length} lessons; at least ${LIMITS.lessons}`);
  if (p.questions.length < LIMITS.questions) bad(`${p.questions.length} questions; at least ${LIMITS.questions}`);
  if (p.exercises.length < LIMITS.exercises) bad(`${p.exercises.length} exercises; at least ${LIMITS.exercises}`);
  for (const type of QUESTION_TYPES) if (!p.questions.some((q) => q.type === type)) bad(`no question of type ${type}`);
  for (const t of p.topics) {
    const n = p.questions.filter((q) => q.topic === t.id).length;
    if (n < LIMITS.perTopic) bad(`topic ${t.id} has ${n} questions; at least ${LIMITS.perTopic}`);
    if (!p.lessons.some((l) => l.topic === t.id)) bad(`topic ${t.id} has no lesson`);
  }
  for (const c of p.concepts) {
    const n = p.questions.filter((q) => c.lessons.includes(q.lesson)).length;
    if (n < LIMITS.perConcept) bad(`concept "${c.title}" is asked by ${n} questions; at least ${LIMITS.perConcept}`);
  }
}

/** The exam blueprints: their schema, then their topics, lessons and sizes against the content. */
export function checkExams(raw: RawContent, p: Parsed, problems: ContentProblem[]): void {
  const blueprints: ExamBlueprint[] = [];
  for (const b of raw.exams ?? []) {
    const errors = b.error ? [b.error] : schemaErrors(blueprintSchema, b.value);
    for (const message of errors) problems.push({ check: 'schema', file: b.file, message });
    if (!errors.length) blueprints.push({ ...(b.value as Omit<ExamBlueprint, 'file'>), file: b.file });
  }
  problems.push(...checkBlueprints(blueprints, p, EXAM.fixFileShare));
}

/** Every check over the raw content. */
export async function checkContent(raw: RawContent, options: { today?: Date } = {}): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const parsed = checkSchemas(raw, problems);
  checkIdsAndLinks(parsed, problems);
  checkAnswers(parsed.questions, problems);
  checkLessonStructure(parsed.lessons, problems);
  checkFieldPaths(parsed, problems);
  await checkWithValidator(parsed, problems, options.today);
  checkCounts(parsed, problems);
  checkExams(raw, parsed, problems);
  return problems;
}
