import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/learn/content.js';
import { renderMarkdown } from '../../src/learn/render-markdown.js';
import { SOLVE_FINDINGS, type SolveFinding } from '../../src/solve/findings.js';
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

describe('amlenv explain for the findings of amlenv solve', () => {
  it.each(SOLVE_FINDINGS.map((f): [string, SolveFinding] => [f.id, f]))(
    'explain %s prints it like a rule',
    (id, finding) => {
      const r = cli(['explain', id]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const lesson = content.lessons.find((l) => l.id === finding.lesson);
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^${id} \\[${finding.severity}\\].* — `));
      expect(r.stdout.split('\n')[0]).toContain(finding.title);
      expect(r.stdout).toContain(`Fix: ${finding.hint}`);
      expect(r.stdout).toContain('Found by: amlenv solve');
      expect(r.stdout).toContain(`Lesson: ${lesson?.title} (amlenv explain ${finding.lesson})`);
      expect(r.stdout).toContain(['Sources:', ...finding.sources.map((url) => `  ${url}`)].join('\n'));
      // the explanation itself, wrapped: its first words are there
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(finding.explanation.split(' ').slice(0, 8).join(' '));
    },
  );

  it('a finding whose severity is raised in one case says when', () => {
    const out = cli(['explain', 'solve/pip-contradicts-conda']).stdout.split('\n')[0];
    expect(out).toMatch(/\[warning\], \[error\] when conda packages need the version conda installs/);
  });

  it('a mistyped solve id gets the right one suggested', () => {
    const r = cli(['explain', 'solve/unsatisfiabel']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "solve\/unsatisfiable"\?/);
    expect(cli(['explain', 'pip-wheel-python']).stderr).toMatch(/did you mean "solve\/pip-wheel-python"\?/);
  });

  it('the topic list counts the solve findings beside the rules', () => {
    expect(cli(['explain']).stdout).toContain(`the ${SOLVE_FINDINGS.length} findings of amlenv solve`);
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
