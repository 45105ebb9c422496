// The wizard as a pure state machine: keys in, new state and effects out. The view renders the state and
// carries out the effects (write files, read a Dockerfile, save the draft, quit).
import type { Key } from 'ink';
import type { Diagnostic } from '../../env/types.js';
import { pressed } from '../keys.js';
import { buffer, editBuffer, type TextBuffer } from '../text-buffer.js';
import { looksSecret } from '../../rules/env-vars.js';
import { type Draft, draftListItems, type ListKey, sdkOf, setListItems } from './draft.js';
import { type Row, type StepContext, stepOfPath, stepsOf } from './steps.js';

export type Confirm =
  | { kind: 'quit' }
  | { kind: 'errors'; count: number }
  | { kind: 'overwrite'; paths: string[]; thenCheck?: boolean; withoutSecrets?: boolean }
  /** A resumed draft lacks secrets that were not saved with it: write without them? */
  | { kind: 'missing-secrets'; names: string[]; thenCheck?: boolean };

export interface WizardState {
  draft: Draft;
  step: number;
  focus: number;
  editing?: { rowId: string; buf: TextBuffer };
  /** An open option picker for a choice row. */
  picking?: { rowId: string; index: number };
  confirm?: Confirm;
  panel: boolean;
  /** Review step: the diagnostics list has the focus instead of the rows. */
  inFindings: boolean;
  findingFocus: number;
  /** Changes since the wizard started or since the last write (Ctrl-C asks before quitting only then). */
  dirty: boolean;
  /** The files were written and nothing changed since. */
  written?: boolean;
  message?: { text: string; tone: 'info' | 'error' | 'success' };
}

export type Effect =
  | { type: 'save-draft' }
  | { type: 'write'; overwrite: boolean; thenCheck?: boolean; withoutSecrets?: boolean }
  | { type: 'read-file'; rowId: string; path: string }
  | { type: 'quit' };

export interface Result {
  state: WizardState;
  effects: Effect[];
}

export function initialState(draft: Draft): WizardState {
  return {
    draft,
    step: Math.min(Math.max(draft.meta.step, 0), stepsOf(draft).length - 1),
    focus: 0,
    panel: false,
    inFindings: false,
    findingFocus: 0,
    dirty: false,
  };
}

const rowCache = new WeakMap<Draft, Map<string, Row[]>>();

/** The rows of the current step; cached per draft (and the offers that depend on Docker or the channels answering), since a keystroke that only moves the focus changes neither. */
export function rowsOf(state: WizardState, ctx: StepContext): Row[] {
  let byStep = rowCache.get(state.draft);
  if (!byStep) {
    byStep = new Map();
    rowCache.set(state.draft, byStep);
  }
  const key = `${sdkOf(state.draft)}:${state.step}:${ctx.dockerAvailable ? 'd' : ''}${ctx.solveAvailable ? 's' : ''}`;
  let rows = byStep.get(key);
  if (!rows) {
    rows = stepsOf(state.draft)[state.step].rows(state.draft, ctx);
    byStep.set(key, rows);
  }
  return rows;
}

/** Rows that can take the focus (headings cannot). */
const focusable = (rows: Row[]) => rows.map((r, i) => (r.kind === 'heading' ? -1 : i)).filter((i) => i >= 0);

function clampFocus(rows: Row[], wanted: number, direction: 1 | -1 = 1): number {
  const usable = focusable(rows);
  if (!usable.length) return 0;
  if (usable.includes(wanted)) return wanted;
  const next = direction > 0 ? usable.find((i) => i > wanted) : [...usable].reverse().find((i) => i < wanted);
  return next ?? (direction > 0 ? usable[usable.length - 1] : usable[0]);
}

/** A list item as a message may show it: a secret-looking variable's value is never echoed. */
function shownItem(list: ListKey, item: string): string {
  if (list !== 'env') return item;
  const name = item.split('=')[0] ?? '';
  return looksSecret(name) ? `${name}=••••` : item;
}

