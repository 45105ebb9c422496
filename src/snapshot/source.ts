// The source directory of a run, read as Azure ML reads a snapshot: bounded by its limits, never the whole file
// system, and with an unreadable entry named instead of crashing the walk.
import { join, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
import { SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_FILES } from './limits.js';
import { scanTree, UnreadableEntry, type TreeScan } from './scan.js';

/** The whole file system or a kernel folder is never a job's snapshot. */
export function refuseSystemFolder(dir: string): void {
  const full = resolve(dir);
  if (full === '/' || /^\/(proc|sys|dev)(\/|$)/.test(full)) {
    throw new UsageError(
      `--source-dir ${dir} is ${full === '/' ? 'the whole file system' : 'a system folder'}, not a project; give the folder that holds your script and what it needs`,
    );
  }
}

/** Scans the source directory as a snapshot, stopping once it is over Azure ML's limits; unreadable entries are named. */
export function scanSource(sourceDir: string): TreeScan {
  try {
    return scanTree(resolve(sourceDir), { stopAfter: { files: SNAPSHOT_MAX_FILES, bytes: SNAPSHOT_MAX_BYTES } });
  } catch (err) {
    if (err instanceof UnreadableEntry) {
      throw new UsageError(
        `${join(sourceDir, err.path)} in the source directory ${err.message.slice(err.path.length + 1)}; fix its permissions, or list it in ${join(sourceDir, '.amlignore')} so it is not part of the snapshot`,
      );
    }
    throw err;
  }
}
