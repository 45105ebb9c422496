// Downloads channel indexes (repodata.json) into the cache, honouring the server's caching headers.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheMetaFrom, conditionalHeaders, isFresh, metaFromHeaders, type CacheMeta } from './http-cache.js';
import { repodataUrl, type Channel } from './channels.js';
import { causeCode, causeMessage, errorText } from '../util/errors.js';

export interface IndexProgress {
  url: string;
  received: number;
  /** From Content-Length, when the server sent one (compressed size when it compresses). */
  total?: number;
  done: boolean;
}

export interface IndexOptions {
  cacheRoot: string;
  /** Ignore the cache: download every index again. */
  refresh?: boolean;
  onProgress?: (p: IndexProgress) => void;
  now?: () => number;
}

/** Where the index came from; 'stale' is a cached copy used because the channel did not answer. */
export type IndexSource = 'cache' | 'revalidated' | 'downloaded' | 'local' | 'stale';

export interface ChannelIndex {
  channel: Channel;
  subdir: string;
  url: string;
  /** The repodata.json on disk; undefined when the channel has no such platform folder (HTTP 404). */
  file?: string;
  source: IndexSource;
  /** For a stale copy: why the channel was not asked, and when the copy was last confirmed. */
  stale?: { reason: string; checkedAt: number };
}

/** A channel that could not be reached at all: amlenv exits 3. */
export class ChannelUnreachable extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(
      `cannot reach the conda channel ${url} (${reason}); check the network or the channel URL, or pass a mirror with --channel URL`,
    );
  }
}

function entryDir(cacheRoot: string, url: string): string {
  return join(cacheRoot, 'channels', createHash('sha256').update(url).digest('hex').slice(0, 24));
}

async function readMeta(dir: string): Promise<CacheMeta | undefined> {
  try {
    const meta = cacheMetaFrom(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')));
    await stat(join(dir, 'repodata.json'));
    return meta;
  } catch {
    return undefined;
  }
}

async function writeMeta(dir: string, meta: CacheMeta): Promise<void> {
  const tmp = join(dir, `meta.json.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(meta, null, 2));
  await rename(tmp, join(dir, 'meta.json'));
}

function reasonOf(err: unknown): string {
  return causeCode(err) ?? causeMessage(err) ?? errorText(err);
}

/** Makes sure the index of one channel platform folder is on disk and current. */
export async function fetchIndex(channel: Channel, subdir: string, options: IndexOptions): Promise<ChannelIndex> {
  const url = repodataUrl(channel, subdir);
  if (url.startsWith('file://')) {
    const file = fileURLToPath(url);
    const exists = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    return { channel, subdir, url, file: exists ? file : undefined, source: 'local' };
  }
  const now = options.now ?? Date.now;
  const dir = entryDir(options.cacheRoot, url);
  const cached = options.refresh ? undefined : await readMeta(dir);
  if (cached && isFresh(cached, now()))
    return { channel, subdir, url, file: join(dir, 'repodata.json'), source: 'cache' };

  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'accept-encoding': 'gzip', ...conditionalHeaders(cached) },
      redirect: 'follow',
    });
  } catch (err) {
    // offline with a cached copy: solve with it and say so (--refresh asks for a fresh one, so it fails)
    const stale = options.refresh ? undefined : await readMeta(dir);
    if (stale)
      return {
        channel,
        subdir,
        url,
        file: join(dir, 'repodata.json'),
        source: 'stale',
        stale: { reason: reasonOf(err), checkedAt: stale.checkedAt },
      };
    throw new ChannelUnreachable(channel.url, reasonOf(err));
  }
  if (response.status === 304 && cached) {
    await writeMeta(dir, {
      ...metaFromHeaders(url, response.headers, now(), cached.size),
      etag: response.headers.get('etag') ?? cached.etag,
      lastModified: response.headers.get('last-modified') ?? cached.lastModified,
    });
    await response.body?.cancel();
    return { channel, subdir, url, file: join(dir, 'repodata.json'), source: 'revalidated' };
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return { channel, subdir, url, source: 'downloaded' };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new ChannelUnreachable(channel.url, `HTTP ${response.status} for ${subdir}/repodata.json`);
  }
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `repodata.json.${process.pid}.tmp`);
  const total = Number(response.headers.get('content-length')) || undefined;
  let received = 0;
  try {
    const out = createWriteStream(tmp);
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    failed.catch(() => undefined);
    for await (const chunk of response.body) {
      received += chunk.length;
      if (!out.write(chunk))
        await Promise.race([new Promise<void>((resolve) => out.once('drain', () => resolve())), failed]);
      options.onProgress?.({ url, received, total, done: false });
    }
    await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new ChannelUnreachable(channel.url, `the download of ${subdir}/repodata.json broke off: ${reasonOf(err)}`);
  }
  await rename(tmp, join(dir, 'repodata.json'));
  await writeMeta(dir, metaFromHeaders(url, response.headers, now(), received));
  options.onProgress?.({ url, received, total, done: true });
  return { channel, subdir, url, file: join(dir, 'repodata.json'), source: 'downloaded' };
}

/** Every channel × platform folder, downloaded side by side. */
export async function fetchIndexes(
  channels: Channel[],
  subdirs: string[],
  options: IndexOptions,
): Promise<ChannelIndex[]> {
  const indexes = await Promise.all(channels.flatMap((c) => subdirs.map((s) => fetchIndex(c, s, options))));
  for (const c of channels) {
    if (indexes.filter((i) => i.channel === c).every((i) => !i.file)) {
      throw new ChannelUnreachable(
        c.url,
        `it has no repodata.json for ${subdirs.join(' or ')}; is this a conda channel?`,
      );
    }
  }
  return indexes;
}
