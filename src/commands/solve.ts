import { existsSync, statSync } from 'node:fs';
import { ChannelUnreachable } from '../solve/index-download.js';
import { formatReport, reportJson } from '../solve/format.js';
import { progressReporter } from '../solve/progress.js';
import { NotSolvable, loadForSolve, solveDefinition } from '../solve/solve-definition.js';
import { renderLock } from '../solve/lock.js';
import { EnvironmentProblem, EXIT, InvalidInput, UsageError } from '../util/errors.js';
import { writeFileAtomic } from '../util/write-files.js';
import type { Command } from './types.js';
import { stringListOption, stringOption } from './options.js';

const command: Command = {
  options: {
    channel: { type: 'string', multiple: true },
    platform: { type: 'string' },
    lock: { type: 'string' },
    force: { type: 'boolean' },
    refresh: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  minPositionals: 1,
  maxPositionals: 1,
  async run({ positionals, values }) {
    const [path] = positionals;
    if (!existsSync(path)) throw new UsageError(`${path}: no such file or folder; check the path`);
    const lockPath = typeof values.lock === 'string' ? values.lock : undefined;
    if (lockPath !== undefined) {
      if (!lockPath) throw new UsageError('--lock needs a file name, e.g. --lock conda.lock.yml');
      if (existsSync(lockPath) && statSync(lockPath).isDirectory())
        throw new UsageError(
          `--lock ${lockPath} is a folder; give a file name, e.g. --lock ${lockPath.replace(/(?<!\/)\/+$/, '')}/conda.lock.yml`,
        );
      if (existsSync(lockPath) && values.force !== true)
        throw new UsageError(`${lockPath} already exists; choose another --lock FILE, or pass --force to replace it`);
    }
    const channels = stringListOption(values, 'channel');
    for (const c of channels)
      if (!c.trim()) throw new UsageError('--channel needs a channel name or URL, e.g. --channel conda-forge');
    const progress = progressReporter(process.stderr);
    let report: Awaited<ReturnType<typeof solveDefinition>>;
    try {
      const def = loadForSolve(path);
      report = await solveDefinition(def, {
        channels,
        platform: stringOption(values, 'platform'),
        refresh: values.refresh === true,
        onProgress: progress.onProgress,
      });
    } catch (err) {
      if (err instanceof NotSolvable) {
        if (err.kind === 'invalid') throw new InvalidInput(err.message);
        throw new UsageError(err.message);
      }
      if (err instanceof ChannelUnreachable) throw new EnvironmentProblem(err.message);
      throw err;
    } finally {
      progress.finish();
    }
    for (const index of report.indexes) {
      if (index.stale)
        process.stderr.write(
          `amlenv: ${index.url} did not answer (${index.stale.reason}); using the copy cached ${new Date(index.stale.checkedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC\n`,
        );
    }
    const errors = report.diagnostics.some((d) => d.severity === 'error');
    let lockWritten: string | undefined;
    if (lockPath && report.solved && !errors) {
      const pip = report.deps.pip.map((p) => p.raw);
      writeFileAtomic(
        lockPath,
        renderLock({
          name: report.name,
          records: report.records,
          channels: report.channels,
          platform: report.platform,
          pip,
          source: path,
          solvedAt: new Date(),
        }),
      );
      lockWritten = lockPath;
    }
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ...reportJson(report), lock: lockWritten ?? null }, null, 2)}\n`);
    } else {
      process.stdout.write(`${formatReport(report)}\n`);
      if (lockWritten)
        process.stdout.write(
          `\nwrote ${lockWritten}: ${report.records.length} packages pinned to exact builds; point the definition's conda file at it\n`,
        );
    }
    if (lockPath && !lockWritten) {
      process.stderr.write(
        `amlenv: ${lockPath} was not written: ${report.solved ? 'fix the problems between the pip list and the solve first' : 'the environment cannot be solved'}\n`,
      );
    }
    return report.solved && !errors ? EXIT.ok : EXIT.invalid;
  },
};

export default command;
