// The REPL's statement history, kept across runs in the settings folder (locked read-merge-write, so two
// REPLs at once keep both histories; atomic, 0600, with a backup).
import { JsonStore } from '../../store/json-store.js';

export const HISTORY_LIMIT = 500;

interface StoredHistory {
  entries: string[];
}

const isHistory = (v: unknown): v is StoredHistory => {
  if (typeof v !== 'object' || v === null || !('entries' in v)) return false;
  const entries = v.entries;
  return Array.isArray(entries) && entries.every((e) => typeof e === 'string');
};

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

  /**
   * Appends a statement unless it repeats the last one; keeps the newest HISTORY_LIMIT. Returns a one-line
   * warning the first time the history cannot be written (the session keeps it in memory), else undefined.
   */
  add(entry: string): string | undefined {
    if (!entry.trim()) return undefined;
    const result = this.store.update((h) => {
      if (h.entries[h.entries.length - 1] === entry) return h;
      return { entries: [...h.entries, entry].slice(-HISTORY_LIMIT) };
    });
    if (result.saved || !result.first) return undefined;
    return `the REPL history is not being saved (${result.reason}); this session keeps it in memory only`;
  }
}
