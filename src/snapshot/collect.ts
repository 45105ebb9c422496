// Brings a run's ./outputs and ./logs back to the host. What the script wrote is not trusted: links are never
// followed (a link to /etc/passwd or ../.. stays behind and is reported), only files and folders are copied.
import { copyFileSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Collected {
  files: number;
  bytes: number;
  /** Entries left behind, with the reason (relative to the collected folder). */
  skipped: Array<{ path: string; reason: string }>;
}

export function collectTree(from: string, to: string): Collected {
  const result: Collected = { files: 0, bytes: 0, skipped: [] };
  mkdirSync(to, { recursive: true });
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(from, rel), { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const source = join(from, relPath);
      const stat = lstatSync(source);
      if (stat.isSymbolicLink()) result.skipped.push({ path: relPath, reason: 'a link (links are not followed)' });
      else if (stat.isDirectory()) {
        mkdirSync(join(to, relPath), { recursive: true });
        walk(relPath);
      } else if (stat.isFile()) {
        copyFileSync(source, join(to, relPath));
        result.files++;
        result.bytes += stat.size;
      } else result.skipped.push({ path: relPath, reason: 'not a regular file' });
    }
  };
  walk('');
  return result;
}
