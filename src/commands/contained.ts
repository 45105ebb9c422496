import { OUTSIDE_RULE } from '../env/containment.js';
import type { LoadedDefinition } from '../env/types.js';
import { InvalidInput } from '../util/errors.js';

/**
 * Commands that copy what a definition names into new files (convert, init --from-existing) stop when the
 * loader refused a file outside the containment root: the result would silently lack it, or carry it.
 */
export function assertContained(path: string, def: LoadedDefinition): void {
  const refused = def.problems.find((p) => p.rule === OUTSIDE_RULE);
  if (refused)
    throw new InvalidInput(`${path}: ${refused.path}: ${refused.message}; ${refused.hint} [${OUTSIDE_RULE}]`);
}
