// Answering one question, as a pure state machine: the input that suits each type. Select one (↑↓, 1-9,
// Enter), tick several (Space), put in order (Shift-↑↓ or K/J), true or false (t/f), type a word, or fix a
// file (in $EDITOR or the inline editor, with hints one at a time). Keys in, new input and maybe an
// answer out; the session decides what an answer leads to.
import type { Key } from 'ink';
import type { Exercise, Question } from '../../learn/content.js';
import type { Answer, FileCheck } from '../../learn/grading.js';
import { pressed } from '../keys.js';
import { buffer, editBuffer, type TextBuffer } from '../text-buffer.js';
import { editMulti, multiline, type MultiLine, textOf } from './multiline.js';

export type InputState =
  | { type: 'single'; focus: number }
  | { type: 'truefalse'; focus: number }
  | { type: 'multi'; focus: number; picked: number[] }
  | { type: 'order'; focus: number; order: number[] }
  | { type: 'fill'; buf: TextBuffer }
  | {
      type: 'fix-file';
      text: string;
      /** The inline editor, while it is open. */
      editing?: MultiLine;
      hints: number;
      /** Checks that did not pass. */
      failed: number;
      /** Times the file came back from $EDITOR (shown, so every return redraws the screen). */
      edits: number;
      last?: FileCheck;
    };

export const TRUE_FALSE = ['True', 'False'] as const;

export function initialInput(q: Question, exercise?: Exercise): InputState {
  switch (q.type) {
    case 'single':
      return { type: 'single', focus: 0 };
    case 'truefalse':
      return { type: 'truefalse', focus: 0 };
    case 'multi':
      return { type: 'multi', focus: 0, picked: [] };
    case 'order':
      return { type: 'order', focus: 0, order: q.choices.map((_, i) => i) };
    case 'fill':
      return { type: 'fill', buf: buffer('') };
    case 'fix-file':
      return { type: 'fix-file', text: exercise?.broken ?? '', hints: 0, failed: 0, edits: 0 };
  }
}

/** The input showing an answer given earlier (an exam question visited again). */
export function inputFromAnswer(q: Question, a: Answer, exercise?: Exercise): InputState {
  const fresh = initialInput(q, exercise);
  if (a.type === 'single' && fresh.type === 'single') return { ...fresh, focus: a.choice };
  if (a.type === 'truefalse' && fresh.type === 'truefalse') return { ...fresh, focus: a.value ? 0 : 1 };
  if (a.type === 'multi' && fresh.type === 'multi') return { ...fresh, picked: [...a.choices] };
  if (a.type === 'order' && fresh.type === 'order') return { ...fresh, order: [...a.order] };
  if (a.type === 'fill' && fresh.type === 'fill') return { ...fresh, buf: buffer(a.text) };
  if (a.type === 'fix-file' && fresh.type === 'fix-file') return { ...fresh, text: a.text };
  return fresh;
}

export interface InputOptions {
  exam: boolean;
  /** $EDITOR is set: editing opens it instead of the inline editor. */
  hasEditor: boolean;
  exercise?: Exercise;
  /** Lines the inline editor shows. */
  editorHeight: number;
}

export interface InputResult {
  input: InputState;
  answer?: Answer;
  /** Open $EDITOR on the file. */
  openEditor?: boolean;
  message?: string;
}

const move = (focus: number, count: number, by: number) => (focus + by + count) % count;

