import { loadDefinition } from '../env/load.js';
import type { Diagnostic, LoadedDefinition } from '../env/types.js';
import { isValid, validateDefinition } from '../rules/validate.js';
import { UsageError } from '../util/errors.js';
import { planDefinition } from './ensure-image.js';
import { hasUrlCredentials, pipEntries } from './url-credentials.js';
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
  return prepareLoaded(outcome.def);
}

/** The same for a definition already loaded (the REPL's, held in memory). */
export async function prepareLoaded(def: LoadedDefinition): Promise<Prepared> {
  const diagnostics = refuseUrlCredentials(await validateDefinition(def));
  if (!isValid(diagnostics)) return { ok: false, def, diagnostics };
  const { inputs, plan } = planDefinition(def);
  // A second line of defence, independent of the rule's own pattern: nothing with a secret in a URL is built.
  const leaked = pipEntries(inputs.conda).find((p) => hasUrlCredentials(p.entry));
  if (leaked) {
    const d: Diagnostic = {
      rule: CREDENTIALS_RULE,
      severity: 'error',
      path: `python.condaDependencies.${leaked.path}`,
      message: URL_CREDENTIALS_MESSAGE,
      hint: URL_CREDENTIALS_HINT,
    };
    return { ok: false, def, diagnostics: [...diagnostics, d] };
  }
  return { ok: true, def, inputs, plan, diagnostics };
}

const CREDENTIALS_RULE = 'pip/credentials-in-url';
const URL_CREDENTIALS_MESSAGE =
  'this pip entry has a user name and password in its URL; amlenv does not build it, since ' +
  'the secret would be written into the image, its build log and the run outputs (value not ' +
  'shown)';
const URL_CREDENTIALS_HINT =
  'remove the credentials from the URL and reach the feed another way (amlenv learn ' +
  'private-packages: a workspace connection, or a wheel uploaded to the workspace)';

/** For build, run and the Dockerfile context, credentials in a pip URL are an error, not a warning. */
function refuseUrlCredentials(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) =>
    d.rule === CREDENTIALS_RULE
      ? { ...d, severity: 'error', message: URL_CREDENTIALS_MESSAGE, hint: URL_CREDENTIALS_HINT }
      : d,
  );
}
