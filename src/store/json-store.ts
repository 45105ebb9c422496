// Small JSON files in the settings folder. Every write takes a lock file, reads what is on disk now, applies
// the change to that and writes it back atomically (temp file + rename), so two amlenv processes merge their
// changes instead of the last one erasing the other's. Files are written 0600 and a folder amlenv creates
// 0700. The previous good version is kept as a backup.
//
// Nothing here throws. A damaged file is set aside (race-safe: under the lock, and a file already moved by
// another process is not an error) and the backup or the defaults are used. A file that cannot be read
// (permissions, a folder where the file should be) is NOT damaged: it is left alone and never overwritten.
// A store that cannot be written keeps the session going in memory and reports it once; `update` says for
// every change whether it reached the disk, so no screen claims "saved" when it was not.
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { codeOf, describeFsError, nodeFs, plainReason, type StoreFs } from './fs-layer.js';
import { LockBusyError, withLock } from './lock.js';
import { errorMessage, errorText } from '../util/errors.js';

/** The settings folder: $AMLENV_HOME, else $XDG_CONFIG_HOME/amlenv, else ~/.config/amlenv. */
export function storeDir(): string {
  if (process.env.AMLENV_HOME) return process.env.AMLENV_HOME;
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'amlenv');
}

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

export type SaveResult = { saved: true } | { saved: false; reason: string; first: boolean };

export interface StoreOptions {
  /** The file operations (tests inject failures). */
  fs?: StoreFs;
  lockTimeoutMs?: number;
  staleLockMs?: number;
}

type ReadOutcome<T> =
  | { kind: 'missing' }
  | { kind: 'ok'; value: T; text: string }
  | { kind: 'damaged'; detail: string }
  | { kind: 'unreadable'; reason: string };

const firstLine = (err: unknown) => errorMessage(err);

export class JsonStore<T> {
  readonly file: string;
  private value: T;
  private readonly fs: StoreFs;
  private readonly lockOptions: { fs: StoreFs; timeoutMs: number; staleMs: number };
  /** Why this store must not be written at all (it could not be read, or a damaged file could not be set aside). */
  private blocked?: string;
  /** What went wrong loading the file, in one line for the user. */
  problem?: string;
  /** Set when the file exists but could not be read (permissions, a file where the folder should be): why, naming it. */
  unreadableReason?: string;
  /** The first reason a write failed; later failures are not reported again. */
  writeProblem?: string;
  private shortProblem?: string;

  constructor(
    readonly name: string,
    private readonly defaults: () => T,
    private readonly isValid: (value: unknown) => value is T,
    private readonly dir = storeDir(),
    options: StoreOptions = {},
  ) {
    this.file = join(dir, `${name}.json`);
    this.fs = options.fs ?? nodeFs;
    this.lockOptions = { fs: this.fs, timeoutMs: options.lockTimeoutMs ?? 3000, staleMs: options.staleLockMs ?? 10000 };
    try {
      this.value = this.load();
    } catch (err) {
      // Defensive: load handles every expected failure; anything else must still not crash a screen.
      this.value = defaults();
      this.blocked = firstLine(err);
      this.problem = `could not load ${this.file} (${this.blocked}); this session starts without it and saves nothing to it`;
    }
  }

  get(): T {
    return this.value;
  }

  /** False when nothing will reach the disk this session. */
  get writable(): boolean {
    return !this.blocked && !this.writeProblem;
  }

  /** Why changes are not reaching the disk, if they are not: short, for one line on a screen. */
  get notSavedReason(): string | undefined {
    return this.shortProblem ?? (this.blocked ? `${basename(this.file)} could not be used` : undefined);
  }

  set(value: T): SaveResult {
    return this.update(() => value);
  }

  /**
   * Applies `change` to what is on disk now (under the lock) and writes the result. When the disk cannot be
   * written, the change is applied in memory only and the result says why.
   */
  update(change: (current: T) => T, options: { keepInMemory?: boolean } = {}): SaveResult {
    // An answer that cannot be saved still counts for the session; a reset that cannot be saved changes nothing.
    const inMemory = options.keepInMemory ?? true;
    if (this.blocked) {
      if (inMemory) this.value = change(this.value);
      return this.failed(this.blocked);
    }
    try {
      this.fs.mkdir(this.dir, DIR_MODE);
      withLock(
        this.file,
        () => {
          const base = this.readLocked();
          const next = change(base.value);
          if (base.text !== undefined) this.writeAtomic(this.backupFile, base.text);
          this.writeAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
          this.value = next;
        },
        this.lockOptions,
      );
      return { saved: true };
    } catch (err) {
      if (inMemory) this.value = change(this.value);
      const known = err instanceof LockBusyError || codeOf(err) === 'EUNREADABLE';
      const settingsNotAFolder = codeOf(err) === 'ENOTDIR' || codeOf(err) === 'EEXIST';
      const full = known ? errorText(err) : this.explain(err, this.file);
      const result = this.failed(known || settingsNotAFolder ? full : plainReason(err), full);
      if (codeOf(err) === 'EUNREADABLE') this.blocked = errorText(err);
      return result;
    }
  }

