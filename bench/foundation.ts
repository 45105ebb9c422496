// Foundation benchmarks: CLI start-up against `node -e 0`, and in-process validation of a large definition.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFieldLibs } from '../src/env/libs.js';
import { loadDefinitionText } from '../src/env/load.js';
import { validateLoaded } from '../src/rules/validate.js';
import { interleaved, median, percentile, report, timeProcess, type Check } from './lib.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'amlenv.js');
const TYPICAL = join(ROOT, 'fixtures', 'envs', 'valid', 'seed-style.json');
/** A v2 environment with its conda file beside it, and a command job with an inline environment. */
const TYPICAL_V2 = join(ROOT, 'fixtures', 'envs', 'valid', 'v2', 'environment.yml');
const TYPICAL_JOB = join(ROOT, 'fixtures', 'envs', 'valid', 'job', 'job.yml');

/** A definition with `n` dependencies, half conda and half pip, pinned and unpinned alike; no two versions repeat. */
export function generatedDefinition(n: number): string {
  const conda = Array.from({ length: n / 2 }, (_, i) =>
    i % 3 === 0 ? `pkg-conda-${i}` : `pkg-conda-${i}>=${i}.${i % 10},<${i + 2}`,
  );
  const pip = Array.from({ length: n / 2 }, (_, i) =>
    i % 4 === 0 ? `pkg-pip-${i}[extra]` : `pkg-pip-${i}==${i}.${i % 13}.0`,
  );
  return JSON.stringify(
    {
      name: 'bench',
      python: {
        userManagedDependencies: false,
        condaDependencies: { channels: ['conda-forge'], dependencies: ['python=3.11', 'pip=24.2', ...conda, { pip }] },
      },
      docker: { baseImage: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1' },
    },
    null,
    4,
  );
}

export async function benchFoundation(runs = 15): Promise<boolean> {
  // progress --json reads the learning store: an empty one in a folder of its own, removed afterwards.
  const home = mkdtempSync(join(tmpdir(), 'amlenv-bench-'));
  const homeEnv = { AMLENV_HOME: home };
  let times: Record<string, number[]>;
  try {
    times = interleaved(
      {
        'node -e 0': () => timeProcess(process.execPath, ['-e', '0']),
        'amlenv --version': () => timeProcess(process.execPath, [BIN, '--version']),
        'amlenv validate <typical file>': () => timeProcess(process.execPath, [BIN, 'validate', TYPICAL]),
        'amlenv validate <typical v2>': () => timeProcess(process.execPath, [BIN, 'validate', TYPICAL_V2]),
        'amlenv validate <typical job>': () => timeProcess(process.execPath, [BIN, 'validate', TYPICAL_JOB]),
        'amlenv explain': () => timeProcess(process.execPath, [BIN, 'explain']),
        'amlenv progress --json': () => timeProcess(process.execPath, [BIN, 'progress', '--json'], undefined, homeEnv),
      },
      runs,
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const base = median(times['node -e 0']);
  const version = median(times['amlenv --version']);
  const validate = median(times['amlenv validate <typical file>']);
  const validateV2 = median(times['amlenv validate <typical v2>']);
  const validateJob = median(times['amlenv validate <typical job>']);
  const explain = median(times['amlenv explain']);
  const progress = median(times['amlenv progress --json']);

  await loadFieldLibs();
  const text = generatedDefinition(2000);
  const loads: number[] = [];
  const validations: number[] = [];
  let count = 0;
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const outcome = loadDefinitionText(text, '/bench/env.json');
    const t1 = performance.now();
    if (!outcome.ok) throw new Error(outcome.message);
    count = validateLoaded(outcome.def).length;
    const t2 = performance.now();
    if (i >= 3) {
      loads.push(t1 - t0);
      validations.push(t2 - t1);
    }
  }
  /** A start-up time against node -e 0 measured in the same run. */
  const ratio = (name: string, ms: number, limit: number, showBase = false): Check => ({
    name,
    value: `${ms.toFixed(0)} ms = ${(ms / base).toFixed(2)}× node -e 0${showBase ? ` (${base.toFixed(0)} ms)` : ''}`,
    target: `≤ ${limit}×`,
    ok: ms / base <= limit,
  });
  const checks: Check[] = [
    ratio('amlenv --version', version, 2, true),
    ratio('amlenv validate (typical v1)', validate, 3),
    ratio('amlenv validate (v2 environment)', validateV2, 3),
    ratio('amlenv validate (v2 job)', validateJob, 3),
    ratio('amlenv explain (topic list)', explain, 2.5),
    ratio('amlenv progress --json', progress, 2.5),
    {
      name: 'validate 2,000 deps',
      value: `${median(validations).toFixed(1)} ms (p95 ${percentile(validations, 95).toFixed(1)})`,
      target: '≤ 50 ms median',
      ok: median(validations) <= 50,
    },
    { name: 'load 2,000 deps (JSON)', value: `${median(loads).toFixed(1)} ms`, target: '(reported)', ok: true },
  ];
  console.log(`  (${count} diagnostics per 2,000-dependency validation; ${runs} runs each, medians)`);
  return report('Foundation', checks);
}
