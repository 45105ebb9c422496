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

interface ViewStore {
  subscribe(fn: () => void): () => void;
  get(): BuildViewState;
}

function Live({ store }: { store: ViewStore }) {
  const current = useSyncExternalStore(store.subscribe, store.get);
  return <BuildProgress state={current} />;
}

export function startLiveProgress(stream: NodeJS.WriteStream = process.stderr): LiveProgress {
  let state: BuildViewState = initialBuildView;
  const subscribers = new Set<() => void>();
  const store: ViewStore = {
    subscribe: (fn) => {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    get: () => state,
  };
  const instance = render(<Live store={store} />, { stdout: stream, exitOnCtrlC: false, patchConsole: false });
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
