/** The user pressed Ctrl-C (or the caller aborted): the build or run was stopped and what it made removed. */
export class Aborted extends Error {
  constructor(what: string) {
    super(`${what} stopped (Ctrl-C)`);
  }
}

export function isAbortError(err: unknown, signal?: AbortSignal): boolean {
  const e = err as { name?: string; code?: string } | undefined;
  return Boolean(signal?.aborted) || e?.name === 'AbortError' || e?.code === 'ABORT_ERR';
}
