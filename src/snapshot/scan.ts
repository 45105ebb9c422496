// Walks a source directory the way Azure ML takes a snapshot of it: the root's .amlignore is used when it
// exists, otherwise its .gitignore (never both); links are recorded, never followed.
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseIgnoreFile, type IgnoreRules } from './ignore-file.js';

export interface TreeEntry {
  /** Path relative to the root, with forward slashes. */
  path: string;
  size: number;
  /** Executable by its owner (kept when copied). */
  executable: boolean;
  /** The target, when the entry is a symbolic link. */
  link?: string;
}

export interface TreeScan {
  root: string;
  /** The ignore file that applied (`.amlignore` or `.gitignore`), if any. */
  ignoreFile?: string;
  files: TreeEntry[];
  /** Every directory kept, relative, parents before children. */
  dirs: string[];
  totalBytes: number;
}

export const SNAPSHOT_IGNORE_FILES = ['.amlignore', '.gitignore'];

/** Reads the first ignore file of `names` found at the root. */
export function rootIgnore(root: string, names: string[]): { file?: string; rules?: IgnoreRules } {
  for (const name of names) {
    let text: string;
    try {
      text = readFileSync(join(root, name), 'utf8');
    } catch {
      continue;
    }
    return { file: name, rules: parseIgnoreFile(text) };
  }
  return {};
}

export function scanTree(root: string, options: { ignoreFiles?: string[]; rules?: IgnoreRules } = {}): TreeScan {
  const found = options.rules ? { file: undefined, rules: options.rules } : rootIgnore(root, options.ignoreFiles ?? SNAPSHOT_IGNORE_FILES);
  const scan: TreeScan = { root, ignoreFile: found.file, files: [], dirs: [], totalBytes: 0 };
  const ignored = (rel: string, dir: boolean) => found.rules?.matcher.ignores(dir ? `${rel}/` : rel) ?? false;
  const walk = (relDir: string) => {
    const entries = readdirSync(relDir ? join(root, relDir) : root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const full = join(root, rel);
      if (entry.isSymbolicLink()) {
        if (ignored(rel, false)) continue;
        scan.files.push({ path: rel, size: 0, executable: false, link: readlinkSync(full) });
      } else if (entry.isDirectory()) {
        if (ignored(rel, true)) continue;
        scan.dirs.push(rel);
        walk(rel);
      } else if (entry.isFile()) {
        if (ignored(rel, false)) continue;
        const stat = lstatSync(full);
        scan.files.push({ path: rel, size: stat.size, executable: (stat.mode & 0o100) !== 0 });
        scan.totalBytes += stat.size;
      }
      // Sockets, fifos and devices are not part of a snapshot.
    }
  };
  walk('');
  return scan;
}
