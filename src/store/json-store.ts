// Small JSON files in the settings folder, written atomically (temp file + rename) with the previous good
// version kept as a backup. A corrupt file is never silently erased: it is set aside next to the store,
// the backup (or the defaults) is used, and `problem` says what happened so the UI can tell the user.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/write-files.js';

/** The settings folder: $AMLENV_HOME, else $XDG_CONFIG_HOME/amlenv, else ~/.config/amlenv. */
export function storeDir(): string {
  if (process.env.AMLENV_HOME) return process.env.AMLENV_HOME;
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'amlenv');
}

export class JsonStore<T> {
  readonly file: string;
  private value: T;
  /** Set when the file on disk was unreadable and had to be set aside. */
  problem?: string;

  constructor(
    readonly name: string,
    private readonly defaults: () => T,
    private readonly isValid: (value: unknown) => value is T,
    dir = storeDir(),
  ) {
    this.file = join(dir, `${name}.json`);
    this.value = this.load();
  }

  get(): T {
    return this.value;
  }

  set(value: T): void {
    this.value = value;
    mkdirSync(join(this.file, '..'), { recursive: true });
    if (existsSync(this.file) && !this.problem) copyFileSync(this.file, this.backupFile);
    writeFileAtomic(this.file, JSON.stringify(value, null, 2) + '\n');
  }

  update(change: (current: T) => T): T {
    this.set(change(this.value));
    return this.value;
  }

  private get backupFile(): string {
    return this.file.replace(/\.json$/, '.bak.json');
  }

  private read(file: string): T | undefined {
    if (!existsSync(file)) return undefined;
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!this.isValid(value)) throw new Error('unexpected content');
    return value;
  }

  private load(): T {
    try {
      return this.read(this.file) ?? this.defaults();
    } catch (err) {
      const aside = this.file.replace(/\.json$/, `.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      renameSync(this.file, aside);
      let restored: T | undefined;
      try {
        restored = this.read(this.backupFile);
      } catch {
        restored = undefined;
      }
      this.problem = `${this.file} was unreadable (${(err as Error).message.split('\n')[0]}); it was moved to ${aside} and ${restored ? 'the last good copy was restored' : 'defaults are used'}`;
      return restored ?? this.defaults();
    }
  }
}
