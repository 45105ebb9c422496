// Typed reads of loaded JSON/YAML values. A loaded definition may hold any value at any key, so these
// narrow by checking, never by asserting: callers read fields without `as` casts.
import type { Json } from './fields.js';

export type JsonRecord = { [key: string]: Json };

export function isJsonRecord(value: Json | undefined): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a mapping, else undefined. */
export function jsonRecord(value: Json | undefined): JsonRecord | undefined {
  return isJsonRecord(value) ? value : undefined;
}

/** The value when it is a list, else undefined. */
export function jsonList(value: Json | undefined): Json[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The value when it is a string, else undefined. */
export function jsonString(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The mapping at `key` of `parent`, created empty when missing or not a mapping (for editors that write into it). */
export function ensureRecord(parent: JsonRecord, key: string): JsonRecord {
  const existing = parent[key];
  if (isJsonRecord(existing)) return existing;
  const created: JsonRecord = {};
  parent[key] = created;
  return created;
}

/** The list at `key` of `parent`, created empty when missing or not a list. */
export function ensureList(parent: JsonRecord, key: string): Json[] {
  const existing = parent[key];
  if (Array.isArray(existing)) return existing;
  const created: Json[] = [];
  parent[key] = created;
  return created;
}

/** JSON text parsed to a typed value (JSON.parse yields only JSON values); throws SyntaxError as JSON.parse does. */
export function parseJson(text: string): Json {
  return JSON.parse(text);
}
