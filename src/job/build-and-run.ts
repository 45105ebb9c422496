// The one way a definition becomes an image and, when asked, a job: `amlenv build`, `amlenv run`, the Build & run
// screen and the REPL's :build all come through buildAndRun. It validates and plans the definition, makes sure
// the image exists (reused, pulled, built), and for a run places the source folder, runs the script or a bundled
// sample the way Azure ML runs a job, collects the outputs, writes run.json and reads the check report. It prints
// nothing: progress goes to `onEvent`, and the outcome is returned for the caller to word.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Aborted } from '../docker/abort.js';
import { connectDocker, type Docker } from '../docker/client.js';
import type { Diagnostic, LoadedDefinition } from '../env/types.js';
import { sampleMounts, sampleScriptInContainer } from '../samples/mounts.js';
import { type CheckReport, parseReport } from '../samples/report.js';
import { DEFAULT_SAMPLE, type Sample } from '../samples/samples.js';
import { checkSnapshot } from '../snapshot/limits.js';
import { refuseSystemFolder, scanSource } from '../snapshot/source.js';
import { errorCode, UsageError } from '../util/errors.js';
import { type EnsureOptions, type EnsureResult, ensureImage } from './ensure-image.js';
import type { JobEvent, JobListener } from './events.js';
import { safeRepositoryName } from './plan.js';
import { prepareDefinition, prepareLoaded } from './prepare.js';
import { resolveScript } from './resolve-script.js';
import { type JobResult, runJob } from './run-job.js';

export { DEFAULT_TIMEOUT_SECONDS } from './run-job.js';

/** The run's record beside its outputs: what ran, and how it ended. */
export const RUN_RECORD = 'run.json';

/** Where run folders go when no outputs folder is given. */
export const RUNS_FOLDER = 'amlenv-runs';

export type BuildOptions = Pick<EnsureOptions, 'noCache' | 'pull' | 'tags' | 'force'>;

