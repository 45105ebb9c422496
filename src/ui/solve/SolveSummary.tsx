import { Box, Text } from 'ink';
import { safeLine } from '../../util/safe-text.js';
import {
  ACCENT_COLOR,
  ATTENTION_COLOR,
  FAIL_MARK,
  OK_MARK,
  outcomeColor,
  SEVERITY_COLOR,
  SEVERITY_MARK,
} from '../components/theme.js';
import type { SolveNowView } from './use-solve-now.js';

/** The outcome of "Solve now", shown with the other findings. Nothing while probing or unavailable. */
export function SolveSummary({ view, maxProblems = 3 }: { view: SolveNowView; maxProblems?: number }) {
  if (view.status === 'solving') {
    return (
      <Text color={ACCENT_COLOR} wrap="truncate-end">
        {view.download
          ? `Solve: downloading the channel index ${safeLine(view.download)}…`
          : 'Solve: solving the conda dependencies against their channels…'}
      </Text>
    );
  }
  if (view.status === 'failed')
    return <Text color={ATTENTION_COLOR} wrap="truncate-end">{`Solve: ${safeLine(view.message)}`}</Text>;
  if (view.status !== 'done') return null;
  const secs = view.seconds < 10 ? view.seconds.toFixed(1) : view.seconds.toFixed(0);
  const python = view.packages.find((p) => p.name === 'python');
  const head = view.solved
    ? `Solve: ${OK_MARK} solved in ${secs} s — ${view.packages.length} packages${python ? `, python ${python.version}` : ''}`
    : `Solve: ${FAIL_MARK} cannot be solved (${secs} s)`;
  return (
    <Box flexDirection="column">
      <Text
        color={outcomeColor(view.solved && !view.problems.some((p) => p.severity === 'error'))}
        bold
        wrap="truncate-end"
      >
        {head}
      </Text>
      {view.problems.slice(0, maxProblems).map((p, i) => (
        <Box key={i} flexDirection="column">
          <Text
            color={SEVERITY_COLOR[p.severity]}
            wrap="wrap"
          >{`  ${SEVERITY_MARK[p.severity]} ${safeLine(p.where)}: ${safeLine(p.message)}`}</Text>
          <Text dimColor wrap="wrap">{`    fix: ${safeLine(p.hint)}`}</Text>
        </Box>
      ))}
      {view.problems.length > maxProblems ? (
        <Text dimColor>{`  … ${view.problems.length - maxProblems} more (amlenv solve FILE shows them all)`}</Text>
      ) : null}
    </Box>
  );
}
