// A multi-line text editor as a pure value, for fixing a file inside the app when $EDITOR is not set:
// arrows, Home/End, PgUp/PgDn, Enter (keeps the indentation), Backspace (joins lines), Tab (two spaces),
// Ctrl-K (cut to the end of the line), typing and pasting. `top` keeps the cursor inside a window.
import type { Key } from 'ink';

export interface MultiLine {
  lines: string[];
  row: number;
  col: number;
  /** First line shown. */
  top: number;
}

export function multiline(text: string): MultiLine {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  return { lines, row: 0, col: 0, top: 0 };
}

/** The text, ending with a newline like the files it came from. */
export const textOf = (m: MultiLine): string => `${m.lines.join('\n')}\n`;

function follow(m: MultiLine, height: number): MultiLine {
  const row = Math.max(0, Math.min(m.row, m.lines.length - 1));
  const col = Math.max(0, Math.min(m.col, m.lines[row].length));
  let top = m.top;
  if (row < top) top = row;
  if (row >= top + height) top = row - height + 1;
  return { ...m, row, col, top: Math.max(0, Math.min(top, Math.max(0, m.lines.length - height))) };
}

function insert(m: MultiLine, text: string): MultiLine {
  const parts = text.split('\n');
  const line = m.lines[m.row];
  const before = line.slice(0, m.col);
  const after = line.slice(m.col);
  if (parts.length === 1) {
    const lines = [...m.lines];
    lines[m.row] = before + text + after;
    return { ...m, lines, col: m.col + text.length };
  }
  const middle = parts.slice(1, -1);
  const last = parts[parts.length - 1];
  const lines = [...m.lines.slice(0, m.row), before + parts[0], ...middle, last + after, ...m.lines.slice(m.row + 1)];
  return { ...m, lines, row: m.row + parts.length - 1, col: last.length };
}

/** Applies one keypress; undefined when the key is not an editing key (Esc, Ctrl-S: the caller's). */
export function editMulti(m: MultiLine, input: string, key: Key, height: number): MultiLine | undefined {
  const line = m.lines[m.row];
  let next: MultiLine | undefined;
  if (key.escape || (key.ctrl && input === 's') || (key.ctrl && input === 'c')) return undefined;
  if (key.upArrow) next = { ...m, row: m.row - 1 };
  else if (key.downArrow) next = { ...m, row: m.row + 1 };
  else if (key.pageUp) next = { ...m, row: m.row - height, top: m.top - height };
  else if (key.pageDown) next = { ...m, row: m.row + height, top: m.top + height };
  else if (key.leftArrow)
    next =
      m.col > 0 ? { ...m, col: m.col - 1 } : m.row > 0 ? { ...m, row: m.row - 1, col: m.lines[m.row - 1].length } : m;
  else if (key.rightArrow)
    next =
      m.col < line.length
        ? { ...m, col: m.col + 1 }
        : m.row < m.lines.length - 1
          ? { ...m, row: m.row + 1, col: 0 }
          : m;
  else if (key.home || (key.ctrl && input === 'a')) next = { ...m, col: 0 };
  else if (key.end || (key.ctrl && input === 'e')) next = { ...m, col: line.length };
  else if (key.ctrl && input === 'k') {
    const lines = [...m.lines];
    if (m.col < line.length) lines[m.row] = line.slice(0, m.col);
    else if (m.row < lines.length - 1) lines.splice(m.row, 2, line + lines[m.row + 1]);
    next = { ...m, lines };
  } else if (key.backspace || key.delete) {
    if (m.col > 0) {
      const lines = [...m.lines];
      lines[m.row] = line.slice(0, m.col - 1) + line.slice(m.col);
      next = { ...m, lines, col: m.col - 1 };
    } else if (m.row > 0) {
      const lines = [...m.lines];
      const prev = lines[m.row - 1];
      lines.splice(m.row - 1, 2, prev + line);
      next = { ...m, lines, row: m.row - 1, col: prev.length };
    } else next = m;
  } else if (key.return) next = insert(m, `\n${(/^\s*/.exec(line)?.[0] ?? '').slice(0, m.col)}`);
  else if (key.tab) next = insert(m, '  ');
  else if (key.ctrl || key.meta) return undefined;
  else if (input) {
    // Pasted text arrives as one string; other control characters are dropped.
    const clean = input
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '  ')
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
    if (!clean) return undefined;
    next = insert(m, clean);
  }
  return next ? follow(next, height) : undefined;
}
