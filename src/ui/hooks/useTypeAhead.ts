// Keys typed while a screen opens reach that screen. Between choosing a screen and its first frame (its code
// loads on first use) no component listens to keys: Ink would drop raw mode (the terminal echoes what is
// typed and holds it until Enter) or hand the keys to nobody. `hold()` keeps raw mode on and keeps every
// key read in the meantime; `release()`, called once the new screen has subscribed to keys, hands them to
// it in the order they were typed, as if they had just arrived.
//
// Replaying goes through Ink's stdin event emitter (the `internal_eventEmitter` of its StdinContext, which
// every useInput listens to): the keys take the same path as keys from the terminal.
import { useStdin } from 'ink';
import { useCallback, useEffect, useRef } from 'react';

export interface TypeAhead {
  /** From now on, keep the keys typed (idempotent). */
  hold: () => void;
  /** Hand the kept keys to whoever listens now, and stop keeping them. */
  release: () => void;
}

export function useTypeAhead(): TypeAhead {
  const { isRawModeSupported, setRawMode, internal_eventEmitter: events } = useStdin();
  const held = useRef<{ keys: string[]; listener: (input: string) => void } | undefined>(undefined);

  const hold = useCallback(() => {
    if (held.current || !isRawModeSupported) return;
    const keys: string[] = [];
    const listener = (input: string) => {
      keys.push(input);
    };
    held.current = { keys, listener };
    // A listener added while Ink is handing out the key that chose the screen does not get that key.
    events.on('input', listener);
    setRawMode(true);
  }, [events, isRawModeSupported, setRawMode]);

  const release = useCallback(() => {
    const h = held.current;
    if (!h) return;
    held.current = undefined;
    events.off('input', h.listener);
    for (const input of h.keys) events.emit('input', input);
    setRawMode(false);
  }, [events, setRawMode]);

  // Nothing kept outlives the app.
  useEffect(
    () => () => {
      const h = held.current;
      if (!h) return;
      held.current = undefined;
      events.off('input', h.listener);
      setRawMode(false);
    },
    [events, setRawMode],
  );

  return { hold, release };
}
