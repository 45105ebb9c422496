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

/** Sends keys one at a time, letting React flush and Ink re-subscribe its input handler between them. */
export async function send(r: Rendered, ...inputs: string[]): Promise<string> {
  for (const input of inputs) {
    r.stdin.write(input);
    await delay(40);
  }
  return r.lastFrame() ?? '';
}

/** Types text character by character. */
export const type = (r: Rendered, text: string) => send(r, ...[...text]);
