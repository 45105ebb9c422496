import { existsSync, readFileSync } from 'node:fs';
import { safeLine } from '../../util/safe-text.js';
import { Box, Text, useInput, useStdin } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '../../env/types.js';
import { type FieldSpec, fieldAt } from '../../env/fields.js';
import { V2_FIELDS } from '../../env/v2-fields.js';
import { loadLessons } from '../../learn/content.js';
import { sections } from '../../learn/markdown.js';
import { writeFileAtomic } from '../../util/write-files.js';
import { TextLine } from '../components/TextLine.js';
import type { TextBuffer } from '../text-buffer.js';
import { truncate, visibleWindow } from '../components/window.js';
import { highlight, renderMarkdown, wrapText } from '../../learn/render-markdown.js';
import { helpBar, type KeyId } from '../keys.js';
import { summary } from '../components/diagnostic-groups.js';
import {
  ATTENTION_COLOR,
  HEADING_COLOR,
  SEVERITY_COLOR as COLOR,
  SEVERITY_MARK as MARK,
  toneColor,
} from '../components/theme.js';
import { errorCode, errorMessage } from '../../util/errors.js';
import { ENV_CREATE, JOB_CREATE } from '../../env/v2-files.js';
import { draftDiagnostics, findingsByRow, groupBySteps, shownPath } from './diagnostics.js';
import { type Draft, missingSecretLabels, type Sdk, sdkOf, section } from './draft.js';
import type { SaveResult } from '../../store/json-store.js';
import { isRecord } from '../../env/path.js';
import { definitionPath, outputFiles, previewText } from './output.js';
import { SolveSummary } from '../solve/SolveSummary.js';
import { useSolveNow } from '../solve/use-solve-now.js';
import { type Effect, fileRead, handleKey, initialState, rowsOf, type WizardState } from './state.js';
import { type Row, type StepContext, stepsOf } from './steps.js';

export interface WizardProps {
  draft: Draft;
  ctx: StepContext;
  width: number;
  height: number;
  /** Persists the draft after every change; null clears it (after a successful write). A SaveResult it returns is heeded. */
  saveDraft: (draft: Draft | null) => unknown;
  onExit: () => void;
  /** Build the written definition and check it (the app opens its Build & run screen). */
  onBuildAndCheck?: (definition: string) => void;
  /** Told the step (and whether it is the review) on start and on every step change (the flow asks Docker once the review step is reached). */
  onStep?: (step: number, review: boolean) => void;
}

/** What a saved draft holds apart from the step it was at: moving between steps alone is not a change. */
const contentOf = (d: Draft): string => JSON.stringify([d.env, d.password, { ...d.meta, step: 0 }]);

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

/** The model path of a row as the v1 field library names it (list items and pip entries under their list). */
const v1FieldPath = (path: string) => path.replace(/\[\d+\].*$/, '').replace(/\.(dependencies|channels).*$/, '.$1');

/** What job.yml's keys the v2 Job step edits are (they are not environment keys, so v2-fields.ts has none). */
const V2_JOB_DOCS: Record<string, string> = {
  'job.command': 'command (job.yml): the shell command the job runs, inside its uploaded code folder.',
  'job.code': 'code (job.yml): the local folder uploaded as the job snapshot, written relative to job.yml.',
  environmentVariables:
    'environment_variables (job.yml): set when the job runs; a v2 environment has no variables of its own.',
};

