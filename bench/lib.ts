import { spawnSync } from 'node:child_process';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Wall time of one process run, in milliseconds. */
export function timeProcess(command: string, args: string[], cwd?: string, env: Record<string, string> = {}): number {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', ...env } });
  const ms = performance.now() - start;
  if (r.error) throw r.error;
  return ms;
}

/** Runs the cases interleaved (baseline, a, b, baseline, a, b, ...) so machine noise hits all alike. */
export function interleaved(cases: Record<string, () => number>, runs: number, warmup = 2): Record<string, number[]> {
  const out: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < warmup; i++) for (const fn of Object.values(cases)) fn();
  for (let i = 0; i < runs; i++) for (const [name, fn] of Object.entries(cases)) out[name].push(fn());
  return out;
}

export interface Check {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

export function report(title: string, checks: Check[]): boolean {
  console.log(`\n${title}`);
  const w = Math.max(...checks.map((c) => c.name.length));
  for (const c of checks)
    console.log(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.name.padEnd(w)}  ${c.value.padEnd(28)} target ${c.target}`);
  return checks.every((c) => c.ok);
}
