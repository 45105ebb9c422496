// The compiled content: every content/ source (YAML and the lessons' markdown) parsed at build time into
// dist/content.json by scripts/build.mjs (compile.ts). Reading it is one JSON.parse, so commands that read
// content start without the `yaml` package. The sources stay the truth: each build rewrites the bundle and
// test/content/bundle.test.ts checks that it equals what the sources compile to.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentProblem, errorMessage } from '../util/errors.js';

/** Raised when the bundle's shape changes, so a bundle from another version is refused instead of misread. */
export const CONTENT_BUNDLE_FORMAT = 1;
export const CONTENT_BUNDLE_NAME = 'content.json';

/** One parsed source mapping with the file it came from (relative to content/, `/` separated). */
export type RawItem = Record<string, unknown>;

/** The bundle as written: each list holds the sources' values as parsed; readers narrow their own section. */
export interface ContentBundle {
  format: number;
  topics: unknown[];
  concepts: unknown[];
  lessons: RawItem[];
  questions: RawItem[];
  exercises: RawItem[];
  exams: RawItem[];
  catalog: { baseImages: unknown[]; curated: unknown[]; pythonVersions: unknown[]; deprecatedSettings: unknown[] };
  templates: unknown[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const LISTS = ['topics', 'concepts', 'lessons', 'questions', 'exercises', 'exams', 'templates'] as const;
const CATALOG_LISTS = ['baseImages', 'curated', 'pythonVersions', 'deprecatedSettings'] as const;

/**
 * The bundle's shape (format number, every list present). Its values are trusted as they are: the build
 * wrote them from sources that `npm test`'s content checks verify, the same trust the app gave the YAML.
 */
export function isContentBundle(value: unknown): value is ContentBundle {
  if (!isObject(value) || value.format !== CONTENT_BUNDLE_FORMAT) return false;
  const catalog = value.catalog;
  return (
    LISTS.every((key) => Array.isArray(value[key])) &&
    isObject(catalog) &&
    CATALOG_LISTS.every((key) => Array.isArray(catalog[key]))
  );
}

/** dist/content.json of this amlenv: next to the running chunk when bundled, under the package root from src/. */
export function bundlePath(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const path = join(dir, 'dist', CONTENT_BUNDLE_NAME);
    if (existsSync(path)) return path;
    dir = dirname(dir);
  }
  return undefined;
}

let cached: ContentBundle | undefined;

/** The compiled content, read once per process. */
export function loadBundle(): ContentBundle {
  if (cached) return cached;
  // A build swaps dist/ in with two renames; a reader that lands in between finds it on a second look.
  const path = bundlePath() ?? secondLook();
  if (!path)
    throw new EnvironmentProblem(
      `its compiled content (dist/${CONTENT_BUNDLE_NAME}) is missing; run "npm run build" in the amlenv folder (it compiles content/)`,
    );
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new EnvironmentProblem(`${path} cannot be read (${errorMessage(err)}); run "npm run build" to rewrite it`);
  }
  if (!isContentBundle(data))
    throw new EnvironmentProblem(
      `${path} is not a content bundle of this amlenv version; run "npm run build" to rewrite it`,
    );
  cached = data;
  return data;
}

function secondLook(): string | undefined {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  return bundlePath();
}
