// Builds an image from a context tar with the classic builder (portable: Podman and old daemons have no
// BuildKit session API, and dockerode's BuildKit decoding garbles RUN output), reporting progress as events.
import { pipeline, Transform, type Readable } from 'node:stream';
import { Aborted, isAbortError } from './abort.js';
import { oneLine, type Docker } from './client.js';
import { ProgressWatchdog, stalled } from './deadline.js';
import { ProgressParser, type ProgressEvent } from './progress.js';

export interface BuildRequest {
  /** A tar of the build context. */
  context: Readable;
  /** Path of the Dockerfile inside the context. */
  dockerfile: string;
  tags: string[];
  noCache?: boolean;
  /** Always try to pull a newer base image. */
  pull?: boolean;
  /** `linux/arm64`; left out when the daemon's own platform is wanted. */
  platform?: string;
  signal?: AbortSignal;
  onEvent?: (event: ProgressEvent) => void;
}

export interface BuildStep {
  index: number;
  total: number;
  instruction: string;
}

export interface BuildResult {
  imageId: string;
  steps: number;
  cachedSteps: number;
}

/** How many lines of the failing step's output the error keeps. */
export const TAIL_LINES = 20;

export class BuildFailed extends Error {
  constructor(
    message: string,
    /** The step that failed, when the failure happened inside one. */
    readonly step: BuildStep | undefined,
    /** The last lines that step printed. */
    readonly tail: string[],
  ) {
    super(message);
  }
}

export async function buildImage(docker: Docker, request: BuildRequest): Promise<BuildResult> {
  // Bytes going up (the context) and coming back (progress) both count as progress.
  const watchdog = new ProgressWatchdog();
  const counted = new Transform({
    transform(chunk, _encoding, done) {
      watchdog.touch();
      done(null, chunk);
    },
  });
  const context = pipeline(request.context, counted, () => undefined);
  const signal = request.signal
    ? AbortSignal.any([request.signal, watchdog.controller.signal])
    : watchdog.controller.signal;
  try {
    return await buildWatched(docker, { ...request, context }, watchdog, signal);
  } catch (err) {
    if (watchdog.fired && !request.signal?.aborted) throw stalled('building the image', watchdog.ms, true);
    throw err;
  } finally {
    watchdog.stop();
  }
}

async function buildWatched(
  docker: Docker,
  request: BuildRequest,
  watchdog: ProgressWatchdog,
  signal: AbortSignal,
): Promise<BuildResult> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await docker.buildImage(request.context, {
      dockerfile: request.dockerfile,
      // The API takes t once per tag (dockerode sends a list as repeated t=); @types/dockerode types it as one string.
      t: request.tags as unknown as string,
      nocache: Boolean(request.noCache),
      pull: request.pull ? true : undefined,
      rm: true,
      // Without forcerm the container of a failed step stays behind (measured).
      forcerm: true,
      version: '1',
      ...(request.platform ? { platform: request.platform } : {}),
      abortSignal: signal,
    });
  } catch (err) {
    if (watchdog.fired) throw err;
    if (isAbortError(err, request.signal)) throw new Aborted('the build');
    // A Dockerfile syntax error is refused up front with HTTP 400, not reported in the stream.
    throw new BuildFailed(`the daemon refused the build: ${oneLine(err)}`, undefined, []);
  }

  const parser = new ProgressParser();
  let step: BuildStep | undefined;
  let tail: string[] = [];
  let error: string | undefined;
  let imageId: string | undefined;
  let steps = 0;
  let cachedSteps = 0;
  const handle = (event: ProgressEvent) => {
    if (event.kind === 'step') {
      step = { index: event.index, total: event.total, instruction: event.instruction };
      steps++;
      tail = [];
    } else if (event.kind === 'cached') cachedSteps++;
    else if (event.kind === 'log' || event.kind === 'unparsed') {
      tail.push(event.text);
      if (tail.length > TAIL_LINES) tail.shift();
    } else if (event.kind === 'error') error ??= event.message;
    else if (event.kind === 'image') imageId = event.id;
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
    if (isAbortError(err, request.signal)) throw new Aborted('the build');
    throw new BuildFailed(`the connection to Docker broke during the build: ${oneLine(err)}`, step, tail);
  }
  if (watchdog.fired) throw new Error('stalled');
  if (request.signal?.aborted) throw new Aborted('the build');
  if (error !== undefined) throw new BuildFailed(error, step, tail);
  if (!imageId) throw new BuildFailed('the build ended without producing an image', step, tail);
  return { imageId, steps, cachedSteps };
}
