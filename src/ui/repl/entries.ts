// What the prompt leaves above itself after each statement: the input as typed, what it printed, the error
// with its caret, and the definition diff with new diagnostics. Pure, so it is tested without a terminal.
import { changeLines, promptErrorLines, type ChangeKind } from '../../repl/format.js';
import type { OutKind, RunResult } from '../../repl/session.js';
import { safeText } from '../../util/safe-text.js';

export type LineStyle = OutKind | ChangeKind | 'prompt' | 'title';

export interface EntryLine {
  style: LineStyle;
  text: string;
  /** For 'prompt' lines: the prompt shown before the text. */
  prompt?: string;
  /** Columns of indentation, kept on wrapped lines too. */
  indent?: number;
  /** Phrases that may each start a row when the line wraps (joined by ' · '): never broken inside one. */
  parts?: string[];
}

export interface Entry {
  id: number;
  lines: EntryLine[];
}

export const PROMPT = '>>> ';
export const CONTINUATION = '... ';

export function statementEntry(id: number, source: string, result: RunResult): Entry {
  const input = source.split('\n');
  const lines: EntryLine[] = input.map((text, i) => ({
    style: 'prompt',
    prompt: i === 0 ? PROMPT : CONTINUATION,
    text,
  }));
  for (const line of result.lines)
    lines.push({ style: line.kind, text: line.kind === 'warning' ? `warning: ${line.text}` : line.text });
  if (result.error) {
    for (const text of promptErrorLines(result.error, PROMPT.length, input.length > 1))
      lines.push({ style: 'error', text });
  }
  if (result.change) for (const c of changeLines(result.change)) lines.push({ style: c.kind, text: c.text, indent: 2 });
  // Everything shown quotes what was typed or read: control characters are escaped here, once.
  return { id, lines: lines.map((l) => ({ ...l, text: safeText(l.text) })) };
}

const BANNER_PARTS = ['Start with: from azureml.core import Environment', ':help lists everything', ':quit leaves'];

export function bannerEntry(problem?: string): Entry {
  const lines: EntryLine[] = [
    { style: 'title', text: 'amlenv repl — Azure ML Environment statements, offline' },
    { style: 'note', text: BANNER_PARTS.join('   ·   '), parts: BANNER_PARTS },
  ];
  if (problem) lines.push({ style: 'warning', text: `warning: ${problem}` });
  return { id: 0, lines };
}
