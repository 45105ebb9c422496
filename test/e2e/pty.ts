import { join } from 'node:path';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { ROOT } from '../helpers.js';

export interface Session {
  screen(): string;
  write(data: string): void;
  waitFor(pattern: RegExp | string, timeout?: number): Promise<string>;
  kill(signal?: string): void;
  exited: Promise<number>;
}

/** Runs the built CLI in a real pseudo-terminal and keeps a headless xterm of what it shows. */
export function spawnCli(
  args: string[],
  options: {
    env?: Record<string, string>;
    cwd?: string;
    cols?: number;
    rows?: number;
    uid?: number;
    gid?: number;
  } = {},
): Session {
  const cols = options.cols ?? 80;
  const rows = options.rows ?? 24;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  const env = {
    ...process.env,
    CI: 'false',
    TERM: 'xterm-256color',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    ...options.env,
  } as Record<string, string>;
  const child = pty.spawn(process.execPath, [join(ROOT, 'bin', 'amlenv.js'), ...args], {
    cols,
    rows,
    cwd: options.cwd ?? ROOT,
    env,
    name: 'xterm-256color',
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
  });
  child.onData((d) => term.write(d));
  const exited = new Promise<number>((resolve) => child.onExit((e) => resolve(e.exitCode)));
  const screen = () => {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) lines.push(buf.getLine(i)?.translateToString(true) ?? '');
    return lines.slice(buf.viewportY, buf.viewportY + rows).join('\n');
  };
  return {
    screen,
    write: (data) => child.write(data),
    async waitFor(pattern, timeout = 20000) {
      const start = Date.now();
      for (;;) {
        const s = screen();
        if (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s)) return s;
        if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${pattern}; screen:\n${s}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    kill: (signal = 'SIGTERM') => child.kill(signal),
    exited,
  };
}

/** Writes keys one at a time as a person types: each waits for the screen to react (or 600 ms) before the next. */
export async function keys(session: Session, ...inputs: string[]): Promise<void> {
  for (const input of inputs) {
    const before = session.screen();
    session.write(input);
    const start = Date.now();
    while (session.screen() === before && Date.now() - start < 600) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 30));
  }
}
