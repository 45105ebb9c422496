import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCorpus } from '../scripts/corpus.js';
import { cli, hasRealWorld, REAL_WORLD, tempDir } from './helpers.js';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

describe.skipIf(!hasRealWorld)('the real-world corpus (../shared/real-world, when present)', () => {
  it('loads every file without a crash and round-trips every v1 file byte for byte', async () => {
    const report = await runCorpus(REAL_WORLD);
    expect(report.crashes).toEqual([]);
    expect(report.files).toBeGreaterThan(100);
    expect(report.roundTrips.different).toEqual([]);
    expect(report.roundTrips.total).toBeGreaterThan(20);
    expect(report.folders.loaded).toBe(report.folders.total);
  });

  it('converts every v1 definition whose only errors are reserved names to v2 files that validate with no errors', async () => {
    const report = await runCorpus(REAL_WORLD);
    expect(report.conversions.failures).toEqual([]);
    expect(report.conversions.total).toBeGreaterThan(20);
    expect(report.conversions.valid).toBe(report.conversions.total);
  });

  it('validate --json prints SPEC-shaped JSON for every file', () => {
    const all = files(REAL_WORLD).filter((f) => !/README\.md$|SOURCES\.tsv$/.test(f));
    const r = cli(['validate', '--json', ...all]);
    expect([0, 1]).toContain(r.code);
    const { results } = JSON.parse(r.stdout);
    expect(results).toHaveLength(all.length);
    for (const result of results) {
      expect(Object.keys(result)).toEqual(['path', 'format', 'valid', 'diagnostics']);
      expect(result.valid).toBe(!result.diagnostics.some((d: { severity: string }) => d.severity === 'error'));
      for (const d of result.diagnostics) {
        expect(['error', 'warning', 'info']).toContain(d.severity);
        expect(typeof d.rule).toBe('string');
        expect(typeof d.message).toBe('string');
        expect(typeof d.hint).toBe('string');
        if (d.line !== undefined) expect(d.column).toBeGreaterThan(0);
      }
    }
    const reserved = results.filter((x: { diagnostics: Array<{ rule: string }> }) =>
      x.diagnostics.some((d) => d.rule === 'name/reserved-prefix'),
    );
    expect(reserved.length).toBeGreaterThan(0);
  });
});

it('npm run corpus with a missing folder says so and exits 0', async () => {
  const { spawnSync } = await import('node:child_process');
  // tsx makes a folder for its pipe in the temp folder and keeps it: here that is a test folder.
  const r = spawnSync('npx', ['tsx', 'scripts/corpus.ts', '/no/such/folder'], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tempDir() },
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/does not exist; nothing to check/);
});
