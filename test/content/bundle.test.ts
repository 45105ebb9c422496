// The compiled content (dist/content.json): what the app reads instead of parsing content/ at start.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../src/content/compile.js';
import { loadCatalog } from '../../src/content/catalog.js';
import { contentDir } from '../../src/content/paths.js';
import { loadTemplates } from '../../src/content/templates.js';
import { loadContent } from '../../src/learn/content.js';
import { ROOT, tempDir } from '../helpers.js';

const BUNDLE = join(ROOT, 'dist', 'content.json');

/** Every file the dist chunk holding `marker` loads before it runs: its static imports, followed recursively. */
function staticCode(marker: string): string {
  const dist = join(ROOT, 'dist');
  const start = readdirSync(dist).find(
    (f) => f.endsWith('.js') && readFileSync(join(dist, f), 'utf8').includes(marker),
  );
  if (!start) throw new Error(`no dist chunk contains ${marker}`);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(dist, file), 'utf8');
    for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']\.\/([^"']+)["'];?$/gm)) visit(m[1]);
  };
  visit(start);
  return [...seen].map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
}

describe('the content bundle', () => {
  it('equals what content/ compiles to now (npm run build rewrites it; a stale bundle fails here)', () => {
    expect(existsSync(BUNDLE), 'dist/content.json is missing: run npm run build').toBe(true);
    expect(JSON.parse(readFileSync(BUNDLE, 'utf8'))).toEqual(compileContent(contentDir()));
  });

  it('gives the app every lesson, question, exercise, exam, catalog entry and template of the sources', () => {
    const dir = contentDir();
    const content = loadContent();
    const count = (folder: string, ext: RegExp) => readdirSync(join(dir, folder)).filter((f) => ext.test(f)).length;
    expect(content.lessons).toHaveLength(count('lessons', /\.md$/));
    expect(content.exercises).toHaveLength(count('exercises', /\.ya?ml$/));
    expect(content.exams).toHaveLength(count('exams', /\.ya?ml$/));
    expect(new Set(content.questions.map((q) => q.file)).size).toBe(count('quiz', /\.ya?ml$/));
    // files are named where this amlenv is installed, so screens can point at them
    for (const item of [...content.lessons, ...content.questions, ...content.exercises, ...content.exams])
      expect(existsSync(item.file), item.file).toBe(true);
    const lesson = content.lessons.find((l) => l.id === 'azureml-environments') ?? content.lessons[0];
    expect(readFileSync(lesson.file, 'utf8')).toContain(lesson.body.trim().split('\n')[0]);
    expect(loadCatalog().baseImages.length).toBeGreaterThan(0);
    expect(loadCatalog().pythonVersions.some((v) => v.version === '3.10')).toBe(true);
    expect(loadTemplates().map((t) => t.name)).toContain('minimal-cpu');
  });

  it('stops the build at a source that does not parse, naming the file', () => {
    const dir = tempDir();
    cpSync(contentDir(), dir, { recursive: true });
    writeFileSync(join(dir, 'quiz', 'zz-broken.yaml'), '- id: a\n  prompt: [unclosed\n');
    expect(() => compileContent(dir)).toThrow(/zz-broken\.yaml: .*npx vitest run test\/content/);
  });

  it('explain and progress --json start without the yaml parser (the bundle is plain JSON)', () => {
    for (const marker of ['is not a rule, lesson or topic', 'amlenv progress shows a screen'])
      expect(staticCode(marker).includes('node_modules/yaml/'), `${marker}: its chunk loads the yaml package`).toBe(
        false,
      );
  });

  it('a missing bundle is named in one line with the command that writes it', () => {
    const install = tempDir();
    cpSync(join(ROOT, 'bin'), join(install, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(install, 'dist'), { recursive: true });
    rmSync(join(install, 'dist', 'content.json'));
    mkdirSync(join(install, 'content'));
    const r = spawnSync(process.execPath, [join(install, 'bin', 'amlenv.js'), 'explain'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr.trim()).toBe(
      'amlenv: its compiled content (dist/content.json) is missing; run "npm run build" in the amlenv folder (it compiles content/)',
    );
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
  });
});
