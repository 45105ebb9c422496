/** A mistake in how amlenv was called: exit 2 with a one-line message. */
export class UsageError extends Error {}

/** Something outside amlenv is missing or refused (Docker not reachable, permission denied): exit 3. */
export class EnvironmentProblem extends Error {}

/** The input was read but is invalid, or the job failed: exit 1 (the details were already printed). */
export class InvalidInput extends Error {}

export const EXIT = { ok: 0, invalid: 1, usage: 2, environment: 3 } as const;
