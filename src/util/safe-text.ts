// Terminal safety: a definition's strings (names, values, paths, pip lines) may hold ESC, OSC, CSI, BEL or
// other control characters that a terminal would obey (retitle the window, hide text, rewrite lines, make
// links). Everything from input is shown with those characters escaped visibly (`\x1b`), never raw.

// C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides that reorder text.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };

function escapeChar(c: string): string {
  if (NAMED[c]) return NAMED[c];
  const code = c.charCodeAt(0);
  // C0 as \x1b (how people recognise ESC); DEL, C1 and the rest as \u009b, which also stays valid inside JSON strings.
  return code < 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Escapes control characters but keeps newlines, tabs and CRLF line ends (for multi-line text such as a Dockerfile). */
export function safeText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, escapeChar);
}

/** Escapes every control character, newlines and tabs included: for one-line fields (names, paths, messages). */
export function safeLine(text: string): string {
  return text.replace(UNSAFE_LINE, escapeChar);
}

/** A short, escaped excerpt of text that is not what it should be: never more than `max` characters of it. */
export function excerpt(text: string, max = 40): string {
  const chars = Array.from(text);
  return safeLine(chars.slice(0, max).join('')) + (chars.length > max ? '…' : '');
}

/** True when the text holds anything safeText would escape (used by tests and the output guard). */
export const hasControl = (text: string): boolean =>
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text.replace(/\r\n/g, '\n'));

// The styles amlenv itself writes (src/util/color.ts): bold, dim, normal intensity, the six colours, default colour.
const OWN_STYLE = /\u001b\[(?:1|2|22|3[1-6]|39|0)m/g;

/**
 * Makes a chunk of plain-command output safe. With `keepStyle` (a terminal with colours on), amlenv's own
 * colour codes are kept; any other ESC sequence is escaped.
 */
export function safeOutput(text: string, keepStyle: boolean): string {
  if (!keepStyle) return safeText(text);
  const parts = text.split(OWN_STYLE);
  const styles = text.match(OWN_STYLE) ?? [];
  return parts.map((part, i) => safeText(part) + (styles[i] ?? '')).join('');
}

/**
 * Routes every string written to a stream through safeOutput: one choke point for plain commands, so a
 * message that forgot to escape an input string still cannot reach the terminal raw. Buffers pass untouched.
 */
export function guardStream(stream: NodeJS.WriteStream, keepStyle: () => boolean): void {
  const original = stream.write;
  const guarded = (chunk: unknown, ...rest: unknown[]): boolean =>
    Reflect.apply(original, stream, [typeof chunk === 'string' ? safeOutput(chunk, keepStyle()) : chunk, ...rest]);
  // Defined rather than assigned: write() has overloads a single function cannot be typed as without a cast.
  Object.defineProperty(stream, 'write', { value: guarded, writable: true, configurable: true, enumerable: true });
}

/** A diagnostic with every field that quotes input escaped (for screens that show diagnostics). */
export function safeDiagnostic<T extends { path: string; message: string; hint: string; file?: string }>(d: T): T {
  return {
    ...d,
    path: safeLine(d.path),
    message: safeLine(d.message),
    hint: safeLine(d.hint),
    ...(d.file !== undefined ? { file: safeLine(d.file) } : {}),
  };
}
