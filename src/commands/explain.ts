import { loadContent, lessonsOf, type Lesson } from '../learn/content.js';
import { renderMarkdown } from '../learn/render-markdown.js';
import { findRule, RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { findSolveFinding, SOLVE_FINDINGS, type SolveFinding } from '../solve/findings.js';
import { bold, cyan, dim, red, yellow } from '../util/color.js';
import { EXIT, UsageError } from '../util/errors.js';
import { suggest } from '../util/suggest.js';
import type { Command } from './types.js';

const STYLE = { error: red, warning: yellow, info: cyan } as const;

function width(): number {
  return Math.max(40, Math.min(process.stdout.columns ?? 88, 100) - 2);
}

/** A validation rule, or a finding of amlenv solve (no formats; its severity may be raised in one case). */
function renderRule(rule: Rule | SolveFinding): string {
  const lesson = loadContent().lessons.find((l) => l.id === rule.lesson);
  const raised =
    'raisedTo' in rule && rule.raisedTo
      ? `, ${STYLE[rule.raisedTo](`[${rule.raisedTo}]`)} ${rule.raisedWhen ?? 'in one case'}`
      : '';
  return [
    `${bold(rule.id)} ${STYLE[rule.severity](`[${rule.severity}]`)}${raised} — ${rule.title}`,
    '',
    renderMarkdown(rule.explanation, width()),
    '',
    `${bold('Fix:')} ${rule.hint}`,
    'formats' in rule
      ? `${bold('Applies to:')} ${rule.formats.join(', ')}`
      : `${bold('Found by:')} amlenv solve, after solving the conda dependencies for the platform`,
    `${bold('Lesson:')} ${lesson ? `${lesson.title} ${dim(`(amlenv explain ${lesson.id})`)}` : rule.lesson}`,
    ...(rule.sources?.length ? [bold('Sources:'), ...rule.sources.map((s) => `  ${s}`)] : []),
  ].join('\n');
}

export function renderLesson(lesson: Lesson): string {
  const meta = dim(`${lesson.topic} · ${lesson.exam.join(', ')} · SDK ${lesson.sdk}`);
  const sources = lesson.sources.map((s) => `  ${s}`).join('\n');
  return `${bold(lesson.title.toUpperCase())}\n${meta}\n\n${renderMarkdown(lesson.body, width())}\n\n${bold('Sources')}\n${sources}`;
}

function topicList(): string {
  const content = loadContent();
  const lines = [
    bold('Topics') + dim('  (amlenv explain TOPIC prints its lessons; amlenv explain LESSON one lesson)'),
    '',
  ];
  for (const topic of content.topics) {
    lines.push(`${bold(topic.id.padEnd(16))} ${topic.title}`);
    for (const lesson of lessonsOf(content, topic.id))
      lines.push(`  ${dim('·')} ${lesson.id.padEnd(34)} ${dim(lesson.title)}`);
  }
  lines.push(
    '',
    dim(
      `Rules: amlenv rules lists ${RULES.length}, and the ${SOLVE_FINDINGS.length} findings of amlenv solve; amlenv explain RULE-ID explains one.`,
    ),
  );
  return lines.join('\n');
}

const command: Command = {
  options: {},
  minPositionals: 0,
  maxPositionals: 1,
  async run({ positionals }) {
    const [name] = positionals;
    if (!name) {
      process.stdout.write(`${topicList()}\n`);
      return EXIT.ok;
    }
    const rule = findRule(name) ?? findSolveFinding(name);
    if (rule) {
      process.stdout.write(`${renderRule(rule)}\n`);
      return EXIT.ok;
    }
    const content = loadContent();
    const lesson = content.lessons.find((l) => l.id === name);
    const topic = content.topics.find((t) => t.id === name);
    if (lesson || topic) {
      const lessons = lesson ? [lesson] : lessonsOf(content, name);
      process.stdout.write(`${lessons.map(renderLesson).join(`\n\n${dim('─'.repeat(Math.min(width(), 60)))}\n\n`)}\n`);
      return EXIT.ok;
    }
    const known = [
      ...RULES.map((r) => r.id),
      ...SOLVE_FINDINGS.map((f) => f.id),
      ...content.lessons.map((l) => l.id),
      ...content.topics.map((t) => t.id),
    ];
    const guess = suggest(name, known);
    throw new UsageError(
      `"${name}" is not a rule, lesson or topic${guess ? `; did you mean "${guess}"?` : ''} (amlenv explain lists topics, amlenv rules lists rules)`,
    );
  },
};

export default command;
