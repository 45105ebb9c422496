import { existsSync, readFileSync } from 'node:fs';
import { safeLine } from '../../util/safe-text.js';
import { Box, Text, useInput, useStdin } from 'ink';
import { useRef, useState } from 'react';
import type { Diagnostic } from '../../env/types.js';
import { fieldAt } from '../../env/fields.js';
import { loadLessons } from '../../learn/content.js';
import { sections } from '../../learn/markdown.js';
import { writeFileAtomic } from '../../util/write-files.js';
import { Footer } from '../components/Footer.js';
import { TextLine } from '../components/TextLine.js';
import { truncate, visibleWindow } from '../components/window.js';
import { highlight } from '../../learn/render-markdown.js';
import { diagnosticsAt, draftDiagnostics, groupBySection, summary } from './diagnostics.js';
import { type Draft, missingSecretLabels, section } from './draft.js';
import type { SaveResult } from '../../store/json-store.js';
import { definitionPath, outputFiles, previewText } from './output.js';
import { SolveSummary } from '../solve/SolveSummary.js';
import { useSolveNow } from '../solve/use-solve-now.js';
import { type Effect, fileRead, handleKey, initialState, rowsOf, type WizardState } from './state.js';
import { type Row, STEPS, type StepContext } from './steps.js';

export interface WizardProps {
  draft: Draft;
  ctx: StepContext;
  width: number;
  height: number;
  /** Persists the draft after every change; null clears it (after a successful write). */
  saveDraft: (draft: Draft | null) => SaveResult | void;
  onExit: () => void;
  /** Build the written definition and check it (the app opens its Build & run screen). */
  onBuildAndCheck?: (definition: string) => void;
}

const MARK = { error: '✗', warning: '!', info: 'i' } as const;
const COLOR = { error: 'red', warning: 'yellow', info: 'cyan' } as const;
const LABEL_WIDTH = 20;

function worst(list: Diagnostic[]): Diagnostic | undefined {
  return list.find((d) => d.severity === 'error') ?? list.find((d) => d.severity === 'warning') ?? list[0];
}

/** A row's value as shown: it may come from a loaded file, so control characters are escaped. */
function rowValue(row: Row): string {
  return safeLine(rawRowValue(row));
}

function rawRowValue(row: Row): string {
  switch (row.kind) {
    case 'text':
      if (row.mask) return row.value ? '•'.repeat(Math.min(row.value.length, 12)) : '(none)';
      return row.value || (row.placeholder ? `(${row.placeholder.replace(/^\((.*)\)$/, '$1')})` : '');
    case 'choice':
      return `◂ ${row.options.find((o) => o.value === row.value)?.label ?? (row.value || 'choose')} ▸`;
    case 'toggle':
      return row.value ? '[x] yes' : '[ ] no';
    case 'item':
      return row.secret ? `${row.value.split('=')[0]}=•••• (secret?)` : row.value;
    default:
      return '';
  }
}

