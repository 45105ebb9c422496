import { Box, Text } from 'ink';
import type { Exercise, Question } from '../../learn/content.js';
import { Footer } from '../components/Footer.js';
import { TextLine } from '../components/TextLine.js';
import { visibleWindow } from '../components/window.js';
import type { KeyId } from '../keys.js';
import type { InputState } from './input-state.js';
import type { Line } from '../components/lines.js';
import { choiceLines, fixFileLines, promptLines, TYPE_LABEL } from './question-lines.js';
import type { MultiLine } from './multiline.js';
import { bodyHeight, LineView, Page } from '../components/Page.js';
import { toneColor } from '../components/theme.js';

export interface QuestionViewProps {
  question: Question;
  exercise?: Exercise;
  input: InputState;
  title: string;
  status?: string;
  scroll: number;
  width: number;
  height: number;
  exam: boolean;
  message?: { text: string; tone?: 'info' | 'error' | 'success' | 'warning' };
  /** The session's own keys, after the input's. */
  sessionKeys: KeyId[];
  sessionLabels?: Partial<Record<KeyId, string>>;
}

/** Lines the inline editor shows for a terminal height. */
export const editorHeight = (height: number): number => Math.max(3, height - 4);

function inputKeys(
  input: InputState,
  exam: boolean,
  hasEditor: boolean,
): { keys: KeyId[]; labels: Partial<Record<KeyId, string>> } {
  switch (input.type) {
    case 'single':
      return { keys: ['up', 'choose', 'select'], labels: { select: 'answer' } };
    case 'truefalse':
      return { keys: ['answerTrue', 'up', 'select'], labels: { select: 'answer' } };
    case 'multi':
      return { keys: ['up', 'toggle', 'select'], labels: { select: 'answer' } };
    case 'order':
      return { keys: ['up', 'moveUp', 'select'], labels: { moveUp: 'move item', select: 'answer' } };
    case 'fill':
      return { keys: ['select'], labels: { select: 'answer' } };
    case 'fix-file':
      return exam
        ? { keys: ['edit', 'check'], labels: { edit: hasEditor ? 'edit in $EDITOR' : 'edit', check: 'submit' } }
        : { keys: ['edit', 'check', 'hint', 'giveUp'], labels: { edit: hasEditor ? 'edit in $EDITOR' : 'edit' } };
  }
}

export interface QuestionLayout {
  body: Line[];
  /** Lines pinned under the body (the visible choices); 'fill' is the answer field. */
  pinned: Line[] | 'fill';
  note?: string;
}

/** What the page shows for a question: the prompt scrolls, the choices stay in view around the focus. */
export function layoutQuestion(
  q: Question,
  input: InputState,
  exercise: Exercise | undefined,
  width: number,
  height: number,
  exam: boolean,
): QuestionLayout {
  const textWidth = width - 2;
  if (input.type === 'fix-file') return { body: fixFileLines(q, exercise, input, textWidth, exam), pinned: [] };
  const body = [...promptLines(q, textWidth), { text: '' }];
  if (input.type === 'fill') return { body, pinned: 'fill' };
  const { lines, focusLine } = choiceLines(q, input, textWidth);
  // The choices get what they need, but leave the prompt at least a third of the page.
  const room = Math.max(3, Math.min(lines.length, Math.floor(((height - 4) * 2) / 3)));
  const [start, end] = visibleWindow(lines.length, focusLine, room);
  return {
    body,
    pinned: lines.slice(start, end),
    note: lines.length > room ? `choices: lines ${start + 1}–${end} of ${lines.length}` : undefined,
  };
}

/** How far the body of a question can scroll. */
export function questionScrollMax(layout: QuestionLayout, height: number): number {
  const pinned = layout.pinned === 'fill' ? 1 : layout.pinned.length;
  return Math.max(0, layout.body.length - bodyHeight(height, pinned));
}

/** A question with the input that suits its type, inside the page layout. */
export function QuestionView(props: QuestionViewProps & { hasEditor: boolean }) {
  const { question: q, input, width, height, exam } = props;
  const keys = inputKeys(input, exam, props.hasEditor);
  const footer: KeyId[] = [...keys.keys, ...props.sessionKeys];
  const labels = { ...props.sessionLabels, ...keys.labels };
  const title = `${props.title} · ${TYPE_LABEL[q.type]}`;
  if (input.type === 'fix-file' && input.editing) {
    return (
      <EditorView
        editing={input.editing}
        name={props.exercise?.format === 'v1-json' ? 'env.json' : 'env.yml'}
        width={width}
        height={height}
        message={props.message}
        exam={exam}
      />
    );
  }
  const layout = layoutQuestion(q, input, props.exercise, width, height, exam);
  const status = [props.status, layout.note].filter(Boolean).join(' · ');
  if (layout.pinned === 'fill' && input.type === 'fill') {
    const pinned = (
      <Text wrap="truncate-end">
        <Text bold>{'Answer: '}</Text>
        <TextLine buf={input.buf} placeholder="type here" />
      </Text>
    );
    return (
      <Page
        width={width}
        title={title}
        status={status}
        body={layout.body}
        scroll={props.scroll}
        height={height}
        pinned={pinned}
        pinnedHeight={1}
        message={props.message}
        footer={footer}
        labels={labels}
      />
    );
  }
  const lines = layout.pinned === 'fill' ? [] : layout.pinned;
  const pinned = (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <LineView key={i} line={l} />
      ))}
    </Box>
  );
  return (
    <Page
      width={width}
      title={title}
      status={status}
      body={layout.body}
      scroll={props.scroll}
      height={height}
      pinned={pinned}
      pinnedHeight={lines.length}
      message={props.message}
      footer={footer}
      labels={labels}
    />
  );
}

/** The inline editor: numbered lines, a visible cursor, long lines scrolled sideways around it. */
export function EditorView({
  editing,
  name,
  width,
  height,
  message,
  exam,
}: {
  editing: MultiLine;
  name: string;
  width: number;
  height: number;
  message?: QuestionViewProps['message'];
  exam: boolean;
}) {
  const rows = editorHeight(height);
  const digits = String(editing.lines.length).length;
  const room = Math.max(10, width - digits - 3);
  const shown = editing.lines.slice(editing.top, editing.top + rows);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Text bold>{`Editing ${name}`}</Text>
        <Text dimColor>{`  line ${editing.row + 1} of ${editing.lines.length}, column ${editing.col + 1}`}</Text>
      </Text>
      {shown.map((text, i) => {
        const row = editing.top + i;
        const number = <Text dimColor>{`${String(row + 1).padStart(digits)}  `}</Text>;
        if (row !== editing.row) {
          return (
            <Text key={row} wrap="truncate-end">
              {number}
              {text || ' '}
            </Text>
          );
        }
        const shift = editing.col >= room - 1 ? editing.col - room + 8 : 0;
        const visible = shift ? `…${text.slice(shift + 1)}` : text;
        const col = editing.col - shift;
        return (
          <Text key={row} wrap="truncate-end">
            {number}
            {visible.slice(0, col)}
            <Text inverse>{visible[col] ?? ' '}</Text>
            {visible.slice(col + 1)}
          </Text>
        );
      })}
      <Text wrap="truncate-end" color={toneColor(message?.tone)} dimColor={!message}>
        {message?.text ?? ' '}
      </Text>
      <Footer keys={['check', 'back']} labels={{ check: exam ? 'submit' : 'check', back: 'stop editing' }} />
    </Box>
  );
}
