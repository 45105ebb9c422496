// Finds `scheme://user:secret@host` in pip entries with one left-to-right pass (no regex backtracking), so a
// hostile megabyte-long entry costs linear time.

/** Whether `text` holds a URL whose authority carries a user name and password (or token). */
export function hasUrlCredentials(text: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf('://', from);
    if (at < 0) return false;
    let end = at + 3;
    let colon = -1;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      // The authority ends at '/', '?', '#' or white space.
      if (c === 47 || c === 63 || c === 35 || c === 32 || c === 9 || c === 10 || c === 13) break;
      if (c === 58 && colon < 0) colon = end;
      if (c === 64) {
        // `user:secret@` or `:token@` is a secret; `user@host` (no password) is not.
        if (colon >= at + 3 && end > colon + 1) return true;
      }
      end++;
    }
    from = Math.max(end, at + 3);
  }
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && key in value ? Reflect.get(value, key) : undefined;

/** Every pip entry of a conda spec, with its field path. */
export function pipEntries(conda: unknown): Array<{ path: string; entry: string }> {
  const out: Array<{ path: string; entry: string }> = [];
  const deps = field(conda, 'dependencies');
  if (!Array.isArray(deps)) return out;
  deps.forEach((item, i) => {
    const pip = field(item, 'pip');
    if (!Array.isArray(pip)) return;
    pip.forEach((entry, j) => {
      if (typeof entry === 'string') out.push({ path: `dependencies[${i}].pip[${j}]`, entry });
    });
  });
  return out;
}
