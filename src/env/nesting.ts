// One linear pass that finds how deeply a JSON or YAML text nests, before any parser sees it: parsers recurse
// (or slow down) on 10,000-deep input, and no environment file nests more than a handful of levels.

/** Deeper than this is refused with a diagnostic. Real definitions nest fewer than 10 levels. */
export const MAX_NESTING = 100;

/** Offset of the first bracket that goes deeper than `max`, or undefined when the JSON stays within it. */
export function jsonTooDeep(text: string, max = MAX_NESTING): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return undefined;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === undefined;

/**
 * Offset where a YAML text first nests deeper than `max`, or undefined. Counts flow brackets (outside quotes
 * and comments), block indentation levels and compact "- - -" indicators. It may count a level too many in
 * odd layouts, never a whole order of magnitude, which is all the cap needs.
 */
export function yamlTooDeep(text: string, max = MAX_NESTING): number | undefined {
  let flow = 0;
  const indents: number[] = [];
  let block = 0;
  let lineStart = true;
  let indent = 0;
  /** The last character that was not a space on this line ('' at its start). */
  let prev = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      prev = '';
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        indent++;
        continue;
      }
      lineStart = false;
      if (c === '#' || c === '\r') {
        // A comment or blank line does not change the indentation levels.
        i = skipLine(text, i) - 1;
        continue;
      }
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        block = indents.length;
        if (block > max) return i;
      }
    }
    if (c === '#' && isSpace(text[i - 1])) {
      i = skipLine(text, i) - 1;
      continue;
    }
    const tokenStart =
      prev === '' || isSpace(text[i - 1]) || (flow > 0 && (prev === '[' || prev === '{' || prev === ','));
    if ((c === '"' || c === "'") && tokenStart) {
      i = skipQuoted(text, i, c);
      prev = c;
      continue;
    }
    if (
      flow === 0 &&
      (c === '-' || c === '?') &&
      isSpace(text[i + 1]) &&
      (prev === '' || prev === '-' || prev === '?')
    ) {
      // A compact block indicator: "- - x" nests one level per dash.
      if (prev !== '' && ++block > max) return i;
    } else if (
      (c === '[' || c === '{') &&
      (flow > 0 || prev === '' || prev === ':' || prev === '-' || prev === '?' || prev === ',')
    ) {
      if (++flow + block > max) return i;
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
    }
    if (c !== ' ' && c !== '\t') prev = c;
  }
  return undefined;
}

function skipLine(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}

/** Index of the closing quote (or the end of the text). */
function skipQuoted(text: string, i: number, quote: string): number {
  for (let j = i + 1; j < text.length; j++) {
    if (quote === '"' && text[j] === '\\') j++;
    else if (text[j] === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j;
    }
  }
  return text.length;
}
