import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from './errors.js';

/** Writes a file through a temporary sibling and a rename, so a crash never leaves half a file. */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(
    dirname(path),
    `.${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** Refuses to replace an existing file unless force is set. */
export function assertWritable(path: string, force: boolean): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    if (readdirSync(path).length === 0 || force) return;
    throw new UsageError(`${path} already exists and is not empty; choose another --out, or pass --force to overwrite`);
  }
  if (!force) throw new UsageError(`${path} already exists; choose another --out, or pass --force to overwrite it`);
}
