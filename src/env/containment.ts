// Where files named inside a definition may be read from. A definition downloaded from the internet must not
// be able to make amlenv read (and print, or copy into a build) ~/.ssh/id_rsa, /etc/shadow or /proc/self/environ.
//
// The containment root is the nearest enclosing repository root of the definition (a folder holding `.git`),
// or else the current folder when it contains the definition, or else the definition's own folder. `../` that
// stays inside the root keeps working. Links are resolved before the check, so a link cannot lead outside.
// `--allow-outside` lifts the root; /proc, /sys and /dev are refused even then.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LoadedDefinition } from './types.js';
import { excerpt, safeLine } from '../util/safe-text.js';

export const OUTSIDE_RULE = 'input/outside-root';

/** Never read, whatever the flags: kernel and device files (endless, blocking or full of secrets). */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

let allowOutsideDefault = false;

/** Set once by the CLI from the global --allow-outside flag; every loader created afterwards follows it. */
export function setAllowOutside(on: boolean): void {
  allowOutsideDefault = on;
}

export const allowOutside = (): boolean => allowOutsideDefault;

export interface Refusal {
  /** 'system': under /proc, /sys or /dev (refused always); 'outside': outside the root (refused without --allow-outside). */
  kind: 'system' | 'outside';
  /** The path as resolved on disk (links followed). */
  real: string;
  root: string;
}

export interface PathGuard {
  root: string;
  allowOutside: boolean;
  /** Undefined when the path may be read. */
  check(path: string): Refusal | undefined;
}

/** realpath of a path that may not exist (yet): the nearest existing ancestor is resolved, the rest appended. */
export function realPath(path: string): string {
  const absolute = resolve(path);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return rest.length ? join(realpathSync.native(current), ...rest.reverse()) : realpathSync.native(current);
    } catch {
      const parent = dirname(current);
      if (parent === current) return absolute;
      rest.push(basename(current));
      current = parent;
    }
  }
}

/** True when `path` is `root` or lies below it (both already resolved). */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export function isSystemPath(real: string): boolean {
  return SYSTEM_ROOTS.some((root) => isInside(real, root));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The nearest folder at or above `dir` that holds `.git`; the home folder and `/` never count (a dotfiles repo would hold ~/.ssh). */
export function repositoryRoot(dir: string): string | undefined {
  const home = resolve(homedir());
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (d !== home && d !== dirname(d) && existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** The containment root for a definition file or folder (see the top of this file). */
export function containmentRoot(definition: string, cwd: string = process.cwd()): string {
  const absolute = resolve(cwd, definition);
  const dir = isDirectory(absolute) ? absolute : dirname(absolute);
  const repo = repositoryRoot(dir);
  if (repo) return realPath(repo);
  const realCwd = realPath(cwd);
  const realDir = realPath(dir);
  // A current folder of / or the home folder would contain every secret on the machine: it never counts.
  const broad = realCwd === dirname(realCwd) || realCwd === realPath(homedir());
  return !broad && isInside(realDir, realCwd) ? realCwd : realDir;
}

/** Checks one path against a root (resolved with realPath). */
export function checkPath(path: string, root: string, allow: boolean): Refusal | undefined {
  const real = realPath(path);
  if (isSystemPath(real) || isSystemPath(resolve(path))) return { kind: 'system', real, root };
  if (!allow && !isInside(real, root)) return { kind: 'outside', real, root };
  // A definition kept directly in the home folder has it as its root: its dot-folders (~/.ssh, ~/.aws,
  // ~/.docker, ~/.config) still stay out of reach.
  if (!allow && root === realPath(homedir()) && relative(root, real).split(sep)[0].startsWith('.'))
    return { kind: 'outside', real, root };
  return undefined;
}

export function guardForRoot(root: string, allow: boolean = allowOutsideDefault): PathGuard {
  const realRoot = realPath(root);
  return { root: realRoot, allowOutside: allow, check: (path) => checkPath(path, realRoot, allow) };
}

/** The guard for files named inside the definition at `definition` (a file or a v1 folder). */
export function guardFor(definition: string, options: { allowOutside?: boolean; cwd?: string } = {}): PathGuard {
  return guardForRoot(containmentRoot(definition, options.cwd), options.allowOutside ?? allowOutsideDefault);
}

/** One line for a diagnostic or an error: what was refused and why, without reading the file. */
export function refusalMessage(what: string, shown: string, refusal: Refusal): string {
  // The path is input: escaped and cut short here, so every screen that shows the message is safe.
  const path = excerpt(shown, 200);
  if (refusal.kind === 'system') return `${what} "${path}" is under /proc, /sys or /dev; amlenv never reads those`;
  const real = refusal.real !== resolve(shown) ? ` (it resolves to ${excerpt(refusal.real, 200)})` : '';
  return `${what} "${path}" is outside the project folder ${safeLine(refusal.root)}${real}, so it was not read`;
}

export function refusalHint(refusal: Refusal): string {
  return refusal.kind === 'system'
    ? 'point it at a regular file inside the project; /proc, /sys and /dev are refused even with --allow-outside'
    : 'move the file into the project (the repository or the current folder), or pass ' +
        '--allow-outside if you trust this definition';
}

/**
 * Records a refusal as an `input/outside-root` error on the definition and returns true when `path` must not be
 * read; `field` is the model path the file was named at, `shown` the path as the definition wrote it.
 */
export function refuseOutside(
  def: LoadedDefinition,
  guard: PathGuard | undefined,
  path: string,
  field: string,
  what: string,
  shown: string,
): boolean {
  const refusal = guard?.check(path);
  if (!refusal) return false;
  def.problems.push({
    rule: OUTSIDE_RULE,
    severity: 'error',
    path: field,
    message: refusalMessage(what, shown, refusal),
    hint: refusalHint(refusal),
  });
  return true;
}
