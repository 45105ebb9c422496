import type { Json } from '../env/fields.js';
import { isJsonRecord } from '../env/json.js';
import type { EnvObject } from '../env/types.js';

/** The section object (`python`, `docker`, ...) when it is one, else an empty object. */
export function section(env: EnvObject, name: string): Record<string, Json> {
  const value = env[name];
  return isJsonRecord(value) ? value : {};
}

export const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

// Kept here for the rules' imports; the implementation lives in util so util depends on nothing above it.
export { didYouMean, distance } from '../util/suggest.js';

export const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : `${typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : 'a boolean'} (${JSON.stringify(value)})`;
