import type { JobListener } from './events.js';

/** Where a command's progress goes: the Ink view on a terminal, plain lines otherwise. */
export interface ProgressSink {
  listener: JobListener;
  /** Releases the terminal (Ink) before anything else is printed. */
  stop(): Promise<void>;
}

export async function progressSink(plain: boolean): Promise<ProgressSink> {
  // A terminal that reports no width (some pseudo-terminals) would get one character per line: plain lines then.
  if (!plain && process.stderr.isTTY && (process.stderr.columns ?? 0) >= 40 && !process.env.CI) {
    const { startLiveProgress } = await import('../ui/build/live.js');
    return startLiveProgress(process.stderr);
  }
  const { plainProgress } = await import('../ui/build/plain-progress.js');
  return { listener: plainProgress((line) => process.stderr.write(`${line}\n`)), stop: async () => undefined };
}