/** A v2 row's field doc: the environment key from v2-fields.ts (named as the YAML spells it), or the job's key. */
export function v2FieldDoc(path: string): string | undefined {
  const job = Object.entries(V2_JOB_DOCS).find(
    ([p]) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`),
  );
  if (job) return job[1];
  // conda.yml rows: the conda spec is the same in both SDKs.
  if (path.startsWith('python.')) return fieldAt(v1FieldPath(path))?.doc;
  const parts = path.replace(/\[.*$/, '').split('.');
  let spec: FieldSpec | undefined = V2_FIELDS[parts[0]];
  const named: string[] = [parts[0]];
  for (const part of parts.slice(1)) {
    if (spec?.kind !== 'object' || !spec.fields?.[part]) break;
    spec = spec.fields[part];
    named.push(part);
  }
  return spec?.doc ? `${named.join('.')}: ${spec.doc}` : undefined;
}

/** The `?` pane: the row's help, its field's doc (v1 or v2 as the draft is) and the lesson's key facts, rendered and wrapped (never cut mid-bullet). */
export function panelLines(
  row: Row | undefined,
  width: number,
  maxLines = Infinity,
  sdk: Sdk = 'v1',
  /** false: the view shows the "amlenv explain" command under the rows, at full width (a lesson id may be longer than the pane is wide). */
  withMore = true,
): string[] {
  if (!row) return [];
  const out: string[] = [];
  const doc = row.path ? (sdk === 'v2' ? v2FieldDoc(row.path) : fieldAt(v1FieldPath(row.path))?.doc) : undefined;
  const wrap = (text: string, prefix = '') => out.push(...wrapText(text, width, prefix, ' '.repeat(prefix.length)));
  out.push(row.label);
  wrap(row.help);
  if (doc && doc !== row.help) wrap(doc);
  const lessonId = row.lesson ?? undefined;
  const lesson = lessonId ? loadLessons().find((l) => l.id === lessonId) : undefined;
  if (!lesson) return out.slice(0, maxLines);
  // The command to read the lesson always shows; what comes before it is cut to leave it room.
  const more = withMore ? wrapText(`more: amlenv explain ${lesson.id}`, width) : [];
  const room = maxLines - more.length;
  // The lesson's title whole or not at all.
  const title = wrapText(`Lesson: ${lesson.title}`, width);
  if (out.length + 1 + title.length > room) return [...out.slice(0, Math.max(1, room)), ...more];
  out.push('', ...title);
  const facts = sections(lesson.body).find((s) => s.heading === 'Key facts')?.text ?? '';
  // Whole bullets only, as many as fit.
  for (const bullet of bulletBlocks(facts)) {
    const lines = renderMarkdown(bullet, width).split('\n');
    if (out.length + lines.length > room) break;
    out.push(...lines);
  }
  return [...out.slice(0, Math.max(1, room)), ...more];
}

/** A markdown list split into its bullets, each with its continuation lines. */
function bulletBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*[-*] /.test(line)) blocks.push(line.trim());
    else if (blocks.length && line.trim()) blocks[blocks.length - 1] += ` ${line.trim()}`;
  }
  return blocks;
}

/** A draft that could not be saved says so once; the wizard goes on, and writing the files still works. */
function draftSaved(state: WizardState, save: unknown): WizardState {
  if (!isFirstFailure(save)) return state;
  return {
    ...state,
    message: {
      text: `the draft could not be saved (${save.reason}); your changes live in this session until you write the files`,
      tone: 'error',
    },
  };
}

const isFirstFailure = (v: unknown): v is Extract<SaveResult, { saved: false }> =>
  isRecord(v) && v.saved === false && v.first === true && typeof v.reason === 'string';

export function Wizard({
  draft,
  ctx: givenCtx,
  width,
  height,
  saveDraft,
  onExit,
  onBuildAndCheck,
  onStep,
}: WizardProps) {
  const { isRawModeSupported } = useStdin();
  const [state, setState] = useState<WizardState>(() => initialState(draft));
  const ref = useRef(state);
  // The draft is saved only once something really changed (then every step change is kept too).
  const [startContent] = useState(() => contentOf(draft));
  const changedOnce = useRef(false);
  // Whether the last save of the draft worked: the quit prompt says the draft is kept only when it is.
  const draftKept = useRef(true);
  const save = (d: Draft): unknown => {
    if (!changedOnce.current && contentOf(d) === startContent) return;
    changedOnce.current = true;
    const result = saveDraft(d);
    draftKept.current = !(isRecord(result) && result.saved === false);
    return result;
  };
  useEffect(() => onStep?.(state.step, stepsOf(state.draft)[state.step]?.id === 'review'), [state.step]);
  // "Solve now" on the review step: offered once the draft's conda channels answer
  const solveNow = useSolveNow(
    () => ({
      path: 'draft',
      format: 'v1-json',
      env: ref.current.draft.env,
      positions: new Map(),
      problems: [],
      sources: [],
      parsed: true,
    }),
    JSON.stringify(section(state.draft.env, 'python').condaDependencies ?? null),
    stepsOf(state.draft)[state.step]?.id === 'review',
  );
  const ctx: StepContext = {
    ...givenCtx,
    solveAvailable: solveNow.view.status !== 'probing' && solveNow.view.status !== 'unavailable',
  };

  const run = (next: WizardState, effects: Effect[]) => {
    let current = next;
    for (const effect of effects) {
      if (effect.type === 'save-draft') current = draftSaved(current, save(current.draft));
      else if (effect.type === 'quit') {
        onExit();
      } else if (effect.type === 'read-file') {
        let file: { text?: string; error?: string };
        try {
          file = { text: readFileSync(effect.path, 'utf8') };
        } catch (err) {
          file = { error: errorCode(err) === 'ENOENT' ? 'no such file' : errorMessage(err).split('\n')[0] };
        }
        const r = fileRead(current, effect.rowId, effect.path, file, ctx);
        current = r.state;
        if (r.effects.some((e) => e.type === 'save-draft')) current = draftSaved(current, save(current.draft));
      } else if (effect.type === 'write') {
        const missing = missingSecretLabels(current.draft);
        if (missing.length && !effect.withoutSecrets) {
          current = { ...current, confirm: { kind: 'missing-secrets', names: missing, thenCheck: effect.thenCheck } };
          continue;
        }
        const { files, notes } = outputFiles(current.draft);
        const existing = files.map((f) => f.path).filter((p) => existsSync(p));
        if (existing.length && !effect.overwrite) {
          current = {
            ...current,
            confirm: {
              kind: 'overwrite',
              paths: existing,
              thenCheck: effect.thenCheck,
              withoutSecrets: effect.withoutSecrets,
            },
          };
          continue;
        }
        try {
          for (const f of files) writeFileAtomic(f.path, f.text);
          current = {
            ...current,
            dirty: false,
            written: true,
            message: {
              text: `wrote ${files.map((f) => f.path).join(', ')}${sdkOf(current.draft) === 'v2' ? ` — next, in ${current.draft.meta.outPath}: ${ENV_CREATE}, then ${JOB_CREATE}` : notes.length ? ` (${notes.length} v2 note${notes.length === 1 ? '' : 's'}: ${notes[0].message}${notes.length > 1 ? ' …' : ''})` : ''}`,
              tone: 'success',
            },
          };
          saveDraft(null);
          if (effect.thenCheck) onBuildAndCheck?.(definitionPath(current.draft));
        } catch (err) {
          current = {
            ...current,
            message: { text: `could not write: ${errorMessage(err).split('\n')[0]}`, tone: 'error' },
          };
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
      if (
        key.return &&
        row?.kind === 'action' &&
        row.action === 'solve' &&
        !current.editing &&
        !current.picking &&
        !current.inFindings &&
        !current.confirm
      )
        return solveNow.start();
      const result = handleKey(current, input, key, draftDiagnostics(current.draft), ctx);
      if (result.state !== current || result.effects.length) run(result.state, result.effects);
    },
    { isActive: Boolean(isRawModeSupported) },
  );

  const diagnostics = draftDiagnostics(state.draft);
  const rows = rowsOf(state, ctx);
  const steps = stepsOf(state.draft);
  const step = steps[state.step];
  const focused = rows[state.focus];
  const panelWidth = state.panel ? Math.min(34, Math.floor(width * 0.4)) : 0;
  const mainWidth = width - (panelWidth ? panelWidth + 2 : 0);
  // A row is the focus mark (2), the label column, the value and the finding mark (2); items, the add row and
  // buttons have no label column, so their text may use its width.
  const valueWidth = Math.max(8, mainWidth - LABEL_WIDTH - 4);
  const bareWidth = (row: Row) => Math.max(8, mainWidth - 4 - (row.indent ?? 0));
  const review = step.id === 'review';
  const preview = review ? previewText(state.draft) : undefined;
  const groups = review ? groupBySteps(diagnostics, state.draft) : [];
  const own = findingsByRow(rows, diagnostics);
  // A list's own finding (pip without pip, no channels) is told while the focus is on one of its rows.
  const listHeading =
    focused && (focused.kind === 'item' || focused.kind === 'add')
      ? rows.findIndex((r) => r.id === `${focused.list}-heading`)
      : -1;
  const focusDiags = (own[state.focus] ?? []).length
    ? own[state.focus]
    : listHeading >= 0
      ? (own[listHeading] ?? [])
      : [];
  const shownDiag = state.inFindings ? diagnostics[state.findingFocus] : worst(focusDiags);
  const stepDiags = diagnostics.filter((d) => rowsBelong(d.path, step.owns));
  // The bottom area grows to show the focused finding (message and fix) or message whole, never cut.
  const shown = detailLines(state.message, shownDiag, focused && !review ? focused.help : undefined, width);
  // With the ? pane open, the command that reads the row's lesson in full, whole (the pane is too narrow for some ids).
  const moreOn = (r: Row | undefined): DetailLine[] =>
    state.panel && r?.lesson
      ? wrapText(`more on this: amlenv explain ${r.lesson}`, width).map((text) => ({ text, dim: true }))
      : [];
  // …and keeps the height the step's tallest row help or finding needs, so moving between rows moves nothing else.
  const reserved = review
    ? 0
    : Math.min(
        10,
        Math.max(
          0,
          ...rows.map((r, i) => {
            const d = worst(own[i] ?? []);
            const own_ = Math.max(
              wrapText(r.help, width).length,
              d ? detailLines(undefined, d, undefined, width).length : 0,
            );
            return own_ + moreOn(r).length;
          }),
        ),
      );
  const top = [...shown, ...moreOn(focused)];
  const detail: DetailLine[] = [
    ...top,
    ...Array.from({ length: Math.max(0, reserved - top.length) }, () => ({ text: '' })),
  ];
  const status = wrapText(
    state.confirm
      ? confirmText(state.confirm, draftKept.current)
      : `${review ? 'All steps' : 'This step'}: ${summary(review ? diagnostics : stepDiags)}${state.written ? ' · written' : ''}`,
    width,
  );
  const footerKeys: KeyId[] = state.editing
    ? ['select', 'back']
    : state.picking
      ? ['up', 'select', 'back']
      : focused?.kind === 'item'
        ? ['select', 'remove', 'moveUp', 'add', 'nextStep', 'help', 'quit']
        : ['up', 'select', 'nextStep', 'back', 'help', 'write', 'quit'];
  const footerLabels: Partial<Record<KeyId, string>> = state.editing
    ? { select: 'done', back: 'cancel' }
    : state.picking
      ? { select: 'choose', back: 'cancel' }
      : { select: 'edit', help: state.panel ? 'hide help' : 'explain' };
  const footer = keyLines(helpBar(footerKeys, footerLabels), width);
  const intro = wrapText(step.intro, width);
  // title, intro, the "n–m of k" line, the margin, the bottom area, and one spare line so the frame stays shorter than the terminal
  const chrome = 1 + intro.length + 1 + 1 + detail.length + status.length + footer.length + 1;
  // The preview takes what the rows, the findings and a solve outcome leave (the frame stays one line short).
  const solveRows =
    solveNow.view.status === 'solving' || solveNow.view.status === 'failed'
      ? 1
      : solveNow.view.status === 'done'
        ? solveNow.view.problems.length
          ? 6
          : 1
        : 0;
  const findingsTitle = review
    ? wrapText(
        `Findings: ${summary(diagnostics)}${diagnostics.length ? ' (↓ to reach them, Enter jumps to the field)' : ''}`,
        width,
      )
    : [];
  // Rows the preview and the findings list share; the findings leave the preview at least three.
  const shared = height - 1 - chrome - rows.length - solveRows - findingsTitle.length;
  const findingsHeight = review ? Math.min(6, diagnostics.length + groups.length, Math.max(1, shared - 3)) : 0;
  const previewHeight = review ? Math.max(1, Math.min(8, shared - findingsHeight)) : 0;
  // On the review step the rows get what the preview, the findings and their titles leave.
  const listHeight = Math.max(
    3,
    height - chrome - (review ? 1 + previewHeight + findingsHeight + findingsTitle.length + solveRows : 0),
  );
  const [start, end] = visibleWindow(rows.length, state.focus, listHeight);

  const picker = state.picking && focused?.kind === 'choice' ? focused : undefined;

  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        {`amlenv wizard — step ${state.step + 1} of ${steps.length}: ${step.title}  `}
        <Text dimColor>{steps.map((_, i) => (i === state.step ? '●' : i < state.step ? '•' : '○')).join(' ')}</Text>
      </Text>
      {intro.map((line, i) => (
        <Text key={i} dimColor>
          {line}
        </Text>
      ))}
      <Box flexDirection="row">
        <Box flexDirection="column" width={mainWidth}>
          {picker ? (
            <PickerView row={picker} index={state.picking?.index ?? 0} height={listHeight} width={mainWidth} />
          ) : (
            rows.slice(start, end).map((row, i) => {
              const at = start + i;
              const isFocus = at === state.focus && !state.inFindings;
              const rowDiag = worst(own[at] ?? []);
              const editBuf = isFocus && state.editing?.rowId === row.id ? state.editing.buf : undefined;
              const editing = editBuf !== undefined;
              if (row.kind === 'heading') {
                const mine = worst(own[at] ?? []);
                return (
                  <Text key={row.id} wrap="truncate-end">
                    <Text bold color={HEADING_COLOR}>{`  ${row.label}`}</Text>
                    {mine ? (
                      <Text color={COLOR[mine.severity]}>{` ${MARK[mine.severity]} ${mine.message}`}</Text>
                    ) : null}
                  </Text>
                );
              }
              // Items, the add row and buttons carry their text in the value column: no label before them.
              const bare = row.kind === 'item' || row.kind === 'add' || row.kind === 'action';
              const label = ' '.repeat(row.indent ?? 0) + (bare ? '' : row.label);
              return (
                <Text key={row.id} wrap="truncate-end" inverse={isFocus && !editing}>
                  {isFocus ? '▸ ' : '  '}
                  {bare ? label : label.padEnd(LABEL_WIDTH)}
                  {editBuf ? (
                    <TextLine
                      buf={editWindow(editBuf, bare ? bareWidth(row) : valueWidth)}
                      mask={row.kind === 'text' && row.mask}
                      placeholder={row.kind === 'text' || row.kind === 'add' ? row.placeholder : undefined}
                    />
                  ) : row.kind === 'action' ? (
                    <Text bold>{`[ ${row.label} ]`}</Text>
                  ) : row.kind === 'add' ? (
                    <Text dimColor>{row.label}</Text>
                  ) : (
                    truncate(rowValue(row), bare ? bareWidth(row) : valueWidth)
                  )}
                  {rowDiag && !editing ? (
                    <Text color={COLOR[rowDiag.severity]}>{` ${MARK[rowDiag.severity]}`}</Text>
                  ) : null}
                </Text>
              );
            })
          )}
          {!picker && rows.length > end - start ? (
            <Text dimColor>{`  ${start + 1}–${end} of ${rows.length}`}</Text>
          ) : null}
        </Box>
        {panelWidth ? (
          <Box
            flexDirection="column"
            width={panelWidth}
            marginLeft={2}
            borderStyle="single"
            borderLeft
            borderRight={false}
            borderTop={false}
            borderBottom={false}
            paddingLeft={1}
          >
            {panelLines(focused, panelWidth - 3, listHeight + 1, sdkOf(state.draft), false).map((line, i) => (
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
          {previewShown(preview.text, previewHeight, width).map((line, i) => (
            <Text key={i} wrap="truncate-end" dimColor={line.more}>
              {`  ${line.whole ? highlight(line.text, preview.lang) : line.text}`}
            </Text>
          ))}
          {findingsTitle.map((line, i) => (
            <Text key={`ft${i}`} bold>
              {line}
            </Text>
          ))}
          <FindingsView
            groups={groups}
            focus={state.inFindings ? state.findingFocus : -1}
            height={findingsHeight}
            all={diagnostics}
            draft={state.draft}
          />
          <SolveSummary view={solveNow.view} maxProblems={1} />
        </Box>
      ) : null}
      <Box marginTop={review ? 0 : 1} flexDirection="column">
        {detail.map((line, i) => (
          <Text key={`d${i}`} color={line.color} dimColor={line.dim}>
            {line.text || ' '}
          </Text>
        ))}
        {status.map((line, i) => (
          <Text
            key={`s${i}`}
            color={state.confirm ? ATTENTION_COLOR : undefined}
            bold={Boolean(state.confirm)}
            dimColor={!state.confirm}
          >
            {line}
          </Text>
        ))}
        {footer.map((line, i) => (
          <Text key={`f${i}`} dimColor>
            {line}
          </Text>
        ))}
      </Box>
    </Box>
  );
}

/**
 * The preview's rows in `height` rows of `width` columns: a long line (an image reference, the $schema URL)
 * wraps with a deeper indent instead of being cut; the file's trailing newline is no row; and when only one row
 * is left over it shows in the row "… 1 more lines" would take. Whole lines are highlighted, wrapped ones not.
 */
export function previewShown(
  text: string,
  height: number,
  width = Infinity,
): Array<{ text: string; whole?: boolean; more?: boolean }> {
  const room = Math.max(8, width - 2);
  const rows = text
    .trimEnd()
    .split('\n')
    .flatMap((line) => {
      if (line.length <= room) return [{ text: line, whole: true }];
      const indent = ' '.repeat(Math.min(line.length - line.trimStart().length + 2, room - 4));
      const out = [{ text: line.slice(0, room) }];
      for (let at = room; at < line.length; at += room - indent.length)
        out.push({ text: indent + line.slice(at, at + room - indent.length) });
      return out;
    });
  if (rows.length <= height + 1) return rows;
  return [...rows.slice(0, height), { text: `… ${rows.length - height} more lines`, more: true }];
}

/**
 * The part of a text being edited that fits in `width` columns, always with the cursor in it: a long path scrolls
 * as it is typed instead of running off the row (a leading … says there is more before it).
 */
export function editWindow(buf: TextBuffer, width: number): TextBuffer {
  const room = Math.max(4, width - 1); // one column for the cursor after the last character
  if (buf.text.length <= room) return buf;
  const start = Math.min(Math.max(0, buf.cursor - room + 1), buf.text.length - room);
  if (start === 0) return { text: buf.text.slice(0, room), cursor: buf.cursor };
  return { text: `…${buf.text.slice(start + 1, start + room)}`, cursor: buf.cursor - start };
}

/** The key bar wrapped between keys, so no line starts with "·" and no key is split from what it does. */
export function keyLines(bar: string, width: number): string[] {
  const lines: string[] = [];
  for (const part of bar.split(' · ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 3 + part.length <= width) lines[last] += ` · ${part}`;
    else lines.push(...wrapText(part, width));
  }
  return lines;
}

type DetailLine = { text: string; color?: string; dim?: boolean };

/** The focused row's message, finding (its message, then its fix and rule) or help, wrapped whole. */
export function detailLines(
  message: WizardState['message'],
  diag: Diagnostic | undefined,
  help: string | undefined,
  width: number,
): DetailLine[] {
  if (message) {
    const color = toneColor(message.tone);
    return wrapText(message.text, width).map((text) => ({ text, color }));
  }
  if (diag) {
    return [
      ...wrapText(diag.message, width, `${MARK[diag.severity]} `, '  ').map((text) => ({
        text,
        color: COLOR[diag.severity],
      })),
      ...(diag.hint
        ? wrapText(`${diag.hint} [${diag.rule}]`, width, '  fix: ', '       ').map((text) => ({ text, dim: true }))
        : wrapText(`[${diag.rule}]`, width, '  ').map((text) => ({ text, dim: true }))),
    ];
  }
  return help ? wrapText(help, width).map((text) => ({ text, dim: true })) : [{ text: ' ' }];
}

export function confirmText(confirm: NonNullable<WizardState['confirm']>, draftKept = true): string {
  switch (confirm.kind) {
    case 'quit':
      return draftKept
        ? 'Quit? y/n — your edits are not written to files yet; the draft is kept: run amlenv wizard ' +
            'and choose "Resume the saved draft"'
        : 'Quit? y/n — your edits are not written to files, and the draft could not be saved: they will be lost';
    case 'errors':
      return `This step has ${confirm.count} error${confirm.count === 1 ? '' : 's'}. Continue anyway? Enter/y continue · Esc/n stay and fix`;
    case 'missing-secrets':
      return `Write without ${confirm.names.join(', ')}? y/n — not kept in the resumed draft; n to fill in`;
    default:
      return `Overwrite? y/n — already there: ${confirm.paths.join(', ')}`;
  }
}

function rowsBelong(path: string, owns: string[]): boolean {
  return owns.some((p) => p && (path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`)));
}

