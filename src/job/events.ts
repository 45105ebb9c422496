import type { ProgressEvent } from '../docker/progress.js';

/**
 * Everything a build or run reports, in order. The plain lines (src/commands/job-progress.ts) and the Ink view
 * (src/ui/job/BuildProgress.tsx) draw the same events.
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
  /** Something went wrong beside the job (run.json could not be written); the job's result stands. */
  | { kind: 'warning'; text: string }
  | { kind: 'failed'; message: string; step?: { index: number; total: number; instruction: string }; tail?: string[] };

export type JobListener = (event: JobEvent) => void;
