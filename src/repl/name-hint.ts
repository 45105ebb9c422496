// "Did you mean" for an unknown name: a name the typed text begins (`Tr` → True, `pri` → print) comes
// before a near spelling (`Tru` → True), so a half-typed constant is not taken for `str`.
import { didYouMean } from '../rules/helpers.js';

/** Python's constants: values wherever a name may stand. */
export const CONSTANTS = ['True', 'False', 'None'];

export function nameHint(name: string, known: string[]): string | undefined {
  const pool = [...new Set([...known, ...CONSTANTS])];
  if (name.length >= 2) {
    const shortest = (list: string[]) => list.sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
    // A start that is at least half the name: `Tr` is True, but `env` is not Environment.
    const started = shortest(pool.filter((k) => k.startsWith(name) && k !== name && k.length <= name.length * 2));
    if (started) return started;
  }
  return didYouMean(name, pool);
}
