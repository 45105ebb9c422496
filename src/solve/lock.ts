// The lock: the solved environment as a conda file in which every package is pinned to its exact version
// and build and names its channel ("conda-forge::numpy=1.26.4=py311h64a7726_0"), so a cloud build installs
// exactly what was solved. conda reads "name=version=build" as an exact version when a build is given.
import { stringify } from 'yaml';
import type { Channel } from './channels.js';
import { LOCK_MARKER } from './lock-header.js';
import type { SolvedRecord } from './rattler-solve.js';

export { LOCK_MARKER, isLockedSpec, readLockHeader } from './lock-header.js';

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
