import { V1_FIELDS, type FieldSpec, type Json } from './fields.js';
import type { EnvObject } from './types.js';

function defaultsOf(fields: Record<string, FieldSpec>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.default !== undefined) out[key] = structuredClone(spec.default);
    else if (spec.kind === 'object' && spec.fields) out[key] = defaultsOf(spec.fields);
  }
  return out;
}

/** What `Environment(name)` holds in SDK v1, in the SDK's key order. */
export function newEnvironment(name: string): EnvObject {
  return { ...defaultsOf(V1_FIELDS), name };
}
