// Azure ML refuses snapshots over 300 MB or 2,000 files (azureml.md §6); amlenv refuses them the same way,
// before a run, naming what to leave out.
import type { TreeScan } from './scan.js';

export const SNAPSHOT_MAX_BYTES = 300 * 1024 * 1024;
export const SNAPSHOT_MAX_FILES = 2000;

export interface SnapshotVerdict {
  ok: boolean;
  /** One line: the sizes and the limit exceeded. */
  message?: string;
  /** The largest offenders: biggest files, or folders holding the most files. */
  offenders: string[];
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function checkSnapshot(
  scan: TreeScan,
  limits = { maxBytes: SNAPSHOT_MAX_BYTES, maxFiles: SNAPSHOT_MAX_FILES },
  show = 5,
): SnapshotVerdict {
  const tooBig = scan.totalBytes > limits.maxBytes;
  const tooMany = scan.files.length > limits.maxFiles;
  if (!tooBig && !tooMany) return { ok: true, offenders: [] };
  const offenders: string[] = [];
  if (tooBig) {
    for (const f of [...scan.files].sort((a, b) => b.size - a.size).slice(0, show))
      offenders.push(`${f.path} (${formatBytes(f.size)})`);
  }
  if (tooMany) {
    const perDir = new Map<string, number>();
    for (const f of scan.files) {
      const top = f.path.includes('/') ? `${f.path.split('/')[0]}/` : '(top level)';
      perDir.set(top, (perDir.get(top) ?? 0) + 1);
    }
    for (const [dir, n] of [...perDir].sort((a, b) => b[1] - a[1]).slice(0, show))
      offenders.push(`${dir} (${n.toLocaleString('en-US')} file${n === 1 ? '' : 's'})`);
  }
  const limit = [
    tooBig ? `${formatBytes(limits.maxBytes)}` : '',
    tooMany ? `${limits.maxFiles.toLocaleString('en-US')} files` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return {
    ok: false,
    message: `the snapshot of ${scan.root} is ${scan.truncated ? 'at least ' : ''}${formatBytes(scan.totalBytes)} in ${scan.truncated ? 'at least ' : ''}${scan.files.length.toLocaleString('en-US')} files, over Azure ML's limit of ${limit}`,
    offenders,
  };
}
