// Draws BuildProgress live on a terminal while a command builds; imported only when stderr is a TTY.
import { render } from 'ink';
import { useSyncExternalStore } from 'react';
import type { JobEvent, JobListener } from '../../job/events.js';
import { BuildProgress } from './BuildProgress.js';
import { initialBuildView, reduceBuildView, type BuildViewState } from './progress-state.js';

export interface LiveProgress {
  listener: JobListener;
  /** Draws the last frame and releases the terminal. */
  stop(): Promise<void>;
}

export function startLiveProgress(stream: NodeJS.WriteStream = process.stderr): LiveProgress {
  let state: BuildViewState = initialBuildView;
  const subscribers = new Set<() => void>();
  const subscribe = (fn: () => void) => {
    subscribers.add(fn);
    return () => subscribers.delete(fn);
  };
  function Live() {
    const current = useSyncExternalStore(subscribe, () => state);
    return <BuildProgress state={current} />;
  }
  const instance = render(<Live />, { stdout: stream, exitOnCtrlC: false, patchConsole: false });
  return {
    listener: (event: JobEvent) => {
      state = reduceBuildView(state, event);
      for (const fn of subscribers) fn();
    },
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 40));
      instance.unmount();
      await instance.waitUntilExit().catch(() => undefined);
    },
  };
}
