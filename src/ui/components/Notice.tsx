import { Box, Text } from 'ink';
import { wrapText } from '../../learn/render-markdown.js';
import { ATTENTION_COLOR } from './theme.js';

/** The lines a notice takes at this width (wrapped here, so the screen below knows its height exactly). */
export function noticeLines(text: string | undefined, width: number): string[] {
  return text ? wrapText(text, Math.max(10, width), '', '') : [];
}

/** A store problem (a damaged file set aside, a file that cannot be read or written) shown above a screen, in full. */
export function Notice({ text, width }: { text?: string; width: number }) {
  const lines = noticeLines(text, width);
  if (!lines.length) return null;
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} color={ATTENTION_COLOR} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
