import type { Key } from 'ink';

/** Ink Key objects for pure reducer tests. */
const base: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
} as Key;

export const k = (over: Partial<Key> = {}): Key => ({ ...base, ...over });
export const KEY = {
  up: k({ upArrow: true }),
  down: k({ downArrow: true }),
  left: k({ leftArrow: true }),
  right: k({ rightArrow: true }),
  enter: k({ return: true }),
  esc: k({ escape: true }),
  tab: k({ tab: true }),
  shiftTab: k({ tab: true, shift: true }),
  shiftUp: k({ upArrow: true, shift: true }),
  backspace: k({ delete: true }),
  ctrl: k({ ctrl: true }),
  none: k(),
};

/** Ink-testing-library input sequences. */
export const SEQ = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  backspace: '\u007F',
  ctrlC: '\u0003',
  ctrlS: '\u0013',
};

export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
