// The one way amlenv reads a file it was pointed at: regular files only, never under /proc, /sys or /dev,
// never more than the cap for its kind, and never blocking (a FIFO or a device is refused before any read).
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { errorCode } from './errors.js';

/** What a file is for: each kind has its own size cap. */
export type ReadKind = 'definition' | 'conda' | 'requirements' | 'dockerfile';

/**
 * Size caps in bytes. Real files are far smaller (a conda file is a few KB; Azure ML's own limit for a
 * Dockerfile is 100 KB), and every command must stay under 2 s and 300 MB on anything up to the cap: YAML is
 * parsed up to 32 KB (see parse-yaml.ts), JSON up to 128 KB (room for a 100 KB inline Dockerfile). Dockerfiles and requirements files are
 * read line by line, so they may be larger (and Azure ML's 100 KB Dockerfile limit is reported as a rule).
 */
export const READ_CAPS: Readonly<Record<ReadKind, number>> = {
  definition: 128 * 1024,
  conda: 32 * 1024,
  requirements: 256 * 1024,
  dockerfile: 256 * 1024,
};

const KIND_NAMES: Record<ReadKind, string> = {
  definition: 'environment definition',
  conda: 'conda file',
  requirements: 'requirements file',
  dockerfile: 'Dockerfile',
};

/** Folders of the kernel's and devices' pseudo-files: reading them can hang, never end, or leak secrets. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

export type ReadRefusal = 'input/not-a-file' | 'input/system-path' | 'input/too-large' | 'input/unreadable';

export type ReadResult =
  | { ok: true; text: string; bytes: number; realPath: string }
  | { ok: false; missing: true; message: string }
  | { ok: false; missing: false; rule: ReadRefusal; message: string; hint: string };

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;

const isUnder = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

function describeType(st: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function fromError(err: unknown, kind: ReadKind): ReadResult {
  const what = KIND_NAMES[kind];
  const code = errorCode(err);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, missing: true, message: 'no such file or folder' };
    case 'EACCES':
    case 'EPERM':
      return {
        ok: false,
        missing: false,
        rule: 'input/unreadable',
        message: `permission denied: amlenv may not read this ${what}`,
        hint:
          'give your user read permission on the file (and search permission on its folders), or ' +
          'point at a readable copy',
      };
    case 'ELOOP':
      return {
        ok: false,
        missing: false,
        rule: 'input/unreadable',
        message: 'too many symbolic links (a link loop)',
        hint: 'point the path at the real file instead of a chain of links',
      };
    case 'EISDIR':
      return {
        ok: false,
        missing: false,
        rule: 'input/not-a-file',
        message: `this is a folder, not a ${what}`,
        hint: `give the path of the ${what} itself`,
      };
    default:
      return {
        ok: false,
        missing: false,
        rule: 'input/unreadable',
        message: `cannot read this ${what} (${code ?? 'error'})`,
        hint: 'check that the file exists and is readable',
      };
  }
}

/** Reads a text file of the given kind within its cap. Never throws for file-system reasons. */
export function safeReadText(path: string, kind: ReadKind): ReadResult {
  const cap = READ_CAPS[kind];
  const what = KIND_NAMES[kind];
  let real: string;
  try {
    // Links are resolved first, then the target is checked like any other path.
    real = realpathSync(path);
  } catch (err) {
    return fromError(err, kind);
  }
  const root = SYSTEM_ROOTS.find((r) => isUnder(real, r));
  if (root) {
    return {
      ok: false,
      missing: false,
      rule: 'input/system-path',
      message: `${real === path ? 'this path' : `this path leads to ${real}, which`} is under ${root}, a system folder amlenv never reads`,
      hint: `point at a real ${what} in your project`,
    };
  }
  let fd: number | undefined;
  try {
    // stat before open: a FIFO or device is refused without opening it (opening a FIFO can block).
    const before = statSync(real);
    if (!before.isFile())
      return {
        ok: false,
        missing: false,
        rule: 'input/not-a-file',
        message: `this is ${describeType(before)}, not a ${what}`,
        hint: `give the path of a regular ${what}`,
      };
    if (before.size > cap) return tooLarge(before.size, cap, what);
    // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, open still returns at once.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.ino !== before.ino || st.dev !== before.dev)
      return {
        ok: false,
        missing: false,
        rule: 'input/not-a-file',
        message: `this ${what} changed while it was being opened`,
        hint: 'run again once nothing else is writing to it',
      };
    if (st.size > cap) return tooLarge(st.size, cap, what);
    // Read at most cap + 1 bytes, whatever the size said: a file can grow while it is read.
    const buffer = Buffer.allocUnsafe(Math.min(cap + 1, Math.max(st.size + 1, 64 * 1024)));
    let length = 0;
    let chunk = buffer;
    for (;;) {
      if (length === chunk.length) {
        if (chunk.length > cap) return tooLarge(cap, cap, what, true);
        const bigger = Buffer.allocUnsafe(Math.min(cap + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const n = readSync(fd, chunk, length, chunk.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > cap) return tooLarge(cap, cap, what, true);
    return { ok: true, text: chunk.toString('utf8', 0, length), bytes: length, realPath: real };
  } catch (err) {
    return fromError(err, kind);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `growing`: the file was larger than its cap while being read (it may still be growing). */
function tooLarge(size: number, cap: number, what: string, growing = false): ReadResult {
  const shown = formatBytes(size) === formatBytes(cap) ? `${size} bytes` : formatBytes(size);
  const capShown = formatBytes(size) === formatBytes(cap) ? `${cap} bytes` : formatBytes(cap);
  return {
    ok: false,
    missing: false,
    rule: 'input/too-large',
    message: `this ${what} is ${growing ? 'more than ' : ''}${shown}; amlenv reads at most ${capShown} for a ${what}`,
    hint: `a real ${what} is far smaller: check that the path names the right file`,
  };
}
