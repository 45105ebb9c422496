// A one-line text editor as a pure value: typed characters, Backspace, ←/→, Home/End.
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
  const clean = input.replace(/[\r\n\t]/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  if (!clean) return undefined;
  return { text: b.text.slice(0, b.cursor) + clean + b.text.slice(b.cursor), cursor: b.cursor + clean.length };
}
