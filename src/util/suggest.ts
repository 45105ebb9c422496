// "Did you mean": the likely intended name for a mistyped command, flag or rule id.

/** Levenshtein distance, for "did you mean". */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** The closest known name, when it is close enough to be a likely typo or a snake_case spelling. */
export function didYouMean(key: string, known: string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[_-]/g, '');
  const exact = known.find((k) => squash(k) === squash(key));
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(squash(key), squash(k));
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 4)) ? best : undefined;
}

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[/_\-.\s]+/)
    .filter(Boolean);
const sameWords = (a: string[], b: string[]): boolean =>
  a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

/**
 * The closest known name: a typo (edit distance), the same words in another order or with another separator
 * (`pip-missing` → `pip/missing-pip` matches on its words), or a unique name the input starts.
 */
export function suggest(input: string, known: readonly string[]): string | undefined {
  if (!input) return undefined;
  const typo = didYouMean(input, [...known]);
  if (typo) return typo;
  const given = words(input);
  const reordered = known.filter((k) => sameWords([...new Set(words(k))], [...new Set(given)]));
  if (reordered.length === 1) return reordered[0];
  // Every word given is a word of exactly one known name (`missing-pip` → `pip/missing-pip`, `eol` → `python/eol`).
  const covering = known.filter((k) => given.every((w) => words(k).includes(w)));
  if (covering.length === 1) return covering[0];
  const starts = known.filter((k) => k.toLowerCase().startsWith(input.toLowerCase()));
  return input.length >= 2 && starts.length === 1 ? starts[0] : undefined;
}
