import { chmodSync, copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDiskFile, type ContextFile } from './plan.js';

/** Writes the build context under `dir`, each file through a temporary sibling and a rename (binary-safe). */
export function writeContext(dir: string, files: ContextFile[]): string[] {
  const written: string[] = [];
  for (const file of files) {
    const path = join(dir, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    try {
      if (isDiskFile(file.data)) {
        copyFileSync(file.data.disk, temp);
        chmodSync(temp, file.mode ?? 0o644);
      } else
        writeFileSync(temp, typeof file.data === 'string' ? file.data : Buffer.from(file.data), {
          mode: file.mode ?? 0o644,
        });
      renameSync(temp, path);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
    written.push(path);
  }
  return written;
}
