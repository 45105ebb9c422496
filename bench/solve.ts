// Solve benchmarks: the test channel's largest case in process (served on loopback, index cached), a cold
// `amlenv solve` process, and a solve against a generated repodata of 50,000 records (time and peak memory).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadForSolve, solveDefinition } from '../src/solve/solve-definition.js';
import { makeChannel, serveChannel } from '../test/solve/channel.js';
import { median, report, type Check } from './lib.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = pathToFileURL(join(ROOT, 'dist', 'cli.js')).href;

/**
 * `names` packages × `versions` versions in linux-64. Packages come in families of 50: each depends on the
 * next one and the one three further within its family, with loose bounds, so a solve of a few of them
 * pulls in a realistic few hundred packages.
 */
export function generatedRepodata(names: number, versions: number) {
  const packages: Record<string, unknown> = {};
  const sameFamily = (a: number, b: number) => b < names && Math.floor(a / 50) === Math.floor(b / 50);
  for (let i = 0; i < names; i++) {
    for (let v = 0; v < versions; v++) {
      const depends = ['python >=3.10,<3.13.0a0'];
      if (sameFamily(i, i + 1)) depends.push(`gen-${i + 1} >=${v % 4}.0`);
      if (sameFamily(i, i + 3)) depends.push(`gen-${i + 3} <${versions}.0`);
      packages[`gen-${i}-${v}.0-h${i}_${v}.conda`] = {
        name: `gen-${i}`,
        version: `${v}.0`,
        build: `h${i}_${v}`,
        build_number: 0,
        depends,
        subdir: 'linux-64',
      };
    }
  }
  for (const py of ['3.10.14', '3.11.9', '3.12.4'])
    packages[`python-${py}-h0.conda`] = {
      name: 'python',
      version: py,
      build: 'h0',
      build_number: 0,
      depends: [],
      subdir: 'linux-64',
    };
  return { info: { subdir: 'linux-64' }, packages: {}, 'packages.conda': packages, repodata_version: 1 };
}

/** Runs `amlenv solve` in a fresh process (without blocking: the loopback channel is served from here). */
async function solveProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ ms: number; cpuMs: number; maxRssMb: number; code: number }> {
  const code = `const m = await import(${JSON.stringify(CLI)}); await m.runCli(${JSON.stringify(['solve', ...args, '--json'])}); const u = process.resourceUsage(); process.stderr.write('MAXRSS ' + u.maxRSS + ' CPU ' + (u.userCPUTime + u.systemCPUTime) + '\\n');`;
  const start = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  const ms = performance.now() - start;
  const rss = Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
  const cpuMs = Number(/CPU (\d+)/.exec(stderr)?.[1] ?? 0) / 1000;
  if (status !== 0 && status !== 1) throw new Error(`amlenv solve failed (${status}): ${stderr.split('\n')[0]}`);
  return { ms, cpuMs, maxRssMb: rss, code: status };
}

export async function benchSolve(runs = 9): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'amlenv-bench-solve-'));
  const cacheRoot = join(dir, 'cache');
  const served = await serveChannel(makeChannel());
  const checks: Check[] = [];
  try {
    // the largest case the test channel holds: every Python-level package at once
    const file = join(dir, 'largest.yml');
    writeFileSync(
      file,
      [
        'name: largest',
        'channels:',
        `  - ${served.url}`,
        '  - nodefaults',
        'dependencies:',
        '  - python=3.11',
        '  - numpy',
        '  - scipy',
        '  - scikit-learn',
        '  - joblib',
        '  - threadpoolctl',
        '  - pip',
        '  - pip:',
        '    - joblib>=1.2',
        '',
      ].join('\n'),
    );
    const def = loadForSolve(file);
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < runs + 2; i++) {
      const report = await solveDefinition(def, { cacheRoot });
      if (!report.solved) throw new Error('the largest test case did not solve');
      count = report.records.length;
      if (i >= 2) times.push(report.ms.total);
    }
    checks.push({
      name: 'solve test channel, largest case',
      value: `${median(times).toFixed(0)} ms median (${count} packages)`,
      target: '≤ 1000 ms median',
      ok: median(times) <= 1000,
    });

    // a cold process does the same through a loopback server in another process: time the served index from cache
    const cold = await solveProcess([file], { AMLENV_CACHE_DIR: cacheRoot });
    checks.push({
      name: 'amlenv solve, cold process',
      value: `${cold.ms.toFixed(0)} ms wall, ${cold.cpuMs.toFixed(0)} ms CPU, peak RSS ${cold.maxRssMb.toFixed(0)} MB`,
      target: '(reported)',
      ok: cold.code === 0,
    });

    // 50,000 generated records in a local (file://) channel
    const chan = join(dir, 'gen-channel');
    mkdirSync(join(chan, 'linux-64'), { recursive: true });
    mkdirSync(join(chan, 'noarch'), { recursive: true });
    const repodata = generatedRepodata(2500, 20);
    const records = Object.keys(repodata['packages.conda']).length;
    writeFileSync(join(chan, 'linux-64', 'repodata.json'), JSON.stringify(repodata));
    writeFileSync(
      join(chan, 'noarch', 'repodata.json'),
      JSON.stringify({ info: { subdir: 'noarch' }, packages: {}, 'packages.conda': {} }),
    );
    const big = join(dir, 'big.yml');
    writeFileSync(
      big,
      [
        'name: big',
        'dependencies:',
        '  - python=3.11',
        ...[0, 300, 1000, 1800, 2450].map((i) => `  - gen-${i}`),
        '',
      ].join('\n'),
    );
    const sizeMb = readFileSync(join(chan, 'linux-64', 'repodata.json')).length / 1e6;
    const bigRuns = [];
    for (let i = 0; i < 3; i++)
      bigRuns.push(await solveProcess([big, '--channel', pathToFileURL(chan).href], { AMLENV_CACHE_DIR: cacheRoot }));
    const bigMs = median(bigRuns.map((r) => r.ms));
    const bigCpu = median(bigRuns.map((r) => r.cpuMs));
    const bigRss = Math.max(...bigRuns.map((r) => r.maxRssMb));
    checks.push({
      name: `solve ${records.toLocaleString('en')} generated records`,
      value: `${bigMs.toFixed(0)} ms wall, ${bigCpu.toFixed(0)} ms CPU, peak RSS ${bigRss.toFixed(0)} MB (${sizeMb.toFixed(1)} MB index)`,
      target: '(reported)',
      ok: bigRuns.every((r) => r.code === 0) && records >= 50_000,
    });
  } finally {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return report('Solve', checks);
}
