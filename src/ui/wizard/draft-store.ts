import { isRecord } from '../../env/path.js';
import type { EnvObject } from '../../env/types.js';
import { JsonStore } from '../../store/json-store.js';
import type { Draft, DraftMeta } from './draft.js';

interface StoredDraft {
  env: EnvObject;
  meta: DraftMeta;
  savedAt: string;
}

const isStored = (v: unknown): v is StoredDraft | null => v === null || (isRecord(v) && isRecord(v.env) && isRecord(v.meta) && typeof v.savedAt === 'string');

/** The wizard's draft on disk: saved after every change, without the registry password. */
export class DraftStore {
  private store: JsonStore<StoredDraft | null>;

  constructor(dir?: string) {
    this.store = new JsonStore<StoredDraft | null>('wizard-draft', () => null, isStored, dir);
  }

  /** Set when the draft file was corrupt and had to be set aside. */
  get problem(): string | undefined {
    return this.store.problem;
  }

  load(): { draft: Draft; savedAt: string } | undefined {
    const stored = this.store.get();
    return stored ? { draft: { env: stored.env, meta: stored.meta, password: '' }, savedAt: stored.savedAt } : undefined;
  }

  save(draft: Draft | null): void {
    this.store.set(draft ? { env: draft.env, meta: draft.meta, savedAt: new Date().toISOString() } : null);
  }
}
