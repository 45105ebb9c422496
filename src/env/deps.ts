import { hasPlaceholder } from '../util/placeholder.js';
import type { Json } from './fields.js';
import { fieldLibs } from './libs.js';
import { childPath, isRecord } from './path.js';
import { errorText } from '../util/errors.js';

export interface CondaDep {
  path: string;
  raw: string;
  channel?: string;
  name: string;
  /** The version constraint as conda reads it (`=1.2` → `1.2.*`), when there is one. */
  version?: string;
  build?: string;
  error?: string;
}

export type PipKind = 'requirement' | 'option' | 'url' | 'path';

export interface PipDep {
  path: string;
  raw: string;
  kind: PipKind;
  /** PEP 503-normalized project name, when the entry names one. */
  name?: string;
  specifiers?: Array<{ operator: string; version: string }>;
  error?: string;
}

export interface DepsView {
  /** The conda spec object, when there is one and it is a mapping. */
  spec?: Record<string, Json>;
  specPath: string;
  channels: string[];
  conda: CondaDep[];
  pip: PipDep[];
  /** Paths of the `{pip: [...]}` entries. */
  pipLists: string[];
  /** Dependency items that are neither strings nor a pip list. */
  odd: Array<{ path: string; value: Json }>;
}

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*/;

export function normalizePipName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Splits a conda match spec into channel, name, version and build, and checks each with rattler. */
export function parseMatchSpec(raw: string, path: string): CondaDep {
  const { rattler } = fieldLibs();
  let rest = raw.trim();
  const dep: CondaDep = { path, raw, name: '' };
  if (hasPlaceholder(rest))
    return { ...dep, name: rest, error: 'a template placeholder ({{...}}) instead of a package' };
  const channelSplit = rest.lastIndexOf('::');
  if (channelSplit >= 0) {
    dep.channel = rest.slice(0, channelSplit);
    rest = rest.slice(channelSplit + 2);
  }
  let bracket: string | undefined;
  const bracketAt = rest.indexOf('[');
  if (bracketAt >= 0) {
    if (!rest.endsWith(']')) return { ...dep, name: rest, error: 'unclosed "[" in the match spec' };
    bracket = rest.slice(bracketAt + 1, -1);
    rest = rest.slice(0, bracketAt);
  }
  const name = NAME.exec(rest)?.[0] ?? '';
  dep.name = name.toLowerCase();
  if (!name || !rattler.isPackageName(name))
    return { ...dep, name: rest, error: `"${rest}" is not a conda package name` };
  let tail = rest.slice(name.length).trim();
  if (bracket !== undefined) {
    for (const part of bracket.split(',')) {
      const m = /^\s*(\w+)\s*=\s*['"]?([^'"]*)['"]?\s*$/.exec(part);
      if (!m) return { ...dep, error: `cannot read "[${bracket}]"` };
      if (m[1] === 'version') tail = m[2];
      else if (m[1] === 'build') dep.build = m[2];
    }
  }
  if (!tail) return dep;
  let version: string;
  if (/^=[^=]/.test(tail)) {
    // name=1.2=build: one "=" means "this version or any of its patches"
    const [v, build] = tail.slice(1).split('=');
    version = `=${v}`;
    if (build !== undefined) dep.build = build;
  } else if (/^[<>!~=]/.test(tail)) {
    version = tail.replace(/(?<!\s)\s*([,|])\s*/g, '$1').replace(/([<>=!~]=?)\s+/g, '$1');
  } else {
    const [v, build, ...extra] = tail.split(/\s+/);
    if (extra.length) return { ...dep, error: 'too many parts: a match spec is "name version build"' };
    version = v;
    if (build !== undefined) dep.build = build;
  }
  try {
    const spec = new rattler.VersionSpec(version, 'lenient');
    dep.version = spec.toString();
    spec.free();
  } catch (err) {
    return {
      ...dep,
      error: `version "${version}" cannot be read: ${
        errorText(err)
          .split('\n')
          .find((l) => l.trim() && !/^\d+:/.test(l.trim())) ?? 'invalid version'
      }`.trim(),
    };
  }
  return dep;
}

const PIP_OPTIONS_WITH_VALUE = [
  '--index-url',
  '-i',
  '--extra-index-url',
  '--find-links',
  '-f',
  '--trusted-host',
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '--no-binary',
  '--only-binary',
  '--prefer-binary',
  '--use-feature',
];
const PIP_FLAGS = ['--pre', '--no-index', '--prefer-binary', '--require-hashes', '--no-deps'];

