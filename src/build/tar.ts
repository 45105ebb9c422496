import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import type { ContextFile } from './plan.js';

// A fixed date and owner: the classic builder's COPY cache key includes uid, gid and mode (measured), so
// headers are normalized and an unchanged context always hits the cache, whoever builds it.
const MTIME = new Date('2020-01-01T00:00:00Z');

/** Packs the build context into an in-memory tar stream; directories are implied by the file paths. */
export function contextTar(files: ContextFile[]): Readable {
  const tar = pack();
  const dirs = new Set<string>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!dirs.has(dir)) {
        dirs.add(dir);
        tar.entry({ name: `${dir}/`, type: 'directory', mode: 0o755, mtime: MTIME, uid: 0, gid: 0, uname: '', gname: '' });
      }
    }
    const data = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : Buffer.from(file.data);
    tar.entry({ name: file.path, mode: file.mode ?? 0o644, mtime: MTIME, uid: 0, gid: 0, uname: '', gname: '' }, data);
  }
  tar.finalize();
  return tar as unknown as Readable;
}
