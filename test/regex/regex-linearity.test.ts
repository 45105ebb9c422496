// Proves that no regular expression in src/ is super-linear: each runs against adversarial inputs built from
// its own characters, first at 8 KB (where a quadratic one already shows) and then, for its three hardest
// inputs, at 1 MB, within a time bound. A linear search over 1 MB takes a few milliseconds; a quadratic one takes hours.
import { describe, expect, it } from 'vitest';
import { adversarialInputs, runRegex } from './adversarial.js';
import { collectRegexes } from './collect.js';

const SMALL = 8 * 1024;
const LARGE = 1024 * 1024;
/** Generous for a loaded 2-core machine; still 100× below what a quadratic regex needs at these sizes. */
const SMALL_BOUND_MS = 60;
const LARGE_BOUND_MS = 400;

interface Slow {
  where: string;
  regex: string;
  input: string;
  ms: number;
  size: number;
}

/** Time of one input, with one retry: a pause of the machine is not the regex's fault. */
function timed(source: string, flags: string, text: string, bound: number): number {
  const ms = runRegex(source, flags, text);
  return ms > bound ? Math.min(ms, runRegex(source, flags, text)) : ms;
}

/**
 * Every input at 8 KB first (a quadratic regex already needs ~100 ms there); then the three slowest of them
 * again at 1 MB, where a linear regex takes milliseconds and a quadratic one would take hours.
 */
function worstCase(source: string, flags: string): Slow | undefined {
  const small = adversarialInputs(source, SMALL).map((input) => ({ ...input, ms: timed(source, flags, input.text, SMALL_BOUND_MS) }));
  const slowSmall = small.find((i) => i.ms > SMALL_BOUND_MS);
  if (slowSmall) return { where: '', regex: `/${source}/${flags}`, input: slowSmall.label, ms: slowSmall.ms, size: SMALL };
  const worst = new Set(small.sort((a, b) => b.ms - a.ms).slice(0, 3).map((i) => i.label));
  for (const input of adversarialInputs(source, LARGE).filter((i) => worst.has(i.label))) {
    const ms = timed(source, flags, input.text, LARGE_BOUND_MS);
    if (ms > LARGE_BOUND_MS) return { where: '', regex: `/${source}/${flags}`, input: input.label, ms, size: LARGE };
  }
  return undefined;
}

describe('regular expressions in src/', () => {
  const found = collectRegexes();

  it('the collector finds the regex literals (and new RegExp with a literal) in src/', () => {
    expect(found.length).toBeGreaterThan(100);
    expect(found.some((r) => r.where.startsWith('src/env/load.ts'))).toBe(true);
  });

  it('the harness catches a quadratic regex (the old CREDENTIALS_IN_URL)', () => {
    const slow = worstCase('[a-z][a-z0-9+.-]*:\\/\\/[^/\\s:@]+:[^/\\s@]+@', 'i');
    expect(slow?.size).toBe(SMALL);
  });

  it('every one stays linear on 1 MB adversarial inputs', () => {
    const slow: Slow[] = [];
    for (const r of found) {
      const s = worstCase(r.source, r.flags);
      if (s) slow.push({ ...s, where: r.where });
    }
    expect(slow.map((s) => `${s.where} ${s.regex} took ${s.ms.toFixed(0)} ms on ${s.input} (${s.size} chars)`)).toEqual([]);
  }, 600000);
});
