// Walks a source directory the way Azure ML takes a snapshot of it: the root's .amlignore is used when it
// exists, otherwise its .gitignore (never both); links are recorded, never followed.
import { accessSync, constants, lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { parseIgnoreFile, type IgnoreRules } from './ignore-file.js';
import { errorCode } from '../util/errors.js';

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
  /** The walk stopped early because `stopAfter` was passed: the counts are lower bounds. */
  truncated?: boolean;
}

/** A folder or file under the root that cannot be read (permissions): named, so the user can fix or ignore it. */
export class UnreadableEntry extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`${path} cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code})`);
  }
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

export interface ScanOptions {
  ignoreFiles?: string[];
  rules?: IgnoreRules;
  /** Stop walking once more than this many files or bytes were kept (a limit check needs no more). */
  stopAfter?: { files: number; bytes: number };
}

export function scanTree(root: string, options: ScanOptions = {}): TreeScan {
  const found = options.rules
    ? { file: undefined, rules: options.rules }
    : rootIgnore(root, options.ignoreFiles ?? SNAPSHOT_IGNORE_FILES);
  const scan: TreeScan = { root, ignoreFile: found.file, files: [], dirs: [], totalBytes: 0 };
  const ignored = (rel: string, dir: boolean) => found.rules?.matcher.ignores(dir ? `${rel}/` : rel) ?? false;
  const over = () =>
    options.stopAfter !== undefined &&
    (scan.files.length > options.stopAfter.files || scan.totalBytes > options.stopAfter.bytes);
  const list = (relDir: string) => {
    try {
      return readdirSync(relDir ? join(root, relDir) : root, { withFileTypes: true });
    } catch (err) {
      throw new UnreadableEntry(relDir || '.', errorCode(err) ?? 'error');
    }
  };
  const walk = (relDir: string) => {
    if (over()) {
      scan.truncated = true;
      return;
    }
    const entries = list(relDir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (over()) {
        scan.truncated = true;
        return;
      }
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const full = join(root, rel);
      if (entry.isSymbolicLink()) {
        if (ignored(rel, false)) continue;
        let link: string;
        try {
          link = readlinkSync(full);
        } catch (err) {
          throw new UnreadableEntry(rel, errorCode(err) ?? 'error');
        }
        scan.files.push({ path: rel, size: 0, executable: false, link });
      } else if (entry.isDirectory()) {
        if (ignored(rel, true)) continue;
        scan.dirs.push(rel);
        walk(rel);
      } else if (entry.isFile()) {
        if (ignored(rel, false)) continue;
        let stat: Stats;
        try {
          stat = lstatSync(full);
          // Found now, not when the snapshot is copied after a long build.
          accessSync(full, constants.R_OK);
        } catch (err) {
          throw new UnreadableEntry(rel, errorCode(err) ?? 'error');
        }
        scan.files.push({ path: rel, size: stat.size, executable: (stat.mode & 0o100) !== 0 });
        scan.totalBytes += stat.size;
      }
      // Sockets, fifos and devices are not part of a snapshot.
    }
  };
  walk('');
  return scan;
}
