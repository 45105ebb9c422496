import type { ProgressEvent } from '../docker/progress.js';

/**
 * Everything a build or run reports, in order. The plain lines (src/ui/build/plain-progress.ts) and the Ink view
 * (src/ui/build/BuildProgress.tsx) draw the same events.
 */
export type JobEvent =
  | ProgressEvent
  | { kind: 'phase'; phase: 'check' | 'pull' | 'build' | 'snapshot' | 'run' | 'collect'; text: string }
  /** The image for this definition exists already: nothing is built. */
  | { kind: 'reused'; tag: string; imageId: string }
  | { kind: 'built'; tag: string; imageId: string; steps: number; cachedSteps: number; seconds: number }
  /** A line the script printed. */
  | { kind: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | {
      kind: 'finished';
      exitCode: number;
      timedOut: boolean;
      oomKilled: boolean;
      seconds: number;
      outputsDir?: string;
      collected?: number;
      skipped?: string[];
    }
  | { kind: 'failed'; message: string; step?: { index: number; total: number; instruction: string }; tail?: string[] };

export type JobListener = (event: JobEvent) => void;
