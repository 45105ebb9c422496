import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { errorMessage } from '../util/errors.js';
import type { Json } from './fields.js';
import { MAX_NESTING, yamlTooDeep } from './nesting.js';
import { childPath, setOwn } from './path.js';
import type { ParsedText } from './parse-json.js';
import { LineIndex } from './text.js';
import type { Position } from './types.js';

/**
 * Aliases may repeat content, but not explode it: expanding them may add at most this many values in all
 * (the "billion laughs" file asks for billions).
 */
export const MAX_ALIAS_EXPANSION = 10_000;

class YamlLimit extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** Unset for plain syntax errors. */
    readonly rule?: string,
  ) {
    super(message);
  }
}

/**
 * The most YAML parsed at once. The YAML library spends about half a second of CPU per 32 KB of short list items (convert parses twice and writes once), so
 * this keeps every command under 2 s; real conda files and v2 definitions are a few KB. (JSON parses far
 * faster, so a v1 JSON file may be larger: its inline Dockerfile alone may be up to 100 KB.)
 */
export const MAX_YAML_BYTES = 32 * 1024;

/** Parses one YAML document, recording the position of every field path (key for map entries, value for items). */
export function parseYamlWithPositions(text: string, file: string, prefix = ''): ParsedText {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) {
    return {
      value: undefined,
      positions: new Map(),
      error: {
        message: `${(bytes / 1024).toFixed(1)} KB of YAML; amlenv parses at most ${MAX_YAML_BYTES / 1024} KB of YAML`,
        rule: 'input/too-large',
        line: 1,
        column: 1,
      },
    };
  }
  const deepAt = yamlTooDeep(text);
  if (deepAt !== undefined) {
    const at = new LineIndex(text).at(deepAt);
    return {
      value: undefined,
      positions: new Map(),
      error: { message: `nested deeper than ${MAX_NESTING} levels`, rule: 'input/too-deep', ...at },
    };
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // uniqueKeys is checked below in one pass: the library's own check compares every key with every other.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, strict: false, uniqueKeys: false, version: '1.2' });
  } catch (err) {
    return {
      value: undefined,
      positions: new Map(),
      error: { message: cleanYamlMessage(errorMessage(err)), line: 1, column: 1 },
    };
  }
  const first = doc.errors[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    return {
      value: undefined,
      positions: new Map(),
      error: { message: cleanYamlMessage(first.message), line: at.line, column: at.col },
    };
  }
  const positions = new Map<string, Position>();
  const mark = (path: string, node: unknown) => {
    const offset = isNode(node) ? node.range?.[0] : undefined;
    if (offset === undefined) return;
    const at = lineCounter.linePos(offset);
    positions.set(path, { file, line: at.line, column: at.col });
  };
  try {
    const value = new Converter(doc, mark).convert(doc.contents, prefix, 0, true);
    return { value, positions };
  } catch (err) {
    if (!(err instanceof YamlLimit)) throw err;
    const at = lineCounter.linePos(err.offset);
    return {
      value: undefined,
      positions: new Map(),
      error: { message: err.message, ...(err.rule ? { rule: err.rule } : {}), line: at.line, column: at.col },
    };
  }
}

/** Builds the JSON value and the positions in one walk; aliases are resolved with a cycle check and a budget. */
class Converter {
  private expanded = 0;
  private readonly resolving = new Set<unknown>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly mark: (path: string, node: unknown) => void,
  ) {}

  /** `positional` is false inside an alias's copy: its positions are the anchor's, already recorded. */
  convert(node: unknown, path: string, depth: number, positional: boolean): Json {
    if (depth > MAX_NESTING)
      throw new YamlLimit(`nested deeper than ${MAX_NESTING} levels`, offsetOf(node), 'input/too-deep');
    if (!positional && ++this.expanded > MAX_ALIAS_EXPANSION) {
      throw new YamlLimit(
        `aliases expand to more than ${MAX_ALIAS_EXPANSION} values`,
        offsetOf(node),
        'input/alias-expansion',
      );
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (target === undefined) throw new YamlLimit(`alias *${node.source} has no anchor before it`, offsetOf(node));
      if (this.resolving.has(target))
        throw new YamlLimit(
          `alias *${node.source} refers to a value that contains it`,
          offsetOf(node),
          'input/alias-expansion',
        );
      this.resolving.add(target);
      try {
        return this.convert(target, path, depth, false);
      } finally {
        this.resolving.delete(target);
      }
    }
    if (isMap(node)) {
      const out: Record<string, Json> = {};
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key;
        const key = isScalar(keyNode) ? String(keyNode.value) : keyNode === null ? '' : String(keyNode);
        if (seen.has(key))
          throw new YamlLimit(
            `duplicate key "${key.slice(0, 80)}" (a key may appear only once in a mapping)`,
            offsetOf(keyNode),
          );
        seen.add(key);
        const sub = childPath(path, key);
        if (positional) this.mark(sub, keyNode);
        setOwn(out, key, this.convert(pair.value, sub, depth + 1, positional));
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        const sub = childPath(path, i);
        if (positional) this.mark(sub, item);
        return this.convert(item, sub, depth + 1, positional);
      });
    }
    if (isScalar(node)) return scalar(node.value);
    return null;
  }
}

function offsetOf(node: unknown): number {
  return (isNode(node) ? node.range?.[0] : undefined) ?? 0;
}

function cleanYamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** YAML scalars can be big numbers, infinities or dates; the model holds JSON. */
function scalar(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  return String(value);
}
