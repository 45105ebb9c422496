// The shared hostile-input suite: every case in fixtures/hostile/ runs its own runs against the built CLI,
// then its main file goes through every command that reads files. Each run is measured (wall time and peak
// RSS of the child, see measure.mjs) and must stay under 2 s and 300 MB. The cases are dealt to a few test files
// (hostile-N.test.ts) so that they run on several workers at once.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { allCases, type HostileCase } from './cases.js';
import { runMeasured, type MeasuredRun } from './run-measured.js';
import { runSetup, type SetupEffect } from './setup.js';
import { spawnSync } from 'node:child_process';

const MAX_MS = 2000;
const MAX_RSS_MB = 300;
const NOBODY = 65534;
/** Raw control characters (ESC, BEL, NUL...) that must never reach a terminal; \n and \t are fine. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x9b]/;
const CRASH = /please report|unexpected error|^\s+at .+:\d+:\d+\)?$/m;

/** Every command that reads a definition, with outputs aimed inside the case's temp folder. */
const READING_COMMANDS = (main: string): string[][] => [
  ['validate', main],
  ['validate', '--json', main],
  ['convert', main, '--to', 'v2', '--out', 'out-convert-v2', '--force'],
  ['convert', main, '--to', 'v1', '--out', 'out-convert-v1', '--force'],
  ['dockerfile', main],
  ['init', '--from-existing', main, '--out', 'out-init', '--force'],
];

/** How many times over the machine is booked: 1 when idle. */
const loadFactor = () => Math.max(1, loadavg()[0] / cpus().length);

const measured: Array<{ id: string; args: string[]; run: MeasuredRun }> = [];

function prepare(c: HostileCase): { cwd: string; effect: SetupEffect } {
  const cwd = mkdtempSync(join(tmpdir(), `amlenv-hostile-${c.id}-`));
  cpSync(c.dir, cwd, { recursive: true });
  // Open the copy to nobody first (EACCES cases run as nobody), then let the setup take permissions away.
  if (process.getuid?.() === 0) spawnSync('chmod', ['-R', 'a+rwX', cwd]);
  const effect = runSetup(c.setup, cwd);
  return { cwd, effect };
}

function run(c: HostileCase, args: string[], cwd: string, effect: SetupEffect): MeasuredRun {
  const asNobody = effect.dropRoot && process.getuid?.() === 0;
  const r = runMeasured(args, { cwd, killAfterMs: 60000, ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}) });
  measured.push({ id: c.id, args, run: r });
  const both = r.stdout + r.stderr;
  const label = `${c.id}: amlenv ${args.join(' ')}`;
  expect(r.killed, `${label} hung and was killed`).toBe(false);
  expect(both, `${label} crashed`).not.toMatch(CRASH);
  expect(both, `${label} printed a raw control character`).not.toMatch(RAW_CONTROL);
  // CPU time is what the run costs; wall time also counts the waits of a shared, loaded machine, so its
  // bound is stretched by the load average (on an idle machine both bounds are 2 s).
  expect(r.cpuMs, `${label} used ${r.cpuMs.toFixed(0)} ms of CPU`).toBeLessThan(MAX_MS);
  expect(r.ms, `${label} took ${r.ms.toFixed(0)} ms inside the process`).toBeLessThan(MAX_MS * loadFactor());
  expect(r.maxRssMb, `${label} peaked at ${r.maxRssMb.toFixed(0)} MB`).toBeLessThan(MAX_RSS_MB);
  return r;
}

/** Defines the suite for every `of`-th case starting at `shard` (0-based). */
export function hostileSuite(shard: number, of: number): void {
  const cases = allCases().filter((_, i) => i % of === shard);

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js')))
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }, 120000);

  afterAll(() => {
    if (measured.length === 0) return;
    const worstMs = measured.reduce((a, b) => (b.run.cpuMs > a.run.cpuMs ? b : a));
    const worstRss = measured.reduce((a, b) => (b.run.maxRssMb > a.run.maxRssMb ? b : a));
    process.stdout.write(
      `hostile ${shard + 1} of ${of}: ${cases.length} cases, ${measured.length} runs; most CPU ${worstMs.run.cpuMs.toFixed(0)} ms (in-process ${worstMs.run.ms.toFixed(0)} ms, wall ${worstMs.run.wallMs.toFixed(0)} ms, load ${loadavg()[0].toFixed(1)}, ${worstMs.id}: ${worstMs.args.join(' ')}); ` +
        `peak RSS ${worstRss.run.maxRssMb.toFixed(0)} MB (${worstRss.id}: ${worstRss.args.join(' ')})\n`,
    );
  });

  describe(`hostile inputs (${shard + 1} of ${of})`, () => {
    it('there are cases', () => expect(cases.length).toBeGreaterThan(0));

    for (const c of cases) {
      describe(`${c.id} (finding ${c.finding}): ${c.what}`, () => {
        it('its own runs behave as the case says', () => {
          const { cwd, effect } = prepare(c);
          try {
            for (const expected of c.runs) {
              const r = run(c, expected.args, cwd, effect);
              const both = r.stdout + r.stderr;
              const label = `${c.id}: amlenv ${expected.args.join(' ')}`;
              expect(r.code, `${label} exit code; output:\n${both.slice(0, 2000)}`).toBe(expected.exit);
              if (expected.output) expect(both, label).toMatch(new RegExp(expected.output, 'm'));
              if (expected.notOutput) expect(both, label).not.toMatch(new RegExp(expected.notOutput, 'm'));
            }
          } finally {
            rmSync(cwd, { recursive: true, force: true });
          }
        }, 120000);

        if (c.main) {
          it(`every reading command survives ${c.main}`, () => {
            const { cwd, effect } = prepare(c);
            try {
              for (const args of READING_COMMANDS(c.main!)) {
                const r = run(c, args, cwd, effect);
                expect(
                  [0, 1, 2, 3],
                  `${c.id}: amlenv ${args.join(' ')} exit code; output:\n${(r.stdout + r.stderr).slice(0, 2000)}`,
                ).toContain(r.code);
                if (args[1] === '--json' && r.code <= 1)
                  expect(() => JSON.parse(r.stdout), `${c.id}: validate --json printed no JSON`).not.toThrow();
              }
            } finally {
              rmSync(cwd, { recursive: true, force: true });
            }
          }, 180000);
        }
      });
    }
  });
}
