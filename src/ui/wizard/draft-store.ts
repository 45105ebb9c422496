import { isRecord } from '../../env/path.js';
import type { EnvObject } from '../../env/types.js';
import { JsonStore, type SaveResult, type StoreOptions } from '../../store/json-store.js';
import { type Draft, draftForDisk, type DraftMeta } from './draft.js';

interface StoredDraft {
  env: EnvObject;
  meta: DraftMeta;
  /** Only when the user chose to keep secrets in the draft. */
  password?: string;
  savedAt: string;
}

const isStored = (v: unknown): v is StoredDraft | null =>
  v === null ||
  (isRecord(v) &&
    isRecord(v.env) &&
    isRecord(v.meta) &&
    typeof v.savedAt === 'string' &&
    (v.password === undefined || typeof v.password === 'string'));

/**
 * The wizard's draft on disk (mode 0600): saved after every change, without the registry password and
 * secret-looking variable values unless the user chose to keep them (draftForDisk).
 */
export class DraftStore {
  private store: JsonStore<StoredDraft | null>;

  constructor(dir?: string, options?: StoreOptions) {
    this.store = new JsonStore<StoredDraft | null>('wizard-draft', () => null, isStored, dir, options);
  }

  /** Set when the draft file was corrupt and had to be set aside. */
  get problem(): string | undefined {
    return this.store.problem;
  }

  load(): { draft: Draft; savedAt: string } | undefined {
    const stored = this.store.get();
    return stored
      ? { draft: { env: stored.env, meta: stored.meta, password: stored.password ?? '' }, savedAt: stored.savedAt }
      : undefined;
  }

  save(draft: Draft | null): SaveResult {
    return this.store.set(draft ? { ...draftForDisk(draft), savedAt: new Date().toISOString() } : null);
  }
}
