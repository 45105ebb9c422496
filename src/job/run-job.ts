// A run as Azure ML does it: the snapshot mounted read-only as the working directory, the script started with
// the environment's variables, ./outputs and ./logs written to host folders and collected afterwards, the
// combined output kept in user_logs/std_log.txt. Containers and temporary folders are removed whatever happens.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Docker } from '../docker/client.js';
import { removeOrphans } from '../docker/owner.js';
import { defaultRunUser, runInImage, type Mount, type RunLimits } from '../docker/run.js';
import { collectTree } from '../snapshot/collect.js';
import type { TreeScan } from '../snapshot/scan.js';
import { prepareWorkspace, RUN_DIRS } from '../snapshot/workspace.js';
import type { JobListener } from './events.js';
import { LABEL_PREFIX } from './plan.js';

/** A run that is not given a timeout stops after an hour, so a hung script never holds a container forever. */
export const DEFAULT_TIMEOUT_SECONDS = 3600;

/** Where the snapshot is mounted in the container: the script's working directory. */
export const CONTAINER_WD = '/amlenv/wd';

export interface ContainerJob {
  image: string;
  interpreter: string;
  /** The script, relative to the snapshot root, with forward slashes. */
  script: string;
  args: string[];
  scan: TreeScan;
  /** The environment's variables (set at start, as Azure ML does; not part of the image). */
  env: Record<string, string>;
  /** Host folder that receives outputs/, logs/ and user_logs/std_log.txt. */
  outputsDir: string;
  runId: string;
  network?: boolean;
  timeoutMs?: number;
  limits?: Partial<RunLimits>;
  /** More mounts (a bundled check script, a manifest). */
  mounts?: Mount[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  signal?: AbortSignal;
  onEvent?: JobListener;
}

export interface JobResult {
  exitCode: number;
  timedOut: boolean;
  oomKilled: boolean;
  seconds: number;
  collected: number;
  skipped: string[];
}

export async function runJob(docker: Docker, request: ContainerJob): Promise<JobResult> {
  // Containers left running by an amlenv that was killed (kill -9, a closed terminal) are removed first.
  const orphans = await removeOrphans(docker, request.signal);
  if (orphans.length > 0)
    request.onEvent?.({
      kind: 'status',
      text: `removed ${orphans.length} container${orphans.length === 1 ? '' : 's'} left running by an amlenv that is no longer running`,
    });
  const user = defaultRunUser();
  const [uid, gid] = user.split(':').map(Number);
  const workspace = prepareWorkspace(request.scan, { uid, gid });
  mkdirSync(join(request.outputsDir, 'user_logs'), { recursive: true });
  const stdLog = createWriteStream(join(request.outputsDir, 'user_logs', 'std_log.txt'));
  const outTee = tee(request.stdout, stdLog, 'stdout', request.onEvent);
  const errTee = tee(request.stderr, stdLog, 'stderr', request.onEvent);
  const started = performance.now();
  try {
    const result = await runInImage(docker, {
      image: request.image,
      command: [request.interpreter, request.script, ...request.args],
      workingDir: CONTAINER_WD,
      env: {
        AZUREML_RUN_ID: request.runId,
        HOME: '/tmp',
        PYTHONUNBUFFERED: '1',
        PYTHONDONTWRITEBYTECODE: '1',
        ...request.env,
      },
      mounts: [
        { host: workspace.snapshot, container: CONTAINER_WD, readOnly: true },
        ...RUN_DIRS.map((name) => ({
          host: workspace.writable[name],
          container: `${CONTAINER_WD}/${name}`,
          readOnly: false,
        })),
        ...(request.mounts ?? []),
      ],
      network: request.network,
      timeoutMs: request.timeoutMs,
      user,
      limits: request.limits,
      labels: { [`${LABEL_PREFIX}.run-id`]: request.runId },
      stdout: outTee,
      stderr: errTee,
      signal: request.signal,
    });
    const seconds = (performance.now() - started) / 1000;
    let collected = 0;
    const skipped: string[] = [];
    for (const name of RUN_DIRS) {
      const got = collectTree(workspace.writable[name], join(request.outputsDir, name));
      collected += got.files;
      skipped.push(...got.skipped.map((s) => `${name}/${s.path}: ${s.reason}`));
    }
    return { ...result, seconds, collected, skipped };
  } finally {
    // The streams are never ended by the demuxer: a last line without a newline is written here.
    outTee.flushLog();
    errTee.flushLog();
    await new Promise((resolve) => stdLog.end(resolve));
    workspace.remove();
  }
}

/** Copies the script's output live to the terminal and std_log.txt, and reports it line by line. */
function tee(
  live: NodeJS.WritableStream,
  log: NodeJS.WritableStream,
  stream: 'stdout' | 'stderr',
  onEvent?: JobListener,
): Writable & { flushLog(): void } {
  let partial = '';
  // The log gets whole lines only, so stdout and stderr interleave there line by line, never mid-line.
  let logPartial = Buffer.alloc(0);
  const flushLog = () => {
    if (logPartial.length > 0) log.write(logPartial);
    logPartial = Buffer.alloc(0);
  };
  const writable = new Writable({
    write(chunk: Buffer, _encoding, done) {
      live.write(chunk);
      const joined = Buffer.concat([logPartial, chunk]);
      const end = joined.lastIndexOf(10);
      if (end >= 0) log.write(joined.subarray(0, end + 1));
      logPartial = end >= 0 ? joined.subarray(end + 1) : joined;
      // A very long line without a newline is written as it comes rather than held in memory.
      if (logPartial.length > 64 * 1024) flushLog();
      if (onEvent) {
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const text of lines) onEvent({ kind: 'output', stream, text: text.replace(/\r$/, '') });
      }
      done();
    },
    final(done) {
      flushLog();
      if (onEvent && partial) onEvent({ kind: 'output', stream, text: partial });
      done();
    },
  });
  return Object.assign(writable, { flushLog });
}
