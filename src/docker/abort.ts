import { errorCode } from '../util/errors.js';

/** The user pressed Ctrl-C (or the caller aborted): the build or run was stopped and what it made removed. */
export class Aborted extends Error {
  constructor(what: string) {
    super(`${what} stopped (Ctrl-C)`);
  }
}

export function isAbortError(err: unknown, signal?: AbortSignal): boolean {
  return (
    Boolean(signal?.aborted) ||
    (typeof err === 'object' && err !== null && 'name' in err && err.name === 'AbortError') ||
    errorCode(err) === 'ABORT_ERR'
  );
}
