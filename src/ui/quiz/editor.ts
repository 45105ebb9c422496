// Opens the learner's $EDITOR (or $VISUAL) on a copy of the exercise file, with the terminal handed over:
// raw mode off while the editor runs, back on after. The app is blocked meanwhile, so keys go to the editor.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const editorCommand = (env: NodeJS.ProcessEnv = process.env): string | undefined =>
  (env.VISUAL || env.EDITOR || '').trim() || undefined;

export interface EditorOutcome {
  /** The saved text; undefined when the editor failed or was quit without saving (non-zero exit). */
  text?: string;
  problem?: string;
}

export function editInExternalEditor(
  text: string,
  fileName: string,
  command: string,
  stdin: NodeJS.ReadStream & { setRawMode?: (on: boolean) => unknown },
  stdout: NodeJS.WriteStream,
): EditorOutcome {
  const dir = mkdtempSync(join(tmpdir(), 'amlenv-fix-'));
  const file = join(dir, fileName);
  writeFileSync(file, text);
  const raw = Boolean(stdin.isTTY && stdin.isRaw);
  try {
    if (raw) stdin.setRawMode?.(false);
    // The command may carry arguments ("code --wait"), so a shell runs it, with the file as "$1".
    const r =
      process.platform === 'win32'
        ? spawnSync(`${command} "${file}"`, { stdio: 'inherit', shell: true })
        : spawnSync('sh', ['-c', `${command} "$1"`, 'sh', file], { stdio: 'inherit' });
    if (r.error) return { problem: `could not start the editor "${command}": ${r.error.message.split('\n')[0]}` };
    if (r.status !== 0)
      return { problem: `the editor "${command}" exited with code ${r.status}; the file is unchanged` };
    return { text: readFileSync(file, 'utf8') };
  } finally {
    if (raw) stdin.setRawMode?.(true);
    // Clear what the editor left on screen so the app redraws on a clean terminal.
    if (stdout.isTTY) stdout.write('\u001b[2J\u001b[H');
    rmSync(dir, { recursive: true, force: true });
  }
}
