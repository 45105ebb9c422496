import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level (arrays keep their order: conda and pip order matter). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Azure ML names environments and images with 32 hex digits (`azureml_<32hex>`); so does amlenv. */
export const shortHash = (data: string | Uint8Array): string => sha256(data).slice(0, 32);
