import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LearningStore } from '../../src/learn/learning-store.js';
import { Rating } from '../../src/learn/scheduler.js';
import { HistoryStore } from '../../src/ui/repl/history-store.js';
import { ROOT, tempDir } from '../helpers.js';

const T0 = new Date('2026-11-26T10:00:00Z');

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('two quiz sessions at once', () => {
  it('two processes answering at the same time both keep every answer', async () => {
    const dir = tempDir();
    const writer = join(ROOT, 'test', 'store', 'answer-writer.ts');
    const [a, b] = await Promise.all([
      run(['--import', 'tsx', writer, dir, 'a', '60']),
      run(['--import', 'tsx', writer, dir, 'b', '60']),
    ]);
    expect(a.stderr + b.stderr).toBe('');
    expect([a.stdout.trim(), b.stdout.trim()]).toEqual(['60', '60']);
    const after = new LearningStore(dir);
    expect(after.cards.size).toBe(120);
    expect(Object.values(after.days).reduce((x, y) => x + y, 0)).toBe(120);
    expect(readdirSync(dir).sort()).toEqual(['learning.bak.json', 'learning.json']); // no lock or temp file left behind
  }, 60_000);

  it('two stores opened before either answered (interleaved in one process) keep both answers and both reviews of a shared question', () => {
    const dir = tempDir();
    const one = new LearningStore(dir);
    const two = new LearningStore(dir);
    expect(one.review('spark-001', Rating.Good, T0).save).toEqual({ saved: true });
    expect(two.review('spark-002', Rating.Again, T0).save).toEqual({ saved: true });
    expect(two.review('spark-001', Rating.Good, new Date(T0.getTime() + 3 * 86400000)).save).toEqual({ saved: true });
    const after = new LearningStore(dir);
    expect([...after.cards.keys()].sort()).toEqual(['spark-001', 'spark-002']);
    expect(after.cards.get('spark-001')!.reps).toBe(2); // the second session's review built on the first one's
    expect(after.days[Object.keys(after.days)[0]]).toBe(2);
  });

  it('two windows of the same exam keep the answers of both', () => {
    const dir = tempDir();
    const exam = {
      version: 1 as const,
      startedAt: T0.toISOString(),
      minutes: 100,
      elapsedMs: 0,
      questionIds: ['q1', 'q2'],
      current: 0,
      answers: {},
    };
    const answer = (at: number) => ({
      answer: { type: 'single' as const, choice: 0 },
      correct: true,
      score: 1,
      ms: 1000,
      answeredAt: new Date(T0.getTime() + at).toISOString(),
    });
    const one = new LearningStore(dir);
    const two = new LearningStore(dir);
    one.saveExam({ ...exam, answers: { q1: answer(1000) }, elapsedMs: 1000 });
    two.saveExam({ ...exam, answers: { q2: answer(2000) }, elapsedMs: 2000 });
    expect(Object.keys(new LearningStore(dir).currentExam()!.answers).sort()).toEqual(['q1', 'q2']);
  });
});

describe('two REPLs at once', () => {
  it('keep the statements of both in the history', () => {
    const dir = tempDir();
    const one = new HistoryStore(dir);
    const two = new HistoryStore(dir);
    one.add('env = Environment("a")');
    two.add('env = Environment("b")');
    one.add('env.docker.base_image');
    expect(new HistoryStore(dir).entries()).toEqual([
      'env = Environment("a")',
      'env = Environment("b")',
      'env.docker.base_image',
    ]);
  });
});

describe('six concurrent progress --json on a damaged store', () => {
  it('never print a rename error; exactly one sets the file aside and says so', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'learning.json'), '{"version": 1, "cards": {');
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        run([join(ROOT, 'bin', 'amlenv.js'), 'progress', '--json'], { AMLENV_HOME: dir }),
      ),
    );
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/unexpected error|ENOENT|rename| {4}at /);
      expect(JSON.parse(r.stdout).overall.seen).toBe(0);
    }
    expect(runs.filter((r) => /was damaged/.test(r.stderr))).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.startsWith('learning.corrupt-'))).toHaveLength(1);
    expect(readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith('learning.corrupt-'))!), 'utf8')).toBe(
      '{"version": 1, "cards": {',
    );
  }, 60_000);
});
