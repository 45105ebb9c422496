// A page body as lines of styled text, and the helpers that make them: wrapping with a hanging indent and a
// countdown clock. Pure, so a screen's layout is tested without a terminal.
import { wrapText } from '../../learn/render-markdown.js';
import type { Color } from './theme.js';

export type { Color } from './theme.js';

export interface Line {
  text: string;
  inverse?: boolean;
  color?: Color;
  dim?: boolean;
  bold?: boolean;
}

/** One line of text with a style. */
export const line = (text: string, style: Omit<Line, 'text'> = {}): Line => ({ text, ...style });
/** An empty line. */
export const blank = (): Line => line('');

/** Wraps text to lines with a hanging indent. */
export function wrapped(
  text: string,
  width: number,
  first = '',
  rest = ' '.repeat(first.length),
  style: Omit<Line, 'text'> = {},
): Line[] {
  const out = wrapText(text, Math.max(10, width), first, rest);
  return (out.length ? out : [first]).map((t) => line(t, style));
}

/** Milliseconds as a clock: "04:05", or "1:02:03" from an hour up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h
    ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
    : `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
