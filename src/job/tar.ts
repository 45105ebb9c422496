import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { isDiskFile, type ContextFile } from './plan.js';

// A fixed date and owner: the classic builder's COPY cache key includes uid, gid and mode (measured), so
// headers are normalized and an unchanged context always hits the cache, whoever builds it.
const MTIME = new Date('2020-01-01T00:00:00Z');

/**
 * Packs the build context into a tar stream; directories are implied by the file paths. Files of a local build
 * context are streamed from disk one after the other, so memory stays flat whatever the context weighs.
 */
export function contextTar(files: ContextFile[]): Readable {
  const tar = pack();
  const out = new PassThrough();
  tar.pipe(out);
  void (async () => {
    const dirs = new Set<string>();
    for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
      const parts = file.path.split('/');
      for (let i = 1; i < parts.length; i++) {
        const dir = parts.slice(0, i).join('/');
        if (!dirs.has(dir)) {
          dirs.add(dir);
          tar.entry({
            name: `${dir}/`,
            type: 'directory',
            mode: 0o755,
            mtime: MTIME,
            uid: 0,
            gid: 0,
            uname: '',
            gname: '',
          });
        }
      }
      const header = { name: file.path, mode: file.mode ?? 0o644, mtime: MTIME, uid: 0, gid: 0, uname: '', gname: '' };
      if (isDiskFile(file.data)) {
        const entry = tar.entry({ ...header, size: file.data.size });
        await pipeline(createReadStream(file.data.disk), entry);
      } else {
        tar.entry(header, typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : Buffer.from(file.data));
      }
    }
    tar.finalize();
  })().catch((err: Error) => out.destroy(err));
  return out;
}
