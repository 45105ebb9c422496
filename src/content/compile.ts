// Reads the content sources (content/**/*.yaml and the lessons' markdown) and compiles them into the one
// bundle the app reads at run time (dist/content.json, see bundle.ts). Only the build (scripts/build.mjs)
// and the content checks import this file: it is the only content code that needs the `yaml` package,
// so commands that read content (explain, progress --json, quiz) start without parsing YAML.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { errorMessage } from '../util/errors.js';
import { CONTENT_BUNDLE_FORMAT, type ContentBundle, type RawItem } from './bundle.js';
import { contentDir } from './paths.js';

export { CONTENT_BUNDLE_NAME } from './bundle.js';

/** One parsed YAML file: its value, or the first line of its parse error. */
export interface RawFile {
  file: string;
  value: unknown;
  error?: string;
}

/** content/exams/*.yaml as parsed. */
export type RawBlueprint = RawFile;

/** Raw content as read from disk, each value with the file it came from. */
export interface RawContent {
  topics: { file: string; value: unknown };
  concepts: { file: string; value: unknown };
  lessons: Array<{ file: string; frontMatter: unknown; body: string; error?: string }>;
  quizFiles: RawFile[];
  exercises: RawFile[];
  /** content/exams/*.yaml, the exam blueprints. */
  exams?: RawBlueprint[];
}

function readYaml(file: string): { value: unknown; error?: string } {
  try {
    return { value: parse(readFileSync(file, 'utf8')) };
  } catch (err) {
    return { value: undefined, error: errorMessage(err) };
  }
}

/** Splits "---\nfront matter\n---\nbody". */
export function splitFrontMatter(text: string): { frontMatter: unknown; body: string; error?: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return { frontMatter: undefined, body: text, error: 'no front matter (the file must start with ---)' };
  try {
    return { frontMatter: parse(m[1]), body: m[2] };
  } catch (err) {
    return { frontMatter: undefined, body: m[2], error: `front matter: ${errorMessage(err)}` };
  }
}

const files = (dir: string, ext: RegExp) =>
  readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(dir, f));

/** content/exams/*.yaml, each parsed or with the first line of its parse error. */
export function readBlueprintFiles(dir: string): RawBlueprint[] {
  let names: string[];
  try {
    names = files(dir, /\.ya?ml$/);
  } catch {
    return [];
  }
  return names.map((file) => ({ file, ...readYaml(file) }));
}

/** Every content source as parsed, each value with the file it came from (what the content checks read). */
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fails the build with one line naming the file and what is wrong (the content checks say more). */
function fail(file: string, what: string): never {
  throw new Error(`${file}: ${what} (npx vitest run test/content lists every content problem)`);
}

function list(file: string, value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(file, `expected ${what}`);
  return value;
}

/** `{ ...value, ...extra }` for a parsed mapping; a file whose top level is not a mapping fails the build. */
function item(file: string, value: unknown, extra: Record<string, string>): RawItem {
  if (!isObject(value)) fail(file, 'expected a mapping');
  return { ...value, ...extra };
}

/** A catalog or index file's list under `key` (`images:` in base-images.yaml). */
function keyedList(path: string, key: string): unknown[] {
  const { value, error } = readYaml(path);
  if (error) fail(path, error);
  const found = isObject(value) ? value[key] : undefined;
  if (!Array.isArray(found)) fail(path, `expected a "${key}" list`);
  return found;
}

/**
 * The bundle of every content source under `dir`. Files are named relative to the content folder
 * (`lessons/azureml-environments.md`); the loader makes them absolute where amlenv is installed.
 */
export function compileContent(dir = contentDir()): ContentBundle {
  const raw = readRawContent(dir);
  for (const file of [raw.topics.file, raw.concepts.file]) {
    const { error } = readYaml(file);
    if (error) fail(file, error);
  }
  for (const entry of [...raw.lessons, ...raw.quizFiles, ...raw.exercises, ...(raw.exams ?? [])])
    if (entry.error) fail(entry.file, entry.error);
  const rel = (file: string) => relative(dir, file).split('\\').join('/');
  return {
    format: CONTENT_BUNDLE_FORMAT,
    topics: list(raw.topics.file, raw.topics.value, 'a list of topics'),
    concepts: list(raw.concepts.file, raw.concepts.value, 'a list of concepts'),
    lessons: raw.lessons.map((l) => item(l.file, l.frontMatter, { body: l.body, file: rel(l.file) })),
    questions: raw.quizFiles.flatMap((q) =>
      list(q.file, q.value, 'a list of questions').map((x) => item(q.file, x, { file: rel(q.file) })),
    ),
    exercises: raw.exercises.map((e) => item(e.file, e.value, { file: rel(e.file) })),
    exams: (raw.exams ?? []).map((b) => item(b.file, b.value, { file: rel(b.file) })),
    catalog: {
      baseImages: keyedList(join(dir, 'catalog', 'base-images.yaml'), 'images'),
      curated: keyedList(join(dir, 'catalog', 'curated.yaml'), 'environments'),
      pythonVersions: keyedList(join(dir, 'catalog', 'python-versions.yaml'), 'versions'),
      deprecatedSettings: keyedList(join(dir, 'catalog', 'deprecated-settings.yaml'), 'settings'),
    },
    templates: keyedList(join(dir, 'templates', 'index.yaml'), 'templates'),
  };
}
