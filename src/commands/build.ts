import { Aborted } from '../docker/abort.js';
import { BuildFailed } from '../docker/build.js';
import { daemonAddress } from '../docker/client.js';
import { PullFailed } from '../docker/pull.js';
import { parseImageRef, isImageError } from '../env/image-ref.js';
import { buildAndRun } from '../job/build-and-run.js';
import { EnvironmentProblem, errorCode, EXIT, UsageError } from '../util/errors.js';
import { formatErrors } from './dockerfile.js';
import { commandProgress } from './job-progress.js';
import type { Command } from './types.js';

export const INTERRUPTED = 130;

/** Aborts on Ctrl-C (and SIGTERM) while `work` runs; what was created is removed by the code that created it. */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // The first Ctrl-C stops the work and lets it clean up (every daemon call honours the signal, and the
  // clean-up calls have their own deadlines); a second one leaves at once.
  const stop = () => {
    if (controller.signal.aborted) process.exit(INTERRUPTED);
    controller.abort();
    // Should anything still hold the process open once the clean-up deadlines have passed, leave anyway.
    setTimeout(() => process.exit(INTERRUPTED), 45_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    // A request the daemon never answered can keep the event loop alive after an interrupt: do not wait for it.
    if (controller.signal.aborted) setTimeout(() => process.exit(INTERRUPTED), 2_000).unref();
  }
}

const command: Command = {
  options: {
    tag: { type: 'string', short: 't' },
    'no-cache': { type: 'boolean' },
    pull: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  minPositionals: 1,
  maxPositionals: 1,
  async run({ positionals, values }) {
    const [path] = positionals;
    const extraTag = typeof values.tag === 'string' ? values.tag : undefined;
    if (extraTag !== undefined) {
      const ref = parseImageRef(extraTag);
      if (isImageError(ref) || ref.digest)
        throw new UsageError(
          `--tag "${extraTag}" is not an image name: ${isImageError(ref) ? ref.error : 'a tag cannot hold a digest'}; e.g. --tag myenv:dev`,
        );
    }
    const progress = await commandProgress();
    let outcome: Awaited<ReturnType<typeof buildAndRun>>;
    try {
      outcome = await withInterrupt((signal) =>
        buildAndRun(
          {
            definition: path,
            build: {
              noCache: Boolean(values['no-cache']),
              pull: Boolean(values.pull),
              tags: extraTag ? [extraTag] : [],
              force: Boolean(values.force),
            },
          },
          progress.listener,
          signal,
        ),
      );
    } catch (err) {
      await progress.stop();
      return reportJobError(err);
    }
    await progress.stop();
    if (outcome.kind === 'invalid') {
      process.stderr.write(
        `${formatErrors(path, outcome)}\namlenv: ${path} has errors, so it is not built; fix them first (amlenv validate ${path})\n`,
      );
      return EXIT.invalid;
    }
    if (outcome.kind !== 'built') throw new Error(`a build ended as ${outcome.kind}`);
    process.stdout.write(`${outcome.image.tag}\n`);
    return EXIT.ok;
  },
};

/** Prints a failed build, pull or interrupt as one line (the failing step and its log were already shown). */
export function reportJobError(err: unknown): number {
  if (err instanceof Aborted) {
    process.stderr.write(`amlenv: ${err.message}; nothing it created was left behind\n`);
    return INTERRUPTED;
  }
  if (err instanceof BuildFailed) {
    process.stderr.write(
      `amlenv: the image was not built${err.step ? ` (step ${err.step.index}/${err.step.total} failed)` : ''}: ${err.message.split('\n')[0]}; fix the definition and build again\n`,
    );
    return EXIT.invalid;
  }
  const code = errorCode(err);
  if (code && ['ECONNREFUSED', 'ENOENT', 'EACCES', 'ECONNRESET', 'EPIPE'].includes(code)) {
    const { address } = daemonAddress();
    throw new EnvironmentProblem(
      `lost the connection to Docker at ${address} (${code}); check that the daemon is still running (docker info), then try again`,
    );
  }
  if (err instanceof PullFailed) {
    process.stderr.write(`amlenv: ${err.message}; check the image name, your network, or docker.baseImageRegistry\n`);
    return EXIT.invalid;
  }
  throw err;
}

export default command;