function PickerView({
  row,
  index,
  height,
  width,
}: {
  row: Extract<Row, { kind: 'choice' }>;
  index: number;
  height: number;
  width: number;
}) {
  const note = wrapText(row.options[index]?.note ?? '', width, '  ').length;
  const [start, end] = visibleWindow(row.options.length, index, Math.max(2, height - 1 - note));
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
      {wrapText(row.options[index]?.note ?? '', width, '  ').map((line, i) => (
        <Text key={`n${i}`} dimColor>
          {line}
        </Text>
      ))}
    </Box>
  );
}

function FindingsView({
  groups,
  focus,
  height,
  all,
  draft,
}: {
  groups: Array<{ title: string; items: Diagnostic[] }>;
  focus: number;
  height: number;
  all: Diagnostic[];
  draft: Draft;
}) {
  const lines: Array<{ key: string; text: string; index?: number; severity?: Diagnostic['severity'] }> = [];
  for (const g of groups) {
    lines.push({ key: `g-${g.title}`, text: `${g.title}` });
    for (const d of g.items)
      lines.push({
        key: `d-${all.indexOf(d)}`,
        text: `${MARK[d.severity]} ${shownPath(d, draft)}: ${d.message}`,
        index: all.indexOf(d),
        severity: d.severity,
      });
  }
  const focusLine = Math.max(
    0,
    lines.findIndex((l) => l.index === focus),
  );
  const [start, end] = visibleWindow(lines.length, focusLine, Math.max(1, height));
  return (
    <Box flexDirection="column">
      {lines.slice(start, end).map((l) => (
        <Text
          key={l.key}
          wrap="truncate-end"
          inverse={l.index !== undefined && l.index === focus}
          bold={l.index === undefined}
          color={l.severity ? COLOR[l.severity] : undefined}
        >
          {l.index === undefined ? l.text : `  ${l.text}`}
        </Text>
      ))}
    </Box>
  );
}
