// What the REPL prints never shows a registry password or a secret-looking variable value; files it writes
// keep them, as the SDK does.
import type { Json } from '../../env/fields.js';
import { isJsonRecord, jsonRecord, type JsonRecord } from '../../env/json.js';
import { looksSecret } from '../../rules/env-vars.js';

export const MASK = '***';

/** A copy of a v1 definition with docker.baseImageRegistry.password and secret-like variable values masked. */
export function maskSecrets(env: JsonRecord): JsonRecord {
  const copy = structuredClone(env);
  const registry = jsonRecord(jsonRecord(copy.docker)?.baseImageRegistry);
  if (registry && typeof registry.password === 'string' && registry.password) registry.password = MASK;
  const vars = jsonRecord(copy.environmentVariables);
  if (vars) {
    for (const [name, value] of Object.entries(vars))
      if (looksSecret(name) && typeof value === 'string' && value) vars[name] = MASK;
  }
  return copy;
}

/** Is this model path one whose value is masked when printed? */
export function isSecretPath(path: string, value: unknown): boolean {
  if (typeof value !== 'string' || !value) return false;
  if (path === 'docker.baseImageRegistry.password') return true;
  const m = /^environmentVariables(?:\.([^.[]+)|\["(.*)"\])$/.exec(path);
  return m ? looksSecret(m[1] ?? m[2]) : false;
}

/** JSON with keys sorted at every level (Python's json.dumps(sort_keys=True)). */
export function sortedJson(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (!isJsonRecord(value)) return value;
  const out: JsonRecord = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedJson(value[key]);
  return out;
}
