import { Text } from 'ink';
import type { TextBuffer } from '../text-buffer.js';

/** A text buffer with a visible cursor; masked text shows one • per character. */
export function TextLine({ buf, mask, placeholder }: { buf: TextBuffer; mask?: boolean; placeholder?: string }) {
  const text = mask ? '•'.repeat(buf.text.length) : buf.text;
  if (!text && placeholder)
    return (
      <Text>
        <Text inverse> </Text>
        <Text dimColor>{placeholder}</Text>
      </Text>
    );
  const before = text.slice(0, buf.cursor);
  const at = text[buf.cursor] ?? ' ';
  const after = text.slice(buf.cursor + 1);
  return (
    <Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  );
}
