// The prompt as a pure value: the line being edited, continuation lines already entered, history browsing
// (↑/↓ keep the unfinished line as a draft) and the completion candidates on show.
import type { Key } from 'ink';
import { commonPrefix, type Completion } from '../../repl/complete.js';
import { buffer, editBuffer, type TextBuffer } from '../text-buffer.js';

export interface PromptState {
  buf: TextBuffer;
  /** Lines of a statement still open (a bracket or a triple-quoted string). */
  pending: string[];
  /** Oldest first. */
  history: string[];
  /** Where ↑/↓ is in the history; null when editing a new line. */
  index: number | null;
  /** The line being typed before ↑ was pressed. */
  draft: string;
  candidates: string[];
}

export type PromptAction =
  | { type: 'key'; input: string; key: Key }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'complete'; completion: Completion }
  | { type: 'continue'; text: string }
  | { type: 'insert'; text: string }
  | { type: 'submitted'; entry: string }
  | { type: 'clear' };

export const initialPrompt = (history: string[] = []): PromptState => ({
  buf: buffer(''),
  pending: [],
  history,
  index: null,
  draft: '',
  candidates: [],
});

/** The whole input so far: continuation lines and the current line. */
export const sourceOf = (s: PromptState): string => [...s.pending, s.buf.text].join('\n');

export function promptReducer(s: PromptState, a: PromptAction): PromptState {
  switch (a.type) {
    case 'key': {
      const buf = editBuffer(s.buf, a.input, a.key);
      return buf ? { ...s, buf, candidates: [] } : s;
    }
    case 'up': {
      if (s.history.length === 0) return s;
      const index = s.index === null ? s.history.length - 1 : Math.max(0, s.index - 1);
      return {
        ...s,
        index,
        draft: s.index === null ? s.buf.text : s.draft,
        buf: buffer(s.history[index]),
        candidates: [],
      };
    }
    case 'down': {
      if (s.index === null) return s;
      if (s.index >= s.history.length - 1) return { ...s, index: null, buf: buffer(s.draft), candidates: [] };
      const index = s.index + 1;
      return { ...s, index, buf: buffer(s.history[index]), candidates: [] };
    }
    case 'complete':
      return applyCompletion(s, a.completion);
    case 'continue':
      return { ...s, pending: [...s.pending, a.text], buf: buffer(''), index: null, candidates: [] };
    case 'insert':
      return {
        ...s,
        buf: {
          text: s.buf.text.slice(0, s.buf.cursor) + a.text + s.buf.text.slice(s.buf.cursor),
          cursor: s.buf.cursor + a.text.length,
        },
        candidates: [],
      };
    case 'submitted': {
      const history =
        a.entry.trim() && s.history[s.history.length - 1] !== a.entry ? [...s.history, a.entry] : s.history;
      return { ...s, buf: buffer(''), pending: [], history, index: null, draft: '', candidates: [] };
    }
    case 'clear':
      return { ...s, buf: buffer(''), pending: [], index: null, candidates: [] };
  }
}

/** One candidate: insert it. Several: insert what they share and list them. */
function applyCompletion(s: PromptState, c: Completion): PromptState {
  if (c.candidates.length === 0) return { ...s, candidates: [] };
  const current = s.buf.text.slice(c.start, c.end);
  const insert = c.candidates.length === 1 ? c.candidates[0] : commonPrefix(c.candidates);
  const text =
    insert.length > current.length ? s.buf.text.slice(0, c.start) + insert + s.buf.text.slice(c.end) : s.buf.text;
  const cursor = insert.length > current.length ? c.start + insert.length : s.buf.cursor;
  return { ...s, buf: { text, cursor }, candidates: c.candidates.length === 1 ? [] : c.candidates };
}
