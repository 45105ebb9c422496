// The interactive REPL: finished statements (input, output, errors with carets, definition diffs) go into
// <Static> above; the live region is only the prompt, completion candidates and the key help.
import { Box, Static, Text, useInput, useStdin } from 'ink';
import { useReducer, useRef, useState } from 'react';
import { complete } from '../../repl/complete.js';
import type { ReplSession, RunResult } from '../../repl/session.js';
import { TextLine } from '../components/TextLine.js';
import { helpBar, pressed } from '../keys.js';
import { bannerEntry, CONTINUATION, PROMPT, statementEntry, type Entry, type EntryLine, type LineStyle } from './entries.js';
import { initialPrompt, promptReducer } from './prompt-state.js';

export interface ReplAppProps {
  session: ReplSession;
  /** Statements from earlier runs, oldest first. */
  history: string[];
  /** Called with each statement run, to persist the history. */
  onHistory?: (entry: string) => void;
  /** A problem to show in the banner (e.g. the history file was corrupt). */
  problem?: string;
  onExit: () => void;
}

const STYLE: Partial<Record<LineStyle, { color?: string; dimColor?: boolean; bold?: boolean }>> = {
  warning: { color: 'yellow' },
  note: { dimColor: true },
  error: { color: 'red' },
  focus: { color: 'cyan', bold: true },
  added: { color: 'green' },
  removed: { color: 'red' },
  changed: { color: 'yellow' },
  info: { color: 'cyan' },
  summary: { dimColor: true },
  title: { bold: true },
};
const MAX_CANDIDATES = 12;

function Line({ line }: { line: EntryLine }) {
  if (line.style === 'prompt') {
    return (
      <Text>
        <Text color="green">{line.prompt}</Text>
        {line.text}
      </Text>
    );
  }
  const text = <Text {...(STYLE[line.style] ?? {})}>{line.text || ' '}</Text>;
  return line.indent ? <Box paddingLeft={line.indent}>{text}</Box> : text;
}

function EntryView({ entry }: { entry: Entry }) {
  return (
    <Box flexDirection="column">
      {entry.lines.map((line, i) => (
        <Line key={i} line={line} />
      ))}
    </Box>
  );
}

export function ReplApp({ session, history, onHistory, problem, onExit }: ReplAppProps) {
  const [state, dispatch] = useReducer(promptReducer, history, initialPrompt);
  const [entries, setEntries] = useState<Entry[]>(() => [bannerEntry(problem)]);
  const [busy, setBusy] = useState(false);
  const nextId = useRef(1);
  // Lines typed into an open statement, kept in a ref too: pasted lines are submitted faster than React renders.
  const pending = useRef<string[]>([]);
  const busyRef = useRef(false);
  const { isRawModeSupported } = useStdin();

  const submitLine = async (text: string): Promise<boolean> => {
    const source = [...pending.current, text].join('\n');
    if (!source.trim()) {
      pending.current = [];
      dispatch({ type: 'clear' });
      return true;
    }
    if (session.needsMore(source)) {
      pending.current = [...pending.current, text];
      dispatch({ type: 'continue', text });
      return true;
    }
    pending.current = [];
    dispatch({ type: 'submitted', entry: source });
    try {
      onHistory?.(source);
    } catch {
      // A history that cannot be written must not stop the session.
    }
    busyRef.current = true;
    setBusy(true);
    let result: RunResult;
    try {
      result = await session.run(source);
    } catch (err) {
      result = { status: 'error', lines: [], error: { type: 'InternalError', message: `${(err as Error).message} (please report it)` } };
    }
    setEntries((list) => [...list, statementEntry(nextId.current++, source, result)]);
    busyRef.current = false;
    setBusy(false);
    if (result.status === 'quit') {
      onExit();
      return false;
    }
    return true;
  };

  const paste = async (text: string) => {
    const lines = text.split(/\r\n|\r|\n/);
    const last = lines.pop() ?? '';
    for (const [i, line] of lines.entries()) {
      const typed = i === 0 ? state.buf.text.slice(0, state.buf.cursor) + line : line;
      if (!(await submitLine(typed))) return;
    }
    if (last) dispatch({ type: 'insert', text: last });
  };

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') {
        if (state.buf.text || pending.current.length > 0) {
          pending.current = [];
          dispatch({ type: 'clear' });
        } else onExit();
        return;
      }
      if (busyRef.current) return;
      if (key.ctrl && input === 'd') {
        if (!state.buf.text && pending.current.length === 0) onExit();
        return;
      }
      if (key.return) {
        void submitLine(state.buf.text);
        return;
      }
      if (input.length > 1 && /[\r\n]/.test(input)) {
        void paste(input);
        return;
      }
      if (pressed('complete', input, key)) {
        const before = pending.current.length > 0 ? pending.current.join('\n') + '\n' : '';
        const c = complete(session, before + state.buf.text, before.length + state.buf.cursor);
        dispatch({ type: 'complete', completion: { ...c, start: c.start - before.length, end: c.end - before.length } });
        return;
      }
      if (key.upArrow) dispatch({ type: 'up' });
      else if (key.downArrow) dispatch({ type: 'down' });
      else dispatch({ type: 'key', input, key });
    },
    { isActive: Boolean(isRawModeSupported) },
  );

  const more = state.candidates.length - MAX_CANDIDATES;
  return (
    <>
      <Static items={entries}>{(entry) => <EntryView key={entry.id} entry={entry} />}</Static>
      <Box flexDirection="column">
        {state.pending.map((line, i) => (
          <Line key={i} line={{ style: 'prompt', prompt: i === 0 ? PROMPT : CONTINUATION, text: line }} />
        ))}
        <Box>
          <Text color="green">{state.pending.length > 0 ? CONTINUATION : PROMPT}</Text>
          <TextLine buf={state.buf} />
        </Box>
        {state.candidates.length > 0 ? (
          <Text dimColor wrap="truncate-end">
            {state.candidates.slice(0, MAX_CANDIDATES).join('  ')}
            {more > 0 ? `  (+${more} more)` : ''}
          </Text>
        ) : null}
        <Text dimColor wrap="truncate-end">
          {busy ? 'running… · ' : ''}
          {helpBar(['complete', 'up', 'quit'], { up: 'history', quit: 'clear line / quit' })} · :help
        </Text>
      </Box>
    </>
  );
}
