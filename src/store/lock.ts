// A lock file beside a store file, so two amlenv processes never write the same store at once. Taken with
// O_EXCL (only one creator wins), holding the owner's pid, host and a random token. A lock is stale when
// its owner process is gone (same host) or it is older than `staleMs` (a write takes milliseconds); a stale
// lock is moved to a private name first, and put back if it turns out to be a live one taken meanwhile.
import { hostname } from 'node:os';
import { codeOf, type StoreFs } from './fs-layer.js';

export interface LockOptions {
  fs: StoreFs;
  /** How long to wait for another process to finish its write. */
  timeoutMs: number;
  /** A lock older than this is left over from a crash. */
  staleMs: number;
}

/** Another process held the lock for longer than the timeout. */
export class LockBusyError extends Error {
  readonly code = 'ELOCKED';
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return codeOf(err) === 'EPERM';
  }
}

function isStale(content: string, ageMs: number, staleMs: number): boolean {
  const [pid, host] = content.split(' ');
  const owner = Number(pid);
  if (host === hostname() && Number.isInteger(owner) && owner > 0 && owner !== process.pid && !alive(owner))
    return true;
  return ageMs > staleMs;
}

function read(fs: StoreFs, path: string): { content: string; ageMs: number } | undefined {
  try {
    return { content: fs.readFile(path), ageMs: Date.now() - fs.mtimeMs(path) };
  } catch {
    return undefined;
  }
}

function breakStale(fs: StoreFs, lockPath: string, seen: string, token: string): void {
  const aside = `${lockPath}.stale-${token.split(' ')[2]}`;
  try {
    fs.rename(lockPath, aside);
  } catch {
    return; // someone else broke it first
  }
  if (read(fs, aside)?.content !== seen) {
    // Between our look and the rename a live process took the lock: give it back.
    try {
      fs.link(aside, lockPath);
    } catch {
      /* a third process holds it now; theirs stands */
    }
  }
  fs.unlink(aside);
}

/** Runs `fn` while holding `file`.lock. Throws LockBusyError on timeout, or the file error when the folder cannot be written. */
export function withLock<R>(file: string, fn: () => R, options: LockOptions): R {
  const { fs } = options;
  const lockPath = `${file}.lock`;
  const token = `${process.pid} ${hostname()} ${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      fs.createExclusive(lockPath, token, 0o600);
      break;
    } catch (err) {
      if (codeOf(err) !== 'EEXIST') throw err;
    }
    const held = read(fs, lockPath);
    if (!held) continue; // released between our two looks
    if (isStale(held.content, held.ageMs, options.staleMs)) {
      breakStale(fs, lockPath, held.content, token);
      continue;
    }
    if (Date.now() > deadline)
      throw new LockBusyError(`another amlenv (pid ${held.content.split(' ')[0]}) is writing ${file}`);
    sleep(Math.min(25, 2 + attempt));
  }
  try {
    return fn();
  } finally {
    if (read(fs, lockPath)?.content === token) fs.unlink(lockPath);
  }
}
