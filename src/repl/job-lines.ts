// The REPL's :build progress as plain note lines (no colour: the REPL styles its own notes). The commands and
// the app have their own views (src/commands/job-progress.ts, src/ui/job/); the REPL imports neither.
import type { JobEvent, JobListener } from '../job/events.js';
import { safeEvent } from '../job/safe-event.js';

export function jobLines(write: (line: string) => void): JobListener {
  return (raw: JobEvent) => {
    const event = safeEvent(raw);
    switch (event.kind) {
      case 'phase':
        return write(event.text);
      case 'reused':
        return write(`up to date: ${event.tag} exists already (same definition), nothing to build`);
      case 'step':
        return write(`step ${event.index}/${event.total} ${event.instruction}`);
      case 'built':
        return write(
          `built ${event.tag} in ${event.seconds.toFixed(1)} s (${event.steps} steps, ${event.cachedSteps} from cache)`,
        );
      case 'failed':
        write(`build failed${event.step ? ` at step ${event.step.index}/${event.step.total}` : ''}: ${event.message}`);
        for (const line of event.tail ?? []) write(`  │ ${line}`);
        return;
      case 'warning':
        return write(event.text);
      default:
        return;
    }
  };
}
