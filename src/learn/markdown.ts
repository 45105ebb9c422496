// The small subset of Markdown our lessons use: front matter is gone by now; headings, lists, paragraphs,
// fenced code blocks, `code`, **bold**.

export interface CodeBlock {
  lang: string;
  code: string;
  /** 1-based line in the body where the fence opens. */
  line: number;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const out: CodeBlock[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(```+|~~~+)\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith(open[1]); i++) body.push(lines[i]);
    out.push({ lang: open[2].toLowerCase(), code: `${body.join('\n')}\n`, line: start + 1 });
  }
  return out;
}

/** The text outside fenced code blocks. */
export function proseOf(markdown: string): string {
  let inside = false;
  return markdown
    .split(/\r?\n/)
    .filter((line) => {
      if (/^(```|~~~)/.test(line)) {
        inside = !inside;
        return false;
      }
      return !inside;
    })
    .join('\n');
}

export function inlineCode(text: string): string[] {
  return [...proseOf(text).matchAll(/(?<!`)`([^`\n]+)`(?!`)/g)].map((m) => m[1]);
}

/** The level-2 sections: heading → text. */
export function sections(markdown: string): Array<{ heading: string; text: string }> {
  const out: Array<{ heading: string; text: string }> = [];
  let current: { heading: string; lines: string[] } | undefined;
  let inside = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^(```|~~~)/.test(line)) inside = !inside;
    const h = !inside && /^##\s+(.*)$/.exec(line);
    if (h) {
      if (current) out.push({ heading: current.heading, text: current.lines.join('\n') });
      current = { heading: h[1].trim(), lines: [] };
    } else current?.lines.push(line);
  }
  if (current) out.push({ heading: current.heading, text: current.lines.join('\n') });
  return out;
}

export function wordCount(markdown: string): number {
  return proseOf(markdown)
    .replace(/[#*`>|-]/g, ' ')
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
