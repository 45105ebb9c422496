import { Box, Text, useInput, useStdin } from 'ink';
import { useRef, useState } from 'react';
import { useSyncedState } from '../hooks/useSyncedState.js';
import { Footer } from '../components/Footer.js';
import { pressed } from '../keys.js';
import { wrapText } from '../../learn/render-markdown.js';
import { ATTENTION_COLOR } from '../components/theme.js';

export interface HomeEntry {
  id: string;
  label: string;
  summary: string;
  /** Why it cannot be used yet; the entry is shown dimmed with this reason. */
  disabled?: string;
}

export function Home({
  entries,
  notice,
  initial,
  width = 80,
  onChoose,
  onQuit,
}: {
  entries: HomeEntry[];
  notice?: string;
  initial?: string;
  width?: number;
  onChoose: (id: string) => void;
  onQuit: () => void;
}) {
  const { isRawModeSupported } = useStdin();
  const [focus, setFocus, currentFocus] = useSyncedState(() =>
    Math.max(
      0,
      entries.findIndex((e) => (initial ? e.id === initial : !e.disabled)),
    ),
  );
  const [said, setSaid] = useState<string>();
  // Keys after the one that chose an entry belong to the screen it opens (the app keeps them for it).
  const chosen = useRef(false);
  useInput(
    (input, key) => {
      if (chosen.current) return;
      if (pressed('up', input, key)) setFocus((f) => (f - 1 + entries.length) % entries.length);
      else if (pressed('down', input, key)) setFocus((f) => (f + 1) % entries.length);
      else if (pressed('select', input, key)) {
        const entry = entries[currentFocus()];
        if (entry.disabled) setSaid(`${entry.label}: ${entry.disabled}`);
        else {
          chosen.current = true;
          onChoose(entry.id);
        }
      } else if (pressed('quit', input, key) || pressed('back', input, key) || input === 'q') onQuit();
    },
    { isActive: Boolean(isRawModeSupported) },
  );
  const focused = entries[focus];
  return (
    <Box flexDirection="column">
      <Text bold>amlenv — Azure Machine Learning environments</Text>
      <Text dimColor>Learn them, build them, check them, prove them. Works offline.</Text>
      <Text> </Text>
      {entries.map((e, i) => (
        <Text key={e.id} inverse={i === focus} dimColor={Boolean(e.disabled) && i !== focus} wrap="truncate-end">
          {i === focus ? '▸ ' : '  '}
          {e.label.padEnd(24)}
          {e.disabled ? `(not yet) ${e.summary}` : e.summary}
        </Text>
      ))}
      <Text> </Text>
      {/* The focused entry told in full, wrapped (its line in the list is cut to the width). */}
      {wrapText(
        said ?? (focused.disabled ? `Not available yet: ${focused.disabled}` : `${focused.label}: ${focused.summary}`),
        width,
      ).map((line, i) => (
        <Text key={`d${i}`} color={said ? ATTENTION_COLOR : undefined} dimColor={!said}>
          {line}
        </Text>
      ))}
      {notice
        ? wrapText(notice, width).map((line, i) => (
            <Text key={`n${i}`} color={ATTENTION_COLOR}>
              {line}
            </Text>
          ))
        : null}
      <Footer keys={['up', 'select', 'quit']} labels={{ select: 'open' }} />
    </Box>
  );
}
