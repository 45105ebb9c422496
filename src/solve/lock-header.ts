// Recognising a lock written by amlenv solve (used by validate, so it imports nothing heavy).

export const LOCK_MARKER = '# amlenv lock';

export interface LockInfo {
  platform?: string;
  date?: string;
  source?: string;
}

/** Reads the header a lock starts with; undefined when the text is not an amlenv lock. */
export function readLockHeader(text: string): LockInfo | undefined {
  const first = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0];
  if (!first.startsWith(LOCK_MARKER)) return undefined;
  // Anchored at the first "for ": unanchored, the pattern rescanned the line from every "for " (quadratic).
  const m = /^for (\S+), solved (\S+) from (.+)\.$/.exec(first.slice(Math.max(0, first.indexOf('for '))));
  return m ? { platform: m[1], date: m[2], source: m[3] } : {};
}

/** A conda entry pinned as a lock pins it: [channel::]name=version=build, with an exact version and a build. */
export function isLockedSpec(raw: string): boolean {
  const text = raw.trim();
  const at = text.lastIndexOf('::');
  const parts = (at >= 0 ? text.slice(at + 2) : text).split('=');
  return (
    parts.length === 3 &&
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(parts[0]) &&
    /^[^\s*<>,|!~]+$/.test(parts[1]) &&
    /^[^\s*]+$/.test(parts[2])
  );
}
