// A one-line text editor as a pure value: typed characters, Backspace, ←/→, Home/End, and bursts of them.
import type { Key } from 'ink';

export interface TextBuffer {
  text: string;
  cursor: number;
}

export const buffer = (text: string): TextBuffer => ({ text, cursor: text.length });

/** Applies one keypress; returns undefined when the key is not an editing key. */
export function editBuffer(b: TextBuffer, input: string, key: Key): TextBuffer | undefined {
  if (key.backspace || key.delete) {
    if (b.cursor === 0) return b;
    return { text: b.text.slice(0, b.cursor - 1) + b.text.slice(b.cursor), cursor: b.cursor - 1 };
  }
  if (key.leftArrow) return { ...b, cursor: Math.max(0, b.cursor - 1) };
  if (key.rightArrow) return { ...b, cursor: Math.min(b.text.length, b.cursor + 1) };
  if (key.home || (key.ctrl && input === 'a')) return { ...b, cursor: 0 };
  if (key.end || (key.ctrl && input === 'e')) return { ...b, cursor: b.text.length };
  if (key.ctrl && input === 'u') return { text: b.text.slice(b.cursor), cursor: 0 };
  if (key.ctrl || key.meta || key.return || key.escape || key.tab || key.upArrow || key.downArrow) return undefined;
  if (!input) return undefined;
  // A burst read in one chunk (key repeat over a slow link) holds several keypresses: apply each.
  if (input.length > 1 && /[\u007f\b]/.test(input)) return burst(b, input);
  const clean = input.replace(/[\r\n\t]/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  if (!clean) return undefined;
  return { text: b.text.slice(0, b.cursor) + clean + b.text.slice(b.cursor), cursor: b.cursor + clean.length };
}

/** Applies a chunk key by key: Backspace/DEL erase, printable runs are inserted whole, other controls dropped. */
function burst(b: TextBuffer, input: string): TextBuffer {
  let out = b;
  for (const part of input.split(/([\u007f\b])/)) {
    if (part === '\u007f' || part === '\b')
      out =
        out.cursor === 0
          ? out
          : { text: out.text.slice(0, out.cursor - 1) + out.text.slice(out.cursor), cursor: out.cursor - 1 };
    else if (part) {
      const clean = part.replace(/[\r\n\t]/g, ' ').replace(/[\u0000-\u001f]/g, '');
      out = {
        text: out.text.slice(0, out.cursor) + clean + out.text.slice(out.cursor),
        cursor: out.cursor + clean.length,
      };
    }
  }
  return out;
}
