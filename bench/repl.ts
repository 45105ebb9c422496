// REPL benchmarks: time per statement in a session (plain, and with the diff and validation the prompt runs
// after each statement), and `amlenv repl < lesson.py` end to end against `amlenv --version` (the CLI's own
// start) measured in the same run. Run alone with `npx tsx bench/repl.ts` after a build.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFieldLibs } from '../src/env/libs.js';
import { ReplSession } from '../src/repl/session.js';
import { interleaved, median, percentile, report, type Check } from './lib.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'amlenv.js');
const TRANSCRIPTS = join(ROOT, 'test', 'repl', 'transcripts');
const LESSON = readFileSync(join(TRANSCRIPTS, '22-exam-multiline-create.py'), 'utf8').replace(
  /^env\.save_to_directory.*$/m,
  '',
);

const workdirs: string[] = [];

/** A copy of the transcripts' input files in a temp folder; benchRepl removes them all when it ends. */
function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'amlenv-bench-repl-'));
  workdirs.push(dir);
  cpSync(join(TRANSCRIPTS, '_inputs'), dir, { recursive: true });
  return dir;
}

/** Milliseconds per statement over a lesson, statements split as the scriptable mode splits them. */
async function perStatement(track: boolean, rounds: number): Promise<number[]> {
  const times: number[] = [];
  const cwd = workdir();
  const statements = [
    'from azureml.core import Environment',
    'env = Environment("bench")',
    'env.python.user_managed_dependencies = True',
    'env.python.user_managed_dependencies = False',
    'env.docker.base_image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1"',
    'env.environment_variables["MODE"] = "bench"',
    'env.python.conda_dependencies.add_pip_package("scikit-learn==1.5.1")',
  ];
  for (let r = 0; r < rounds; r++) {
    const session = new ReplSession({ cwd, track });
    for (const s of statements) {
      const start = performance.now();
      await session.run(s);
      times.push(performance.now() - start);
    }
  }
  return times;
}

function runLesson(cwd: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'repl'], {
    cwd,
    input: LESSON,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`amlenv repl failed: ${r.stderr}`);
  return ms;
}

export async function benchRepl(): Promise<boolean> {
  try {
    return await measureRepl();
  } finally {
    for (const dir of workdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

async function measureRepl(): Promise<boolean> {
  await loadFieldLibs();
  await perStatement(true, 3);
  const plain = await perStatement(false, 30);
  const tracked = await perStatement(true, 30);
  const cwd = workdir();
  const cli = interleaved(
    {
      version: () => {
        const start = performance.now();
        spawnSync(process.execPath, [BIN, '--version'], { stdio: 'ignore' });
        return performance.now() - start;
      },
      lesson: () => runLesson(cwd),
    },
    10,
  );
  const overhead = median(cli.lesson) - median(cli.version);
  const checks: Check[] = [
    {
      name: 'statement, scriptable (median)',
      value: `${median(plain).toFixed(2)} ms`,
      target: '< 5 ms',
      ok: median(plain) < 5,
    },
    {
      name: 'statement + diff + validation (p95)',
      value: `${percentile(tracked, 95).toFixed(1)} ms`,
      target: '< 50 ms (feels instant at the prompt)',
      ok: percentile(tracked, 95) < 50,
    },
    {
      name: 'amlenv repl < lesson (median)',
      value: `${median(cli.lesson).toFixed(0)} ms (+${overhead.toFixed(0)} ms over --version)`,
      target: '< 1000 ms',
      ok: median(cli.lesson) < 1000,
    },
  ];
  return report('REPL', checks);
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await benchRepl()) ? 0 : 1;
