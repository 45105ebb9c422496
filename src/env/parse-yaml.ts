import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Json } from './fields.js';
import { childPath } from './path.js';
import type { ParsedText } from './parse-json.js';
import type { Position } from './types.js';

/** Parses one YAML document, recording the position of every field path (key for map entries, value for items). */
export function parseYamlWithPositions(text: string, file: string, prefix = ''): ParsedText {
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, strict: false, uniqueKeys: true, version: '1.2' });
  } catch (err) {
    return { value: undefined, positions: new Map(), error: { message: (err as Error).message, line: 1, column: 1 } };
  }
  const first = doc.errors[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    return { value: undefined, positions: new Map(), error: { message: cleanYamlMessage(first.message), line: at.line, column: at.col } };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { value: undefined, positions: new Map(), error: { message: cleanYamlMessage((err as Error).message), line: 1, column: 1 } };
  }
  const positions = new Map<string, Position>();
  const mark = (path: string, node: YamlNode | null | undefined) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return;
    const at = lineCounter.linePos(offset);
    positions.set(path, { file, line: at.line, column: at.col });
  };
  const walk = (node: unknown, path: string, depth: number): void => {
    if (depth > 200 || isAlias(node)) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const sub = childPath(path, key);
        mark(sub, keyNode);
        walk(pair.value, sub, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const sub = childPath(path, i);
        mark(sub, item as YamlNode);
        walk(item, sub, depth + 1);
      });
    }
  };
  walk(doc.contents, prefix, 0);
  return { value: toJson(value), positions };
}

function cleanYamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** YAML can hold dates, big numbers and non-string keys; the model holds JSON. */
function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Map) {
    const out: Record<string, Json> = {};
    for (const [k, v] of value) Object.defineProperty(out, String(k), { value: toJson(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (value instanceof Set) return [...value].map(toJson);
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: toJson(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return String(value);
}