export const stepErrors = (diagnostics: Diagnostic[], step: number, draft: Draft): Diagnostic[] =>
  diagnostics.filter((d) => d.severity === 'error' && stepOfPath(d.path, stepsOf(draft)) === step);

function changed(state: WizardState, draft: Draft, message?: WizardState['message']): Result {
  return { state: { ...state, draft, dirty: true, written: false, message }, effects: [{ type: 'save-draft' }] };
}

function goToStep(state: WizardState, step: number, ctx: StepContext): Result {
  const draft = { ...state.draft, meta: { ...state.draft.meta, step } };
  const next = {
    ...state,
    draft,
    step,
    focus: 0,
    inFindings: false,
    findingFocus: 0,
    confirm: undefined,
    message: undefined,
  };
  return { state: { ...next, focus: clampFocus(rowsOf(next, ctx), 0) }, effects: [{ type: 'save-draft' }] };
}

/** Next step, unless this step has errors and the user has not confirmed going on anyway. */
function next(state: WizardState, diagnostics: Diagnostic[], ctx: StepContext, confirmed = false): Result {
  if (state.step >= stepsOf(state.draft).length - 1) return { state, effects: [] };
  const errors = stepErrors(diagnostics, state.step, state.draft);
  if (errors.length && !confirmed)
    return { state: { ...state, confirm: { kind: 'errors', count: errors.length } }, effects: [] };
  return goToStep(state, state.step + 1, ctx);
}

/** Moves the focus to the row (and step) of a diagnostic's field. */
export function jumpTo(state: WizardState, path: string, ctx: StepContext): WizardState {
  const step = stepOfPath(path, stepsOf(state.draft));
  const moved = goToStep(state, step, ctx).state;
  const rows = rowsOf(moved, ctx);
  let best = -1;
  rows.forEach((r, i) => {
    if (
      r.path &&
      (path === r.path || path.startsWith(`${r.path}.`) || path.startsWith(`${r.path}[`)) &&
      (best < 0 || (rows[best].path ?? '').length < r.path.length)
    )
      best = i;
  });
  return { ...moved, focus: clampFocus(rows, Math.max(best, 0)) };
}

function commitEdit(state: WizardState, row: Row, text: string): Result {
  const done = { ...state, editing: undefined };
  if (row.kind === 'text') {
    if (row.readsFile && text.trim())
      return { state: done, effects: [{ type: 'read-file', rowId: row.id, path: text.trim() }] };
    return changed(done, row.apply(state.draft, text));
  }
  if (row.kind === 'item' || row.kind === 'add') {
    const items = draftListItems(state.draft, row.list);
    const value = text.trim();
    if (row.kind === 'add') {
      if (!value) return { state: done, effects: [] };
      return changed({ ...done, focus: state.focus + 1 }, setListItems(state.draft, row.list, [...items, value]), {
        text: `added ${shownItem(row.list, value)}`,
        tone: 'info',
      });
    }
    if (!value)
      return changed(
        done,
        setListItems(
          state.draft,
          row.list,
          items.filter((_, i) => i !== row.index),
        ),
        { text: 'removed', tone: 'info' },
      );
    return changed(
      done,
      setListItems(
        state.draft,
        row.list,
        items.map((v, i) => (i === row.index ? value : v)),
      ),
    );
  }
  return { state: done, effects: [] };
}

/** Applies the text of a file the view read for a `readsFile` row. */
export function fileRead(
  state: WizardState,
  rowId: string,
  path: string,
  file: { text?: string; error?: string },
  ctx: StepContext,
): Result {
  const row = rowsOf(state, ctx).find((r) => r.id === rowId);
  if (row?.kind !== 'text') return { state, effects: [] };
  const draft = row.apply(state.draft, path, file);
  return changed(
    state,
    draft,
    file.error ? { text: `${path}: ${file.error}`, tone: 'error' } : { text: `read ${path}`, tone: 'info' },
  );
}

