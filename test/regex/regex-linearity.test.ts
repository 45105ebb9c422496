// Proves that no regular expression in src/ is super-linear: each runs against adversarial inputs built from
// its own characters, first at 8 KB (where a quadratic one already shows), then its three hardest inputs at
// 64 KB (growth tells linear from quadratic) and the hardest of those at 1 MB, within a time bound. A linear
// search over 1 MB takes a few milliseconds; a quadratic one takes hours. A regex written the same way in
// several places (same source and flags) is run once and reported with every place.
import { describe, expect, it } from 'vitest';
import { adversarialInputs, runRegex } from './adversarial.js';
import { collectRegexes } from './collect.js';

const SMALL = 8 * 1024;
const MIDDLE = 64 * 1024;
const LARGE = 1024 * 1024;
/** Generous for a loaded 2-core machine; still 100× below what a quadratic regex needs at these sizes. */
const SMALL_BOUND_MS = 60;
const LARGE_BOUND_MS = 400;
/**
 * 8× the input costs a linear regex about 8× the time and a quadratic one 64×. A regex is flagged at 64 KB when
 * it took more than 30× its 8 KB time (and more than a floor where timer noise no longer matters), so a
 * quadratic regex that happens to be quick at 8 KB on a fast machine is caught there, never run at 1 MB.
 */
const GROWTH_LIMIT = 30;
const MIDDLE_FLOOR_MS = 50;

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
 * Every input at 8 KB first (a quadratic regex usually needs ~100 ms there); then the three slowest of them at
 * 64 KB, where the growth from 8 KB tells linear from quadratic; the slowest at 64 KB (all three grew linearly)
 * goes on to 1 MB, where a linear regex takes milliseconds.
 */
function worstCase(source: string, flags: string): Slow | undefined {
  const regex = `/${source}/${flags}`;
  const small: Array<{ label: string; ms: number }> = [];
  for (const input of adversarialInputs(source, SMALL)) {
    const ms = timed(source, flags, input.text, SMALL_BOUND_MS);
    // The first input over the bound settles it: the rest need not run.
    if (ms > SMALL_BOUND_MS) return { where: '', regex, input: input.label, ms, size: SMALL };
    small.push({ label: input.label, ms });
  }
  const worst = small.sort((a, b) => b.ms - a.ms).slice(0, 3);
  const middle = new Map(adversarialInputs(source, MIDDLE).map((i) => [i.label, i.text]));
  let hardest: { label: string; ms: number } | undefined;
  for (const input of worst) {
    const text = middle.get(input.label);
    if (text === undefined) continue;
    const bound = Math.max(MIDDLE_FLOOR_MS, GROWTH_LIMIT * input.ms);
    const ms = timed(source, flags, text, bound);
    if (ms > bound) return { where: '', regex, input: input.label, ms, size: MIDDLE };
    if (!hardest || ms > hardest.ms) hardest = { label: input.label, ms };
  }
  const large = adversarialInputs(source, LARGE).find((i) => i.label === hardest?.label);
  if (!large) return undefined;
  const ms = timed(source, flags, large.text, LARGE_BOUND_MS);
  return ms > LARGE_BOUND_MS ? { where: '', regex, input: large.label, ms, size: LARGE } : undefined;
}

describe('regular expressions in src/', () => {
  const found = collectRegexes();

  it('the collector finds the regex literals (and new RegExp with a literal) in src/', () => {
    expect(found.length).toBeGreaterThan(100);
    expect(found.some((r) => r.where.startsWith('src/env/load.ts'))).toBe(true);
  });

  it('the harness catches a quadratic regex (the old CREDENTIALS_IN_URL)', () => {
    const slow = worstCase('[a-z][a-z0-9+.-]*:\\/\\/[^/\\s:@]+:[^/\\s@]+@', 'i');
    // Caught at 8 KB on a loaded machine, at 64 KB on a quick one; never left to run for hours at 1 MB.
    expect(slow?.size).toBeLessThan(LARGE);
  });

  it('every one stays linear on 1 MB adversarial inputs', () => {
    const places = new Map<string, { source: string; flags: string; where: string[] }>();
    for (const r of found) {
      const key = `${r.flags}/${r.source}`;
      const entry = places.get(key) ?? { source: r.source, flags: r.flags, where: [] };
      entry.where.push(r.where);
      places.set(key, entry);
    }
    const slow: Slow[] = [];
    for (const r of places.values()) {
      const s = worstCase(r.source, r.flags);
      if (s) slow.push({ ...s, where: r.where.join(', ') });
    }
    expect(slow.map((s) => `${s.where} ${s.regex} took ${s.ms.toFixed(0)} ms on ${s.input} (${s.size} chars)`)).toEqual(
      [],
    );
  }, 600000);
});
