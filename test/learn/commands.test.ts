import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayKey } from '../../src/learn/progress.js';
import { Rating, reviewCard, storeCard } from '../../src/learn/scheduler.js';
import { cli, tempDir } from '../helpers.js';

describe('learn, quiz and progress on the command line', () => {
  it.each([['learn'], ['learn', 'docker'], ['quiz'], ['quiz', '--exam'], ['progress']])('"%s" without a terminal exits 2 with a one-line hint', (...args) => {
    const r = cli(args, { env: { AMLENV_HOME: tempDir() } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/needs a terminal; without one use amlenv (explain|progress --json)/);
    expect(r.stdout).toBe('');
  });

  it('progress --json works without a terminal and prints the numbers of the progress screen', () => {
    const home = tempDir();
    mkdirSync(home, { recursive: true });
    const now = new Date();
    const card = storeCard(reviewCard(undefined, Rating.Good, new Date(now.getTime() - 60000)));
    writeFileSync(join(home, 'learning.json'), JSON.stringify({ version: 1, cards: { 'spark-001': card }, days: { [dayKey(now)]: 1 }, exams: [] }));
    const r = cli(['progress', '--json'], { env: { AMLENV_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report).sort()).toEqual(['answeredToday', 'dueThisWeek', 'dueToday', 'exams', 'generatedAt', 'newCards', 'overall', 'streak', 'topics']);
    expect(report.overall.seen).toBe(1);
    expect(report.answeredToday).toBe(1);
    expect(report.streak).toEqual({ current: 1, longest: 1, practisedToday: true });
    const spark = report.topics.find((t: { id: string }) => t.id === 'spark');
    expect(spark.seen).toBe(1);
    expect(spark.mastery).toBeGreaterThan(0);
    expect(report.topics.find((t: { id: string }) => t.id === 'python').mastery).toBe(0);
  });

  it('progress --json with no history yet is all zeros', () => {
    const r = cli(['progress', '--json'], { env: { AMLENV_HOME: tempDir() } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ dueToday: 0, overall: { mastery: 0, seen: 0 }, exams: [] });
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
    expect(cli(['quiz', '--help']).stdout).toContain('amlenv quiz [--topic T] [--count N] [--exam [--minutes M]]');
  });
});
