// Where `amlenv run`'s SCRIPT is. As in Azure ML (ScriptRunConfig(source_directory="src", script="main.py"),
// or `code: src` with `command: python main.py`), the script is named relative to the source directory; a
// path that exists from the current folder is accepted too.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../util/errors.js';

export interface ScriptLocation {
  /** The snapshot folder. */
  sourceDir: string;
  /** The script inside the snapshot, with forward slashes (how the container sees it, from the working folder). */
  inSnapshot: string;
}

const isFile = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** The script's place in the snapshot; a usage error naming every place tried when it is in none of them. */
export function resolveScript(script: string, sourceDir: string | undefined): ScriptLocation {
  if (sourceDir === undefined) {
    if (!isFile(script))
      throw new UsageError(
        `${script}: no such script (looked for ${resolve(script)}); give the path of the file to run, or --source-dir DIR with the script relative to it`,
      );
    return { sourceDir: dirname(script), inSnapshot: inside(script, dirname(script)) };
  }
  const underSource = isAbsolute(script) ? undefined : join(sourceDir, script);
  if (underSource !== undefined && isFile(underSource))
    return { sourceDir, inSnapshot: inside(underSource, sourceDir) };
  if (isFile(script)) {
    const rel = relative(resolve(sourceDir), resolve(script));
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw new UsageError(
        `${script} is outside the source directory ${sourceDir}; the script must be part of the snapshot (name it relative to --source-dir, or pass a --source-dir that holds it)`,
      );
    }
    return { sourceDir, inSnapshot: inside(script, sourceDir) };
  }
  const tried = [
    underSource && `${underSource} (relative to --source-dir, as Azure ML reads it)`,
    `${script} (from the current folder)`,
  ]
    .filter(Boolean)
    .join(' and ');
  throw new UsageError(
    `${script}: no such script; tried ${tried}; give the script's path relative to --source-dir ${sourceDir}`,
  );
}

const inside = (file: string, dir: string): string => relative(resolve(dir), resolve(file)).split(sep).join('/');
