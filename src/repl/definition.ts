// The environment a REPL session is looking at ("the definition"): its JSON snapshot for diffs, the
// LoadedDefinition the validator and the build read, and its text forms.
import { join } from 'node:path';
import type { Json } from '../env/fields.js';
import { loadDefinitionText } from '../env/load.js';
import { isRecord } from '../env/path.js';
import { serializeConda, serializeV1Json } from '../env/save.js';
import type { EnvObject, LoadedDefinition } from '../env/types.js';
import { EnvironmentV1 } from './sdk/environment.js';
import { maskSecrets } from './sdk/mask.js';
import { EnvironmentV2 } from './sdk/v2.js';
import { plainJson, type Value } from './values.js';

export type Focus = EnvironmentV1 | EnvironmentV2;

export const isFocus = (v: Value | undefined): v is Focus => v instanceof EnvironmentV1 || v instanceof EnvironmentV2;

/** Virtual file names the definition is validated as, inside the REPL's folder (relative paths resolve there). */
export const V1_VIRTUAL = 'repl-environment.json';
export const V2_VIRTUAL = 'repl-environment.yml';

/** The definition as plain JSON (v1: the SDK JSON; v2: the environment YAML document). */
export function snapshot(focus: Focus): Json {
  return focus instanceof EnvironmentV1 ? plainJson(focus.data as Json) : focus.document();
}

export function describe(focus: Focus): string {
  if (focus instanceof EnvironmentV1) return `Environment ${JSON.stringify(focus.data.name ?? null)} (SDK v1)`;
  return `Environment ${JSON.stringify(focus.values.name ?? null)} (SDK v2)`;
}

/** The v1 JSON as Environment._serialize_to_dict gives it (what save_to_directory splits into its files). */
export function v1Json(focus: EnvironmentV1, { mask = true } = {}): string {
  const env = plainJson(focus.data as Json) as EnvObject;
  return serializeV1Json(mask ? maskSecrets(env) : env);
}

export function v2Yaml(focus: EnvironmentV2): string {
  return focus.yaml();
}

/** For a v1 environment: the conda_dependencies.yml save_to_directory writes, if any. */
export function condaYaml(focus: EnvironmentV1): string | undefined {
  const python = focus.data.python;
  const spec = isRecord(python) ? python.condaDependencies : undefined;
  return isRecord(spec) ? serializeConda(plainJson(spec as Json)) : undefined;
}

/** The definition as the loaders would read it from a file in the REPL's folder. */
export function loadedDefinition(focus: Focus, cwd: string): LoadedDefinition {
  const outcome =
    focus instanceof EnvironmentV1
      ? loadDefinitionText(v1Json(focus, { mask: false }), join(cwd, V1_VIRTUAL), { format: 'v1-json' })
      : loadDefinitionText(v2Yaml(focus), join(cwd, V2_VIRTUAL), { format: 'v2-yaml' });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.def;
}
