// A build-and-run from the app: the same steps as `amlenv run`, reporting through events instead of printing,
// and failing with one-line messages the screen shows.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Writable } from 'node:stream';
import { ensureImage } from '../../build/ensure-image.js';
import type { JobListener } from '../../build/events.js';
import { safeRepositoryName } from '../../build/plan.js';
import { prepareDefinition } from '../../build/prepare.js';
import { DEFAULT_TIMEOUT_SECONDS, runJob } from '../../build/run-job.js';
import { connectDocker } from '../../docker/client.js';
import { sampleMounts, sampleScriptInContainer } from '../../samples/mounts.js';
import { parseReport, type CheckReport } from '../../samples/report.js';
import { DEFAULT_SAMPLE, type Sample } from '../../samples/samples.js';
import { checkSnapshot } from '../../snapshot/limits.js';
import { scanSource } from '../../snapshot/source.js';

export type JobChoice = { sample: Sample } | { script: string };

export interface AppJobResult {
  exitCode: number;
  timedOut: boolean;
  outputsDir: string;
  report?: CheckReport;
}

const quiet = () => new Writable({ write: (_c, _e, done) => done() });

export async function runFromApp(
  path: string,
  choice: JobChoice,
  onEvent: JobListener,
  signal: AbortSignal,
  outputsRoot = 'amlenv-runs',
): Promise<AppJobResult> {
  const connecting = connectDocker();
  connecting.catch(() => undefined);
  const prepared = await prepareDefinition(path);
  if (!prepared.ok) {
    const first = prepared.diagnostics.find((d) => d.severity === 'error');
    throw new Error(
      `${path} has errors, so nothing was built: ${first ? `${first.path}: ${first.message} [${first.rule}]` : 'see amlenv validate'}`,
    );
  }
  const sample = 'sample' in choice ? choice.sample : undefined;
  const emptySource = sample ? mkdtempSync(join(tmpdir(), 'amlenv-source-')) : undefined;
  const sourceDir = emptySource ?? dirname(resolve((choice as { script: string }).script));
  const extra = sample ? sampleMounts(sample, prepared.def.env, path) : undefined;
  try {
    const scan = scanSource(sourceDir);
    const verdict = checkSnapshot(scan);
    if (!verdict.ok) throw new Error(`${verdict.message}; list what the job does not need in .amlignore`);
    const script = sample
      ? sampleScriptInContainer(sample)
      : relative(sourceDir, resolve((choice as { script: string }).script))
          .split(sep)
          .join('/');
    const docker = await connecting;
    const image = (await ensureImage(docker, prepared.inputs, prepared.plan, { signal, onEvent })).tag;
    const runId = `${safeRepositoryName(prepared.inputs.name)}_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
    const outputsDir = join(outputsRoot, runId);
    onEvent({ kind: 'phase', phase: 'run', text: `running ${script} in ${image} (no network)` });
    const result = await runJob(docker, {
      image,
      interpreter: prepared.plan.interpreter,
      script,
      args: [],
      scan,
      env: { ...prepared.inputs.env, ...(extra?.env ?? {}) },
      mounts: extra?.mounts,
      outputsDir,
      runId,
      timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
      stdout: quiet(),
      stderr: quiet(),
      signal,
      onEvent,
    });
    onEvent({
      kind: 'finished',
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      oomKilled: result.oomKilled,
      seconds: result.seconds,
      outputsDir,
      collected: result.collected,
      skipped: result.skipped,
    });
    const reportFile = join(outputsDir, 'outputs', 'env-report.json');
    const report =
      sample?.name === DEFAULT_SAMPLE && existsSync(reportFile)
        ? parseReport(readFileSync(reportFile, 'utf8'))
        : undefined;
    return { exitCode: result.exitCode, timedOut: result.timedOut, outputsDir, report };
  } finally {
    extra?.cleanup();
    if (emptySource) rmSync(emptySource, { recursive: true, force: true });
  }
}
