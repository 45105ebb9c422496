// JSON Schemas of the content files (content/FORMAT.md says the same in prose).

const url = { type: 'string', pattern: '^https://' } as const;
const sources = { type: 'array', items: url, minItems: 1 } as const;
const exam = { type: 'array', items: { enum: ['dp-100', 'ai-300'] }, minItems: 1, uniqueItems: true } as const;
const sdk = { enum: ['v1', 'v2', 'both'] } as const;
const id = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' } as const;
const text = { type: 'string', minLength: 1 } as const;

export const topicsSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['id', 'title', 'summary'],
    additionalProperties: false,
    properties: { id, title: text, summary: text, lessons: { type: 'array', items: id } },
  },
} as const;

export const conceptsSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'title', 'lessons'],
    additionalProperties: false,
    properties: { id, title: text, lessons: { type: 'array', items: id, minItems: 1 } },
  },
} as const;

export const lessonFrontMatterSchema = {
  type: 'object',
  required: ['id', 'title', 'topic', 'exam', 'sdk', 'sources'],
  additionalProperties: false,
  properties: { id, title: text, topic: id, exam, sdk, sources },
} as const;

const choice = {
  type: 'object',
  required: ['text', 'why'],
  additionalProperties: false,
  properties: { text, why: text },
} as const;
const common = { id, topic: id, lesson: id, exam, sdk, prompt: text, explanation: text, sources } as const;
const commonRequired = ['id', 'topic', 'type', 'lesson', 'exam', 'sdk', 'prompt', 'explanation', 'sources'];
const question = (type: string, extra: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  required: [...commonRequired, ...required],
  additionalProperties: false,
  properties: { ...common, type: { const: type }, ...extra },
});

export const questionSchema = {
  type: 'object',
  required: ['type'],
  properties: { type: { enum: ['single', 'multi', 'order', 'truefalse', 'fill', 'fix-file'] } },
  oneOf: [
    question(
      'single',
      { choices: { type: 'array', items: choice, minItems: 2, maxItems: 6 }, answer: { type: 'integer', minimum: 0 } },
      ['choices', 'answer'],
    ),
    question(
      'multi',
      {
        choices: { type: 'array', items: choice, minItems: 3, maxItems: 8 },
        answer: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 2, uniqueItems: true },
      },
      ['choices', 'answer'],
    ),
    question(
      'order',
      {
        choices: { type: 'array', items: text, minItems: 3, maxItems: 8 },
        answer: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 3 },
      },
      ['choices', 'answer'],
    ),
    question('truefalse', { answer: { type: 'boolean' } }, ['answer']),
    question('fill', { answers: { type: 'array', items: text, minItems: 1 }, caseSensitive: { type: 'boolean' } }, [
      'answers',
    ]),
    question('fix-file', { exercise: id }, ['exercise']),
  ],
} as const;

export const quizFileSchema = { type: 'array', items: questionSchema, minItems: 1 } as const;

export const exerciseSchema = {
  type: 'object',
  required: ['id', 'title', 'topic', 'lesson', 'format', 'task', 'rules', 'hints', 'broken', 'solution'],
  additionalProperties: false,
  properties: {
    id,
    title: text,
    topic: id,
    lesson: id,
    format: { enum: ['v1-json', 'v2-yaml', 'conda-yaml'] },
    task: text,
    rules: {
      type: 'array',
      items: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-]+$' },
      minItems: 1,
      uniqueItems: true,
    },
    hints: { type: 'array', items: text, minItems: 1, maxItems: 3 },
    broken: text,
    solution: text,
  },
} as const;
