import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
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
  if (options.folder) {
    const folder = resolve(options.folder);
    const stray = files.find((f) => {
      const rel = relative(folder, resolve(f.path));
      return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    });
    // A programming error rather than bad input: every writer builds its paths inside the folder.
    if (stray) throw new Error(`refusing to write ${stray.path}: it is outside the output folder ${options.folder}`);
  }
  if (!options.force) {
    const existing = files.map((f) => f.path).filter((p) => existsSync(p));
    if (existing.length)
      throw new UsageError(
        `${existing[0]} already exists${existing.length > 1 ? ` (and ${existing.length - 1} more)` : ''}; choose another --out, or pass --force to overwrite`,
      );
    if (
      options.folder &&
      existsSync(options.folder) &&
      statSync(options.folder).isDirectory() &&
      readdirSync(options.folder).length
    ) {
      throw new UsageError(`${options.folder} is not empty; choose another --out, or pass --force to write into it`);
    }
  }
  for (const f of files) writeFileAtomic(f.path, f.text);
}
