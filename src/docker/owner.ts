// Every container amlenv starts carries labels naming the amlenv process that owns it (pid, its start time and
// the host). When that process is gone (kill -9, a crash, a closed terminal) its container would run on with
// nobody to stop it; the next run finds such containers by label and removes them. Containers of other hosts
// sharing the daemon are left alone: their processes cannot be checked from here.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Docker } from './client.js';
import { errorCode } from '../util/errors.js';
import { daemonCall } from './deadline.js';

export const MANAGED_LABEL = 'org.amlenv.managed';
export const PID_LABEL = 'org.amlenv.pid';
export const PID_START_LABEL = 'org.amlenv.pid-start';
export const HOST_LABEL = 'org.amlenv.host';

/** The start time of a process in clock ticks since boot (Linux /proc); undefined where it cannot be read. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function ownerLabels(pid = process.pid): Record<string, string> {
  const start = processStart(pid);
  return {
    [MANAGED_LABEL]: 'true',
    [PID_LABEL]: String(pid),
    [HOST_LABEL]: hostname(),
    ...(start ? { [PID_START_LABEL]: start } : {}),
  };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
};

/** Whether the amlenv process that labelled a container is gone (and the container is this host's to judge). */
export function ownerGone(labels: Record<string, string> | undefined, host = hostname()): boolean {
  if (labels?.[MANAGED_LABEL] !== 'true' || labels[HOST_LABEL] !== host) return false;
  const pid = Number(labels[PID_LABEL]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  if (!alive(pid)) return true;
  // The pid is in use, but by another process than the one that started the container (the pid was reused).
  const start = labels[PID_START_LABEL];
  const now = processStart(pid);
  return start !== undefined && now !== undefined && start !== now;
}

/** Removes this host's amlenv containers whose owner is gone; returns their ids. Never touches unlabelled containers. */
export async function removeOrphans(docker: Docker, signal?: AbortSignal): Promise<string[]> {
  const listed = await daemonCall(
    'list amlenv containers',
    (s) =>
      docker.listContainers({
        all: true,
        filters: { label: [`${MANAGED_LABEL}=true`, `${HOST_LABEL}=${hostname()}`] },
        abortSignal: s,
      }),
    signal,
  );
  const removed: string[] = [];
  for (const c of listed) {
    if (!ownerGone(c.Labels)) continue;
    await daemonCall(
      'remove a container left by an ended amlenv',
      (s) => docker.getContainer(c.Id).remove({ force: true, v: true, abortSignal: s }),
      signal,
    ).catch(() => undefined);
    removed.push(c.Id);
  }
  return removed;
}
