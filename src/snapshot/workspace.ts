// The host side of a run: a private temporary folder holding the snapshot copy (mounted read-only as the
// working directory) and the two folders the script may write, ./outputs and ./logs (mounted over it).
import { chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copySnapshot } from './copy.js';
import type { TreeScan } from './scan.js';

export const RUN_DIRS = ['outputs', 'logs'] as const;

export interface Workspace {
  root: string;
  snapshot: string;
  /** Host folders the container writes: outputs and logs. */
  writable: Record<(typeof RUN_DIRS)[number], string>;
  remove(): void;
}

/** `owner` is the uid:gid the container runs as; when it differs from ours (we are root) the writable folders are handed to it. */
export function prepareWorkspace(scan: TreeScan, owner?: { uid: number; gid: number }): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'amlenv-run-'));
  try {
    const snapshot = join(root, 'snapshot');
    copySnapshot(scan, snapshot);
    const made = (name: (typeof RUN_DIRS)[number]): string => {
      // The mount points must exist in the read-only snapshot (runc cannot create them there).
      const point = join(snapshot, name);
      if (existsSync(point) && !lstatSync(point).isDirectory()) rmSync(point, { force: true });
      mkdirSync(point, { recursive: true });
      const dir = join(root, name);
      mkdirSync(dir, { mode: 0o755 });
      if (owner && process.getuid?.() === 0) chownSync(dir, owner.uid, owner.gid);
      return dir;
    };
    const writable = { outputs: made('outputs'), logs: made('logs') };
    return { root, snapshot, writable, remove: () => rmSync(root, { recursive: true, force: true }) };
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}
