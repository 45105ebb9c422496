// How `amlenv build` and `amlenv run` show a job's progress: the Ink view (src/ui/job/live.tsx) on a terminal
// while the image is pulled and built, plain lines for pipes, CI logs and narrow terminals, and plain lines
// always once the script runs (its own output goes straight to the terminal).
import type { JobObserver } from '../job/build-and-run.js';
import type { JobEvent, JobListener } from '../job/events.js';
import { formatBytes } from '../snapshot/limits.js';
import { safeEvent } from '../job/safe-event.js';
import { bold, dim, green, red, yellow } from '../util/color.js';
import { plural } from '../util/plural.js';

export function plainProgress(write: (line: string) => void): JobListener {
  const layerStatus = new Map<string, string>();
  return (raw: JobEvent) => {
    const event = safeEvent(raw);
    switch (event.kind) {
      case 'phase':
        write(bold(event.text));
        break;
      case 'reused':
        write(`${green('up to date:')} ${event.tag} exists already (same definition), nothing to build`);
        break;
      case 'step':
        write(`${dim(`step ${event.index}/${event.total}`)} ${event.instruction}`);
        break;
      case 'cached':
        write(dim('  using cache'));
        break;
      case 'log':
        write(`  ${dim('│')} ${event.stream === 'stderr' ? yellow(event.text) : event.text}`);
        break;
      case 'unparsed':
        write(`  ${dim('│')} ${event.text}`);
        break;
      case 'layer': {
        // One line per change of a layer's status, not per progress tick.
        if (layerStatus.get(event.id) === event.status) break;
        layerStatus.set(event.id, event.status);
        const size = event.total ? ` ${formatBytes(event.total)}` : '';
        write(`  layer ${event.id}: ${event.status}${size}`);
        break;
      }
      case 'status':
        if (!/^Successfully (built|tagged)/.test(event.text)) write(dim(`  ${event.text}`));
        break;
      case 'built':
        write(
          `${green('built')} ${event.tag} in ${event.seconds.toFixed(1)} s (${plural(event.steps, 'step')}, ${event.cachedSteps} from cache)`,
        );
        break;
      case 'failed':
        write(
          `${red('build failed')}${event.step ? ` at step ${event.step.index}/${event.step.total} (${truncate(event.step.instruction, 100)})` : ''}: ${event.message}`,
        );
        if (event.tail?.length) {
          write(dim(`  last ${plural(event.tail.length, 'line')} of that step:`));
          for (const line of event.tail) write(`  ${dim('│')} ${line}`);
        }
        break;
      case 'warning':
        write(`amlenv: ${event.text}`);
        break;
      case 'finished':
        if (event.timedOut) write(red(`timed out after ${event.seconds.toFixed(0)} s: the container was stopped`));
        else if (event.oomKilled)
          write(red(`the script ran out of memory and was killed (exit code ${event.exitCode})`));
        else
          write(
            `${event.exitCode === 0 ? green('script exited with 0') : red(`script exited with ${event.exitCode}`)} after ${event.seconds.toFixed(1)} s`,
          );
        if (event.outputsDir) write(`outputs and logs: ${event.outputsDir} (${plural(event.collected ?? 0, 'file')})`);
        for (const s of event.skipped ?? []) write(yellow(`  left behind: ${s}`));
        break;
      default:
        break;
    }
  };
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface CommandProgress {
  listener: JobObserver;
  /** Releases the terminal (Ink) before anything else is printed. */
  stop(): Promise<void>;
}

export async function commandProgress(stream: NodeJS.WriteStream = process.stderr): Promise<CommandProgress> {
  const plain = plainProgress((line) => stream.write(`${line}\n`));
  // A terminal that reports no width (some pseudo-terminals) would get one character per line: plain lines then.
  const live =
    stream.isTTY && (stream.columns ?? 0) >= 40 && !process.env.CI ? await import('../ui/job/live.js') : undefined;
  // The view is drawn from the first event on: a definition with errors is reported without an empty frame.
  let view: ReturnType<NonNullable<typeof live>['startLiveProgress']> | undefined;
  let released = false;
  const stop = async () => {
    released = true;
    const shown = view;
    view = undefined;
    await shown?.stop();
  };
  return {
    listener: (event) => {
      if (event.kind === 'phase' && event.phase === 'run') return stop().then(() => plain(event));
      if (!live || released) return plain(event);
      view ??= live.startLiveProgress(stream);
      view.listener(event);
    },
    stop,
  };
}
