// The lock: the solved environment as a conda file in which every package is pinned to its exact version
// and build and names its channel ("conda-forge::numpy=1.26.4=py311h64a7726_0"), so a cloud build installs
// exactly what was solved. conda reads "name=version=build" as an exact version when a build is given.
import { stringify } from 'yaml';
import type { Channel } from './channels.js';
import type { SolvedRecord } from './rattler-solve.js';

export const LOCK_MARKER = '# amlenv lock';

export interface LockInput {
  name?: string;
  records: SolvedRecord[];
  channels: Channel[];
  platform: string;
  /** The pip entries as written in the source, kept in their order. */
  pip: string[];
  source: string;
  solvedAt: Date;
}

export function lockSpec(record: SolvedRecord, channels: Channel[]): string {
  const channel = channels.find((c) => c.url === record.channelUrl);
  return `${channel ? `${channel.ref}::` : ''}${record.name}=${record.version}=${record.build}`;
}

export function renderLock(input: LockInput): string {
  const dependencies: Array<string | { pip: string[] }> = input.records.map((r) => lockSpec(r, input.channels));
  if (input.pip.length) dependencies.push({ pip: input.pip });
  const body = stringify(
    { name: input.name ?? 'locked', channels: [...input.channels.map((c) => c.ref), 'nodefaults'], dependencies },
    { lineWidth: 0 },
  );
  const header = [
    `${LOCK_MARKER} for ${input.platform}, solved ${input.solvedAt.toISOString().slice(0, 10)} from ${input.source}.`,
    '# Every conda package is pinned to its exact version and build, with its channel. To update it, change the',
    `# source file and run: amlenv solve ${input.source} --lock FILE --force`,
  ];
  return `${header.join('\n')}\n${body}`;
}

export interface LockInfo {
  platform?: string;
  date?: string;
  source?: string;
}

/** Reads the header a lock starts with; undefined when the text is not an amlenv lock. */
export function readLockHeader(text: string): LockInfo | undefined {
  const first = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0];
  if (!first.startsWith(LOCK_MARKER)) return undefined;
  const m = /for (\S+), solved (\S+) from (.+)\.$/.exec(first);
  return m ? { platform: m[1], date: m[2], source: m[3] } : {};
}

/** A conda entry pinned as a lock pins it: exact version and a build. */
export function isLockedSpec(raw: string): boolean {
  return /^(?:[^\s]+::)?[A-Za-z0-9_][A-Za-z0-9_.-]*=[^=\s*<>,|]+=[^=\s*]+$/.test(raw.trim());
}
