import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/learn/content.js';
import { dayKey } from '../../src/learn/progress.js';
import { Rating, reviewCard, storeCard } from '../../src/learn/scheduler.js';
import { cli, tempDir } from '../helpers.js';

const content = loadContent();

describe('learn, quiz and progress on the command line', () => {
  it.each([['learn'], ['learn', 'docker'], ['quiz'], ['quiz', '--exam'], ['progress']])(
    '"%s" without a terminal exits 2 with a one-line hint',
    (...args) => {
      const r = cli(args, { env: { AMLENV_HOME: tempDir() } });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/needs a terminal; without one use amlenv (explain|progress --json)/);
      expect(r.stdout).toBe('');
    },
  );

  it('progress --json works without a terminal and prints the numbers of the progress screen', () => {
    const home = tempDir();
    mkdirSync(home, { recursive: true });
    const now = new Date();
    const card = storeCard(reviewCard(undefined, Rating.Good, new Date(now.getTime() - 60000)));
    writeFileSync(
      join(home, 'learning.json'),
      JSON.stringify({ version: 1, cards: { 'spark-001': card }, days: { [dayKey(now)]: 1 }, exams: [] }),
    );
    const r = cli(['progress', '--json'], { env: { AMLENV_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report).sort()).toEqual([
      'answeredToday',
      'dueThisWeek',
      'dueToday',
      'examMastery',
      'exams',
      'generatedAt',
      'newCards',
      'overall',
      'streak',
      'topics',
    ]);
    expect(report.overall.seen).toBe(1);
    expect(report.answeredToday).toBe(1);
    expect(report.streak).toEqual({ current: 1, longest: 1, practisedToday: true });
    const spark = report.topics.find((t: { id: string }) => t.id === 'spark');
    expect(spark.seen).toBe(1);
    expect(spark.mastery).toBeGreaterThan(0);
    expect(report.topics.find((t: { id: string }) => t.id === 'python').mastery).toBe(0);
    // spark-001 is asked by DP-100 only: its mastery shows there, AI-300's stays 0
    const exam = (id: string) => report.examMastery.find((e: { id: string }) => e.id === id);
    expect(exam('dp-100')).toMatchObject({
      name: 'Designing and Implementing a Data Science Solution on Azure',
      seen: 1,
      taken: 0,
    });
    expect(exam('dp-100').mastery).toBeGreaterThan(0);
    expect(exam('ai-300')).toMatchObject({
      name: 'Operationalizing Machine Learning and Generative AI Solutions',
      status: 'current',
      mastery: 0,
      seen: 0,
      due: 0,
    });
    expect(exam('ai-300').questions).toBeGreaterThan(100);
  });

  it('progress --json reports mastery per exam and per skill area for a question both exams ask', () => {
    const home = tempDir();
    const now = new Date();
    const shared = content.questions.find(
      (q) => q.exam.includes('ai-300') && q.exam.includes('dp-100') && q.topic === 'docker',
    )!;
    writeFileSync(
      join(home, 'learning.json'),
      JSON.stringify({
        version: 1,
        cards: { [shared.id]: storeCard(reviewCard(undefined, Rating.Good, new Date(now.getTime() - 60000))) },
        days: {},
        exams: [],
      }),
    );
    const report = JSON.parse(cli(['progress', '--json'], { env: { AMLENV_HOME: home } }).stdout);
    for (const id of ['ai-300', 'dp-100']) {
      const exam = report.examMastery.find((e: { id: string }) => e.id === id);
      expect(exam.seen).toBe(1);
      expect(exam.mastery).toBeGreaterThan(0);
      expect(exam.mastery).toBeLessThan(0.05);
      const area = exam.areas.find((a: { seen: number }) => a.seen === 1);
      expect(area.mastery).toBeGreaterThan(exam.mastery);
    }
    expect(
      report.examMastery
        .find((e: { id: string }) => e.id === 'ai-300')
        .areas.find((a: { seen: number }) => a.seen === 1).title,
    ).toBe('Design and implement an MLOps infrastructure');
  });

  it('an unknown exam is a one-line usage error naming the exams, even without a terminal', () => {
    for (const [arg, hint] of [
      ['ai300', '; did you mean "ai-300"?'],
      ['az-104', ''],
    ]) {
      const r = cli(['quiz', '--exam', arg], { env: { AMLENV_HOME: tempDir() } });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(
        `--exam "${arg}" is not an exam${hint} (exams: ai-300 (Operationalizing Machine Learning and Generative AI Solutions, the current exam), dp-100 (`,
      );
    }
    const named = cli(['quiz', 'ai-300'], { env: { AMLENV_HOME: tempDir() } });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/an exam is named after --exam \(amlenv quiz --exam ai-300\)/);
    // a known exam gets as far as needing a terminal
    expect(cli(['quiz', '--exam', 'dp-100'], { env: { AMLENV_HOME: tempDir() } }).stderr).toMatch(/needs a terminal/);
  });

  it('progress --json with no history yet is all zeros', () => {
    const r = cli(['progress', '--json'], { env: { AMLENV_HOME: tempDir() } });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ dueToday: 0, overall: { mastery: 0, seen: 0 }, exams: [] });
    expect(
      report.examMastery.map((e: { id: string; mastery: number; taken: number }) => [e.id, e.mastery, e.taken]),
    ).toEqual([
      ['ai-300', 0, 0],
      ['dp-100', 0, 0],
    ]);
  });

  it('progress --json says on stderr when the file was corrupt, and still prints', () => {
    const home = tempDir();
    writeFileSync(join(home, 'learning.json'), 'not json');
    const r = cli(['progress', '--json'], { env: { AMLENV_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/learning\.json was damaged .* moved to .*corrupt/);
    expect(JSON.parse(r.stdout).overall.seen).toBe(0);
  });

  it('the commands are listed in --help with what they do', () => {
    const r = cli(['--help']);
    expect(r.stdout).toMatch(/learn\s+the lesson browser/);
    expect(r.stdout).toMatch(/quiz\s+practise with spaced repetition/);
    expect(r.stdout).toMatch(/progress\s+mastery per topic/);
    expect(r.stdout).not.toMatch(/(learn|quiz|progress)\s.*not built yet/);
    const help = cli(['quiz', '--help']).stdout;
    expect(help).toContain('amlenv quiz [--topic T] [--count N] [--exam [ai-300|dp-100] [--minutes M]]');
    expect(help).toContain('--exam alone is AI-300, the current exam');
  });
});