export function handleKey(
  state: WizardState,
  input: string,
  key: Key,
  diagnostics: Diagnostic[],
  ctx: StepContext,
): Result {
  const rows = rowsOf(state, ctx);
  const row = rows[state.focus];
  const none: Result = { state, effects: [] };

  if (pressed('quit', input, key)) {
    if (state.confirm?.kind === 'quit') return { state, effects: [{ type: 'quit' }] };
    return state.dirty
      ? { state: { ...state, confirm: { kind: 'quit' } }, effects: [] }
      : { state, effects: [{ type: 'quit' }] };
  }
  if (state.confirm) {
    const c = state.confirm;
    const yes = pressed('yes', input, key) || (c.kind === 'errors' && pressed('select', input, key));
    if (yes) {
      const cleared = { ...state, confirm: undefined };
      if (c.kind === 'quit') return { state: cleared, effects: [{ type: 'quit' }] };
      if (c.kind === 'errors') return next(cleared, diagnostics, ctx, true);
      if (c.kind === 'missing-secrets')
        return {
          state: cleared,
          effects: [{ type: 'write', overwrite: false, thenCheck: c.thenCheck, withoutSecrets: true }],
        };
      return {
        state: cleared,
        effects: [{ type: 'write', overwrite: true, thenCheck: c.thenCheck, withoutSecrets: c.withoutSecrets }],
      };
    }
    if (pressed('no', input, key) || pressed('back', input, key)) {
      const message =
        c.kind === 'overwrite'
          ? { text: 'nothing written', tone: 'info' as const }
          : c.kind === 'missing-secrets'
            ? { text: `nothing written: fill in ${c.names.join(', ')}, then write again`, tone: 'info' as const }
            : undefined;
      return { state: { ...state, confirm: undefined, message }, effects: [] };
    }
    return none;
  }

  if (state.editing) {
    if (pressed('select', input, key)) return row ? commitEdit(state, row, state.editing.buf.text) : none;
    if (pressed('back', input, key)) return { state: { ...state, editing: undefined }, effects: [] };
    const buf = editBuffer(state.editing.buf, input, key);
    return buf ? { state: { ...state, editing: { ...state.editing, buf } }, effects: [] } : none;
  }

  if (state.picking && row?.kind === 'choice') {
    const count = row.options.length;
    if (pressed('up', input, key))
      return {
        state: { ...state, picking: { ...state.picking, index: (state.picking.index - 1 + count) % count } },
        effects: [],
      };
    if (pressed('down', input, key))
      return {
        state: { ...state, picking: { ...state.picking, index: (state.picking.index + 1) % count } },
        effects: [],
      };
    if (pressed('select', input, key))
      return changed({ ...state, picking: undefined }, row.apply(state.draft, row.options[state.picking.index].value));
    if (pressed('back', input, key)) return { state: { ...state, picking: undefined }, effects: [] };
    return none;
  }

  if (pressed('write', input, key)) return { state, effects: [{ type: 'write', overwrite: false }] };
  if (pressed('help', input, key)) return { state: { ...state, panel: !state.panel }, effects: [] };
  if (pressed('nextStep', input, key)) return next(state, diagnostics, ctx);
  if (pressed('prevStep', input, key) || pressed('back', input, key))
    return state.step > 0 ? goToStep(state, state.step - 1, ctx) : none;

  if (state.inFindings) {
    const findings = diagnostics;
    if (pressed('up', input, key))
      return state.findingFocus === 0
        ? { state: { ...state, inFindings: false }, effects: [] }
        : { state: { ...state, findingFocus: state.findingFocus - 1 }, effects: [] };
    if (pressed('down', input, key))
      return { state: { ...state, findingFocus: Math.min(findings.length - 1, state.findingFocus + 1) }, effects: [] };
    if (pressed('select', input, key) && findings[state.findingFocus])
      return {
        state: jumpTo({ ...state, inFindings: false }, findings[state.findingFocus].path, ctx),
        effects: [{ type: 'save-draft' }],
      };
    return none;
  }

  if (pressed('up', input, key))
    return {
      state: { ...state, focus: clampFocus(rows, state.focus - 1, -1), message: undefined },
      effects: [],
    };
  if (pressed('down', input, key)) {
    const usable = focusable(rows);
    if (
      state.step === stepsOf(state.draft).length - 1 &&
      state.focus === usable[usable.length - 1] &&
      diagnostics.length
    )
      return { state: { ...state, inFindings: true, findingFocus: 0 }, effects: [] };
    return { state: { ...state, focus: clampFocus(rows, state.focus + 1, 1), message: undefined }, effects: [] };
  }
  if (pressed('pageDown', input, key))
    return { state: { ...state, focus: clampFocus(rows, state.focus + 10, 1) }, effects: [] };
  if (pressed('pageUp', input, key))
    return { state: { ...state, focus: clampFocus(rows, state.focus - 10, -1) }, effects: [] };
  if (!row) return none;

  if (row.kind === 'item') {
    const items = draftListItems(state.draft, row.list);
    if (pressed('remove', input, key)) {
      const draft = setListItems(
        state.draft,
        row.list,
        items.filter((_, i) => i !== row.index),
      );
      return changed({ ...state, focus: clampFocus(rowsOf({ ...state, draft }, ctx), state.focus, -1) }, draft, {
        text: `removed ${shownItem(row.list, row.value)}`,
        tone: 'info',
      });
    }
    const dir = pressed('moveUp', input, key) ? -1 : pressed('moveDown', input, key) ? 1 : 0;
    if (dir) {
      const to = row.index + dir;
      if (to < 0 || to >= items.length) return none;
      const moved = [...items];
      [moved[row.index], moved[to]] = [moved[to], moved[row.index]];
      return changed({ ...state, focus: state.focus + dir }, setListItems(state.draft, row.list, moved));
    }
    if (pressed('add', input, key)) {
      const add = rows.findIndex((r) => r.kind === 'add' && r.list === row.list);
      return { state: { ...state, focus: add, editing: { rowId: rows[add].id, buf: buffer('') } }, effects: [] };
    }
  }
  if (row.kind === 'choice' && (pressed('left', input, key) || pressed('right', input, key))) {
    const at = Math.max(
      0,
      row.options.findIndex((o) => o.value === row.value),
    );
    const to = (at + (pressed('left', input, key) ? -1 : 1) + row.options.length) % row.options.length;
    return changed(state, row.apply(state.draft, row.options[to].value));
  }
  if (pressed('select', input, key)) {
    switch (row.kind) {
      case 'text':
        return { state: { ...state, editing: { rowId: row.id, buf: buffer(row.mask ? '' : row.value) } }, effects: [] };
      case 'item':
        return {
          state: {
            ...state,
            editing: { rowId: row.id, buf: buffer(row.secret ? `${row.value.split('=')[0]}=` : row.value) },
          },
          effects: [],
        };
      case 'add':
        return { state: { ...state, editing: { rowId: row.id, buf: buffer('') } }, effects: [] };
      case 'toggle':
        return changed(state, row.apply(state.draft, !row.value));
      case 'choice':
        return {
          state: {
            ...state,
            picking: {
              rowId: row.id,
              index: Math.max(
                0,
                row.options.findIndex((o) => o.value === row.value),
              ),
            },
          },
          effects: [],
        };
      case 'action':
        if (row.action === 'write') return { state, effects: [{ type: 'write', overwrite: false }] };
        if (row.action === 'check') return { state, effects: [{ type: 'write', overwrite: false, thenCheck: true }] };
        return row.action === 'next'
          ? next(state, diagnostics, ctx)
          : goToStep(state, Math.max(0, state.step - 1), ctx);
      default:
        return none;
    }
  }
  return none;
}
