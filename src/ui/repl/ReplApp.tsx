// The interactive REPL: finished statements (input, output, errors with carets, definition diffs) go into
// <Static> above; the live region is only the prompt, completion candidates and the key help.
import { Box, Static, Text, useInput, useStdin, useStdout } from 'ink';
import { useEffect, useReducer, useRef, useState } from 'react';
import { complete } from '../../repl/complete.js';
import type { ReplSession, RunResult } from '../../repl/session.js';
import { errorMessage } from '../../util/errors.js';
import { helpBar, pressed } from '../keys.js';
import {
  bannerEntry,
  CONTINUATION,
  PROMPT,
  statementEntry,
  type Entry,
  type EntryLine,
  type LineStyle,
} from './entries.js';
import { candidateRows, joinRows, layoutEntry, layoutLine } from './layout.js';
import { initialPrompt, promptReducer } from './prompt-state.js';
import type { TextBuffer } from '../text-buffer.js';
import {
  ACCENT_COLOR,
  ATTENTION_COLOR,
  FAIL_COLOR,
  OK_COLOR,
  PROMPT_COLOR,
  SEVERITY_COLOR,
} from '../components/theme.js';

export interface ReplAppProps {
  session: ReplSession;
  /** Statements from earlier runs, oldest first. */
  history: string[];
  /** Called with each statement run, to persist the history; returns a warning to show when it could not be saved. */
  onHistory?: (entry: string) => string | undefined;
  /** A problem to show in the banner (e.g. the history file was corrupt). */
  problem?: string;
  onExit: () => void;
}

const STYLE: Partial<Record<LineStyle, { color?: string; dimColor?: boolean; bold?: boolean }>> = {
  warning: { color: SEVERITY_COLOR.warning },
  note: { dimColor: true },
  error: { color: SEVERITY_COLOR.error },
  focus: { color: ACCENT_COLOR, bold: true },
  added: { color: OK_COLOR },
  removed: { color: FAIL_COLOR },
  changed: { color: ATTENTION_COLOR },
  info: { color: SEVERITY_COLOR.info },
  summary: { dimColor: true },
  title: { bold: true },
};
/** Rows the completion list may take before it says how many more there are. */
const CANDIDATE_ROWS = 4;

function Line({ line }: { line: EntryLine }) {
  if (line.style === 'prompt') {
    return (
      <Text>
        <Text color={PROMPT_COLOR}>{line.prompt}</Text>
        {line.text}
      </Text>
    );
  }
  return <Text {...(STYLE[line.style] ?? {})}>{line.text || ' '}</Text>;
}

function EntryView({ entry, width }: { entry: Entry; width: number }) {
  return (
    <Box flexDirection="column">
      {layoutEntry(entry, width).map((line, i) => (
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
  const width = useColumns();

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
    let historyProblem: string | undefined;
    try {
      historyProblem = onHistory?.(source);
    } catch (err) {
      // A history that cannot be written must not stop the session; it is said once, below the statement.
      historyProblem = `the REPL history is not being saved (${errorMessage(err)})`;
    }
    busyRef.current = true;
    setBusy(true);
    let result: RunResult;
    try {
      result = await session.run(source);
    } catch (err) {
      result = {
        status: 'error',
        lines: [],
        error: { type: 'InternalError', message: `${errorMessage(err)} (please report it)` },
      };
    }
    if (historyProblem) result = { ...result, lines: [...result.lines, { kind: 'warning', text: historyProblem }] };
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
        const before = pending.current.length > 0 ? `${pending.current.join('\n')}\n` : '';
        const c = complete(session, before + state.buf.text, before.length + state.buf.cursor);
        dispatch({
          type: 'complete',
          completion: { ...c, start: c.start - before.length, end: c.end - before.length },
        });
        return;
      }
      if (key.upArrow) dispatch({ type: 'up' });
      else if (key.downArrow) dispatch({ type: 'down' });
      else dispatch({ type: 'key', input, key });
    },
    { isActive: Boolean(isRawModeSupported) },
  );

  const help = [
    ...(busy ? ['running…'] : []),
    ...helpBar(['complete', 'up', 'quit'], { up: 'history', quit: 'clear line / quit' }).split(' · '),
    ':help',
  ];
  return (
    <>
      <Static items={entries}>{(entry) => <EntryView key={entry.id} entry={entry} width={width} />}</Static>
      <Box flexDirection="column" width={width}>
        {state.pending
          .flatMap((line, i) =>
            layoutLine({ style: 'prompt', prompt: i === 0 ? PROMPT : CONTINUATION, text: line }, width),
          )
          .map((line, i) => (
            <Line key={`p${i}`} line={line} />
          ))}
        <InputRows prompt={state.pending.length > 0 ? CONTINUATION : PROMPT} buf={state.buf} width={width} />
        {candidateRows(state.candidates, width, CANDIDATE_ROWS).map((row, i) => (
          <Text key={`c${i}`} dimColor>
            {row}
          </Text>
        ))}
        {joinRows(help, ' · ', width).map((row, i) => (
          <Text key={`h${i}`} dimColor>
            {row}
          </Text>
        ))}
      </Box>
    </>
  );
}

/** The terminal's width, followed as it is resized. */
function useColumns(): number {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(stdout.columns || 80);
  useEffect(() => {
    const update = () => setColumns(stdout.columns || 80);
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return Math.max(20, columns);
}

/**
 * The line being typed, in rows of the width with the cursor shown: rows are cut here (one column kept
 * free for the cursor) rather than by the terminal, so a long line never leaves stale rows behind.
 */
function InputRows({ prompt, buf, width }: { prompt: string; buf: TextBuffer; width: number }) {
  const room = Math.max(1, width - prompt.length - 1);
  // A cursor after a full last row starts a row of its own.
  const count = Math.max(
    1,
    Math.ceil(buf.text.length / room) +
      (buf.cursor === buf.text.length && buf.text.length % room === 0 && buf.text.length > 0 ? 1 : 0),
  );
  const cursorRow = Math.min(count - 1, Math.floor(buf.cursor / room));
  return (
    <>
      {Array.from({ length: count }, (_, i) => {
        const start = i * room;
        const text = buf.text.slice(start, start + room);
        const here = i === cursorRow;
        const at = buf.cursor - start;
        return (
          <Text key={i}>
            <Text color={PROMPT_COLOR}>{i === 0 ? prompt : ' '.repeat(prompt.length)}</Text>
            {here ? text.slice(0, at) : text}
            {here ? <Text inverse>{text[at] ?? ' '}</Text> : null}
            {here ? text.slice(at + 1) : null}
          </Text>
        );
      })}
    </>
  );
}
