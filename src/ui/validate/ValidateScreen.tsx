import { basename, dirname, relative, resolve } from 'node:path';
import { Box, Text, useInput, useStdin } from 'ink';
import { safeDiagnostic, safeLine } from '../../util/safe-text.js';
import { useState } from 'react';
import { loadDefinition } from '../../env/load.js';
import type { Diagnostic, Format } from '../../env/types.js';
import { loadLessons } from '../../learn/content.js';
import { renderMarkdown } from '../../learn/render-markdown.js';
import { findRule } from '../../rules/index.js';
import { validateDefinition } from '../../rules/validate.js';
import { DocView } from '../components/DocView.js';
import { Footer } from '../components/Footer.js';
import { PathPrompt } from '../components/PathPrompt.js';
import { visibleWindow } from '../components/window.js';
import {
  FAIL_COLOR,
  HEADING_COLOR,
  OK_COLOR,
  outcomeColor,
  SEVERITY_COLOR,
  SEVERITY_MARK,
} from '../components/theme.js';
import { useSyncedState } from '../hooks/useSyncedState.js';
import { pressed } from '../keys.js';
import { groupBySection, summary } from '../components/diagnostic-groups.js';

type Result = { path: string; format: Format; diagnostics: Diagnostic[] };

/**
 * The file a finding is in when it is not the file validated (the conda file beside a v2 YAML, a BaseDockerfile,
 * a file of a v1 folder), named from the validated file's folder as `validate` names it; undefined otherwise.
 */
export function findingFile(d: Diagnostic, path: string, main: string | undefined): string | undefined {
  const inFolder = main !== undefined && resolve(main) !== resolve(path) ? main : undefined;
  const file = d.file ?? (d.line !== undefined ? inFolder : undefined);
  if (file === undefined || resolve(file) === resolve(path)) return undefined;
  const base = inFolder ? resolve(path) : dirname(resolve(path));
  return relative(base, resolve(file)) || basename(file);
}

/** Where a finding is, for its line in the list: file:line:column and the field for another file, else field:line. */
function where(d: Diagnostic): string {
  if (d.file === undefined) return `${d.path || 'file'}${d.line ? `:${d.line}` : ''}`;
  return `${d.file}${d.line ? `:${d.line}:${d.column}` : ''}${d.path ? ` ${d.path}` : ''}`;
}

/** The text shown for one diagnostic: what it found, the rule's explanation, and the field's lesson. */
export function explainDiagnostic(d: Diagnostic, width: number): string {
  const rule = findRule(d.rule);
  const lesson = rule ? loadLessons().find((l) => l.id === rule.lesson) : undefined;
  const parts = [
    `${d.severity.toUpperCase()} ${d.rule}${d.file ? ` in ${d.file}` : ''}${d.path ? ` at ${d.path}` : ''}${d.line ? ` (line ${d.line}, column ${d.column})` : ''}`,
    '',
    d.message,
    `Fix: ${d.hint}`,
  ];
  if (rule) parts.push('', `## ${rule.title}`, '', rule.explanation);
  if (lesson) parts.push('', `# Lesson: ${lesson.title}`, '', lesson.body);
  return renderMarkdown(parts.join('\n'), width);
}

export function ValidateScreen({ width, height, onBack }: { width: number; height: number; onBack: () => void }) {
  const { isRawModeSupported } = useStdin();
  const [result, setResult] = useState<Result>();
  const [error, setError] = useState<string>();
  // Read through currentFocus(): Down then Enter in one read opens the finding below, not the one before.
  const [focus, setFocus, currentFocus] = useSyncedState(0);
  const [open, setOpen] = useState<Diagnostic>();

  const check = async (path: string) => {
    const outcome = loadDefinition(path, { job: 'whole' });
    if (!outcome.ok) return setError(safeLine(outcome.message));
    setError(undefined);
    setFocus(0);
    const main = outcome.def.sources[0]?.file;
    const found = await validateDefinition(outcome.def);
    setResult({
      path: safeLine(path),
      format: outcome.def.format,
      // Escaped after the file is named: a file name from the definition is input like any other.
      diagnostics: found.map((d) => {
        const { file: _asLoaded, ...rest } = d;
        const file = findingFile(d, path, main);
        return safeDiagnostic(file === undefined ? rest : { ...rest, file });
      }),
    });
  };

  const items = result ? groupBySection(result.diagnostics).flatMap((g) => g.items) : [];
  useInput(
    (input, key) => {
      if (!result || open) return;
      if (pressed('up', input, key)) setFocus((f) => Math.max(0, f - 1));
      else if (pressed('down', input, key)) setFocus((f) => Math.min(items.length - 1, f + 1));
      else if (pressed('select', input, key) && items[currentFocus()]) setOpen(items[currentFocus()]);
      else if (pressed('back', input, key)) setResult(undefined);
      else if (pressed('quit', input, key)) onBack();
    },
    { isActive: Boolean(isRawModeSupported) && Boolean(result) && !open },
  );

  if (open)
    return (
      <DocView
        title={`${open.rule} — ${open.file ? `${open.file} ` : ''}${open.path || 'file'}`}
        text={explainDiagnostic(open, width - 2)}
        height={height}
        onBack={() => setOpen(undefined)}
      />
    );
  if (!result) {
    return (
      <Box flexDirection="column">
        <Text bold>Validate a file</Text>
        <Text dimColor>
          A v2 environment or command job YAML, an SDK v1 env.json or folder, or a conda file. Tab completes paths.
        </Text>
        <PathPrompt label="Path:" onSubmit={(p) => void check(p)} onCancel={onBack} />
        {error ? (
          <Text color={FAIL_COLOR} wrap="truncate-end">
            {error}
          </Text>
        ) : null}
        <Footer keys={['complete', 'select', 'back']} labels={{ select: 'check', back: 'home' }} />
      </Box>
    );
  }
  const lines: Array<{ text: string; d?: Diagnostic; index?: number }> = [];
  for (const g of groupBySection(result.diagnostics)) {
    lines.push({ text: g.title });
    for (const d of g.items)
      lines.push({
        text: `${SEVERITY_MARK[d.severity]} ${where(d)} ${d.message}`,
        d,
        index: items.indexOf(d),
      });
  }
  const focusLine = Math.max(
    0,
    lines.findIndex((l) => l.index === focus),
  );
  const [start, end] = visibleWindow(lines.length, focusLine, Math.max(3, height - 7));
  const valid = !result.diagnostics.some((d) => d.severity === 'error');
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-start">{`${result.path} (${result.format})`}</Text>
      <Text wrap="truncate-end">
        <Text bold color={outcomeColor(valid)}>
          {valid ? 'valid' : 'invalid'}
        </Text>
        {` — ${summary(result.diagnostics)}`}
      </Text>
      {lines.slice(start, end).map((l, i) => (
        <Text
          key={start + i}
          bold={!l.d}
          inverse={l.index === focus}
          color={l.d ? SEVERITY_COLOR[l.d.severity] : HEADING_COLOR}
          wrap="truncate-end"
        >
          {l.d ? `  ${l.text}` : l.text}
        </Text>
      ))}
      {!lines.length ? <Text color={OK_COLOR}>Nothing to report.</Text> : null}
      <Footer
        keys={['up', 'select', 'back', 'quit']}
        labels={{ select: 'explain', back: 'another file', quit: 'home' }}
      />
    </Box>
  );
}
