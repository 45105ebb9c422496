// When the Docker suites are skipped (no daemon, or no local test base image), `npm test` says so in one line
// with the command that enables them, instead of skipping them silently.
export const MAKE_BASE_IMAGE = 'bash fixtures/docker/base-image/make.sh';

/** Why a Docker suite cannot run: recorded on its test file (vitest's file meta) for the reporter. */
export interface DockerSkip {
  kind: 'no-daemon' | 'no-base-image';
  detail: string;
}

declare module 'vitest' {
  interface TaskMeta {
    dockerSkip?: DockerSkip;
  }
}

export const missingImage = (image: string): DockerSkip => ({
  kind: 'no-base-image',
  detail: `the local test base image ${image} is missing`,
});
export const noDaemon = (message: string): DockerSkip => ({ kind: 'no-daemon', detail: message });

export interface SkippedFile {
  file: string;
  skipped: number;
  reason: DockerSkip;
}

/** The one line printed after the run, or undefined when no Docker test was skipped. */
export function skipNote(files: SkippedFile[]): string | undefined {
  const hit = files.filter((f) => f.skipped > 0);
  if (!hit.length) return undefined;
  const tests = hit.reduce((n, f) => n + f.skipped, 0);
  const what = `${tests} Docker integration test${tests === 1 ? '' : 's'} in ${hit.length} file${hit.length === 1 ? '' : 's'} (${hit.map((f) => f.file).join(', ')})`;
  const image = hit.find((f) => f.reason.kind === 'no-base-image');
  if (image)
    return `Skipped ${what}: ${image.reason.detail}. Make it (needs root, debootstrap and a running Docker daemon) with: sudo ${MAKE_BASE_IMAGE}   then run npm test again (REQUIRE_DOCKER=1 turns a skip into a failure).`;
  return `Skipped ${what}: no Docker daemon answered (${hit[0].reason.detail.split('\n')[0]}). Start Docker (docker info should answer), then ${MAKE_BASE_IMAGE} once, then npm test again (REQUIRE_DOCKER=1 turns a skip into a failure).`;
}
