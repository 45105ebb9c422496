import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildAndRun, DEFAULT_TIMEOUT_SECONDS, RUN_RECORD } from '../job/build-and-run.js';
import { findSample } from '../samples/mounts.js';
import { type CheckReport, formatTable, reportRows, verdict } from '../samples/report.js';
import { DEFAULT_SAMPLE } from '../samples/samples.js';
import { green, red } from '../util/color.js';
import { EXIT, UsageError } from '../util/errors.js';
import { safeLine } from '../util/safe-text.js';
import { reportJobError, withInterrupt } from './build.js';
import { formatErrors } from './dockerfile.js';
import { commandProgress } from './job-progress.js';
import type { Command } from './types.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

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
    const timeoutMs = parseTimeout(text(values.timeout));
    if (script && values.sample) throw new UsageError('give a SCRIPT or --sample NAME, not both');
    // No script: a bundled sample runs, check-env by default (it proves the definition's promises).
    const sample = script ? undefined : findSample(text(values.sample) ?? DEFAULT_SAMPLE);
    const checking = sample?.name === DEFAULT_SAMPLE;
    const progress = await commandProgress();
    let outcome: Awaited<ReturnType<typeof buildAndRun>>;
    try {
      outcome = await withInterrupt((signal) =>
        buildAndRun(
          {
            definition: path,
            run: {
              script,
              sample,
              sourceDir: text(values['source-dir']),
              args: rest,
              network: Boolean(values.network),
              timeoutMs,
              outputsDir: text(values.outputs),
              // check-env's own lines go to user_logs/std_log.txt; the table below says the same, shorter
              stdout: checking ? new Writable({ write: (_c, _e, done) => done() }) : process.stdout,
              stderr: process.stderr,
            },
          },
          progress.listener,
          signal,
        ),
      );
    } catch (err) {
      await progress.stop();
      return reportJobError(err);
    }
    await progress.stop();

    switch (outcome.kind) {
      case 'invalid':
        process.stderr.write(
          `${formatErrors(path, outcome)}\namlenv: ${path} has errors, so nothing was built or run; fix them first (amlenv validate ${path})\n`,
        );
        return EXIT.invalid;
      case 'snapshot-refused':
        process.stderr.write(
          `amlenv: ${outcome.message}; Azure ML would refuse it too\n  largest:\n${outcome.offenders.map((o) => `    ${safeLine(o)}\n`).join('')}  fix: list what the job does not need in ${join(outcome.sourceDir, '.amlignore')} (it wins over .gitignore), or pass a smaller --source-dir\n`,
        );
        return EXIT.invalid;
      case 'built':
        throw new Error('amlenv run ended without running the job');
      case 'ran':
        break;
    }
    const { result, outputsDir } = outcome;
    if (result.timedOut) {
      process.stderr.write(
        `${red('amlenv:')} the script ran longer than --timeout ${(timeoutMs ?? 0) / 1000} s and was stopped; raise --timeout (0 for no limit) or make the script faster\n`,
      );
      return EXIT.invalid;
    }
    if (outcome.checked) return printCheckReport(outputsDir, result.exitCode, outcome.report);
    if (result.exitCode !== 0) {
      // The contract keeps 1 for a failed job (3 is Docker's, 130 Ctrl-C's): the script's own code is told, not returned.
      process.stderr.write(
        `${red('amlenv:')} the script failed with exit code ${result.exitCode}${result.oomKilled ? ' (killed: out of memory)' : ''}; see ${join(outputsDir, 'user_logs', 'std_log.txt')} (the code is kept in ${join(outputsDir, RUN_RECORD)})\n`,
      );
      return EXIT.invalid;
    }
    return EXIT.ok;
  },
};

/** The check-env table and verdict; the exit code is 1 when any check failed (or the report is missing). */
function printCheckReport(outputsDir: string, exitCode: number, report: CheckReport | undefined): number {
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

export default command;
