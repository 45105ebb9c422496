import { V1_ROOT, type FieldSpec, type Json } from '../env/fields.js';
import { childPath, isRecord } from '../env/path.js';
import { describe, didYouMean } from './helpers.js';
import type { EnvObject } from '../env/types.js';
import type { Finding, Rule } from './types.js';
import { V1 } from './types.js';

const KIND_TEXT: Record<FieldSpec['kind'], string> = {
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
  object: 'an object',
  array: 'a list',
  map: 'an object of name: value pairs',
};

function kindOk(value: Json, kind: FieldSpec['kind']): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
    case 'map':
      return isRecord(value);
  }
}

/** Walks the definition against the field table once; both schema rules read the result. */
function walk(value: Json, spec: FieldSpec, path: string, types: Finding[], unknown: Finding[]): void {
  if (value === null) return;
  if (!kindOk(value, spec.kind)) {
    types.push({
      path,
      message: `${path || 'the file'} must be ${KIND_TEXT[spec.kind]}, not ${describe(value)}`,
      hint: `write ${KIND_TEXT[spec.kind]} here`,
    });
    return;
  }
  const items = spec.kind === 'array' ? spec.items : undefined;
  if (items && Array.isArray(value))
    for (const [i, item] of value.entries()) walk(item, items, childPath(path, i), types, unknown);
  if (spec.kind !== 'object' || !spec.fields || !isRecord(value)) return;
  const known = Object.keys(spec.fields);
  for (const [key, child] of Object.entries(value)) {
    const childSpec = spec.fields[key];
    const sub = childPath(path, key);
    if (childSpec) walk(child, childSpec, sub, types, unknown);
    else if (!spec.open) {
      const guess = didYouMean(key, known);
      unknown.push({
        path: sub,
        message: `unknown key "${key}"${path ? ` in ${path}` : ''}${guess ? `; did you mean "${guess}"?` : ''}`,
        hint: guess ? `rename it to "${guess}"` : `remove it; known keys here: ${known.join(', ')}`,
      });
    }
  }
}

const cache = new WeakMap<object, { types: Finding[]; unknown: Finding[] }>();
function results(env: EnvObject): { types: Finding[]; unknown: Finding[] } {
  let r = cache.get(env);
  if (!r) {
    r = { types: [], unknown: [] };
    walk(env, V1_ROOT, '', r.types, r.unknown);
    cache.set(env, r);
  }
  return r;
}

export const schemaRules: Rule[] = [
  {
    id: 'schema/type',
    severity: 'error',
    title: 'A known field has the wrong type',
    explanation:
      'Each field of an environment has one type: names and images are strings, ' +
      'userManagedDependencies is true or false, arguments is a list. The SDK and the service ' +
      'reject a definition whose fields have other types (a number where a string belongs, a ' +
      'string "true" where a boolean belongs), so the file would not register.',
    hint: 'write the value with the expected type',
    lesson: 'four-sections',
    formats: V1,
    check: (ctx) => results(ctx.env).types,
  },
  {
    id: 'schema/unknown-key',
    severity: 'warning',
    title: 'A key the environment schema does not know',
    explanation:
      'Keys outside the SDK v1 schema are ignored by Azure ML, so a misspelt key ' +
      '(userManagedDependancies, base_image in a JSON file) silently does nothing and the ' +
      'setting you meant keeps its default. The JSON form uses camelCase keys; the SDK ' +
      'attributes in Python use snake_case.',
    hint: 'rename the key to the one you meant, or remove it',
    lesson: 'four-sections',
    formats: V1,
    check: (ctx) => results(ctx.env).unknown,
  },
];
