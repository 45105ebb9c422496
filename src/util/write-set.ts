import { existsSync, readdirSync, statSync } from 'node:fs';
import { UsageError } from './errors.js';
import { writeFileAtomic } from './write-files.js';

export interface FileOut {
  path: string;
  text: string;
}

/**
 * Writes a set of files, each atomically. Nothing is written when any of them exists (or the target folder
 * holds anything) unless force is set, so a refusal never leaves half a set behind.
 */
export function writeSet(files: FileOut[], options: { force: boolean; folder?: string }): void {
  if (!options.force) {
    const existing = files.map((f) => f.path).filter((p) => existsSync(p));
    if (existing.length) throw new UsageError(`${existing[0]} already exists${existing.length > 1 ? ` (and ${existing.length - 1} more)` : ''}; choose another --out, or pass --force to overwrite`);
    if (options.folder && existsSync(options.folder) && statSync(options.folder).isDirectory() && readdirSync(options.folder).length) {
      throw new UsageError(`${options.folder} is not empty; choose another --out, or pass --force to write into it`);
    }
  }
  for (const f of files) writeFileAtomic(f.path, f.text);
}
