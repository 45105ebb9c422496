// Scriptable mode: statements from a stream, one per line (a statement left open by a bracket or a
// triple-quoted string continues on the next lines). Results and :show output go to stdout; warnings,
// notes and errors to stderr; the run goes on after an error and exits 1 when any statement failed.
import { changeLines, scriptErrorLines } from './format.js';
import type { OutLine, ReplSession } from './session.js';

export interface ScriptOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const TO_STDOUT = new Set(['result', 'print', 'data']);

function write(out: ScriptOutput, line: OutLine): void {
  if (TO_STDOUT.has(line.kind)) out.stdout(`${line.text}\n`);
  else if (line.kind === 'warning') out.stderr(`warning: ${line.text}\n`);
  else if (line.kind === 'note') out.stderr(`note: ${line.text}\n`);
  else out.stderr(`${line.text}\n`);
}

/** Runs every statement; returns the exit code (0, or 1 when a statement failed). */
export async function runScript(
  lines: AsyncIterable<string> | Iterable<string>,
  session: ReplSession,
  out: ScriptOutput,
): Promise<number> {
  let failed = false;
  let pending: string[] = [];
  let start = 0;
  let lineNumber = 0;
  const execute = async (source: string, first: number): Promise<boolean> => {
    const result = await session.run(source);
    for (const line of result.lines) write(out, line);
    // A session that tracks changes (as the prompt does) reports them here too: the fields and the new findings.
    if (result.change) for (const line of changeLines(result.change)) out.stderr(`  ${line.text}\n`);
    if (result.status === 'error') {
      failed = true;
      if (result.error) for (const text of scriptErrorLines(result.error, first)) out.stderr(`${text}\n`);
    }
    return result.status === 'quit';
  };
  for await (const raw of lines) {
    lineNumber++;
    const line = (lineNumber === 1 ? raw.replace(/^\ufeff/, '') : raw).replace(/\r$/, '');
    if (pending.length === 0) start = lineNumber;
    pending.push(line);
    const source = pending.join('\n');
    if (session.needsMore(source)) continue;
    pending = [];
    if (await execute(source, start)) return failed ? 1 : 0;
  }
  if (pending.length > 0) await execute(pending.join('\n'), start);
  return failed ? 1 : 0;
}
