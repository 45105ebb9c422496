// Lessons as terminal text: headings, wrapped paragraphs and lists, highlighted code. Plain (no escape
// codes) when colour is off; `code` then keeps its backticks so it still stands out.
import { bold, colorOn, cyan, dim, green, yellow } from '../util/color.js';

function inline(text: string): string {
  const color = colorOn();
  return text
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, (_, label, url) => `${label} (${url})`)
    .replace(/\*\*([^*]+)\*\*/g, (_, t) => bold(t))
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s.,;:!?)]|$)/g, (_, pre, t) => pre + t)
    .replace(/`([^`]+)`/g, (_, t) => (color ? cyan(t) : `\`${t}\``));
}

const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;

export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = rest + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

export function highlight(code: string, lang: string): string {
  if (!colorOn()) return code;
  return code
    .split('\n')
    .map((line) => {
      if (/^\s*#/.test(line) && lang !== 'json') return dim(line);
      if (lang === 'json') return line.replace(/("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?)/g, (m, str, colon, kw, num) => (str ? (colon ? cyan(str) + colon : green(str)) : kw ? yellow(kw) : num ? yellow(num) : m));
      if (lang === 'yaml' || lang === 'yml') return line.replace(/^(\s*-?\s*)([\w$.-]+)(:)/, (_, pre, key, colon) => pre + cyan(key) + colon).replace(/(["'][^"']*["'])/g, (s) => green(s));
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
      out.push(...highlight(body.join('\n'), fence[2].toLowerCase()).split('\n').map((l) => `    ${l}`), '');
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const text = inline(heading[2]);
      out.push(heading[1].length === 1 ? bold(text.toUpperCase()) : bold(text), '');
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      flush();
      let text = item[3];
      while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]) && !/^\s*([-*]|\d+\.)\s/.test(lines[i + 1])) text += ' ' + lines[++i].trim();
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
