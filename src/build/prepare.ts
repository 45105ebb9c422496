import { loadDefinition } from '../env/load.js';
import type { Diagnostic, LoadedDefinition } from '../env/types.js';
import { isValid, validateDefinition } from '../rules/validate.js';
import { UsageError } from '../util/errors.js';
import { planDefinition } from './ensure-image.js';
import type { BuildInputs } from './inputs.js';
import type { BuildPlan } from './plan.js';

export type Prepared =
  | { ok: true; def: LoadedDefinition; inputs: BuildInputs; plan: BuildPlan; diagnostics: Diagnostic[] }
  | { ok: false; def: LoadedDefinition; diagnostics: Diagnostic[] };

/**
 * Loads and validates a definition, then plans its image. A definition with validation errors is not built
 * (the caller prints the diagnostics and exits 1); a path that is not there is a usage error.
 */
export async function prepareDefinition(path: string): Promise<Prepared> {
  const outcome = loadDefinition(path);
  if (!outcome.ok) throw new UsageError(outcome.message);
  const def = outcome.def;
  const diagnostics = await validateDefinition(def);
  if (!isValid(diagnostics)) return { ok: false, def, diagnostics };
  const { inputs, plan } = planDefinition(def);
  return { ok: true, def, inputs, plan, diagnostics };
}