function panelLines(row: Row | undefined, width: number): string[] {
  if (!row) return [];
  const out: string[] = [];
  const spec = row.path ? fieldAt(row.path.replace(/\[\d+\].*$/, '').replace(/\.(dependencies|channels).*$/, '.$1')) : undefined;
  const wrap = (text: string, prefix = '') => {
    let line = prefix;
    let empty = true;
    for (const word of text.split(/\s+/).filter(Boolean)) {
      if (!empty && line.length + word.length + 1 > width) {
        out.push(line);
        line = ' '.repeat(prefix.length) + word;
      } else line = empty ? line + word : `${line} ${word}`;
      empty = false;
    }
    if (!empty) out.push(line);
  };
  out.push(row.label);
  wrap(row.help);
  if (spec?.doc && spec.doc !== row.help) wrap(spec.doc);
  const lessonId = row.lesson ?? undefined;
  const lesson = lessonId ? loadLessons().find((l) => l.id === lessonId) : undefined;
  if (lesson) {
    out.push('');
    wrap(`Lesson: ${lesson.title}`);
    const facts = sections(lesson.body).find((s) => s.heading === 'Key facts')?.text ?? '';
    for (const bullet of facts.split('\n').filter((l) => /^\s*[-*] /.test(l)).slice(0, 4)) wrap(bullet.replace(/^\s*[-*]\s+/, '').replace(/`/g, ''), '• ');
    out.push(`amlenv explain ${lesson.id}`);
  }
  return out;
}

/** A draft that could not be saved says so once; the wizard goes on, and writing the files still works. */
function draftSaved(state: WizardState, save: SaveResult | void): WizardState {
  if (!save || save.saved || !save.first) return state;
  return { ...state, message: { text: `the draft could not be saved (${save.reason}); your changes live in this session until you write the files`, tone: 'error' } };
}

export function Wizard({ draft, ctx: givenCtx, width, height, saveDraft, onExit, onBuildAndCheck }: WizardProps) {
  const { isRawModeSupported } = useStdin();
  const [state, setState] = useState<WizardState>(() => initialState(draft));
  const ref = useRef(state);
  // "Solve now" on the review step: offered once the draft's conda channels answer
  const solveNow = useSolveNow(() => ({ path: 'draft', format: 'v1-json', env: ref.current.draft.env, positions: new Map(), problems: [], sources: [], parsed: true }), JSON.stringify(section(state.draft.env, 'python').condaDependencies ?? null), STEPS[state.step].id === 'review');
  const ctx: StepContext = { ...givenCtx, solveAvailable: solveNow.view.status !== 'probing' && solveNow.view.status !== 'unavailable' };

  const run = (next: WizardState, effects: Effect[]) => {
    let current = next;
    for (const effect of effects) {
      if (effect.type === 'save-draft') current = draftSaved(current, saveDraft(current.draft));
      else if (effect.type === 'quit') {
        onExit();
      } else if (effect.type === 'read-file') {
        let file: { text?: string; error?: string };
        try {
          file = { text: readFileSync(effect.path, 'utf8') };
        } catch (err) {
          file = { error: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message.split('\n')[0] };
        }
        const r = fileRead(current, effect.rowId, effect.path, file, ctx);
        current = r.state;
        if (r.effects.some((e) => e.type === 'save-draft')) current = draftSaved(current, saveDraft(current.draft));
      } else if (effect.type === 'write') {
        const missing = missingSecretLabels(current.draft);
        if (missing.length && !effect.withoutSecrets) {
          current = { ...current, confirm: { kind: 'missing-secrets', names: missing, thenCheck: effect.thenCheck } };
          continue;
        }
        const { files, notes } = outputFiles(current.draft);
        const existing = files.map((f) => f.path).filter((p) => existsSync(p));
        if (existing.length && !effect.overwrite) {
          current = { ...current, confirm: { kind: 'overwrite', paths: existing, thenCheck: effect.thenCheck, withoutSecrets: effect.withoutSecrets } };
          continue;
        }
        try {
          for (const f of files) writeFileAtomic(f.path, f.text);
          current = { ...current, dirty: false, message: { text: `wrote ${files.map((f) => f.path).join(', ')}${notes.length ? ` (${notes.length} v2 note${notes.length === 1 ? '' : 's'}: ${notes[0].message}${notes.length > 1 ? ' …' : ''})` : ''}`, tone: 'success' } };
          saveDraft(null);
          if (effect.thenCheck) onBuildAndCheck?.(definitionPath(current.draft));
        } catch (err) {
          current = { ...current, message: { text: `could not write: ${(err as Error).message.split('\n')[0]}`, tone: 'error' } };
        }
      }
    }
    ref.current = current;
    setState(current);
  };

  useInput(
    (input, key) => {
      const current = ref.current;
      const row = rowsOf(current, ctx)[current.focus];
      if (key.return && row?.kind === 'action' && row.action === 'solve' && !current.editing && !current.picking && !current.inFindings && !current.confirm) return solveNow.start();
      const result = handleKey(current, input, key, draftDiagnostics(current.draft), ctx);
      if (result.state !== current || result.effects.length) run(result.state, result.effects);
    },
    { isActive: Boolean(isRawModeSupported) },
  );

  const diagnostics = draftDiagnostics(state.draft);
  const rows = rowsOf(state, ctx);
  const step = STEPS[state.step];
  const focused = rows[state.focus];
  const panelWidth = state.panel ? Math.min(34, Math.floor(width * 0.4)) : 0;
  const mainWidth = width - (panelWidth ? panelWidth + 2 : 0);
  const valueWidth = Math.max(8, mainWidth - LABEL_WIDTH - 6);
  const review = step.id === 'review';
  const preview = review ? previewText(state.draft) : undefined;
  const groups = review ? groupBySection(diagnostics) : [];
  const findingsHeight = review ? Math.min(6, diagnostics.length + groups.length) : 0;
  const previewHeight = review ? Math.max(3, Math.min(8, height - 16 - findingsHeight)) : 0;
  const listHeight = Math.max(3, height - 9 - (review ? previewHeight + findingsHeight + 3 : 0));
  const [start, end] = visibleWindow(rows.length, state.focus, listHeight);
  const focusDiags = diagnosticsAt(diagnostics, focused?.path);
  const shownDiag = state.inFindings ? diagnostics[state.findingFocus] : worst(focusDiags);
  const stepDiags = diagnostics.filter((d) => rowsBelong(d.path, step.owns));

  const picker = state.picking && focused?.kind === 'choice' ? focused : undefined;

  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        {`amlenv wizard — step ${state.step + 1} of ${STEPS.length}: ${step.title}  `}
        <Text dimColor>{STEPS.map((_, i) => (i === state.step ? '●' : i < state.step ? '•' : '○')).join(' ')}</Text>
      </Text>
      <Text dimColor wrap="truncate-end">
        {truncate(step.intro, width)}
      </Text>
      <Box flexDirection="row">
        <Box flexDirection="column" width={mainWidth}>
          {picker ? (
            <PickerView row={picker} index={state.picking!.index} height={listHeight} width={mainWidth} />
          ) : (
            rows.slice(start, end).map((row, i) => {
              const at = start + i;
              const isFocus = at === state.focus && !state.inFindings;
              const rowDiag = worst(diagnosticsAt(diagnostics, row.path));
              const editing = isFocus && state.editing?.rowId === row.id;
              if (row.kind === 'heading') {
                const own = worst(diagnostics.filter((d) => d.path === row.path));
                return (
                  <Text key={row.id} wrap="truncate-end">
                    <Text bold color="blue">{`  ${row.label}`}</Text>
                    {own ? <Text color={COLOR[own.severity]}>{` ${MARK[own.severity]} ${own.message}`}</Text> : null}
                  </Text>
                );
              }
              const label = ' '.repeat(row.indent ?? 0) + (row.kind === 'item' || row.kind === 'add' ? '' : row.label);
              return (
                <Text key={row.id} wrap="truncate-end" inverse={isFocus && !editing}>
                  {isFocus ? '▸ ' : '  '}
                  {row.kind === 'item' || row.kind === 'add' ? label : label.padEnd(LABEL_WIDTH)}
                  {editing ? (
                    <TextLine buf={state.editing!.buf} mask={row.kind === 'text' && row.mask} placeholder={row.kind === 'text' || row.kind === 'add' ? row.placeholder : undefined} />
                  ) : row.kind === 'action' ? (
                    <Text bold>{`[ ${row.label} ]`}</Text>
                  ) : row.kind === 'add' ? (
                    <Text dimColor>{row.label}</Text>
                  ) : (
                    truncate(rowValue(row), valueWidth)
                  )}
                  {rowDiag && !editing ? <Text color={COLOR[rowDiag.severity]}>{` ${MARK[rowDiag.severity]}`}</Text> : null}
                </Text>
              );
            })
          )}
          {!picker && rows.length > end - start ? <Text dimColor>{`  ${start + 1}–${end} of ${rows.length}`}</Text> : null}
        </Box>
        {panelWidth ? (
          <Box flexDirection="column" width={panelWidth} marginLeft={2} borderStyle="single" borderLeft borderRight={false} borderTop={false} borderBottom={false} paddingLeft={1}>
            {panelLines(focused, panelWidth - 3)
              .slice(0, listHeight + 2)
              .map((line, i) => (
                <Text key={i} dimColor={i > 0} bold={i === 0} wrap="truncate-end">
                  {line || ' '}
                </Text>
              ))}
          </Box>
        ) : null}
      </Box>
      {review && preview ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{`Preview: ${preview.title}`}</Text>
          {highlight(preview.text, preview.lang)
            .split('\n')
            .slice(0, previewHeight)
            .map((line, i) => (
              <Text key={i} wrap="truncate-end">
                {`  ${line}`}
              </Text>
            ))}
          {preview.text.split('\n').length > previewHeight ? <Text dimColor>{`  … ${preview.text.split('\n').length - previewHeight} more lines`}</Text> : null}
          <Text bold>{`Findings: ${summary(diagnostics)}${diagnostics.length ? ' (↓ to reach them, Enter jumps to the field)' : ''}`}</Text>
          <FindingsView groups={groups} focus={state.inFindings ? state.findingFocus : -1} height={findingsHeight} all={diagnostics} />
          <SolveSummary view={solveNow.view} maxProblems={1} />
        </Box>
      ) : null}
      <Box marginTop={review ? 0 : 1} flexDirection="column">
        {state.message ? (
          <Text color={state.message.tone === 'error' ? 'red' : state.message.tone === 'success' ? 'green' : undefined} wrap="truncate-end">
            {state.message.text}
          </Text>
        ) : shownDiag ? (
          <Text wrap="truncate-end">
            <Text color={COLOR[shownDiag.severity]}>{`${MARK[shownDiag.severity]} ${shownDiag.message}`}</Text>
            <Text dimColor>{` — ${shownDiag.hint} [${shownDiag.rule}]`}</Text>
          </Text>
        ) : (
          <Text dimColor wrap="truncate-end">
            {focused && !review ? focused.help : ' '}
          </Text>
        )}
        {state.confirm ? (
          <Text color="yellow" bold wrap="truncate-end">
            {state.confirm.kind === 'quit'
              ? 'Quit? y/n — changes are not written to files yet (the draft is kept for next time)'
              : state.confirm.kind === 'errors'
                ? `This step has ${state.confirm.count} error${state.confirm.count === 1 ? '' : 's'}. Continue anyway? Enter/y continue · Esc/n stay and fix`
                : state.confirm.kind === 'missing-secrets'
                  ? `Write without ${state.confirm.names.join(', ')}? y/n — not kept in the resumed draft; n to fill in`
                  : `Overwrite? y/n — already there: ${state.confirm.paths.join(', ')}`}
          </Text>
        ) : (
          <Text dimColor wrap="truncate-end">{`${review ? 'All steps' : 'This step'}: ${summary(review ? diagnostics : stepDiags)}${state.dirty ? '' : ' · written'}`}</Text>
        )}
        <Footer
          keys={state.editing ? ['select', 'back'] : state.picking ? ['up', 'select', 'back'] : focused?.kind === 'item' ? ['select', 'remove', 'moveUp', 'add', 'nextStep', 'help', 'quit'] : ['up', 'select', 'nextStep', 'back', 'help', 'write', 'quit']}
          labels={state.editing ? { select: 'done', back: 'cancel' } : { select: 'edit', help: state.panel ? 'hide help' : 'explain' }}
        />
      </Box>
    </Box>
  );
}

function rowsBelong(path: string, owns: string[]): boolean {
  return owns.some((p) => p && (path === p || path.startsWith(p + '.') || path.startsWith(p + '[')));
}

function PickerView({ row, index, height, width }: { row: Extract<Row, { kind: 'choice' }>; index: number; height: number; width: number }) {
  const [start, end] = visibleWindow(row.options.length, index, Math.max(2, height - 1));
  return (
    <Box flexDirection="column">
      <Text bold>{`Choose ${row.label.toLowerCase()}:`}</Text>
      {row.options.slice(start, end).map((o, i) => (
        <Text key={o.value} inverse={start + i === index} wrap="truncate-end">
          {start + i === index ? '▸ ' : '  '}
          {truncate(o.label, 36).padEnd(Math.min(38, width - 4))}
          <Text dimColor>{o.note ? ` ${o.note}` : ''}</Text>
        </Text>
      ))}
    </Box>
  );
}

function FindingsView({ groups, focus, height, all }: { groups: Array<{ title: string; items: Diagnostic[] }>; focus: number; height: number; all: Diagnostic[] }) {
  const lines: Array<{ key: string; text: string; index?: number; severity?: Diagnostic['severity'] }> = [];
  for (const g of groups) {
    lines.push({ key: `g-${g.title}`, text: `${g.title}` });
    for (const d of g.items) lines.push({ key: `d-${all.indexOf(d)}`, text: `${MARK[d.severity]} ${d.path || 'file'}: ${d.message}`, index: all.indexOf(d), severity: d.severity });
  }
  const focusLine = Math.max(0, lines.findIndex((l) => l.index === focus));
  const [start, end] = visibleWindow(lines.length, focusLine, Math.max(1, height));
  return (
    <Box flexDirection="column">
      {lines.slice(start, end).map((l) => (
        <Text key={l.key} wrap="truncate-end" inverse={l.index !== undefined && l.index === focus} bold={l.index === undefined} color={l.severity ? COLOR[l.severity] : undefined}>
          {l.index === undefined ? l.text : `  ${l.text}`}
        </Text>
      ))}
    </Box>
  );
}
