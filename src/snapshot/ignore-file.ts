import ignore, { type Ignore } from 'ignore';

export interface IgnoreRules {
  /** Pattern lines as written (comments and blank lines dropped). */
  patterns: string[];
  matcher: Ignore;
}

/** Reads an .amlignore or .gitignore file (gitignore syntax; CRLF and a BOM are fine). */
export function parseIgnoreFile(text: string): IgnoreRules {
  const patterns = text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/(?<!\s)\s+$/, ''))
    .filter((line) => line && !line.startsWith('#'));
  return { patterns, matcher: ignore().add(patterns) };
}