export interface RunOptions {
  /** The user's script, relative to `sourceDir` (as Azure ML names it) or a path from here. */
  script?: string;
  /** A bundled sample to run instead of a script (check-env, the environment check). */
  sample?: Sample;
  /** The snapshot folder; a sample without one runs in an empty temporary folder. */
  sourceDir?: string;
  args?: string[];
  network?: boolean;
  /** Milliseconds; undefined for no limit. */
  timeoutMs: number | undefined;
  /** A new or empty folder for outputs/, logs/, user_logs/ and run.json (default RUNS_FOLDER/<run id>). */
  outputsDir?: string;
  /** Where the default outputs folder goes instead of RUNS_FOLDER. */
  outputsRoot?: string;
  /** The script's own output, live (discarded when not given; it is in user_logs/std_log.txt either way). */
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

export interface JobRequest {
  /** A definition file, or one already loaded (the REPL's). */
  definition: string | LoadedDefinition;
  build?: BuildOptions;
  /** Absent: build only. */
  run?: RunOptions;
}

/**
 * What buildAndRun reports to. At the start of the run phase it may return a promise, and the pipeline waits for
 * it before the container starts (the CLI releases the terminal there, before the script's own output).
 */
export type JobObserver = (event: JobEvent) => void | Promise<void>;

export type JobOutcome =
  /** The definition has validation errors: nothing was built. */
  | { kind: 'invalid'; def: LoadedDefinition; diagnostics: Diagnostic[] }
  /** The source folder is over Azure ML's snapshot limits: nothing was built or run. */
  | { kind: 'snapshot-refused'; sourceDir: string; message: string; offenders: string[] }
  | { kind: 'built'; image: EnsureResult }
  | {
      kind: 'ran';
      image: EnsureResult;
      runId: string;
      outputsDir: string;
      result: JobResult;
      /** The environment check's report (check-env only; undefined when it wrote none). */
      report?: CheckReport;
      /** Whether the bundled environment check ran. */
      checked: boolean;
    };

export async function buildAndRun(
  request: JobRequest,
  onEvent: JobObserver = () => undefined,
  signal?: AbortSignal,
): Promise<JobOutcome> {
  const emit: JobListener = (event) => {
    void onEvent(event);
  };
  const cleanups: Array<() => void> = [];
  try {
    // Where the job's files come from is settled first: a wrong script or folder is a usage error before any work.
    const source = request.run ? placeSource(request.run, cleanups) : undefined;
    // The daemon is asked while the definition is validated; its answer counts only once the inputs are fine.
    const connecting = connectDocker();
    connecting.catch(() => undefined);
    const prepared =
      typeof request.definition === 'string'
        ? await prepareDefinition(request.definition)
        : await prepareLoaded(request.definition);
    if (!prepared.ok) return { kind: 'invalid', def: prepared.def, diagnostics: prepared.diagnostics };

    let job: PlannedRun | undefined;
    if (request.run && source) {
      const scan = scanSource(source.sourceDir);
      if (request.run.script && !scan.files.some((f) => f.path === source.script && f.link === undefined)) {
        throw new UsageError(
          `${request.run.script} is excluded by ${scan.ignoreFile ?? 'the ignore file'} in ${source.sourceDir}, so it would not be in the snapshot; remove it from ${scan.ignoreFile ?? 'there'}`,
        );
      }
      const verdict = checkSnapshot(scan);
      if (!verdict.ok)
        return {
          kind: 'snapshot-refused',
          sourceDir: source.sourceDir,
          message: verdict.message ?? 'the snapshot is over the limits',
          offenders: verdict.offenders,
        };
      const runId = `${safeRepositoryName(prepared.inputs.name)}_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
      const outputsDir = request.run.outputsDir ?? join(request.run.outputsRoot ?? RUNS_FOLDER, runId);
      assertFreshFolder(outputsDir);
      job = { ...source, scan, runId, outputsDir };
    }
    if (signal?.aborted) throw new Aborted('the build');

    const docker = await connecting;
    const image = await ensureImage(docker, prepared.inputs, prepared.plan, {
      ...request.build,
      signal,
      onEvent: emit,
    });
    if (!request.run || !job) return { kind: 'built', image };

    const extra = job.sample ? sampleMounts(job.sample, prepared.def.env, prepared.def.path) : undefined;
    if (extra) cleanups.push(extra.cleanup);
    return await runPlanned(docker, request.run, job, {
      image,
      interpreter: prepared.plan.interpreter,
      definition: prepared.def.path,
      env: { ...prepared.inputs.env, ...(extra?.env ?? {}) },
      mounts: extra?.mounts,
      onEvent,
      emit,
      signal,
    });
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}

interface PlacedSource {
  sourceDir: string;
  /** The script as the container runs it: a path in the snapshot, or the mounted sample. */
  script: string;
  sample?: Sample;
}

type PlannedRun = PlacedSource & { scan: ReturnType<typeof scanSource>; runId: string; outputsDir: string };

/** The snapshot folder and the script in it; a sample without a folder gets an empty temporary one. */
function placeSource(run: RunOptions, cleanups: Array<() => void>): PlacedSource {
  if (run.sourceDir !== undefined && !isDirectory(run.sourceDir))
    throw new UsageError(
      `--source-dir ${run.sourceDir} is not a folder; give the folder that holds your script (the job's snapshot)`,
    );
  // SCRIPT is relative to the source folder, as in ScriptRunConfig(source_directory, script); a path from here works too.
  const located = run.script !== undefined ? resolveScript(run.script, run.sourceDir) : undefined;
  if (!located && !run.sample) throw new UsageError('give a script to run or a sample');
  let sourceDir = located?.sourceDir ?? run.sourceDir;
  if (sourceDir === undefined) {
    const empty = mkdtempSync(join(tmpdir(), 'amlenv-source-'));
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    sourceDir = empty;
  }
  if (!isDirectory(sourceDir)) throw new UsageError(`--source-dir ${sourceDir} is not a folder`);
  refuseSystemFolder(sourceDir);
  if (located) return { sourceDir, script: located.inSnapshot };
  const sample = run.sample;
  if (!sample) throw new UsageError('give a script to run or a sample');
  return { sourceDir, script: sampleScriptInContainer(sample), sample };
}

interface RunContext {
  image: EnsureResult;
  interpreter: string;
  definition: string;
  env: Record<string, string>;
  mounts?: Parameters<typeof runJob>[1]['mounts'];
  onEvent: JobObserver;
  emit: JobListener;
  signal?: AbortSignal;
}

async function runPlanned(docker: Docker, run: RunOptions, job: PlannedRun, ctx: RunContext): Promise<JobOutcome> {
  const args = run.args ?? [];
  const { outputsDir, runId } = job;
  await ctx.onEvent({
    kind: 'phase',
    phase: 'run',
    text: `running ${ctx.interpreter} ${job.script}${args.length ? ` ${args.join(' ')}` : ''} in ${ctx.image.tag}${run.network ? '' : ' (no network)'}`,
  });
  const record = {
    runId,
    definition: ctx.definition,
    image: ctx.image.tag,
    script: job.script,
    args,
    timeoutSeconds: run.timeoutMs === undefined ? 0 : run.timeoutMs / 1000,
  };
  let result: JobResult;
  try {
    result = await runJob(docker, {
      image: ctx.image.tag,
      interpreter: ctx.interpreter,
      script: job.script,
      args,
      scan: job.scan,
      env: ctx.env,
      mounts: ctx.mounts,
      outputsDir,
      runId,
      network: Boolean(run.network),
      timeoutMs: run.timeoutMs,
      stdout: run.stdout ?? discard(),
      stderr: run.stderr ?? discard(),
      signal: ctx.signal,
      onEvent: ctx.emit,
    });
  } catch (err) {
    if (err instanceof Aborted && existsSync(outputsDir))
      writeRunRecord(outputsDir, { ...record, status: 'interrupted' }, ctx.emit);
    throw err;
  }
  ctx.emit({
    kind: 'finished',
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    oomKilled: result.oomKilled,
    seconds: result.seconds,
    outputsDir,
    collected: result.collected,
    skipped: result.skipped,
  });
  writeRunRecord(
    outputsDir,
    {
      ...record,
      status: result.timedOut ? 'timed-out' : result.exitCode === 0 ? 'succeeded' : 'failed',
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      oomKilled: result.oomKilled,
      seconds: result.seconds,
    },
    ctx.emit,
  );
  const checked = job.sample?.name === DEFAULT_SAMPLE;
  const reportFile = join(outputsDir, 'outputs', 'env-report.json');
  const report = checked && existsSync(reportFile) ? parseReport(readFileSync(reportFile, 'utf8')) : undefined;
  return { kind: 'ran', image: ctx.image, runId, outputsDir, result, report, checked };
}

/** run.json: what ran and how it ended (the script's own exit code included); a failure to write it is a warning. */
function writeRunRecord(outputsDir: string, record: Record<string, unknown>, emit: JobListener): void {
  const file = join(outputsDir, RUN_RECORD);
  try {
    writeFileSync(file, `${JSON.stringify({ ...record, finishedAt: new Date().toISOString() }, null, 2)}\n`);
  } catch (err) {
    emit({
      kind: 'warning',
      text: `could not write ${file} (${errorCode(err) ?? 'error'}); the outputs are there nonetheless`,
    });
  }
}

/** The outputs folder must be new or empty: earlier outputs are never written over. */
function assertFreshFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UsageError(`--outputs ${dir} is a file; give a new or empty folder`);
  if (readdirSync(dir).length > 0)
    throw new UsageError(
      `--outputs ${dir} is not empty; give a new or empty folder (amlenv never writes over earlier outputs)`,
    );
}

const discard = () => new Writable({ write: (_c, _e, done) => done() });

const isDirectory = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};
