// Spawns the built CLI through measure.mjs and reports its exit code, output, wall time and peak RSS.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export interface MeasuredRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time of the whole child process, node start-up included. */
  wallMs: number;
  /** Time inside the child from its first line to exit (start-up of node itself excluded). */
  ms: number;
  /** CPU time (user + system) of the child: what the run costs, whatever else the machine is doing. */
  cpuMs: number;
  /** Peak resident set size of the child, from process.resourceUsage(). */
  maxRssMb: number;
  /** True when the child had to be killed (it hung). */
  killed: boolean;
}

const MEASURE = join(ROOT, 'test', 'hostile', 'measure.mjs');

export interface RunOptions {
  cwd: string;
  /** Run as this uid/gid (root ignores file modes, so EACCES cases drop to nobody). */
  uid?: number;
  gid?: number;
  /** Kill after this long (a hang must fail the test, not the suite). */
  killAfterMs?: number;
}

export function runMeasured(args: string[], options: RunOptions): MeasuredRun {
  const scratch = mkdtempSync(join(tmpdir(), 'amlenv-measure-'));
  if (options.uid !== undefined) chmodSync(scratch, 0o777);
  const report = join(scratch, 'report.json');
  const started = performance.now();
  const r = spawnSync(process.execPath, [MEASURE, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      AMLENV_MEASURE_OUT: report,
      HOME: options.uid !== undefined ? scratch : process.env.HOME,
    },
    input: '',
    timeout: options.killAfterMs ?? 15000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    uid: options.uid,
    gid: options.gid,
  });
  const wallMs = performance.now() - started;
  let measured = { ms: Number.NaN, cpuMs: Number.NaN, maxRssMb: Number.NaN };
  if (existsSync(report)) measured = JSON.parse(readFileSync(report, 'utf8')) as typeof measured;
  rmSync(scratch, { recursive: true, force: true });
  return {
    code: r.status ?? -1,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    wallMs,
    ms: measured.ms,
    cpuMs: measured.cpuMs,
    maxRssMb: measured.maxRssMb,
    killed: r.signal === 'SIGKILL',
  };
}
