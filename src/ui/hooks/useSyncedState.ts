// State whose latest value is readable at once. Ink hands every keypress of one read (a burst, or keys
// typed faster than a frame) to the input handler in the same tick, before React re-renders; a handler
// that reads plain state then acts on the value before the previous key (Down, then Enter opening the
// entry that had the focus before Down). Reading `current()` sees every earlier keypress.
import { useCallback, useRef, useState } from 'react';

/** A value given to `set` is an updater when it is a function (as with React's own setState). */
function isUpdater<T>(next: T | ((prev: T) => T)): next is (prev: T) => T {
  return typeof next === 'function';
}

export function useSyncedState<T>(initial: T | (() => T)): [T, (next: T | ((prev: T) => T)) => void, () => T] {
  const [value, setValue] = useState(initial);
  const latest = useRef(value);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    latest.current = isUpdater(next) ? next(latest.current) : next;
    setValue(latest.current);
  }, []);
  const current = useCallback(() => latest.current, []);
  return [value, set, current];
}
