import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/learn/content.js';
import { renderMarkdown } from '../../src/learn/render-markdown.js';
import { setColor } from '../../src/util/color.js';
import { cli } from '../helpers.js';

const content = loadContent();

describe('amlenv explain for topics and lessons', () => {
  it('alone lists every topic with its lessons', () => {
    const r = cli(['explain']);
    expect(r.code).toBe(0);
    for (const t of content.topics) expect(r.stdout).toContain(t.id);
    for (const l of content.lessons) expect(r.stdout).toContain(l.id);
  });

  it.each(content.topics.map((t) => t.id))('explain %s prints its lessons and exits 0', (topic) => {
    const r = cli(['explain', topic]);
    expect(r.code).toBe(0);
    for (const l of content.lessons.filter((x) => x.topic === topic)) expect(r.stdout).toContain(l.title.toUpperCase());
    expect(r.stdout).toContain('Key facts');
  });

  it('explain LESSON prints one lesson with its sources, plain on a pipe', () => {
    const lesson = content.lessons[0];
    const r = cli(['explain', lesson.id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(lesson.sources[0]);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('an unknown name suggests the nearest topic or lesson', () => {
    const r = cli(['explain', 'snapshot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "snapshots"/);
  });

  it('a rule explanation links to its lesson by title', () => {
    expect(cli(['explain', 'env/secret-like']).stdout).toMatch(/Lesson: .*\(amlenv explain environment-variables\)/);
  });

  it('a rule with sources lists them (the v2 loader refusals cite the azure-ai-ml schema)', () => {
    const out = cli(['explain', 'v2/os-type']).stdout;
    expect(out).toMatch(/^Sources:\n {2}https:\/\/github\.com\/Azure\/azure-sdk-for-python\/.*environment\.py$/m);
  });
});

describe('the terminal renderer', () => {
  it('renders headings, bullets and code blocks, highlighted only when colour is on', () => {
    const md = '## Key facts\n\n- one `docker.baseImage` fact\n- two\n\n```json\n{"a": 1}\n```\n';
    setColor(false);
    const plain = renderMarkdown(md, 80);
    expect(plain).toBe('Key facts\n\n  • one `docker.baseImage` fact\n  • two\n\n    {"a": 1}');
    setColor(true);
    const colored = renderMarkdown(md, 80);
    expect(colored).toMatch(/\u001b\[1mKey facts/);
    expect(colored).toMatch(/\u001b\[36mdocker\.baseImage/);
    setColor(false);
  });

  it('wraps paragraphs to the width', () => {
    setColor(false);
    const lines = renderMarkdown('word '.repeat(60), 40).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40);
  });
});
