// :explain NAME — a rule id, a lesson or topic, or an SDK attribute (user_managed_dependencies,
// docker.base_image): the same texts `amlenv explain` prints, plus the field documentation of the model.
import { fieldAt, snake, V1_FIELDS, type FieldSpec } from '../env/fields.js';
import { lessonsOf, loadContent } from '../learn/content.js';
import { renderMarkdown } from '../learn/render-markdown.js';
import { didYouMean } from '../rules/helpers.js';
import { findRule, RULES } from '../rules/index.js';
import { findSolveFinding, SOLVE_FINDINGS } from '../solve/findings.js';

/** Every field path in SDK spelling (python.user_managed_dependencies) with its JSON spelling and spec. */
function fieldPaths(): Array<{ sdk: string; json: string; spec: FieldSpec }> {
  const out: Array<{ sdk: string; json: string; spec: FieldSpec }> = [];
  const walk = (fields: Record<string, FieldSpec>, sdkPrefix: string, jsonPrefix: string) => {
    for (const [key, spec] of Object.entries(fields)) {
      const sdk = sdkPrefix + (spec.sdk ?? snake(key));
      const json = jsonPrefix + key;
      out.push({ sdk, json, spec });
      if (spec.fields && !spec.open) walk(spec.fields, `${sdk}.`, `${json}.`);
    }
  };
  walk(V1_FIELDS, '', '');
  return out;
}

function fieldText(sdk: string, json: string, spec: FieldSpec): string {
  const lines = [`${sdk}  (JSON: ${json}, ${spec.kind})`, spec.doc];
  if ('default' in spec) lines.push(`Environment(name) sets: ${JSON.stringify(spec.default)}`);
  if (spec.values) lines.push(`Values: ${spec.values.join(', ')}`);
  if (spec.deprecated) lines.push(`Deprecated: ${spec.deprecated}`);
  return lines.join('\n');
}

export function explainNames(): string[] {
  const content = loadContent();
  return [
    ...RULES.map((r) => r.id),
    ...SOLVE_FINDINGS.map((f) => f.id),
    ...content.topics.map((t) => t.id),
    ...content.lessons.map((l) => l.id),
    ...fieldPaths().map((f) => f.sdk),
  ];
}

/** Lessons are rendered for the terminal the REPL runs in (88 columns on a pipe, so scripts read the same everywhere). */
const terminalWidth = (): number =>
  process.stdout.isTTY && process.stdout.columns ? Math.max(40, Math.min(100, process.stdout.columns - 1)) : 88;

/** The text for NAME, or an Error whose message says what is known. */
export function explain(name: string, width = terminalWidth()): string {
  const rule = findRule(name);
  if (rule)
    return [
      `${rule.id} [${rule.severity}] — ${rule.title}`,
      '',
      renderMarkdown(rule.explanation, width),
      '',
      `Fix: ${rule.hint}`,
      `Lesson: :explain ${rule.lesson}`,
    ].join('\n');
  const finding = findSolveFinding(name);
  if (finding)
    return [
      `${finding.id} [${finding.severity}] — ${finding.title}`,
      '',
      renderMarkdown(finding.explanation, width),
      '',
      `Fix: ${finding.hint}`,
      'Found by: amlenv solve',
      `Lesson: :explain ${finding.lesson}`,
    ].join('\n');
  const content = loadContent();
  const lesson = content.lessons.find((l) => l.id === name);
  const topic = content.topics.find((t) => t.id === name);
  if (lesson || topic) {
    const lessons = lesson ? [lesson] : lessonsOf(content, name);
    return lessons.map((l) => `${l.title.toUpperCase()}\n\n${renderMarkdown(l.body, width)}`).join('\n\n');
  }
  const fields = fieldPaths();
  const bare = name.replace(/^(env|environment)\./, '');
  const exact = fields.filter(
    (f) => f.sdk === bare || f.json === bare || f.sdk.endsWith(`.${bare}`) || f.json.endsWith(`.${bare}`),
  );
  if (exact.length > 0) return exact.map((f) => fieldText(f.sdk, f.json, f.spec)).join('\n\n');
  const spec = fieldAt(bare);
  if (spec) return fieldText(bare, bare, spec);
  const lastParts = new Map(fields.map((f) => [f.sdk.split('.').pop()!, f.sdk]));
  const byPart = didYouMean(bare, [...lastParts.keys()]);
  const guess = didYouMean(name, explainNames()) ?? (byPart ? lastParts.get(byPart) : undefined);
  throw new Error(
    `"${name}" is not a rule, lesson, topic or SDK attribute${guess ? `; did you mean "${guess}"?` : ''} (amlenv rules lists the rules, amlenv explain the topics)`,
  );
}
