import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Json } from './fields.js';
import { jsonTooDeep, MAX_NESTING } from './nesting.js';
import { LineIndex } from './text.js';
import { childPath, setOwn } from './path.js';
import type { Position } from './types.js';

export interface ParsedText {
  value: Json | undefined;
  positions: Map<string, Position>;
  /** `rule` when the error is not plain syntax (input/too-deep, input/alias-expansion). */
  error?: { message: string; line: number; column: number; rule?: string };
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," or a closing bracket',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
};

/**
 * Parses strict JSON, recording the position of every field path (the key for object members, the value
 * for array items). Position prefix `prefix` is prepended to paths.
 */
export function parseJsonWithPositions(text: string, file: string, prefix = ''): ParsedText {
  const lines = new LineIndex(text);
  // The parser recurses: 10,000-deep JSON would overflow the stack, so depth is checked first in one pass.
  const deepAt = jsonTooDeep(text);
  if (deepAt !== undefined)
    return {
      value: undefined,
      positions: new Map(),
      error: { message: `nested deeper than ${MAX_NESTING} levels`, rule: 'input/too-deep', ...lines.at(deepAt) },
    };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const at = lines.at(first ? first.offset : 0);
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    return { value: undefined, positions: new Map(), error: { message: MESSAGES[code] ?? code, ...at } };
  }
  const positions = new Map<string, Position>();
  const mark = (path: string, offset: number) => positions.set(path, { file, ...lines.at(offset) });
  const build = (node: Node, path: string): Json => {
    switch (node.type) {
      case 'object': {
        const out: Record<string, Json> = {};
        for (const prop of node.children ?? []) {
          const [keyNode, valueNode] = prop.children ?? [];
          if (!keyNode || !valueNode) continue;
          const key = String(keyNode.value);
          const sub = childPath(path, key);
          mark(sub, keyNode.offset);
          setOwn(out, key, build(valueNode, sub));
        }
        return out;
      }
      case 'array':
        return (node.children ?? []).map((child, i) => {
          const sub = childPath(path, i);
          mark(sub, child.offset);
          return build(child, sub);
        });
      default: {
        // jsonc-parser types a scalar's value as any: only these kinds reach here.
        const scalar: unknown = node.value;
        return typeof scalar === 'string' || typeof scalar === 'number' || typeof scalar === 'boolean' ? scalar : null;
      }
    }
  };
  if (prefix) mark(prefix, root.offset);
  return { value: build(root, prefix), positions };
}
