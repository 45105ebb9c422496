import { Box, Text, useInput, useStdin } from 'ink';
import { useState } from 'react';
import { Footer } from '../components/Footer.js';
import { pressed } from '../keys.js';

export interface HomeEntry {
  id: string;
  label: string;
  summary: string;
  /** Why it cannot be used yet; the entry is shown dimmed with this reason. */
  disabled?: string;
}

export function Home({ entries, notice, initial, onChoose, onQuit }: { entries: HomeEntry[]; notice?: string; initial?: string; onChoose: (id: string) => void; onQuit: () => void }) {
  const { isRawModeSupported } = useStdin();
  const [focus, setFocus] = useState(() => Math.max(0, entries.findIndex((e) => (initial ? e.id === initial : !e.disabled))));
  const [said, setSaid] = useState<string>();
  useInput(
    (input, key) => {
      if (pressed('up', input, key)) setFocus((f) => (f - 1 + entries.length) % entries.length);
      else if (pressed('down', input, key)) setFocus((f) => (f + 1) % entries.length);
      else if (pressed('select', input, key)) {
        const entry = entries[focus];
        if (entry.disabled) setSaid(`${entry.label}: ${entry.disabled}`);
        else onChoose(entry.id);
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
      <Text color={said ? 'yellow' : undefined} dimColor={!said} wrap="truncate-end">
        {said ?? (focused.disabled ? `Not available yet: ${focused.disabled}` : ' ')}
      </Text>
      {notice ? <Text color="yellow" wrap="truncate-end">{notice}</Text> : null}
      <Footer keys={['up', 'select', 'quit']} labels={{ select: 'open' }} />
    </Box>
  );
}
