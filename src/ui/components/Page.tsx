import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { Footer } from './Footer.js';
import { helpBar, type KeyId } from '../keys.js';
import type { Line } from './lines.js';
import { type Tone, toneColor } from './theme.js';

/** Lines left for the scrolling body: the whole page stays one line shorter than the terminal. */
export const bodyHeight = (height: number, pinned: number): number => Math.max(3, height - 4 - pinned);

/** The first body line shown for a wanted scroll position. */
export const clampScroll = (scroll: number, lines: number, window: number): number =>
  Math.max(0, Math.min(scroll, lines - window));

export function LineView({ line }: { line: Line }) {
  return (
    <Text wrap="truncate-end" inverse={line.inverse} color={line.color} dimColor={line.dim} bold={line.bold}>
      {line.text || ' '}
    </Text>
  );
}

export interface PageProps {
  width: number;
  title: string;
  /** Right of the title: progress, the countdown. */
  status?: string;
  body: Line[];
  scroll: number;
  height: number;
  /** Below the body, always visible (the choices, the answer field). */
  pinned?: ReactNode;
  pinnedHeight?: number;
  message?: { text: string; tone?: Tone };
  footer: KeyId[];
  labels?: Partial<Record<KeyId, string>>;
}

/** A title, a scrolling body, pinned lines, a message and the key help: at most height - 1 lines. */
export function Page({
  width,
  title,
  status,
  body,
  scroll,
  height,
  pinned,
  pinnedHeight = 0,
  message,
  footer,
  labels,
}: PageProps) {
  const window = bodyHeight(height, pinnedHeight);
  const top = clampScroll(scroll, body.length, window);
  const shown = body.slice(top, top + window);
  const end = top + shown.length;
  const keyRows = keyHelpRows(footer, labels, width);
  const more =
    body.length > window
      ? `lines ${top + 1}–${end} of ${body.length}, ${top === 0 ? 'PgDn' : end === body.length ? 'PgUp' : 'PgUp/PgDn'}`
      : '';
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Text bold>{title}</Text>
        {status ? <Text dimColor>{`  ${status}`}</Text> : null}
        {more ? <Text dimColor>{`  (${more})`}</Text> : null}
      </Text>
      {shown.map((l, i) => (
        <LineView key={top + i} line={l} />
      ))}
      {pinned}
      {!message && keyRows.length === 2 ? (
        // No message to show: a key help too long for one row takes the message's row too, so no key is cut.
        keyRows.map((row, i) => (
          <Text key={`k${i}`} dimColor>
            {row}
          </Text>
        ))
      ) : (
        <>
          <Text wrap="truncate-end" color={toneColor(message?.tone)} dimColor={!message}>
            {message?.text ?? ' '}
          </Text>
          <Footer keys={footer} labels={labels} />
        </>
      )}
    </Box>
  );
}

/** The key help in rows of the width, broken between keys. */
export function keyHelpRows(
  footer: KeyId[],
  labels: Partial<Record<KeyId, string>> | undefined,
  width: number,
): string[] {
  const rows: string[] = [];
  for (const part of helpBar(footer, labels).split(' · ')) {
    const last = rows.length - 1;
    if (last >= 0 && rows[last].length + 3 + part.length <= width) rows[last] += ` · ${part}`;
    else rows.push(part);
  }
  return rows;
}
