// Time and memory bounds per fuzz case, and the worst seen (printed at the end of each fuzz file).
import { expect } from 'vitest';

export const CASE_MS = 2000;
export const CASE_MB = 300;

export interface FuzzStats {
  runs: number;
  worstMs: number;
  worstHeapMb: number;
}

export const stats: FuzzStats = { runs: 0, worstMs: 0, worstHeapMb: 0 };

/** Runs one case, asserting it finished under 2 s and grew the heap by less than 300 MB. */
export async function bounded<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const heapMb = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024);
  stats.runs++;
  stats.worstMs = Math.max(stats.worstMs, ms);
  stats.worstHeapMb = Math.max(stats.worstHeapMb, heapMb);
  expect(ms, `${label} took ${ms.toFixed(0)} ms`).toBeLessThan(CASE_MS);
  expect(heapMb, `${label} grew the heap by ${heapMb.toFixed(0)} MB`).toBeLessThan(CASE_MB);
  return result;
}

export function report(name: string): string {
  const rssMb = process.resourceUsage().maxRSS / 1024;
  return `${name}: ${stats.runs} fuzz runs; worst ${stats.worstMs.toFixed(0)} ms and ${stats.worstHeapMb.toFixed(0)} MB of heap per case; worker peak RSS ${rssMb.toFixed(0)} MB`;
}
