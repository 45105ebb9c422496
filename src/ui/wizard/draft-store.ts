import { isRecord } from '../../env/path.js';
import type { EnvObject } from '../../env/types.js';
import { JsonStore, type SaveResult, type StoreOptions } from '../../store/json-store.js';
import { type Draft, draftForDisk, type DraftMeta, emptyV2, type KeptImage, ROUTES, type V2Part } from './draft.js';

interface StoredDraft {
  env: EnvObject;
  meta: DraftMeta;
  /** Only when the user chose to keep secrets in the draft. */
  password?: string;
  /** v2 drafts: description, tags, serving routes and the job command. */
  v2?: V2Part;
  savedAt: string;
}

const isStored = (v: unknown): v is StoredDraft | null =>
  v === null ||
  (isRecord(v) &&
    isRecord(v.env) &&
    isRecord(v.meta) &&
    typeof v.savedAt === 'string' &&
    (v.password === undefined || typeof v.password === 'string') &&
    (v.v2 === undefined || isRecord(v.v2)));

/** The stored v2 part over the defaults, field by field: a hand-edited or older file cannot break the wizard. */
function v2Part(stored: unknown): V2Part {
  const part = emptyV2();
  if (!isRecord(stored)) return part;
  if (typeof stored.description === 'string') part.description = stored.description;
  if (typeof stored.command === 'string') part.command = stored.command;
  if (typeof stored.code === 'string') part.code = stored.code;
  if (typeof stored.serving === 'boolean') part.serving = stored.serving;
  if (isRecord(stored.tags))
    for (const [k, v] of Object.entries(stored.tags)) if (typeof v === 'string') part.tags[k] = v;
  const routes = isRecord(stored.routes) ? stored.routes : {};
  for (const name of ROUTES) {
    const route = routes[name];
    if (isRecord(route) && typeof route.port === 'string' && typeof route.path === 'string')
      part.routes[name] = { port: route.port, path: route.path };
  }
  return part;
}

/** What the image modes kept, part by part: a hand-edited file cannot put anything but text there. */
function keptImage(stored: unknown): KeptImage | undefined {
  if (!isRecord(stored)) return undefined;
  const kept: KeptImage = {};
  if (typeof stored.image === 'string') kept.image = stored.image;
  if (typeof stored.dockerfile === 'string') kept.dockerfile = stored.dockerfile;
  const build = stored.build;
  if (isRecord(build) && typeof build.location === 'string' && typeof build.dockerfilePath === 'string')
    kept.build = { location: build.location, dockerfilePath: build.dockerfilePath };
  return Object.keys(kept).length ? kept : undefined;
}

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
    if (!stored) return undefined;
    // Drafts saved before the SDK choice existed are v1 drafts, one step earlier (the SDK step comes first now).
    const { keptImage: storedKept, ...rest } = stored.meta;
    const kept = keptImage(storedKept);
    const meta: DraftMeta = {
      ...(rest.sdk ? rest : { ...rest, sdk: 'v1', step: rest.step + 1 }),
      ...(kept ? { keptImage: kept } : {}),
    };
    const draft: Draft = { env: stored.env, meta, password: stored.password ?? '' };
    if (meta.sdk === 'v2') draft.v2 = v2Part(stored.v2);
    return { draft, savedAt: stored.savedAt };
  }

  save(draft: Draft | null): SaveResult {
    return this.store.set(draft ? { ...draftForDisk(draft), savedAt: new Date().toISOString() } : null);
  }
}
