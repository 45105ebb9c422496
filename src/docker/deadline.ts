// Every call to the daemon is bounded: a short call (inspect, create, start, remove, list) has a deadline, and a
// streamed answer (a build, a pull) has a watchdog that fires when no byte arrives for too long. A daemon that
// answers /_ping and then stalls therefore ends in a clear exit-3 error instead of a silent hang, and Ctrl-C
// (the caller's signal) cancels whatever call is waiting.
import { Aborted } from './abort.js';
import { daemonAddress } from './client.js';
import { EnvironmentProblem } from '../util/errors.js';

const seconds = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value * 1000 : fallback;
};

/** Deadline of one short call; AMLENV_DOCKER_TIMEOUT (seconds) overrides it. */
export const callTimeoutMs = (): number => seconds('AMLENV_DOCKER_TIMEOUT', 60_000);
/**
 * How long a build or pull may go without a single byte from the daemon. A classic-builder RUN step prints
 * nothing until it ends, so this is long; AMLENV_DOCKER_IDLE_TIMEOUT (seconds) overrides it.
 */
export const idleTimeoutMs = (): number => seconds('AMLENV_DOCKER_IDLE_TIMEOUT', 30 * 60_000);

const inSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

export function stalled(what: string, ms: number, idle = false): EnvironmentProblem {
  const { address } = daemonAddress();
  return new EnvironmentProblem(
    `Docker ${idle ? 'sent nothing' : 'did not answer'} ${idle ? `while ${what}` : `when asked to ${what}`} for ${inSeconds(ms)} at ${address}; the daemon seems stuck: restart it (sudo systemctl restart docker, or restart Docker Desktop) and try again`,
  );
}

/**
 * Runs one daemon call with a deadline. `what` names the call in the error ("inspect the image").
 * The call gets a signal that fires on the deadline or when `outer` (Ctrl-C) fires.
 */
export async function daemonCall<T>(
  what: string,
  call: (signal: AbortSignal) => Promise<T>,
  outer?: AbortSignal,
  timeoutMs = callTimeoutMs(),
): Promise<T> {
  if (outer?.aborted) throw new Aborted(what);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = outer ? AbortSignal.any([outer, deadline.signal]) : deadline.signal;
  try {
    return await Promise.race([
      call(signal),
      // A call that ignores its signal still cannot outlive the deadline.
      new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), {
          once: true,
        }),
      ),
    ]);
  } catch (err) {
    if (outer?.aborted) throw new Aborted(what);
    if (deadline.signal.aborted) throw stalled(what, timeoutMs);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** A watchdog on a stream of progress: `touch()` on every chunk; `fired` once nothing came for `idleMs`. */
export class ProgressWatchdog {
  readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  fired = false;

  constructor(private readonly idleMs = idleTimeoutMs()) {
    this.touch();
  }

  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort();
    }, this.idleMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  get ms(): number {
    return this.idleMs;
  }
}
