import { Aborted, isAbortError } from './abort.js';
import { oneLine, type Docker } from './client.js';
import { ProgressWatchdog, stalled } from './deadline.js';
import { ProgressParser, type ProgressEvent } from './progress.js';

export interface PullRequest {
  auth?: { username?: string; password?: string; serveraddress: string };
  /** `linux/amd64`, when the image's own default is not wanted. */
  platform?: string;
  signal?: AbortSignal;
  onEvent?: (event: ProgressEvent) => void;
}

export class PullFailed extends Error {}

/** Pulls an image, reporting per-layer progress. Registry passwords never reach a message. */
export async function pullImage(docker: Docker, ref: string, request: PullRequest = {}): Promise<void> {
  const watchdog = new ProgressWatchdog();
  const signal = request.signal
    ? AbortSignal.any([request.signal, watchdog.controller.signal])
    : watchdog.controller.signal;
  try {
    await pullWatched(docker, ref, request, watchdog, signal);
  } catch (err) {
    if (watchdog.fired && !request.signal?.aborted) throw stalled(`pulling ${ref}`, watchdog.ms, true);
    throw err;
  } finally {
    watchdog.stop();
  }
}

async function pullWatched(
  docker: Docker,
  ref: string,
  request: PullRequest,
  watchdog: ProgressWatchdog,
  signal: AbortSignal,
): Promise<void> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await docker.pull(ref, {
      ...(request.auth ? { authconfig: request.auth } : {}),
      ...(request.platform ? { platform: request.platform } : {}),
      abortSignal: signal,
    });
  } catch (err) {
    if (watchdog.fired) throw err;
    if (isAbortError(err, request.signal)) throw new Aborted('the pull');
    throw new PullFailed(`cannot pull ${ref}: ${redact(oneLine(err), request.auth?.password)}`);
  }
  const parser = new ProgressParser();
  let error: string | undefined;
  const handle = (event: ProgressEvent) => {
    if (event.kind === 'error') error ??= event.message;
    request.onEvent?.(event);
  };
  try {
    for await (const chunk of stream) {
      watchdog.touch();
      parser.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk).forEach(handle);
    }
    parser.end().forEach(handle);
  } catch (err) {
    if (watchdog.fired) throw err;
    if (isAbortError(err, request.signal)) throw new Aborted('the pull');
    throw new PullFailed(`the connection to Docker broke while pulling ${ref}: ${oneLine(err)}`);
  }
  if (watchdog.fired) throw new Error('stalled');
  if (request.signal?.aborted) throw new Aborted('the pull');
  if (error !== undefined) throw new PullFailed(`cannot pull ${ref}: ${redact(error, request.auth?.password)}`);
}

const redact = (text: string, secret?: string) => (secret ? text.split(secret).join('***') : text);
