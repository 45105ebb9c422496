// Renders an Ink tree into a fake terminal of a chosen size that can be resized (ink-testing-library is
// fixed at 100 columns), for tests of how screens lay out at 60, 80, 120 and 160 columns.
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import type { ReactElement } from 'react';
import type { Rendered } from './render.js';

class SizedStdout extends EventEmitter {
  frames: string[] = [];
  last: string | undefined;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    this.last = frame;
    return true;
  };
}

class Stdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export type Sized = Rendered & { resize: (columns: number, rows?: number) => void };

export function renderSized(tree: ReactElement, columns: number, rows = 24): Sized {
  const stdout = new SizedStdout(columns, rows);
  const stdin = new Stdin();
  const instance = inkRender(tree, {
    stdout: stdout as never,
    stderr: new SizedStdout(columns, rows) as never,
    stdin: stdin as never,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    rerender: instance.rerender,
    unmount: instance.unmount,
    cleanup: instance.cleanup,
    stdout: stdout as never,
    stderr: stdout as never,
    stdin: stdin as never,
    frames: stdout.frames,
    lastFrame: () => stdout.last,
    resize(c: number, r = stdout.rows) {
      stdout.columns = c;
      stdout.rows = r;
      stdout.emit('resize');
    },
  };
}

/** The frame's text with line breaks and runs of spaces made single spaces: wrapped text compares whole. */
export const flat = (frame: string) => frame.replace(/\s+/g, ' ');
