// "Did you mean": the likely intended name for a mistyped command, flag or rule id.
import { didYouMean } from '../rules/helpers.js';

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
