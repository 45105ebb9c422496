// The few file operations the settings store uses, behind an interface so tests can make any of them fail
// the way a real disk does (EACCES, EROFS, ENOSPC) even when the tests run as root, where permissions
// are not enforced.
import * as fs from 'node:fs';
import { errorCode, errorMessage } from '../util/errors.js';

export interface StoreFs {
  readFile(path: string): string;
  /** Creates or replaces a file with the given mode (0600 for the store). */
  writeFile(path: string, text: string, mode: number): void;
  /** Creates a file only if it does not exist (O_EXCL); throws EEXIST otherwise. */
  createExclusive(path: string, text: string, mode: number): void;
  rename(from: string, to: string): void;
  link(from: string, to: string): void;
  unlink(path: string): void;
  mkdir(path: string, mode: number): void;
  chmod(path: string, mode: number): void;
  mtimeMs(path: string): number;
}

export const nodeFs: StoreFs = {
  readFile: (path) => fs.readFileSync(path, 'utf8'),
  writeFile: (path, text, mode) => {
    const fd = fs.openSync(path, 'w', mode);
    try {
      fs.writeFileSync(fd, text);
      fs.fchmodSync(fd, mode);
    } finally {
      fs.closeSync(fd);
    }
  },
  createExclusive: (path, text, mode) => {
    const fd = fs.openSync(path, 'wx', mode);
    try {
      fs.writeFileSync(fd, text);
    } finally {
      fs.closeSync(fd);
    }
  },
  rename: (from, to) => fs.renameSync(from, to),
  link: (from, to) => fs.linkSync(from, to),
  unlink: (path) => fs.rmSync(path, { force: true }),
  mkdir: (path, mode) => void fs.mkdirSync(path, { recursive: true, mode }),
  chmod: (path, mode) => fs.chmodSync(path, mode),
  mtimeMs: (path) => fs.statSync(path).mtimeMs,
};

/** The error code of a failed file operation, or undefined for anything else. */
export const codeOf = (err: unknown): string | undefined => errorCode(err);

const PLAIN: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is a file where a folder should be',
  EISDIR: 'it is a folder, not a file',
  ELOOP: 'a loop of symbolic links',
};

/** A file error in plain words, without the path, the stack or the syscall. */
export function plainReason(err: unknown): string {
  return PLAIN[codeOf(err) ?? ''] ?? errorMessage(err);
}

/** A file error in plain words, without the stack or the syscall. */
export function describeFsError(err: unknown, path: string): string {
  switch (codeOf(err)) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied on ${path}`;
    case 'EROFS':
      return `${path} is on a read-only file system`;
    case 'ENOSPC':
      return `no space left on the disk holding ${path}`;
    case 'EDQUOT':
      return `disk quota exceeded for ${path}`;
    case 'ENOTDIR':
      return `a part of ${path} is a file where a folder should be`;
    case 'EISDIR':
      return `${path} is a folder, not a file`;
    case 'ELOOP':
      return `${path} is a loop of symbolic links`;
    default:
      return `${path}: ${errorMessage(err)}`;
  }
}
