import { Box, Text, useInput, useStdin } from 'ink';
import { safeLine } from '../../util/safe-text.js';
import { useEffect, useRef, useState } from 'react';
import { buildAndRun, DEFAULT_TIMEOUT_SECONDS, type JobOutcome } from '../../job/build-and-run.js';
import type { JobEvent } from '../../job/events.js';
import { loadSamples, type Sample } from '../../samples/samples.js';
import { errorMessage } from '../../util/errors.js';
import { BuildProgress } from './BuildProgress.js';
import { initialBuildView, reduceBuildView, type BuildViewState } from './progress-state.js';
import { Footer } from '../components/Footer.js';
import { PathPrompt } from '../components/PathPrompt.js';
import { pressed } from '../keys.js';
import { CheckTable } from './CheckTable.js';
import { SolveSummary } from '../solve/SolveSummary.js';
import { useSolveNow } from '../solve/use-solve-now.js';
import { FAIL_COLOR, outcomeColor } from '../components/theme.js';

export type JobChoice = { sample: Sample } | { script: string };
type Ran = Extract<JobOutcome, { kind: 'ran' }>;

type Stage =
  | { id: 'path' }
  | { id: 'action'; path: string }
  | { id: 'script'; path: string }
  | { id: 'running'; path: string; choice: JobChoice }
  | { id: 'done'; path: string; choice: JobChoice; result?: Ran; error?: string };

interface Props {
  width: number;
  height: number;
  /** A definition to start with (the wizard's "build and check" passes the file it wrote). */
  path?: string;
  /** Start the environment check right away. */
  autoCheck?: boolean;
  /** Where run folders go (default amlenv-runs/ in the current folder). */
  outputsRoot?: string;
  onBack: () => void;
}

