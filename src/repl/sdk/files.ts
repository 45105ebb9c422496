// File access for SDK calls, relative to the REPL's folder, failing with the errors Python raises.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { YAMLError, parse } from 'yaml';
import { guardFor, refusalMessage } from '../../env/containment.js';
import { errorCode, errorMessage } from '../../util/errors.js';
import { PyError } from '../errors.js';
import { reprStr } from '../values.js';

export const resolvePath = (cwd: string, path: string): string => (isAbsolute(path) ? path : resolve(cwd, path));

export function isFile(cwd: string, path: string): boolean {
  try {
    return statSync(resolvePath(cwd, path)).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(cwd: string, path: string): boolean {
  try {
    return statSync(resolvePath(cwd, path)).isDirectory();
  } catch {
    return false;
  }
}

export function exists(cwd: string, path: string): boolean {
  try {
    statSync(resolvePath(cwd, path));
    return true;
  } catch {
    return false;
  }
}

/** Reads a text file like Python's open(path).read(). */
export function readText(cwd: string, path: string): string {
  const full = resolvePath(cwd, path);
  assertInsideProject(cwd, path);
  try {
    return readFileSync(full, 'utf8');
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EISDIR') throw new PyError('IsADirectoryError', `[Errno 21] Is a directory: ${reprStr(path)}`);
    if (code === 'EACCES') throw new PyError('PermissionError', `[Errno 13] Permission denied: ${reprStr(path)}`);
    throw new PyError(
      'FileNotFoundError',
      `[Errno 2] No such file or directory: ${reprStr(path)} (the REPL reads files relative to ${cwd})`,
    );
  }
}

/** The REPL reads files only inside its project (the repository or folder it runs in), as the loaders do. */
export function assertInsideProject(cwd: string, path: string): void {
  const refusal = guardFor(cwd, { cwd }).check(resolvePath(cwd, path));
  if (refusal)
    throw new PyError(
      'PermissionError',
      `${refusalMessage('the file', path, refusal)}${refusal.kind === 'outside' ? ' (start amlenv repl --allow-outside to read it)' : ''}`,
    );
}

/** Reads a YAML file; a syntax error becomes the YAML library's error with its line. */
export function readYaml(cwd: string, path: string): unknown {
  const text = readText(cwd, path);
  try {
    return parse(text);
  } catch (err) {
    const at = err instanceof YAMLError ? err.linePos?.[0] : undefined;
    const where = at ? ` (${path}, line ${at.line}, column ${at.col})` : ` (${path})`;
    throw new PyError('YAMLError', `${errorMessage(err)}${where}`);
  }
}

/** Python's str.splitlines(): no empty last item for a final newline. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n|\v|\f|\x1c|\x1d|\x1e|\x85|\u2028|\u2029/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
