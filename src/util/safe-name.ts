// Names from a definition become file and folder names (init --layout directory, convert's default --out).
// A name is input: "../../../pwned-dir" or "/etc/cron.d/x" must not choose where amlenv writes.

/** One path segment made from a name: letters, digits, ".", "_" and "-" only; never empty, "." or "..". */
export function safeFileName(name: unknown, fallback = 'environment'): string {
  const text = typeof name === 'string' ? name : '';
  const cleaned = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+/, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 100)
    .replace(/(?<![.-])[.-]+$/, '');
  return cleaned || fallback;
}