/** One key; undefined when the key means nothing to this input (the session may use it). */
export function inputKey(
  q: Question,
  input: InputState,
  inputText: string,
  key: Key,
  options: InputOptions,
): InputResult | undefined {
  const count = q.type === 'single' || q.type === 'multi' || q.type === 'order' ? q.choices.length : 2;
  switch (input.type) {
    case 'single':
    case 'truefalse': {
      if (pressed('up', inputText, key)) return { input: { ...input, focus: move(input.focus, count, -1) } };
      if (pressed('down', inputText, key)) return { input: { ...input, focus: move(input.focus, count, 1) } };
      if (
        input.type === 'truefalse' &&
        (pressed('answerTrue', inputText, key) || pressed('answerFalse', inputText, key))
      ) {
        const value = pressed('answerTrue', inputText, key);
        return { input: { ...input, focus: value ? 0 : 1 }, answer: { type: 'truefalse', value } };
      }
      if (input.type === 'single' && pressed('choose', inputText, key)) {
        const n = Number(inputText) - 1;
        return n < count ? { input: { ...input, focus: n } } : undefined;
      }
      if (pressed('select', inputText, key))
        return {
          input,
          answer:
            input.type === 'single'
              ? { type: 'single', choice: input.focus }
              : { type: 'truefalse', value: input.focus === 0 },
        };
      return undefined;
    }
    case 'multi': {
      if (pressed('up', inputText, key)) return { input: { ...input, focus: move(input.focus, count, -1) } };
      if (pressed('down', inputText, key)) return { input: { ...input, focus: move(input.focus, count, 1) } };
      const toggleAt = pressed('toggle', inputText, key)
        ? input.focus
        : pressed('choose', inputText, key)
          ? Number(inputText) - 1
          : -1;
      if (toggleAt >= 0 && toggleAt < count) {
        const picked = input.picked.includes(toggleAt)
          ? input.picked.filter((i) => i !== toggleAt)
          : [...input.picked, toggleAt].sort((a, b) => a - b);
        return { input: { ...input, focus: toggleAt, picked } };
      }
      if (pressed('select', inputText, key)) {
        if (!input.picked.length) return { input, message: 'Tick at least one choice with Space, then press Enter.' };
        return { input, answer: { type: 'multi', choices: input.picked } };
      }
      return undefined;
    }
    case 'order': {
      const dir = pressed('moveUp', inputText, key) ? -1 : pressed('moveDown', inputText, key) ? 1 : 0;
      if (dir) {
        const to = input.focus + dir;
        if (to < 0 || to >= count) return { input };
        const order = [...input.order];
        [order[input.focus], order[to]] = [order[to], order[input.focus]];
        return { input: { ...input, order, focus: to } };
      }
      if (pressed('up', inputText, key)) return { input: { ...input, focus: move(input.focus, count, -1) } };
      if (pressed('down', inputText, key)) return { input: { ...input, focus: move(input.focus, count, 1) } };
      if (pressed('select', inputText, key)) return { input, answer: { type: 'order', order: input.order } };
      return undefined;
    }
    case 'fill': {
      if (pressed('select', inputText, key)) {
        if (!input.buf.text.trim()) return { input, message: 'Type an answer, then press Enter.' };
        return { input, answer: { type: 'fill', text: input.buf.text } };
      }
      const buf = editBuffer(input.buf, inputText, key);
      return buf ? { input: { ...input, buf } } : undefined;
    }
    case 'fix-file':
      return fixFileKey(input, inputText, key, options);
  }
}

function fixFileKey(
  input: Extract<InputState, { type: 'fix-file' }>,
  inputText: string,
  key: Key,
  options: InputOptions,
): InputResult | undefined {
  if (input.editing) {
    if (pressed('check', inputText, key)) {
      const text = textOf(input.editing);
      return { input: { ...input, text, editing: undefined }, answer: { type: 'fix-file', text } };
    }
    if (pressed('back', inputText, key))
      return { input: { ...input, text: textOf(input.editing), editing: undefined } };
    const editing = editMulti(input.editing, inputText, key, options.editorHeight);
    return editing ? { input: { ...input, editing } } : undefined;
  }
  if (pressed('edit', inputText, key) || pressed('select', inputText, key)) {
    if (options.hasEditor) return { input, openEditor: true };
    return { input: { ...input, editing: multiline(input.text) } };
  }
  if (pressed('check', inputText, key)) return { input, answer: { type: 'fix-file', text: input.text } };
  if (options.exam) return undefined;
  if (pressed('hint', inputText, key)) {
    const total = options.exercise?.hints.length ?? 0;
    if (input.hints >= total)
      return {
        input,
        message: total ? 'That was the last hint; g shows a reference solution.' : 'This exercise has no hints.',
      };
    return { input: { ...input, hints: input.hints + 1 } };
  }
  if (pressed('giveUp', inputText, key)) return { input, answer: { type: 'fix-file', text: input.text, gaveUp: true } };
  return undefined;
}

/** After $EDITOR exits: the saved text, or the old one when the editor failed. */
export function editedText(input: InputState, text: string | undefined): InputState {
  return input.type === 'fix-file'
    ? { ...input, text: text ?? input.text, editing: undefined, edits: input.edits + 1 }
    : input;
}
