// HTTP caching rules for channel indexes (RFC 9111, the parts a repodata.json needs): fresh while
// Cache-Control max-age allows, then revalidated with If-None-Match / If-Modified-Since.

export interface CacheMeta {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Seconds the response may be reused without asking; undefined when the server said nothing. */
  maxAge?: number;
  /** no-cache or no-store: always revalidate. */
  mustRevalidate: boolean;
  /** When the body was last confirmed by the server (ms since epoch). */
  checkedAt: number;
  size: number;
}

/** A cached meta.json read back (the cache folder can be edited or damaged): field by field, else undefined. */
export function cacheMetaFrom(value: unknown): CacheMeta | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (key: string): unknown => (key in value ? Reflect.get(value, key) : undefined);
  const url = field('url');
  const checkedAt = field('checkedAt');
  const size = field('size');
  if (typeof url !== 'string' || typeof checkedAt !== 'number' || typeof size !== 'number') return undefined;
  const etag = field('etag');
  const lastModified = field('lastModified');
  const maxAge = field('maxAge');
  return {
    url,
    ...(typeof etag === 'string' ? { etag } : {}),
    ...(typeof lastModified === 'string' ? { lastModified } : {}),
    ...(typeof maxAge === 'number' ? { maxAge } : {}),
    mustRevalidate: field('mustRevalidate') === true,
    checkedAt,
    size,
  };
}

/** Reads the caching headers of a 200 or 304 response. */
export function metaFromHeaders(url: string, headers: Headers, now: number, size: number): CacheMeta {
  const cacheControl = (headers.get('cache-control') ?? '').toLowerCase();
  const maxAge = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)/.exec(cacheControl)?.[1];
  return {
    url,
    etag: headers.get('etag') ?? undefined,
    lastModified: headers.get('last-modified') ?? undefined,
    maxAge: maxAge === undefined ? undefined : Number(maxAge),
    mustRevalidate: /(?:^|,)\s*no-(cache|store)\b/.test(cacheControl),
    checkedAt: now,
    size,
  };
}

/** Whether a cached copy may be used without asking the server. No max-age means: ask. */
export function isFresh(meta: CacheMeta, now: number): boolean {
  if (meta.mustRevalidate || meta.maxAge === undefined) return false;
  return now - meta.checkedAt < meta.maxAge * 1000;
}

/** The headers that let the server answer 304 Not Modified. */
export function conditionalHeaders(meta: CacheMeta | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (meta?.etag) headers['if-none-match'] = meta.etag;
  if (meta?.lastModified) headers['if-modified-since'] = meta.lastModified;
  return headers;
}
