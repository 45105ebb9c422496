// A screen as a pure reducer plus effects. The reducer turns the current state and an event (a key, a tick)
// into the next state and a list of effects (save, open the editor, leave); `perform` carries out one effect
// and returns the state after it, and may queue more effects or ask for something to happen once the new
// state is in place (leaving the screen). The state is read through a ref, so every key of one read from
// stdin sees the keys before it (Ink hands a burst to the handler in one tick, before React re-renders).
import type { Key } from 'ink';
import { useCallback, useRef, useState } from 'react';

/** A keypress as Ink's useInput hands it over, for reducers driven by keys. */
export interface KeyEvent {
  input: string;
  key: Key;
}

/** What a reducer returns: the next state and what to do about it. */
export interface Step<S, E> {
  state: S;
  effects: readonly E[];
}

/** What `perform` may do besides returning the next state. */
export interface EffectTools<S, E> {
  /** Queue more effects, run after the ones already queued. */
  queue: (...effects: E[]) => void;
  /** Run `fn` with the final state once every effect of this step is done and the state is set. */
  afterwards: (fn: (state: S) => void) => void;
}

export type Reduce<S, Ev, E> = (state: S, event: Ev) => Step<S, E>;
export type Perform<S, E> = (state: S, effect: E, tools: EffectTools<S, E>) => S;

export interface Machine<S, Ev, E> {
  /** The state to render. */
  state: S;
  /** The latest state, including changes not yet rendered. */
  current: () => S;
  /** Reduce an event against the latest state and run its effects (nothing happens when nothing changed). */
  send: (event: Ev) => void;
  /** Run a step made outside the reducer (a timer's save). */
  run: (step: Step<S, E>) => void;
}

/**
 * The reducer-plus-effects loop the quiz screens share. `reduce` and `perform` are read on every call, so
 * they may close over the latest props (the terminal's height, the store).
 */
export function useMachine<S, Ev, E>(
  initial: () => S,
  reduce: Reduce<S, Ev, E>,
  perform: Perform<S, E>,
): Machine<S, Ev, E> {
  const [state, setState] = useState(initial);
  const latest = useRef(state);
  const handlers = useRef({ reduce, perform });
  handlers.current = { reduce, perform };

  const run = useCallback((step: Step<S, E>) => {
    let current = step.state;
    const queue = [...step.effects];
    const after: Array<(state: S) => void> = [];
    const tools: EffectTools<S, E> = {
      queue: (...more) => {
        queue.push(...more);
      },
      afterwards: (fn) => {
        after.push(fn);
      },
    };
    for (let effect = queue.shift(); effect !== undefined; effect = queue.shift())
      current = handlers.current.perform(current, effect, tools);
    latest.current = current;
    setState(current);
    for (const fn of after) fn(current);
  }, []);

  const send = useCallback(
    (event: Ev) => {
      const before = latest.current;
      const step = handlers.current.reduce(before, event);
      if (step.state !== before || step.effects.length) run(step);
    },
    [run],
  );

  const current = useCallback(() => latest.current, []);
  return { state, current, send, run };
}
