/** A mistake in how amlenv was called: exit 2 with a one-line message. */
export class UsageError extends Error {}

/** Something outside amlenv is missing or refused (Docker not reachable, permission denied): exit 3. */
export class EnvironmentProblem extends Error {}

/** The input was read but is invalid, or the job failed: exit 1 (the details were already printed). */
export class InvalidInput extends Error {}

export const EXIT = { ok: 0, invalid: 1, usage: 2, environment: 3 } as const;

/** The first line of a caught value's message, without a cast at each catch site. */
export function errorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0] ?? '';
}

/** The whole message of a caught value (every line), for callers that pick a line themselves. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  // Errors from WebAssembly libraries may be plain objects carrying a message.
  if (typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string')
    return err.message;
  return String(err);
}

/** A caught Node error's code (`ENOENT`, `EACCES`), or undefined for anything else. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

/** The code of a caught error's cause (fetch wraps ECONNREFUSED, ENOTFOUND in `cause`), or undefined. */
export function causeCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('cause' in err)) return undefined;
  return errorCode(err.cause);
}

/** The first line of a caught error's cause message, or undefined when it has none. */
export function causeMessage(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('cause' in err) || !(err.cause instanceof Error)) return undefined;
  return errorMessage(err.cause);
}
