import { chmodSync, constants, copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { TreeScan } from './scan.js';

/**
 * Copies the snapshot (only what the ignore file keeps) into `dest`, which the container mounts read-only.
 * Copies are made readable by everyone, since the container runs as another user than the files' owner;
 * the originals are left as they are. Links are copied as links.
 */
export function copySnapshot(scan: TreeScan, dest: string): void {
  mkdirSync(dest, { recursive: true });
  chmodSync(dest, 0o755);
  for (const dir of scan.dirs) mkdirSync(join(dest, dir), { mode: 0o755 });
  for (const file of scan.files) {
    const to = join(dest, file.path);
    if (file.link !== undefined) {
      symlinkSync(file.link, to);
      continue;
    }
    copyFileSync(join(scan.root, file.path), to, constants.COPYFILE_FICLONE);
    chmodSync(to, file.executable ? 0o755 : 0o644);
  }
}
