import { Box, Text, useInput, useStdin } from 'ink';
import { useState } from 'react';
import { pressed } from '../keys.js';
import { Footer } from './Footer.js';

/** A scrollable page of text (a rule's explanation, a lesson). */
export function DocView({
  title,
  text,
  height,
  onBack,
}: {
  title: string;
  text: string;
  height: number;
  onBack: () => void;
}) {
  const { isRawModeSupported } = useStdin();
  const lines = text.split('\n');
  const page = Math.max(3, height - 3);
  const [top, setTop] = useState(0);
  const maxTop = Math.max(0, lines.length - page);
  useInput(
    (input, key) => {
      if (pressed('back', input, key) || pressed('select', input, key)) onBack();
      else if (pressed('down', input, key)) setTop((t) => Math.min(maxTop, t + 1));
      else if (pressed('up', input, key)) setTop((t) => Math.max(0, t - 1));
      else if (pressed('pageDown', input, key) || input === ' ') setTop((t) => Math.min(maxTop, t + page));
      else if (pressed('pageUp', input, key)) setTop((t) => Math.max(0, t - page));
    },
    { isActive: Boolean(isRawModeSupported) },
  );
  const shown = lines.slice(top, top + page);
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
      <Text dimColor>
        {lines.length > page ? `lines ${top + 1}–${Math.min(lines.length, top + page)} of ${lines.length}` : ' '}
      </Text>
      <Footer keys={['up', 'pageDown', 'back']} labels={{ up: 'scroll', back: 'back' }} />
    </Box>
  );
}
