// The REPL's lines laid out for the terminal's width, before Ink sees them: a wrapped line keeps its indent
// (a diff or diagnostic line hangs under its text, a two-column line such as :help's under its second
// column, echoed input under the prompt), a caret follows its row of a wrapped input line, and the
// banner, the completion list and the key help break between their parts, never inside one.
import { PROMPT, type Entry, type EntryLine } from './entries.js';

/** Text cut into rows of at most `width` characters, at spaces when it can be, continuing after `rest`. */
export function wrapRows(text: string, width: number, rest: string): string[] {
  const rows: string[] = [];
  let line = text;
  let prefix = '';
  for (;;) {
    const room = Math.max(1, width - prefix.length);
    if (line.length <= room) {
      rows.push(prefix + line);
      return rows;
    }
    // Break at the last space that leaves something on the row; a longer word is split where the row ends.
    const space = line.lastIndexOf(' ', room);
    const lead = line.search(/\S/);
    const cut = space > lead && space > 0 ? space : room;
    rows.push(prefix + line.slice(0, cut).trimEnd());
    line = line.slice(cut).replace(/^ +/, '');
    prefix = rest;
    if (!line) return rows;
  }
}

const MARKER = /^(\s*)([→~+\-!✗✓i•] )/;
const TABLE = /^(\s+\S(?:\S| \S)*\s{2,})\S/;

/** The indent a line's continuation rows take. */
export function hangingIndent(text: string, width: number): number {
  const lead = /^\s*/.exec(text)![0].length;
  const marker = MARKER.exec(text);
  if (marker) return marker[1].length + marker[2].length;
  const table = TABLE.exec(text);
  if (table && table[1].length <= width - DESCRIPTION_ROOM) return table[1].length;
  return lead > 0 ? lead + 2 : 0;
}

/** The least room a two-column line's description keeps beside its first column; less, and it goes below. */
const DESCRIPTION_ROOM = 30;

/** One entry line as rows that fit `width`: its indent (paddingLeft before) is now part of the text. */
export function layoutLine(line: EntryLine, width: number): EntryLine[] {
  if (line.style === 'prompt') {
    const prompt = line.prompt ?? '';
    const rows = wrapRows(line.text, width - prompt.length, '');
    return rows.map((text, i) =>
      i === 0 ? { ...line, text } : { style: 'prompt', prompt: ' '.repeat(prompt.length), text },
    );
  }
  if (line.parts && line.text.length > width)
    return joinRows(line.parts, '   ·   ', width).map((t) => ({ style: line.style, text: t }));
  const text = ' '.repeat(line.indent ?? 0) + line.text;
  const table = TABLE.exec(text);
  if (table && text.length > width && table[1].length > width - DESCRIPTION_ROOM) {
    // Too narrow for two columns: the first column on its row, the description below it, indented.
    const lead = ' '.repeat(/^\s*/.exec(text)![0].length + 4);
    return [table[1].trimEnd(), ...wrapRows(lead + text.slice(table[1].length), width, lead)].map((t) => ({
      style: line.style,
      text: t,
    }));
  }
  const indent = hangingIndent(text, width);
  return wrapRows(text, width, ' '.repeat(indent)).map((t) => ({ style: line.style, text: t }));
}

const isCaret = (l: EntryLine) => l.style === 'error' && /^ *\^+$/.test(l.text);

/**
 * A whole entry laid out. When a one-line input wraps, its caret line moves under the row it points into,
 * re-aligned to that row, so the caret still marks the right characters.
 */
export function layoutEntry(entry: Entry, width: number): EntryLine[] {
  const prompts = entry.lines.filter((l) => l.style === 'prompt');
  const caret = entry.lines.find(isCaret);
  const single = prompts.length === 1 ? prompts[0] : undefined;
  if (!single || !caret || (single.prompt ?? '').length + single.text.length <= width)
    return entry.lines.flatMap((l) => layoutLine(l, width));
  const prompt = (single.prompt ?? PROMPT).length;
  const room = Math.max(1, width - prompt);
  // Hard rows (no word wrap) so each character keeps a known place.
  const rows: string[] = [];
  for (let i = 0; i < single.text.length; i += room) rows.push(single.text.slice(i, i + room));
  const start = caret.text.indexOf('^') - prompt;
  const length = caret.text.length - caret.text.indexOf('^');
  const row = Math.min(rows.length - 1, Math.max(0, Math.floor(start / room)));
  const column = start - row * room;
  const out: EntryLine[] = [];
  for (const l of entry.lines) {
    if (l === single) {
      rows.forEach((text, i) => {
        out.push({ style: 'prompt', prompt: i === 0 ? single.prompt : ' '.repeat(prompt), text });
        if (i === row)
          out.push({
            style: 'error',
            text: ' '.repeat(prompt + column) + '^'.repeat(Math.max(1, Math.min(length, room - column))),
          });
      });
    } else if (l !== caret) out.push(...layoutLine(l, width));
  }
  return out;
}

/** Parts joined by `separator`, a new row started where the next part would not fit. */
export function joinRows(parts: string[], separator: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const part of parts) {
    if (row && row.length + separator.length + part.length > width) {
      rows.push(row);
      row = part;
    } else row = row ? row + separator + part : part;
  }
  if (row) rows.push(row);
  return rows.flatMap((r) => wrapRows(r, width, '  '));
}

/** The completion candidates in rows that fit; past `maxRows`, the last row says how many more there are. */
export function candidateRows(candidates: string[], width: number, maxRows = 4): string[] {
  const rows = joinRows(candidates, '  ', width);
  if (rows.length <= maxRows) return rows;
  const shown = rows.slice(0, maxRows - 1);
  const count = shown.join('  ').split(/\s+/).filter(Boolean).length;
  return [...shown, `… and ${candidates.length - count} more: type a few more letters and press Tab again`];
}
