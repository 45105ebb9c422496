// Docker benchmarks (need a daemon and the local test base image; skipped otherwise):
// `amlenv build` of an unchanged definition (wall), and `amlenv run` after changing only an environment variable
// or only the script, as ratios to a run of the unchanged definition measured in the same run. No build may
// happen in any of the runs: each one is checked.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDocker } from '../src/docker/client.js';
import { inspectImage } from '../src/docker/images.js';
import { interleaved, median, report, type Check } from './lib.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'amlenv.js');
const BASE_IMAGE = 'amlenv-test/python:bookworm';

function amlenv(args: string[]): { ms: number; stderr: string; code: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (r.error) throw r.error;
  return { ms, stderr: r.stderr, code: r.status ?? -1 };
}

/** Fails the benchmark loudly if a run built anything or failed: the numbers would mean something else. */
function noBuild(result: { ms: number; stderr: string; code: number }, what: string): number {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}: ${result.stderr.slice(-500)}`);
  if (!/^up to date: /m.test(result.stderr) || /^step \d+\/\d+ /m.test(result.stderr))
    throw new Error(`${what} built something:\n${result.stderr}`);
  return result.ms;
}

export async function benchDocker(runs = 9): Promise<boolean> {
  try {
    const docker = await connectDocker();
    if (!(await inspectImage(docker, BASE_IMAGE)))
      throw new Error(`the test base image ${BASE_IMAGE} is missing (fixtures/docker/base-image/make.sh makes it)`);
  } catch (err) {
    console.log(`\nDocker\n  SKIP  ${(err as Error).message}`);
    return true;
  }
  const dir = mkdtempSync(join(tmpdir(), 'amlenv-bench-'));
  try {
    const env = (value: string) => ({
      name: 'bench-docker',
      python: { userManagedDependencies: true, interpreterPath: 'python3' },
      environmentVariables: { BENCH_VALUE: value },
      docker: { baseImage: BASE_IMAGE },
    });
    const def = join(dir, 'env.json');
    const changingDef = join(dir, 'env-changing.json');
    const src = join(dir, 'src');
    const changingSrc = join(dir, 'src-changing');
    for (const d of [src, changingSrc]) {
      rmSync(d, { recursive: true, force: true });
      spawnSync('mkdir', ['-p', d]);
    }
    writeFileSync(def, JSON.stringify(env('fixed')));
    writeFileSync(join(src, 'train.py'), 'import os\nprint("value", os.environ["BENCH_VALUE"])\n');
    writeFileSync(join(changingSrc, 'train.py'), 'print(0)\n');
    const first = amlenv(['build', def]);
    if (first.code !== 0) throw new Error(`the first build failed: ${first.stderr.slice(-500)}`);

    let n = 0;
    const out = () => join(dir, 'out', String(n++));
    const times = interleaved(
      {
        'build (unchanged)': () => noBuild(amlenv(['build', def]), 'build of an unchanged definition'),
        'run (unchanged)': () =>
          noBuild(amlenv(['run', def, join(src, 'train.py'), '--outputs', out()]), 'run of the unchanged definition'),
        'run (env var changed)': () => {
          writeFileSync(changingDef, JSON.stringify(env(`v${n}`)));
          return noBuild(
            amlenv(['run', changingDef, join(src, 'train.py'), '--outputs', out()]),
            'run after an environment variable changed',
          );
        },
        'run (script changed)': () => {
          writeFileSync(join(changingSrc, 'train.py'), `print(${n})\n`);
          return noBuild(
            amlenv(['run', def, join(changingSrc, 'train.py'), '--outputs', out()]),
            'run after the script changed',
          );
        },
      },
      runs,
      1,
    );
    const build = median(times['build (unchanged)']);
    const base = median(times['run (unchanged)']);
    const envRatio = median(times['run (env var changed)']) / base;
    const scriptRatio = median(times['run (script changed)']) / base;
    const checks: Check[] = [
      {
        name: 'build, unchanged definition',
        value: `${build.toFixed(0)} ms (wall, no build)`,
        target: '≤ 500 ms median',
        ok: build <= 500,
      },
      { name: 'run, unchanged (baseline)', value: `${base.toFixed(0)} ms (wall)`, target: '(reported)', ok: true },
      {
        name: 'run, only an env var changed',
        value: `${envRatio.toFixed(2)}× baseline, no build`,
        target: '≤ 1.25×',
        ok: envRatio <= 1.25,
      },
      {
        name: 'run, only the script changed',
        value: `${scriptRatio.toFixed(2)}× baseline, no build`,
        target: '≤ 1.25×',
        ok: scriptRatio <= 1.25,
      },
    ];
    console.log(`  (${runs} runs each, interleaved, medians; every run checked to build nothing)`);
    return report('Docker', checks);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
