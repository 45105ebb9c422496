// The one place the screens take their colours and marks from. A finding's severity (validation, solve, the
// wizard's checks), a message's tone (the row under a page), and right/wrong marks all read from here, so an
// error looks the same on every screen and a change of colour is one edit.

/** The colours the screens use (a subset of Ink's named colours). */
export type Color = 'green' | 'red' | 'yellow' | 'cyan' | 'blue';

/** How serious a finding is, as the rules report it. */
export type Severity = 'error' | 'warning' | 'info';

/** The tone of a one-row message: `info` is plain text, the others are coloured. */
export type Tone = 'error' | 'warning' | 'info' | 'success';

/** Colour of a finding by severity. */
export const SEVERITY_COLOR: Readonly<Record<Severity, Color>> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** One-character mark in front of a finding by severity. */
export const SEVERITY_MARK: Readonly<Record<Severity, string>> = { error: '✗', warning: '!', info: 'i' };

/** Colour of a message by tone; `info` has none (the terminal's own). */
export const TONE_COLOR: Readonly<Record<Tone, Color | undefined>> = {
  error: 'red',
  warning: 'yellow',
  info: undefined,
  success: 'green',
};

/** Colour of text that asks for attention without being a finding: a hint, a notice, what you missed. */
export const ATTENTION_COLOR: Color = 'yellow';
/** Colour of a pointer to more: a lesson to open, a heading in a result. */
export const ACCENT_COLOR: Color = 'cyan';

/** Colour of a group heading in a list of findings. */
export const HEADING_COLOR: Color = 'blue';

/** Colour for a pass/fail outcome (a check, an answer, an exam). */
export const OK_COLOR: Color = 'green';
export const FAIL_COLOR: Color = 'red';
/** Marks for a right and a wrong answer or a passed and a failed check. */
export const OK_MARK = '✓';
export const FAIL_MARK = SEVERITY_MARK.error;

/** The colour for an outcome: green when it passed, red when not. */
export const outcomeColor = (ok: boolean): Color => (ok ? OK_COLOR : FAIL_COLOR);
/** The mark for an outcome: ✓ when it passed, ✗ when not. */
export const outcomeMark = (ok: boolean): string => (ok ? OK_MARK : FAIL_MARK);

/** Colour of a message tone, or none when there is no message. */
export const toneColor = (tone: Tone | undefined): Color | undefined => (tone ? TONE_COLOR[tone] : undefined);

/** Colour of the REPL's prompt (>>> and its continuation). */
export const PROMPT_COLOR: Color = 'green';
