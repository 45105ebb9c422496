// The REPL's statement history, kept across runs in the settings folder (locked read-merge-write, so two
// REPLs at once keep both histories; atomic, 0600, with a backup).
import { JsonStore } from '../../store/json-store.js';

export const HISTORY_LIMIT = 500;

interface StoredHistory {
  entries: string[];
}

const isHistory = (v: unknown): v is StoredHistory =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as StoredHistory).entries) &&
  (v as StoredHistory).entries.every((e) => typeof e === 'string');

export class HistoryStore {
  private store: JsonStore<StoredHistory>;

  constructor(dir?: string) {
    this.store = new JsonStore<StoredHistory>('repl-history', () => ({ entries: [] }), isHistory, dir);
  }

  /** Set when the history file was corrupt and had to be set aside. */
  get problem(): string | undefined {
    return this.store.problem;
  }

  entries(): string[] {
    return this.store.get().entries;
  }

  /** Appends a statement unless it repeats the last one; keeps the newest HISTORY_LIMIT. */
  add(entry: string): void {
    if (!entry.trim()) return;
    this.store.update((h) => {
      if (h.entries[h.entries.length - 1] === entry) return h;
      return { entries: [...h.entries, entry].slice(-HISTORY_LIMIT) };
    });
  }
}
