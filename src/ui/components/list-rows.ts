// The topic and lesson lists: a title column as wide as the screen allows with the numbers aligned after
// it, and a title too long for its column wrapped under itself rather than cut with "…".
import { wrapText } from '../../learn/render-markdown.js';
import type { Line } from './lines.js';

export interface ListItem {
  title: string;
  /** What follows the title: a mastery bar, counts. */
  stats: string;
}

/** The list's lines and where each item starts (for keeping the focused one in view). */
export function listRows(items: ListItem[], focus: number, width: number): { lines: Line[]; starts: number[] } {
  const statsWidth = Math.max(0, ...items.map((i) => i.stats.length));
  const longest = Math.max(1, ...items.map((i) => i.title.length));
  const column = Math.max(16, Math.min(longest, width - 3 - statsWidth));
  const lines: Line[] = [];
  const starts: number[] = [];
  items.forEach((item, i) => {
    starts.push(lines.length);
    const rows = wrapText(item.title, column);
    const pointer = i === focus ? '▸ ' : '  ';
    rows.forEach((row, r) => {
      const text = r === 0 ? `${pointer}${row.padEnd(column)} ${item.stats}` : `  ${row}`;
      lines.push({ text: text.trimEnd(), inverse: i === focus });
    });
  });
  return { lines, starts };
}
