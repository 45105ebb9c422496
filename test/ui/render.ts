import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { delay } from './keys.js';

export type Rendered = ReturnType<typeof render>;

/** Renders and waits for the first frame. */
export async function mount(tree: ReactElement): Promise<Rendered> {
  const r = render(tree);
  await waitFor(r, (f) => f.trim().length > 0);
  return r;
}

/** Polls the last frame until it satisfies the check (or fails after `timeout` ms with the frame shown). */
export async function waitFor(r: Rendered, check: (frame: string) => boolean, timeout = 3000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const frame = r.lastFrame() ?? '';
    if (check(frame)) return frame;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting; last frame:\n${frame}`);
    await delay(10);
  }
}

/**
 * Sends keys one at a time. After each, waits for the frame to change (up to 400 ms, for keys that change
 * nothing) and then a little longer, so React flushes and Ink re-subscribes its input handler with fresh
 * state before the next key: sending faster makes handlers see stale state (see reference/ink.md).
 */
export async function send(r: Rendered, ...inputs: string[]): Promise<string> {
  for (const input of inputs) {
    const before = r.lastFrame();
    r.stdin.write(input);
    const start = Date.now();
    while (r.lastFrame() === before && Date.now() - start < 400) await delay(5);
    await delay(25);
  }
  return r.lastFrame() ?? '';
}

/** Types text character by character. */
export const type = (r: Rendered, text: string) => send(r, ...[...text]);
