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

/** A caught Node error's code (`ENOENT`, `EACCES`), or undefined for anything else. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const { code } = err as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}
