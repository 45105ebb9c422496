import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Box, Text, useInput, useStdin } from 'ink';
import { useState } from 'react';
import { useSyncedState } from '../hooks/useSyncedState.js';
import { pressed } from '../keys.js';
import { buffer, editBuffer } from '../text-buffer.js';
import { TextLine } from './TextLine.js';

/** Entries of the folder a partial path points into, that start with its last part. */
export function completions(partial: string, cwd = process.cwd()): string[] {
  const dir = partial.endsWith('/') ? partial : dirname(partial);
  const stem = partial.endsWith('/') ? '' : basename(partial);
  const base = resolve(cwd, dir);
  try {
    return readdirSync(base)
      .filter((name) => name.startsWith(stem) && (!name.startsWith('.') || stem.startsWith('.')))
      .sort()
      .map((name) => {
        const full = dir === '.' && !partial.startsWith('./') ? name : join(dir, name);
        let isDir = false;
        try {
          isDir = statSync(join(base, name)).isDirectory();
        } catch {
          isDir = false;
        }
        return isDir ? `${full}/` : full;
      });
  } catch {
    return [];
  }
}

/** The longest common start of the candidates. */
export function commonPrefix(items: string[]): string {
  if (!items.length) return '';
  let prefix = items[0];
  for (const item of items) while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** The text without the newlines at its end (a loop: a regex such as /[\r\n]+$/ is quadratic on many newlines). */
function trimLineEnds(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\r' || text[end - 1] === '\n')) end--;
  return text.slice(0, end);
}

/** A path input with Tab completion. */
export function PathPrompt({
  label,
  initial = '',
  onSubmit,
  onCancel,
}: {
  label: string;
  initial?: string;
  onSubmit: (path: string) => void;
  onCancel: () => void;
}) {
  const { isRawModeSupported } = useStdin();
  // Read through currentBuf(): a path typed or pasted and Enter in the same read must submit the whole path.
  const [buf, setBuf, currentBuf] = useSyncedState(() => buffer(initial));
  const [candidates, setCandidates] = useState<string[]>([]);
  useInput(
    (input, key) => {
      const typed = currentBuf();
      // A pasted path that ends with its newline: insert it, then submit it, as typing it and Enter would.
      const body = trimLineEnds(input);
      if (input.length > 1 && body.length < input.length) {
        const pasted = editBuffer(typed, body, key) ?? typed;
        setBuf(pasted);
        if (pasted.text.trim()) onSubmit(pasted.text.trim());
        return;
      }
      if (pressed('select', input, key)) {
        if (typed.text.trim()) onSubmit(typed.text.trim());
        return;
      }
      if (pressed('back', input, key)) return onCancel();
      if (pressed('complete', input, key)) {
        const found = completions(typed.text);
        const prefix = commonPrefix(found);
        if (prefix.length > typed.text.length) setBuf(buffer(prefix));
        setCandidates(found.length > 1 ? found : []);
        return;
      }
      const next = editBuffer(typed, input, key);
      if (next) {
        setBuf(next);
        setCandidates([]);
      }
    },
    { isActive: Boolean(isRawModeSupported) },
  );
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{label} </Text>
        <TextLine buf={buf} placeholder="path to a file or folder" />
      </Text>
      {candidates.slice(0, 8).map((c) => (
        <Text key={c} dimColor>
          {'  '}
          {c}
        </Text>
      ))}
      {candidates.length > 8 ? <Text dimColor>{`  … ${candidates.length - 8} more`}</Text> : null}
    </Box>
  );
}
