import { statSync } from 'node:fs';
import { safeReadText, type ReadKind, type ReadResult } from '../util/safe-read.js';

/** How loaders reach the disk; tests and the corpus runner substitute their own. */
export interface FileReader {
  /** The file's text, or undefined when it does not exist or may not be read. */
  read(path: string): string | undefined;
  /** The file's text, or why it was refused (see util/safe-read.ts). Readers without it only know "missing". */
  readChecked?(path: string, kind: ReadKind): ReadResult;
  isDirectory(path: string): boolean;
  /** Size in bytes, or undefined. */
  size(path: string): number | undefined;
}

/** Reads through the reader's checked read when it has one; a plain reader's undefined means missing. */
export function readWith(reader: FileReader, path: string, kind: ReadKind): ReadResult {
  if (reader.readChecked) return reader.readChecked(path, kind);
  const text = reader.read(path);
  return text === undefined
    ? { ok: false, missing: true, message: 'no such file or folder' }
    : { ok: true, text, bytes: Buffer.byteLength(text), realPath: path };
}

export const diskReader: FileReader = {
  read(path) {
    const r = safeReadText(path, 'definition');
    return r.ok ? r.text : undefined;
  },
  readChecked: safeReadText,
  isDirectory(path) {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  size(path) {
    try {
      return statSync(path).size;
    } catch {
      return undefined;
    }
  },
};