/** Build & run in the app: pick a definition and a job, watch the pull, build and run, read the result. */
export function BuildRunScreen({ width, height, path, autoCheck, outputsRoot, onBack }: Props) {
  const { isRawModeSupported } = useStdin();
  const samples = loadSamples();
  const [stage, setStage] = useState<Stage>(
    path
      ? autoCheck
        ? { id: 'running', path, choice: { sample: samples[0] } }
        : { id: 'action', path }
      : { id: 'path' },
  );
  const [focus, setFocus] = useState(0);
  const [view, setView] = useState<BuildViewState>(initialBuildView);
  const abort = useRef<AbortController | undefined>(undefined);

  // "Solve now": offered once the definition's conda channels answer; needs no Docker
  const solvePath = stage.id === 'path' ? undefined : stage.path;
  const solveNow = useSolveNow(() => solvePath, solvePath ?? '', stage.id === 'action');
  const solveOffered = !['probing', 'unavailable'].includes(solveNow.view.status);
  const actions: Array<{ label: string; choice?: JobChoice; solve?: boolean }> = [
    ...samples.map((s) => ({
      label:
        s.name === 'check-env'
          ? 'Check the environment (does the image hold what it declares?)'
          : `Run the sample "${s.name}": ${s.summary}`,
      choice: { sample: s },
    })),
    { label: 'Run a script of my own…' },
    ...(solveOffered
      ? [{ label: 'Solve now: the conda dependencies against their channels (no Docker needed)', solve: true }]
      : []),
  ];

  useEffect(() => {
    if (stage.id !== 'running') return;
    const controller = new AbortController();
    abort.current = controller;
    setView(initialBuildView);
    const onEvent = (event: JobEvent) => setView((v) => reduceBuildView(v, event));
    const run = 'sample' in stage.choice ? { sample: stage.choice.sample } : { script: stage.choice.script };
    buildAndRun(
      { definition: stage.path, run: { ...run, timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000, outputsRoot } },
      onEvent,
      controller.signal,
    ).then(
      (outcome) =>
        setStage(
          outcome.kind === 'ran'
            ? { id: 'done', path: stage.path, choice: stage.choice, result: outcome }
            : { id: 'done', path: stage.path, choice: stage.choice, error: problem(stage.path, outcome) },
        ),
      (err: unknown) =>
        setStage({
          id: 'done',
          path: stage.path,
          choice: stage.choice,
          error: controller.signal.aborted
            ? 'stopped; nothing it created was left behind'
            : safeLine(errorMessage(err)),
        }),
    );
    return () => controller.abort();
  }, [stage.id === 'running' ? stage : undefined]);

  useInput(
    (input, key) => {
      if (stage.id === 'action') {
        if (pressed('up', input, key)) setFocus((f) => (f - 1 + actions.length) % actions.length);
        else if (pressed('down', input, key)) setFocus((f) => (f + 1) % actions.length);
        else if (pressed('select', input, key)) {
          const a = actions[focus];
          if (a.solve) return solveNow.start();
          setStage(
            a.choice ? { id: 'running', path: stage.path, choice: a.choice } : { id: 'script', path: stage.path },
          );
        } else if (pressed('back', input, key)) setStage({ id: 'path' });
        else if (pressed('quit', input, key)) onBack();
      } else if (stage.id === 'running') {
        if (pressed('back', input, key) || pressed('quit', input, key)) abort.current?.abort();
      } else if (stage.id === 'done') {
        if (pressed('select', input, key)) setStage({ id: 'running', path: stage.path, choice: stage.choice });
        else if (pressed('back', input, key)) setStage({ id: 'action', path: stage.path });
        else if (pressed('quit', input, key)) onBack();
      }
    },
    {
      isActive: Boolean(isRawModeSupported) && (stage.id === 'action' || stage.id === 'running' || stage.id === 'done'),
    },
  );

  if (stage.id === 'path' || stage.id === 'script') {
    return (
      <Box flexDirection="column">
        <Text bold>Build & run</Text>
        <Text dimColor>
          {stage.id === 'path'
            ? 'The environment definition to build (any format). Needs a running Docker daemon.'
            : 'The script to run; its folder is the snapshot (mind .amlignore).'}
        </Text>
        <PathPrompt
          label={stage.id === 'path' ? 'Definition:' : 'Script:'}
          onSubmit={(p) =>
            stage.id === 'path'
              ? setStage({ id: 'action', path: p })
              : setStage({ id: 'running', path: stage.path, choice: { script: p } })
          }
          onCancel={() => (stage.id === 'path' ? onBack() : setStage({ id: 'action', path: stage.path }))}
        />
        <Footer keys={['complete', 'select', 'back']} labels={{ select: 'next' }} />
      </Box>
    );
  }
  if (stage.id === 'action') {
    return (
      <Box flexDirection="column">
        <Text bold wrap="truncate-start">{`Build & run: ${stage.path}`}</Text>
        <Text dimColor>
          The image is built the way Azure ML builds it (reused when the definition has not changed).
        </Text>
        {actions.map((a, i) => (
          <Text key={a.label} inverse={i === focus} wrap="truncate-end">
            {i === focus ? '▸ ' : '  '}
            {a.label}
          </Text>
        ))}
        <SolveSummary view={solveNow.view} />
        <Footer
          keys={['up', 'select', 'back', 'quit']}
          labels={{ select: 'start', back: 'other file', quit: 'home' }}
        />
      </Box>
    );
  }
  const paneLines = Math.max(3, Math.floor((height - 12) / 2));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-start">{`Build & run: ${stage.path}`}</Text>
      <BuildProgress state={view} paneLines={paneLines} barWidth={Math.min(24, Math.floor(width / 4))} />
      {stage.id === 'done' && stage.result?.report ? (
        <CheckTable report={stage.result.report} width={width} height={paneLines + 2} />
      ) : null}
      {stage.id === 'done' && stage.error ? (
        <Text color={FAIL_COLOR} wrap="wrap">
          {stage.error}
        </Text>
      ) : null}
      {stage.id === 'done' && stage.result && !stage.result.report ? (
        <Text color={outcomeColor(stage.result.result.exitCode === 0)}>
          {stage.result.result.timedOut
            ? 'the script was stopped: it ran too long'
            : `the script exited with ${stage.result.result.exitCode}`}
        </Text>
      ) : null}
      <Footer
        keys={stage.id === 'running' ? ['back'] : ['select', 'back', 'quit']}
        labels={stage.id === 'running' ? { back: 'stop' } : { select: 'run again', back: 'other job', quit: 'home' }}
      />
    </Box>
  );
}

/** Why a job did not run, in one line for the screen. */
function problem(path: string, outcome: Exclude<JobOutcome, { kind: 'ran' }>): string {
  if (outcome.kind === 'snapshot-refused')
    return safeLine(`${outcome.message}; list what the job does not need in .amlignore`);
  if (outcome.kind === 'built') return 'the image was built, but the job did not run';
  const first = outcome.diagnostics.find((d) => d.severity === 'error');
  return safeLine(
    `${path} has errors, so nothing was built: ${first ? `${first.path}: ${first.message} [${first.rule}]` : 'see amlenv validate'}`,
  );
}