/** Classifies one pip entry: an option, a URL, a local path or a PEP 508 requirement. */
export function parsePipEntry(raw: string, path: string): PipDep {
  const text = raw.trim();
  if (hasPlaceholder(text))
    return { path, raw, kind: 'requirement', error: 'a template placeholder ({{...}}) instead of a requirement' };
  if (text.startsWith('-')) {
    const option = text.split(/[\s=]/)[0];
    if (PIP_FLAGS.includes(option)) return { path, raw, kind: 'option' };
    if (!PIP_OPTIONS_WITH_VALUE.includes(option))
      return { path, raw, kind: 'option', error: `"${option}" is not a pip option allowed in a requirements list` };
    if (!text.slice(option.length).replace(/^=/, '').trim())
      return { path, raw, kind: 'option', error: `"${option}" needs a value` };
    return { path, raw, kind: 'option' };
  }
  if (/^(git\+|hg\+|svn\+|bzr\+)?[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { path, raw, kind: 'url' };
  if (!/\s@\s/.test(text) && (/^(\.{1,2}[\\/]|\/|~)/.test(text) || /\.(whl|tar\.gz|zip)$/i.test(text)))
    return { path, raw, kind: 'path' };
  const simple = simpleRequirement(text);
  if (simple) return { path, raw, kind: 'requirement', ...simple };
  try {
    const req = fieldLibs().pip().parsePipRequirementsLine(text);
    if (!req) return { path, raw, kind: 'requirement', error: 'an empty requirement' };
    if (req.type === 'ProjectName')
      return { path, raw, kind: 'requirement', name: normalizePipName(req.name), specifiers: req.versionSpec ?? [] };
    if (req.type === 'ProjectURL') return { path, raw, kind: 'url', name: normalizePipName(req.name) };
    return { path, raw, kind: 'option' };
  } catch (err) {
    const message = errorText(err);
    const col = /col (\d+)/.exec(message)?.[1];
    const what = /expected (.*)$/m.exec(message)?.[1];
    const hint = /^[A-Za-z0-9_.-]+=[^=]/.test(text) ? ' (pip pins with "==", not the single "=" conda uses)' : '';
    return {
      path,
      raw,
      kind: 'requirement',
      error: `not a valid pip requirement${col ? ` at character ${col}` : ''}${what ? `: expected ${what}` : ''}${hint}`,
    };
  }
}

const SIMPLE_REQUIREMENT =
  /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[\s*[A-Za-z0-9][A-Za-z0-9._-]*(?:\s*,\s*[A-Za-z0-9][A-Za-z0-9._-]*)*\s*\]\s*)?((?:~=|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+(?:\s*,\s*(?:~=|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+)*)?$/;

/**
 * The common shape "name[extras] op version, ..." checked with a PEP 508 subset and pep440, because the full
 * requirements grammar (pip-requirements-js, Ohm) costs about 0.3 ms a line. Anything this does not accept
 * for certain (markers, URLs, odd versions) goes to the full parser, which also writes the error messages.
 */
export function simpleRequirement(
  text: string,
): { name: string; specifiers: Array<{ operator: string; version: string }> } | undefined {
  const m = SIMPLE_REQUIREMENT.exec(text);
  if (!m) return undefined;
  const { pep440 } = fieldLibs();
  const specifiers: Array<{ operator: string; version: string }> = [];
  for (const part of (m[2] ?? '').split(',').filter((p) => p.trim())) {
    const [, operator, version] = /^\s*(~=|==|!=|<=|>=|<|>)\s*(\S+)\s*$/.exec(part) ?? [];
    if (!operator || !version) return undefined;
    const wildcard = version.endsWith('.*');
    if (wildcard && operator !== '==' && operator !== '!=') return undefined;
    const bare = wildcard ? version.slice(0, -2) : version;
    if (!pep440.valid(bare) || (operator === '~=' && !/^\d+(\.\d+)+/.test(bare))) return undefined;
    specifiers.push({ operator, version });
  }
  return { name: normalizePipName(m[1]), specifiers };
}

/** Reads the conda spec at `specPath` of the model into lists of parsed conda and pip entries. */
export function readDeps(spec: Json | undefined, specPath: string): DepsView {
  const view: DepsView = { specPath, channels: [], conda: [], pip: [], pipLists: [], odd: [] };
  if (!isRecord(spec)) return view;
  view.spec = spec;
  if (Array.isArray(spec.channels)) view.channels = spec.channels.filter((c): c is string => typeof c === 'string');
  const deps = spec.dependencies;
  if (!Array.isArray(deps)) return view;
  const depsPath = childPath(specPath, 'dependencies');
  deps.forEach((item, i) => {
    const path = childPath(depsPath, i);
    if (typeof item === 'string') view.conda.push(parseMatchSpec(item, path));
    else if (typeof item === 'number') view.conda.push(parseMatchSpec(String(item), path));
    else if (isRecord(item) && Array.isArray(item.pip)) {
      const listPath = childPath(path, 'pip');
      view.pipLists.push(listPath);
      item.pip.forEach((entry, j) => {
        const entryPath = childPath(listPath, j);
        if (typeof entry === 'string') view.pip.push(parsePipEntry(entry, entryPath));
        else view.odd.push({ path: entryPath, value: entry });
      });
    } else view.odd.push({ path, value: item });
  });
  return view;
}

/** The declared python version ("3.8", "3.10"), read from the `python` conda entry, when it pins one. */
export function pythonLine(view: DepsView): { dep: CondaDep; line?: string } | undefined {
  const dep = view.conda.find((d) => d.name === 'python');
  if (!dep) return undefined;
  const m = /(?:^|[=<>~ ,])=?(\d+)\.(\d+)/.exec(dep.version ?? '');
  if (!m || /^(<|!=)/.test(dep.version ?? '')) return { dep };
  return { dep, line: `${Number(m[1])}.${Number(m[2])}` };
}
