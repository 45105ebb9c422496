import { Box, Text } from 'ink';
import { reportRows, verdict, type CheckReport } from '../../samples/report.js';
import { FAIL_COLOR, FAIL_MARK, outcomeColor } from '../components/theme.js';

/** The environment check as `amlenv run` prints it: ✓/✗, package, declared, found, and the verdict. */
export function CheckTable({ report, width, height }: { report: CheckReport; width: number; height: number }) {
  const rows = reportRows(report);
  const failed = rows.filter((r) => r[0] === FAIL_MARK);
  const shown = [...failed, ...rows.filter((r) => r[0] !== FAIL_MARK)].slice(0, Math.max(3, height));
  const w1 = Math.min(28, Math.max(8, ...rows.map((r) => r[1].length)));
  const w2 = Math.min(24, Math.max(8, ...rows.map((r) => r[2].length)));
  return (
    <Box flexDirection="column">
      <Text bold>{`  ${'package'.padEnd(w1)}  ${'declared'.padEnd(w2)}  found`}</Text>
      {/* Nothing is cut: a long name, version or note wraps onto the next line instead of ending in "…". */}
      {shown.map((r, i) => (
        <Box key={i} width={width}>
          <Text color={r[0] === FAIL_MARK ? FAIL_COLOR : undefined} wrap="wrap">
            {`${r[0]} ${r[1].padEnd(w1)}  ${r[2].padEnd(w2)}  ${r[3]}`}
          </Text>
        </Box>
      ))}
      {rows.length > shown.length ? (
        <Text dimColor>{`  … ${rows.length - shown.length} more passed checks`}</Text>
      ) : null}
      <Text bold color={outcomeColor(report.ok)} wrap="wrap">
        {verdict(report)}
      </Text>
    </Box>
  );
}
