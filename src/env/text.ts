import type { TextStyle } from './types.js';

/** Strips a BOM and records line endings, final newline and (for JSON) the indentation unit. */
export function readStyle(raw: string, json = false): { text: string; style: TextStyle } {
  const bom = raw.charCodeAt(0) === 0xfeff;
  const text = bom ? raw.slice(1) : raw;
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  const finalNewline = text.endsWith('\n');
  const style: TextStyle = { eol, finalNewline, bom };
  if (json) {
    style.indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '    ';
    style.asciiOnly = !/[^\x00-\x7f]/.test(text);
  }
  return { text, style };
}

/** Applies a style to text written with \n line endings and no final newline. */
export function applyStyle(body: string, style: TextStyle): string {
  let out = style.eol === '\r\n' ? body.replace(/\n/g, '\r\n') : body;
  if (style.finalNewline) out += style.eol;
  return (style.bom ? '\ufeff' : '') + out;
}

/** Maps character offsets to 1-based line and column. */
export class LineIndex {
  private starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}