  /** `reason` is short, for a one-line message on a screen; `detail` names the file, for the notice. */
  private failed(reason: string, detail = reason): SaveResult {
    const first = !this.writeProblem && !this.blocked;
    this.writeProblem ??= detail;
    this.shortProblem ??= reason;
    return { saved: false, reason, first };
  }

  private get backupFile(): string {
    return this.file.replace(/\.json$/, '.bak.json');
  }

  private explain(err: unknown, path: string): string {
    if (codeOf(err) === 'ENOTDIR' || (codeOf(err) === 'EEXIST' && path.startsWith(this.dir)))
      return `the settings folder ${this.dir} is a file, not a folder (move it away, or set AMLENV_HOME to another folder)`;
    return describeFsError(err, path);
  }

  private read(file: string): ReadOutcome<T> {
    let text: string;
    try {
      text = this.fs.readFile(file);
    } catch (err) {
      if (codeOf(err) === 'ENOENT') return { kind: 'missing' };
      return {
        kind: 'unreadable',
        reason: codeOf(err) === 'ENOTDIR' ? this.explain(err, file) : `cannot read ${file} (${plainReason(err)})`,
      };
    }
    try {
      const value: unknown = JSON.parse(text);
      return this.isValid(value) ? { kind: 'ok', value, text } : { kind: 'damaged', detail: 'unexpected content' };
    } catch (err) {
      return { kind: 'damaged', detail: firstLine(err) };
    }
  }

  private load(): T {
    const found = this.read(this.file);
    switch (found.kind) {
      case 'ok':
        return found.value;
      case 'missing':
        return this.defaults();
      case 'unreadable':
        return this.unreadable(found.reason);
      case 'damaged':
        try {
          return withLock(this.file, () => this.readLocked().value, this.lockOptions);
        } catch (err) {
          // The folder cannot be written (or another process holds it): leave the file where it is.
          const reason = err instanceof LockBusyError ? err.message : this.explain(err, dirname(this.file));
          const backup = this.read(this.backupFile);
          this.blocked = `${this.file} is damaged and could not be set aside (${reason})`;
          this.problem = `${this.file} is damaged (${found.detail}) and was left in place: ${reason}. ${backup.kind === 'ok' ? 'The last good copy is used' : 'Defaults are used'} for this session and nothing is saved.`;
          return backup.kind === 'ok' ? backup.value : this.defaults();
        }
    }
  }

  private unreadable(reason: string): T {
    this.blocked = reason;
    this.unreadableReason = reason;
    this.problem = `${reason}: it was left untouched; this session starts without it and saves nothing to it. Fix its permissions, or set AMLENV_HOME to another folder.`;
    return this.defaults();
  }

  /** Under the lock: what is on disk now; a damaged file is set aside here, where no other process races us. */
  private readLocked(): { value: T; text?: string } {
    const found = this.read(this.file);
    if (found.kind === 'ok') return { value: found.value, text: found.text };
    if (found.kind === 'missing') return { value: this.defaults() };
    if (found.kind === 'unreadable') throw Object.assign(new Error(found.reason), { code: 'EUNREADABLE' });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = this.file.replace(/\.json$/, `.corrupt-${stamp}-${process.pid}.json`);
    try {
      this.fs.rename(this.file, aside);
    } catch (err) {
      if (codeOf(err) === 'ENOENT') return this.readLocked(); // another process set it aside first
      throw err;
    }
    try {
      this.fs.chmod(aside, FILE_MODE);
    } catch {
      /* the copy keeps its old mode */
    }
    const backup = this.read(this.backupFile);
    if (backup.kind === 'ok') this.writeAtomic(this.file, backup.text);
    this.problem = `${this.file} was damaged (${found.detail}); it was moved to ${aside} and ${backup.kind === 'ok' ? 'the last good copy was restored' : 'defaults are used'}`;
    return backup.kind === 'ok' ? { value: backup.value, text: backup.text } : { value: this.defaults() };
  }

  private writeAtomic(path: string, text: string): void {
    this.fs.mkdir(dirname(path), DIR_MODE);
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    try {
      this.fs.writeFile(temp, text, FILE_MODE);
      this.fs.rename(temp, path);
    } catch (err) {
      try {
        this.fs.unlink(temp);
      } catch {
        /* nothing to clean */
      }
      throw err;
    }
  }
}
