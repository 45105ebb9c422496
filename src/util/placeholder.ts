/**
 * True when `text` holds a template placeholder "{{...}}" on one line (what /\{\{.*\}\}/ said). Written as a
 * scan because that regex retried from every "{{" to the end of the line: quadratic on "{{{{{{...".
 */
export function hasPlaceholder(text: string): boolean {
  let open = text.indexOf('{{');
  while (open >= 0) {
    const close = text.indexOf('}}', open + 2);
    if (close < 0) return false;
    const lineEnd = nextLineEnd(text, open);
    if (lineEnd < 0 || lineEnd > close) return true;
    open = text.indexOf('{{', lineEnd);
  }
  return false;
}

/** Index of the next character "." does not match (\n, \r, \u2028, \u2029) at or after `from`, or -1. */
function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return i;
  }
  return -1;
}
