// The build & run view: pull progress per layer, the build step bar, a log pane, the script's output and where
// the outputs went. Drawn from BuildViewState, which reduceBuildView folds from the same events as the plain lines.
import { Box, Text } from 'ink';
import { useReducer } from 'react';
import type { JobEvent } from '../../job/events.js';
import { formatBytes } from '../../snapshot/limits.js';
import { plural } from '../../util/plural.js';
import { initialBuildView, reduceBuildView, type BuildViewState, type LayerView } from './progress-state.js';
import { ATTENTION_COLOR, FAIL_COLOR, OK_COLOR, outcomeColor } from '../components/theme.js';

export interface BuildProgressProps {
  state: BuildViewState;
  /** Lines shown in the log pane and in the output pane. */
  paneLines?: number;
  /** Width of the progress bars, in cells. */
  barWidth?: number;
}

/** A bar of `width` cells, `fraction` (0..1) of them full. */
export function progressBar(fraction: number, width: number): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const full = Math.round(f * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

const LAYER_DONE = /complete|already exists|^Pull complete|^Download complete/i;

function layerFraction(layer: LayerView): number {
  if (LAYER_DONE.test(layer.status)) return 1;
  if (layer.total && layer.current !== undefined) return layer.current / layer.total;
  return 0;
}

const clip = (text: string, max = 96) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function BuildProgress({ state, paneLines = 8, barWidth = 24 }: BuildProgressProps) {
  const { layers, step, result, failure, finished } = state;
  const logTail = (failure ? failure.tail : state.log).slice(-paneLines);
  const outputTail = state.output.slice(-paneLines);
  return (
    <Box flexDirection="column">
      {state.phase ? <Text bold>{state.phase}</Text> : null}
      {layers.length > 0 ? (
        <Box flexDirection="column">
          {layers.map((layer) => (
            <Text key={layer.id}>
              <Text dimColor>{layer.id.slice(0, 12).padEnd(12)} </Text>
              {progressBar(layerFraction(layer), barWidth)} {layer.status}
              {layer.total ? (
                <Text dimColor>
                  {' '}
                  {formatBytes(layer.current ?? 0)}/{formatBytes(layer.total)}
                </Text>
              ) : null}
            </Text>
          ))}
        </Box>
      ) : null}
      {step ? (
        <Text wrap="truncate-end">
          <Text dimColor>step {`${step.index}/${step.total}`.padEnd(6)} </Text>
          {progressBar((result?.kind === 'built' ? step.total : state.stepsDone) / step.total, barWidth)}{' '}
          {clip(step.instruction, 70)}
          {step.cached ? <Text dimColor> (cached)</Text> : null}
        </Text>
      ) : null}
      {logTail.length > 0 ? (
        <Box flexDirection="column" borderStyle="single" borderDimColor paddingX={1}>
          <Text dimColor>
            {failure
              ? `last lines of step ${failure.step ? `${failure.step.index}/${failure.step.total}` : ''}`
              : 'build log'}
          </Text>
          {logTail.map((line, i) => (
            <Text key={i} wrap="truncate-end">
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
      {result?.kind === 'reused' ? (
        <Text color={OK_COLOR}>up to date: {result.tag} exists already, nothing to build</Text>
      ) : null}
      {result?.kind === 'built' ? (
        <Text color={OK_COLOR}>
          built {result.tag} in {(result.seconds ?? 0).toFixed(1)} s ({result.steps} steps, {result.cachedSteps} from
          cache)
        </Text>
      ) : null}
      {failure ? (
        <Text color={FAIL_COLOR}>
          build failed
          {failure.step
            ? ` at step ${failure.step.index}/${failure.step.total} (${clip(failure.step.instruction, 60)})`
            : ''}
          : {failure.message}
        </Text>
      ) : null}
      {outputTail.length > 0 ? (
        <Box flexDirection="column" borderStyle="single" borderDimColor paddingX={1}>
          <Text dimColor>script output</Text>
          {outputTail.map((line, i) => (
            <Text key={i} color={line.stream === 'stderr' ? ATTENTION_COLOR : undefined} wrap="wrap">
              {line.text}
            </Text>
          ))}
        </Box>
      ) : null}
      {finished ? (
        <Box flexDirection="column">
          <Text color={outcomeColor(finished.exitCode === 0 && !finished.timedOut)}>
            {finished.timedOut
              ? `timed out after ${finished.seconds.toFixed(0)} s: the container was stopped`
              : finished.oomKilled
                ? `out of memory: the script was killed (exit code ${finished.exitCode})`
                : `script exited with ${finished.exitCode} after ${finished.seconds.toFixed(1)} s`}
          </Text>
          {finished.outputsDir ? (
            <Text>
              outputs and logs: <Text bold>{finished.outputsDir}</Text> ({plural(finished.collected ?? 0, 'file')})
            </Text>
          ) : null}
          {(finished.skipped ?? []).map((s) => (
            <Text key={s} color={ATTENTION_COLOR}>
              left behind: {s}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

/** State plus the listener to hand to ensureImage/runJob, for a screen that mounts BuildProgress. */
export function useBuildProgress(): [BuildViewState, (event: JobEvent) => void] {
  const [state, dispatch] = useReducer(reduceBuildView, initialBuildView);
  return [state, dispatch];
}
