// Runs rattler's solver on indexes that are already on disk. rattler (WASM) fetches repodata with the
// global fetch and keeps no cache of its own, so for the length of a solve fetch is replaced by one that
// serves the cached files: each channel is given to rattler under a made-up .invalid host, nothing else
// answers, and the solver can never reach the network by itself.
import { readFile } from 'node:fs/promises';
import type * as Rattler from '@conda-org/rattler';
import type { ChannelIndex } from './index-download.js';
import type { Channel } from './channels.js';
import { errorText } from '../util/errors.js';
import { rattlerModule } from '../env/libs.js';

export interface SolvedRecord {
  name: string;
  version: string;
  build: string;
  buildNumber: number;
  /** The channel as the user named it. */
  channel: string;
  channelUrl: string;
  subdir: string;
  filename: string;
  url: string;
  depends: string[];
}

export type SolveOutcome =
  | { ok: true; records: SolvedRecord[]; ms: number }
  | { ok: false; explanation: string; ms: number };

/** rattler's CommonJS build reads its WASM file from disk (the ESM build inlines it and starts slower). */
export const loadRattler = (): typeof Rattler => rattlerModule();

const virtualBase = (i: number) => `https://channel-${i}.amlenv.invalid`;

/** One solve at a time: the fetch swap is process-wide. */
let queue: Promise<unknown> = Promise.resolve();

export function solveSpecs(
  specs: string[],
  channels: Channel[],
  indexes: ChannelIndex[],
  platforms: string[],
): Promise<SolveOutcome> {
  const run = queue.then(() => solveNow(specs, channels, indexes, platforms));
  queue = run.catch(() => undefined);
  return run;
}

async function solveNow(
  specs: string[],
  channels: Channel[],
  indexes: ChannelIndex[],
  platforms: string[],
): Promise<SolveOutcome> {
  const lib = loadRattler();
  const files = new Map<string, string>();
  channels.forEach((c, i) => {
    for (const index of indexes)
      if (index.channel === c && index.file) files.set(`${virtualBase(i)}/${index.subdir}/repodata.json`, index.file);
  });
  const realFetch = globalThis.fetch;
  const localFetch = async (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const file = files.get(url.replace(/([^:])\/\/+/g, '$1/'));
    const response = file
      ? new Response(await readFile(file), { status: 200, headers: { 'content-type': 'application/json' } })
      : new Response(null, { status: 404 });
    // rattler reads the response's URL, which a constructed Response leaves empty
    Object.defineProperty(response, 'url', { value: url });
    return response;
  };
  globalThis.fetch = localFetch;
  const start = performance.now();
  try {
    const solved = await lib.simpleSolve(
      specs,
      channels.map((_, i) => virtualBase(i)),
      platforms.filter(lib.isPlatform), // checked by solveDefinition: nothing is dropped here
      undefined,
    );
    const ms = performance.now() - start;
    const records = solved.map((p) => {
      const i = channels.findIndex((_, k) => p.url.startsWith(`${virtualBase(k)}/`));
      const channel = channels[i];
      const record: SolvedRecord = {
        name: p.packageName,
        version: p.version,
        build: p.build,
        buildNumber: Number(p.buildNumber ?? 0),
        channel: channel?.name ?? p.repoName ?? '',
        channelUrl: channel?.url ?? '',
        subdir: p.subdir ?? '',
        filename: p.filename,
        url: channel ? p.url.replace(virtualBase(i), channel.url) : p.url,
        depends: [...(p.depends ?? [])],
      };
      p.free();
      return record;
    });
    records.sort((a, b) => a.name.localeCompare(b.name));
    return { ok: true, records, ms };
  } catch (err) {
    const ms = performance.now() - start;
    const text = errorText(err);
    return { ok: false, explanation: text, ms };
  } finally {
    globalThis.fetch = realFetch;
  }
}
