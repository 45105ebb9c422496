// Lessons as terminal text: headings, wrapped paragraphs and lists, highlighted code. Plain (no escape
// codes) when colour is off; `code` then keeps its backticks so it still stands out.
import { bold, colorOn, cyan, dim, green, yellow } from '../util/color.js';

function inline(text: string): string {
  const color = colorOn();
  return text
    .replace(/\[([^\][]+)\]\((https?:[^()\s]+)\)/g, (_, label, url) => `${label} (${url})`)
    .replace(/\*\*([^*]+)\*\*/g, (_, t) => bold(t))
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s.,;:!?)]|$)/g, (_, pre, t) => pre + t)
    .replace(/`([^`]+)`/g, (_, t) => (color ? cyan(t) : `\`${t}\``));
}

const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;

/**
 * Words wrapped to `width` columns, `first` before the first line and `rest` before the others. A word
 * longer than a whole line (a URL) is split across lines rather than left to be cut off by the screen.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const room = Math.max(1, width - visible(rest));
  for (const whole of text.split(/\s+/).filter(Boolean)) {
    for (const word of splitLongWord(whole, room)) {
      if (!empty && visible(line) + 1 + visible(word) > width) {
        lines.push(line);
        line = rest + word;
      } else line = empty ? line + word : `${line} ${word}`;
      empty = false;
    }
  }
  if (!empty) lines.push(line);
  return lines;
}

/** Pieces of at most `room` characters; words with colour codes are left whole (their codes must not be split). */
function splitLongWord(word: string, room: number): string[] {
  if (word.length <= room || word.includes('\u001b')) return [word];
  const pieces: string[] = [];
  for (let i = 0; i < word.length; i += room) pieces.push(word.slice(i, i + room));
  return pieces;
}

/** A code line longer than the page, broken (at a space when there is one) into lines indented two more. */
export function wrapCode(line: string, width: number): string[] {
  const lead = ' '.repeat((/^\s*/.exec(line)?.[0].length ?? 0) + 2);
  const out: string[] = [];
  let rest = line;
  let prefix = '';
  const room = () => Math.max(8, width - prefix.length);
  while (prefix.length + rest.length > width && rest.length > room()) {
    const space = rest.lastIndexOf(' ', room());
    const cut = space > rest.search(/\S/) && space > 0 ? space : room();
    out.push(prefix + rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
    prefix = lead;
  }
  out.push(prefix + rest);
  return out;
}

export function highlight(code: string, lang: string): string {
  if (!colorOn()) return code;
  return code
    .split('\n')
    .map((line) => {
      if (/^\s*#/.test(line) && lang !== 'json') return dim(line);
      if (lang === 'json')
        return line.replace(
          /("(?:[^"\\]|\\[\s\S]?)*(?:"|$))(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?)/g,
          (m, str, colon, kw, num) =>
            str ? (colon ? cyan(str) + colon : green(str)) : kw ? yellow(kw) : num ? yellow(num) : m,
        );
      if (lang === 'yaml' || lang === 'yml')
        return line
          .replace(/^(\s*(?:-\s*)?)([\w$.-]+)(:)/, (_, pre, key, colon) => pre + cyan(key) + colon)
          .replace(/(["'][^"']*["'])/g, (s) => green(s));
      return line.replace(/(["'][^"']*["'])/g, (s) => green(s));
    })
    .join('\n');
}

export function renderMarkdown(markdown: string, width = 88): string {
  const out: string[] = [];
  const lines = markdown.split(/\r?\n/);
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(...wrapText(inline(paragraph.join(' ')), width), '');
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith(fence[1]); i++) body.push(lines[i]);
      const code = body.flatMap((l) => wrapCode(l, width - 4));
      out.push(
        ...highlight(code.join('\n'), fence[2].toLowerCase())
          .split('\n')
          .map((l) => `    ${l}`),
        '',
      );
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const text = inline(heading[2]);
      out.push(...wrapText(heading[1].length === 1 ? text.toUpperCase() : text, width).map((l) => bold(l)), '');
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      flush();
      let text = item[3];
      while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]) && !/^\s*([-*]|\d+\.)\s/.test(lines[i + 1]))
        text += ` ${lines[++i].trim()}`;
      const marker = item[2].endsWith('.') ? item[2] : '•';
      const indent = ' '.repeat(item[1].length + 2);
      out.push(...wrapText(inline(text), width, `${indent}${marker} `, `${indent}${' '.repeat(marker.length + 1)}`));
      if (!/^\s*([-*]|\d+\.)\s/.test(lines[i + 1] ?? '')) out.push('');
      continue;
    }
    if (/^\s*$/.test(line)) flush();
    else if (/^>\s?/.test(line)) {
      flush();
      out.push(...wrapText(inline(line.replace(/^>\s?/, '')), width - 2, dim('│ '), dim('│ ')));
    } else paragraph.push(line.trim());
  }
  flush();
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
