// Runs a command in an image the way a job runs: hardened by default (no network, no capabilities,
// no-new-privileges, a non-root user, memory and pids limits, a read-only root with a writable /tmp), output
// streamed live, a timeout, Ctrl-C honoured, and the container (and any anonymous volume) always removed.
// General on purpose: a run of a user's script and a run of a bundled check with extra mounts both use it.
import type { Writable } from 'node:stream';
import { Aborted } from './abort.js';
import type { Docker } from './client.js';
import { callTimeoutMs, daemonCall, stalled } from './deadline.js';
import { ownerLabels } from './owner.js';

export interface Mount {
  host: string;
  container: string;
  readOnly: boolean;
}

export interface RunLimits {
  memoryBytes: number;
  pids: number;
  /** CPU limit in units of 1e-9 CPUs; 0 for no limit. */
  nanoCpus: number;
  tmpfsBytes: number;
}

export const DEFAULT_LIMITS: RunLimits = {
  memoryBytes: 2 * 1024 ** 3,
  pids: 512,
  nanoCpus: 0,
  tmpfsBytes: 512 * 1024 ** 2,
};

/** The user a container runs as: the caller's own ids (so outputs are theirs), or `nobody` when that is root. */
export function defaultRunUser(uid = process.getuid?.(), gid = process.getgid?.()): string {
  if (uid === undefined || uid === 0) return '65534:65534';
  return `${uid}:${gid ?? uid}`;
}

export interface RunRequest {
  image: string;
  command: string[];
  workingDir?: string;
  env?: Record<string, string>;
  mounts?: Mount[];
  /** Attach to the default bridge network; off unless asked for. */
  network?: boolean;
  timeoutMs?: number;
  user?: string;
  limits?: Partial<RunLimits>;
  labels?: Record<string, string>;
  stdout: Writable;
  stderr: Writable;
  signal?: AbortSignal;
  /** Called once the container exists, with its id (for cleanup checks and progress). */
  onCreated?: (id: string) => void;
}

export interface RunResult {
  exitCode: number;
  timedOut: boolean;
  oomKilled: boolean;
  containerId: string;
}

/** Builds the container configuration; pure, so the hardening can be checked without a daemon. */
export function containerConfig(request: RunRequest) {
  const limits = { ...DEFAULT_LIMITS, ...request.limits };
  return {
    Image: request.image,
    Cmd: request.command,
    WorkingDir: request.workingDir,
    Env: Object.entries(request.env ?? {}).map(([k, v]) => `${k}=${v}`),
    User: request.user ?? defaultRunUser(),
    Tty: false,
    OpenStdin: false,
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    // Owner labels last: a caller's labels cannot hide whose container it is.
    Labels: { ...(request.labels ?? {}), ...ownerLabels() },
    NetworkDisabled: !request.network,
    HostConfig: {
      NetworkMode: request.network ? 'bridge' : 'none',
      Binds: (request.mounts ?? []).map((m) => `${m.host}:${m.container}:${m.readOnly ? 'ro' : 'rw'}`),
      Privileged: false,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': `rw,nosuid,nodev,size=${limits.tmpfsBytes}` },
      Memory: limits.memoryBytes,
      MemorySwap: limits.memoryBytes,
      PidsLimit: limits.pids,
      ...(limits.nanoCpus ? { NanoCpus: limits.nanoCpus } : {}),
      Init: true,
      AutoRemove: false,
      LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
    },
  };
}

/** Runs the script; Ctrl-C during any of its daemon calls (create, attach, start...) is reported as "the run stopped". */
export async function runInImage(docker: Docker, request: RunRequest): Promise<RunResult> {
  try {
    return await runContainer(docker, request);
  } catch (err) {
    if (err instanceof Aborted) throw new Aborted('the run');
    throw err;
  }
}

