// Every keyboard shortcut, in one table. Screens match keys through it and the footer help bar is built
// from it, so the help shown is always the keys that work.
import type { Key } from 'ink';

export interface Binding {
  /** How the help bar names the keys. */
  keys: string;
  /** What the key does, for the help bar. */
  label: string;
  match: (input: string, key: Key) => boolean;
}

export const KEYS = {
  up: { keys: '↑↓', label: 'move', match: (_i, k) => k.upArrow && !k.shift },
  down: { keys: '↑↓', label: 'move', match: (_i, k) => k.downArrow && !k.shift },
  left: { keys: '←→', label: 'change', match: (_i, k) => k.leftArrow },
  right: { keys: '←→', label: 'change', match: (_i, k) => k.rightArrow },
  pageUp: { keys: 'PgUp/PgDn', label: 'page', match: (_i, k) => k.pageUp },
  pageDown: { keys: 'PgUp/PgDn', label: 'page', match: (_i, k) => k.pageDown },
  select: { keys: 'Enter', label: 'select', match: (_i, k) => k.return },
  nextStep: { keys: 'Tab', label: 'next step', match: (_i, k) => k.tab && !k.shift },
  prevStep: { keys: 'Shift-Tab', label: 'previous step', match: (_i, k) => k.tab && k.shift },
  back: { keys: 'Esc', label: 'back', match: (_i, k) => k.escape },
  write: { keys: 'Ctrl-S', label: 'write', match: (i, k) => k.ctrl && i === 's' },
  quit: { keys: 'Ctrl-C', label: 'quit', match: (i, k) => k.ctrl && i === 'c' },
  help: { keys: '?', label: 'explain', match: (i, k) => i === '?' && !k.ctrl && !k.meta },
  add: { keys: 'a', label: 'add', match: (i, k) => i === 'a' && !k.ctrl && !k.meta },
  remove: { keys: 'd', label: 'delete', match: (i, k) => (i === 'd' && !k.ctrl && !k.meta) || (k.delete && !k.ctrl) },
  moveUp: { keys: 'Shift-↑↓', label: 'reorder', match: (i, k) => (k.upArrow && k.shift) || i === 'K' },
  moveDown: { keys: 'Shift-↑↓', label: 'reorder', match: (i, k) => (k.downArrow && k.shift) || i === 'J' },
  yes: { keys: 'y', label: 'yes', match: (i) => i === 'y' || i === 'Y' },
  no: { keys: 'n', label: 'no', match: (i) => i === 'n' || i === 'N' },
  complete: { keys: 'Tab', label: 'complete', match: (_i, k) => k.tab && !k.shift },
  // Learn, quiz and progress. Letter keys apply only where no text is being typed.
  toggle: { keys: 'Space', label: 'toggle', match: (i, k) => i === ' ' && !k.ctrl && !k.meta },
  choose: { keys: '1-9', label: 'choose', match: (i, k) => /^[1-9]$/.test(i) && !k.ctrl && !k.meta },
  answerTrue: { keys: 't/f', label: 'true/false', match: (i, k) => (i === 't' || i === 'T') && !k.ctrl && !k.meta },
  answerFalse: { keys: 't/f', label: 'true/false', match: (i, k) => (i === 'f' || i === 'F') && !k.ctrl && !k.meta },
  hint: { keys: 'h', label: 'hint', match: (i, k) => i === 'h' && !k.ctrl && !k.meta },
  giveUp: { keys: 'g', label: 'give up', match: (i, k) => i === 'g' && !k.ctrl && !k.meta },
  edit: { keys: 'e', label: 'edit', match: (i, k) => i === 'e' && !k.ctrl && !k.meta },
  check: { keys: 'Ctrl-S', label: 'check', match: (i, k) => k.ctrl && i === 's' },
  lesson: { keys: 'l', label: 'lesson', match: (i, k) => i === 'l' && !k.ctrl && !k.meta },
  quiz: { keys: 'q', label: 'quiz', match: (i, k) => i === 'q' && !k.ctrl && !k.meta },
  reset: { keys: 'r', label: 'reset', match: (i, k) => i === 'r' && !k.ctrl && !k.meta },
  finish: { keys: 'f', label: 'finish', match: (i, k) => i === 'f' && !k.ctrl && !k.meta },
  leave: { keys: 's', label: 'save and leave', match: (i, k) => i === 's' && !k.ctrl && !k.meta },
  pageSpace: { keys: 'Space', label: 'page', match: (i, k) => i === ' ' && !k.ctrl && !k.meta },
} satisfies Record<string, Binding>;

export type KeyId = keyof typeof KEYS;

export const pressed = (id: KeyId, input: string, key: Key): boolean => KEYS[id].match(input, key);

/** "↑↓ move · Enter select · Esc back": one entry per distinct key group, in the order given. */
export function helpBar(ids: KeyId[], labels: Partial<Record<KeyId, string>> = {}): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const id of ids) {
    const b = KEYS[id];
    if (seen.has(b.keys)) continue;
    seen.add(b.keys);
    parts.push(`${b.keys} ${labels[id] ?? b.label}`);
  }
  return parts.join(' · ');
}
