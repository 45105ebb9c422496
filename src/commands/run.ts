import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { findSample, sampleMounts, sampleScriptInContainer } from '../samples/mounts.js';
import { formatTable, parseReport, reportRows, verdict } from '../samples/report.js';
import { DEFAULT_SAMPLE } from '../samples/samples.js';
import { ensureImage } from '../build/ensure-image.js';
import { progressSink } from '../build/job-output.js';
import { safeRepositoryName } from '../build/plan.js';
import { prepareDefinition } from '../build/prepare.js';
import { DEFAULT_TIMEOUT_SECONDS, runJob } from '../build/run-job.js';
import { Aborted } from '../docker/abort.js';
import { connectDocker } from '../docker/client.js';
import { checkSnapshot } from '../snapshot/limits.js';
import { refuseSystemFolder, scanSource } from '../snapshot/source.js';
import { plainProgress } from '../ui/build/plain-progress.js';
import { green, red } from '../util/color.js';
import { EXIT, UsageError } from '../util/errors.js';
import { reportJobError, withInterrupt } from './build.js';
import { formatErrors } from './dockerfile.js';
import type { Command } from './types.js';
import { resolveScript } from './resolve-script.js';
import { safeLine } from '../util/safe-text.js';

const command: Command = {
  options: {
    'source-dir': { type: 'string' },
    outputs: { type: 'string' },
    network: { type: 'boolean' },
    timeout: { type: 'string' },
    sample: { type: 'string' },
  },
  minPositionals: 1,
  maxPositionals: 2,
  async run({ positionals, values, rest }) {
    const [path, script] = positionals;
    const timeoutMs = parseTimeout(values.timeout as string | undefined);
    if (script && values.sample) throw new UsageError('give a SCRIPT or --sample NAME, not both');
    // No script: a bundled sample runs, check-env by default (it proves the definition's promises).
    const sample = script ? undefined : findSample((values.sample as string | undefined) ?? DEFAULT_SAMPLE);
    const givenSource = values['source-dir'] as string | undefined;
    if (givenSource !== undefined && !isDirectory(givenSource))
      throw new UsageError(
        `--source-dir ${givenSource} is not a folder; give the folder that holds your script (the job's snapshot)`,
      );
    // SCRIPT is relative to --source-dir, as in ScriptRunConfig(source_directory, script); a path from here works too.
    const located = script ? resolveScript(script, givenSource) : undefined;
    const emptySource = sample && !givenSource ? mkdtempSync(join(tmpdir(), 'amlenv-source-')) : undefined;
    const sourceDir = located?.sourceDir ?? givenSource ?? emptySource!;
    if (!isDirectory(sourceDir)) throw new UsageError(`--source-dir ${sourceDir} is not a folder`);
    refuseSystemFolder(sourceDir);
    const scriptPath = located ? located.inSnapshot : sampleScriptInContainer(sample!);

    // The daemon is asked while the definition is validated; its answer counts only once the inputs are fine.
    const connecting = connectDocker();
    connecting.catch(() => undefined);
    const prepared = await prepareDefinition(path);
    if (!prepared.ok) {
      process.stderr.write(
        `${formatErrors(path, prepared)}\namlenv: ${path} has errors, so nothing was built or run; fix them first (amlenv validate ${path})\n`,
      );
      return EXIT.invalid;
    }

    const scan = scanSource(sourceDir);
    if (script && !scan.files.some((f) => f.path === scriptPath && f.link === undefined)) {
      throw new UsageError(
        `${script} is excluded by ${scan.ignoreFile ?? 'the ignore file'} in ${sourceDir}, so it would not be in the snapshot; remove it from ${scan.ignoreFile ?? 'there'}`,
      );
    }
    const verdict = checkSnapshot(scan);
    if (!verdict.ok) {
      process.stderr.write(
        `amlenv: ${verdict.message}; Azure ML would refuse it too\n  largest:\n${verdict.offenders.map((o) => `    ${safeLine(o)}\n`).join('')}  fix: list what the job does not need in ${join(sourceDir, '.amlignore')} (it wins over .gitignore), or pass a smaller --source-dir\n`,
      );
      return EXIT.invalid;
    }

    const runId = `${safeRepositoryName(prepared.inputs.name)}_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
    const outputsDir = (values.outputs as string | undefined) ?? join('amlenv-runs', runId);
    assertFreshFolder(outputsDir);

    const docker = await connecting;
    const sink = await progressSink(false);
    let image: string;
    try {
      image = (
        await withInterrupt((signal) =>
          ensureImage(docker, prepared.inputs, prepared.plan, { signal, onEvent: sink.listener }),
        )
      ).tag;
      await sink.stop();
    } catch (err) {
      await sink.stop();
      return reportJobError(err);
    }

    const extra = sample ? sampleMounts(sample, prepared.def.env, path) : undefined;
    const say = plainProgress((line) => process.stderr.write(`${line}\n`));
    say({
      kind: 'phase',
      phase: 'run',
      text: `running ${prepared.plan.interpreter} ${scriptPath}${rest.length ? ` ${rest.join(' ')}` : ''} in ${image}${values.network ? '' : ' (no network)'}`,
    });
    const record = {
      runId,
      definition: path,
      image,
      script: scriptPath,
      args: rest,
      timeoutSeconds: timeoutMs === undefined ? 0 : timeoutMs / 1000,
    };
    try {
      const result = await withInterrupt((signal) =>
        runJob(docker, {
          image,
          interpreter: prepared.plan.interpreter,
          script: scriptPath,
          args: rest,
          scan,
          env: { ...prepared.inputs.env, ...(extra?.env ?? {}) },
          mounts: extra?.mounts,
          outputsDir,
          runId,
          network: Boolean(values.network),
          timeoutMs,
          // check-env's own lines go to user_logs/std_log.txt; the table below says the same, shorter
          stdout: sample?.name === DEFAULT_SAMPLE ? new Writable({ write: (_c, _e, done) => done() }) : process.stdout,
          stderr: process.stderr,
          signal,
        }),
      );
      say({
        kind: 'finished',
        exitCode: result.exitCode,
        timedOut: result.timedOut,
        oomKilled: result.oomKilled,
        seconds: result.seconds,
        outputsDir,
        collected: result.collected,
        skipped: result.skipped,
      });
      writeRunRecord(outputsDir, {
        ...record,
        status: result.timedOut ? 'timed-out' : result.exitCode === 0 ? 'succeeded' : 'failed',
        exitCode: result.exitCode,
        timedOut: result.timedOut,
        oomKilled: result.oomKilled,
        seconds: result.seconds,
      });
      if (result.timedOut) {
        process.stderr.write(
          `${red('amlenv:')} the script ran longer than --timeout ${timeoutMs! / 1000} s and was stopped; raise --timeout (0 for no limit) or make the script faster\n`,
        );
        return EXIT.invalid;
      }
      if (sample?.name === DEFAULT_SAMPLE) return printCheckReport(outputsDir, result.exitCode);
      if (result.exitCode !== 0) {
        // The contract keeps 1 for a failed job (3 is Docker's, 130 Ctrl-C's): the script's own code is told, not returned.
        process.stderr.write(
          `${red('amlenv:')} the script failed with exit code ${result.exitCode}${result.oomKilled ? ' (killed: out of memory)' : ''}; see ${join(outputsDir, 'user_logs', 'std_log.txt')} (the code is kept in ${join(outputsDir, RUN_RECORD)})\n`,
        );
        return EXIT.invalid;
      }
      return EXIT.ok;
    } catch (err) {
      if (err instanceof Aborted && existsSync(outputsDir))
        writeRunRecord(outputsDir, { ...record, status: 'interrupted' });
      return reportJobError(err);
    } finally {
      extra?.cleanup();
      if (emptySource) rmSync(emptySource, { recursive: true, force: true });
    }
  },
};

export const RUN_RECORD = 'run.json';

/** The run's record beside its outputs: what ran, and how it ended (the script's own exit code included). */
function writeRunRecord(outputsDir: string, record: Record<string, unknown>): void {
  try {
    writeFileSync(
      join(outputsDir, RUN_RECORD),
      `${JSON.stringify({ ...record, finishedAt: new Date().toISOString() }, null, 2)}\n`,
    );
  } catch (err) {
    process.stderr.write(
      `amlenv: could not write ${join(outputsDir, RUN_RECORD)} (${(err as NodeJS.ErrnoException).code ?? 'error'}); the outputs are there nonetheless\n`,
    );
  }
}

/** The check-env table and verdict; the exit code is 1 when any check failed (or the report is missing). */
function printCheckReport(outputsDir: string, exitCode: number): number {
  const file = join(outputsDir, 'outputs', 'env-report.json');
  const report = existsSync(file) ? parseReport(readFileSync(file, 'utf8')) : undefined;
  if (!report) {
    process.stderr.write(
      `${red('amlenv:')} the environment check wrote no report (exit ${exitCode}); see ${join(outputsDir, 'user_logs', 'std_log.txt')}\n`,
    );
    return EXIT.invalid;
  }
  process.stdout.write(`${formatTable(reportRows(report))}\n`);
  const line = verdict(report);
  process.stdout.write(`${report.ok ? green(line) : red(line)}\n`);
  return report.ok ? EXIT.ok : EXIT.invalid;
}

export { DEFAULT_TIMEOUT_SECONDS };

/** Milliseconds, or undefined for no limit (--timeout 0). */
export function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(`--timeout must be a number of seconds (0 for no limit), not "${text}"`);
  return seconds === 0 ? undefined : Math.max(1, Math.round(seconds * 1000));
}

function assertFreshFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UsageError(`--outputs ${dir} is a file; give a new or empty folder`);
  if (readdirSync(dir).length > 0)
    throw new UsageError(
      `--outputs ${dir} is not empty; give a new or empty folder (amlenv never writes over earlier outputs)`,
    );
}

const isDirectory = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

export default command;
