// Text for errors and definition changes, shared by the prompt and the scriptable mode.
import type { Json } from '../env/fields.js';
import { caretLine } from './errors.js';
import { isSecretPath, MASK } from './sdk/mask.js';
import type { DefinitionChange, ReplError } from './session.js';

/** Scriptable mode: "<stdin>:LINE:COL: Type: message", then the source line and a caret under the column. */
export function scriptErrorLines(error: ReplError, firstLine: number): string[] {
  const p = error.position;
  const head = error.type === 'Error' ? '' : `${error.type}: `;
  if (!p) return [`<stdin>:${firstLine}: ${head}${error.message}`];
  return [
    `<stdin>:${firstLine + p.line - 1}:${p.column}: ${head}${error.message}`,
    `    ${p.sourceLine}`,
    caretLine(p, 4),
  ];
}

/** The prompt: a caret under the echoed input (single line) or Python's File/line header (several lines). */
export function promptErrorLines(error: ReplError, promptWidth: number, multiline: boolean): string[] {
  const p = error.position;
  const last = error.type === 'Error' ? error.message : `${error.type}: ${error.message}`;
  if (!p) return [last];
  if (!multiline) return [caretLine(p, promptWidth), last];
  return [`  line ${p.line}`, `    ${p.sourceLine}`, caretLine(p, 4), last];
}

export type ChangeKind = 'focus' | 'added' | 'changed' | 'removed' | 'error' | 'warning' | 'info' | 'summary';

export interface ChangeLine {
  kind: ChangeKind;
  text: string;
}

const MAX_VALUE = 70;

export function shortValue(path: string, value: Json | undefined): string {
  if (isSecretPath(path, value)) return JSON.stringify(MASK);
  const text = JSON.stringify(value) ?? 'undefined';
  // A string (an image name, a URL, a version) is shown whole: it is what was typed and may be copied.
  // Lists and objects are shortened; :show prints them whole.
  return typeof value === 'string' || text.length <= MAX_VALUE ? text : `${text.slice(0, MAX_VALUE - 1)}…`;
}

/** One line per changed field, then the new diagnostics and a one-line summary. */
export function changeLines(change: DefinitionChange): ChangeLine[] {
  const out: ChangeLine[] = [];
  if (change.focus) out.push({ kind: 'focus', text: `→ ${change.focus}` });
  for (const c of change.changes) {
    const path = c.path || '(definition)';
    if (c.op === 'added') out.push({ kind: 'added', text: `+ ${path}: ${shortValue(c.path, c.after)}` });
    else if (c.op === 'removed')
      out.push({
        kind: 'removed',
        text: `- ${path}${c.before !== undefined ? ` (was ${shortValue(c.path, c.before)})` : ''}`,
      });
    else
      out.push({
        kind: 'changed',
        text: `~ ${path}: ${shortValue(c.path, c.before)} → ${shortValue(c.path, c.after)}`,
      });
  }
  for (const d of change.newDiagnostics)
    out.push({
      kind: d.severity,
      text: `${d.severity === 'error' ? '✗' : d.severity === 'warning' ? '!' : 'i'} ${d.path ? `${d.path}: ` : ''}${d.message} [${d.rule}]`,
    });
  const parts = [
    `${change.errors} error${change.errors === 1 ? '' : 's'}`,
    `${change.warnings} warning${change.warnings === 1 ? '' : 's'}`,
  ];
  if (change.fixed > 0) parts.unshift(`✓ ${change.fixed} fixed`);
  out.push({
    kind: 'summary',
    text: parts.join(' · ') + (change.newDiagnostics.length > 0 || change.fixed > 0 ? ' (:validate for details)' : ''),
  });
  return out;
}