async function runContainer(docker: Docker, request: RunRequest): Promise<RunResult> {
  const { signal } = request;
  if (signal?.aborted) throw new Aborted('the run');
  const container = await daemonCall(
    'create the container',
    (s) => docker.createContainer({ ...containerConfig(request), abortSignal: s }),
    signal,
  );
  request.onCreated?.(container.id);
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  // Stopping must work after Ctrl-C too, so it runs under its own deadline, not under the aborted signal.
  const kill = () =>
    daemonCall('stop the container', (s) => container.kill({ signal: 'SIGKILL', abortSignal: s })).catch(
      () => undefined,
    );
  let stopped: (() => void) | undefined;
  const stoppedByUser = new Promise<never>((_, reject) => {
    stopped = () => reject(new Aborted('the run'));
  });
  stoppedByUser.catch(() => undefined);
  const onAbort = () => {
    void kill();
    stopped?.();
  };
  try {
    if (signal?.aborted) throw new Aborted('the run');
    const attached = await daemonCall(
      'attach to the container',
      (s) => container.attach({ stream: true, stdout: true, stderr: true, abortSignal: s }),
      signal,
    );
    // Listen for the end before start: a fast script ends the stream before a late listener is attached.
    const ended = new Promise<void>((resolve) => {
      attached.once('end', resolve);
      attached.once('close', resolve);
      attached.once('error', () => resolve());
    });
    docker.modem.demuxStream(attached, request.stdout, request.stderr);
    // wait() before start(): a container that exits at once otherwise races it (dockerode #582).
    const waitAbort = new AbortController();
    const waited = container
      .wait({ condition: 'next-exit', abortSignal: waitAbort.signal })
      .then((answer: unknown) => ({ StatusCode: statusCode(answer) }));
    waited.catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await daemonCall('start the container', (s) => container.start({ abortSignal: s }), signal);
      // After the timeout the container is killed; should the daemon then not report its end, that is a stall.
      let stuck: NodeJS.Timeout | undefined;
      const stuckAfterKill = new Promise<never>((_, reject) => {
        if (!request.timeoutMs) return;
        timer = setTimeout(() => {
          timedOut = true;
          void kill();
          stuck = setTimeout(
            () => reject(stalled('stop the container after the timeout', callTimeoutMs())),
            callTimeoutMs(),
          );
        }, request.timeoutMs);
      });
      stuckAfterKill.catch(() => undefined);
      // The wait lasts as long as the script; Ctrl-C ends it at once, whatever the daemon does.
      const status = await Promise.race([waited, stoppedByUser, stuckAfterKill]).finally(() => clearTimeout(stuck));
      // The attach stream normally ends with the container; the timer only guards against a stream that never ends.
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      destroy(attached);
      if (signal?.aborted) throw new Aborted('the run');
      const info = await daemonCall('inspect the container', (s) => container.inspect({ abortSignal: s }), signal);
      return {
        exitCode: status.StatusCode,
        timedOut,
        oomKilled: Boolean(info.State?.OOMKilled),
        containerId: container.id,
      };
    } finally {
      waitAbort.abort();
      destroy(attached);
    }
  } finally {
    if (timer) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    // v: also remove anonymous volumes the image declares (VOLUME), so nothing is left behind.
    await daemonCall(
      'remove the container',
      (s) => container.remove({ force: true, v: true, abortSignal: s }),
      undefined,
      Math.min(callTimeoutMs(), signal?.aborted ? 10_000 : 30_000),
    ).catch(() => undefined);
  }
}

/** The exit code in the daemon's answer to a wait; a wait that ends without one is an error. */
function statusCode(answer: unknown): number {
  const code = typeof answer === 'object' && answer !== null && 'StatusCode' in answer ? answer.StatusCode : undefined;
  if (typeof code !== 'number') throw new Error('the daemon reported the end of the container without an exit code');
  return code;
}

/** Closes the attach stream (a socket: typed as a plain stream, it has destroy all the same). */
function destroy(stream: object): void {
  if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
}
