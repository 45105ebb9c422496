// The manifest check_env.py reads: what the definition declares, in terms the script can check with the
// standard library alone (PEP 440 clauses, import names, variable values). Pure: no I/O but the inputs.
import { basename } from 'node:path';
import { normalizePipName, pythonLine, readDeps, type CondaDep, type PipDep } from '../env/deps.js';
import { CONDA_PATH } from '../env/load.js';
import type { EnvObject } from '../env/types.js';
import { looksSecret } from '../rules/env-vars.js';
import { v1View } from '../env/sections.js';

/** [operator, version] — the version may end in ".*" for == and !=. */
export type Clause = [string, string];
/** Alternatives (any may hold), each a list of clauses that must all hold. */
export type AnyOf = Clause[][];

export interface ManifestPackage {
  name: string;
  manager: 'conda' | 'pip';
  declared: string;
  anyOf: AnyOf;
  /** Modules to import; absent when check_env.py should read the package's own top_level.txt. */
  imports?: string[];
}

export interface Manifest {
  definition: string;
  userManaged: boolean;
  python: { declared?: string; anyOf?: AnyOf };
  packages: ManifestPackage[];
  variables: Array<{ name: string; value: string; secret: boolean }>;
  /** Declared entries that cannot be checked by name and version (pip options, URLs without a name). */
  skipped: Array<{ entry: string; reason: string }>;
}

/** A conda version spec (as rattler normalizes it: "1.5.2.*", ">=1.2,<2", "1.2.*|1.3") as PEP 440 clauses. */
export function condaToPep440(spec: string | undefined): AnyOf {
  if (!spec || spec.trim() === '*' || spec.trim() === '') return [];
  return spec
    .split('|')
    .map((alternative) =>
      alternative
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part && part !== '*')
        .map((part): Clause => {
          const m = /^(===|==|!=|~=|>=|<=|>|<|=)?\s*(.+)$/.exec(part)!;
          const op = m[1] ?? '';
          let version = m[2];
          if (op === '=' || (!op && version.endsWith('*'))) return ['==', `${version.replace(/\.?\*$/, '')}.*`];
          if (version.endsWith('*') && (op === '==' || op === '!=')) version = `${version.replace(/\.?\*$/, '')}.*`;
          else version = version.replace(/\.?\*$/, '');
          return [op || '==', version];
        }),
    )
    .filter((clauses) => clauses.length > 0);
}

export const pipToPep440 = (dep: PipDep): AnyOf =>
  (dep.specifiers ?? []).length ? [(dep.specifiers ?? []).map((s): Clause => [s.operator, s.version])] : [];

/** name and version of a wheel file name (name-version-python-abi-platform.whl). */
export function wheelName(path: string): { name: string; version: string } | undefined {
  const m = /^([A-Za-z0-9_.]+)-([0-9][^-]*)-.+\.whl$/.exec(basename(path));
  return m ? { name: normalizePipName(m[1]), version: m[2] } : undefined;
}

export function buildManifest(env: EnvObject, definition: string, importNames: Record<string, string[]>): Manifest {
  const view = v1View(env);
  const userManaged = view.python?.userManagedDependencies === true;
  const deps = readDeps(userManaged ? undefined : view.python?.raw.condaDependencies, CONDA_PATH);
  const manifest: Manifest = { definition, userManaged, python: {}, packages: [], variables: [], skipped: [] };
  const found = pythonLine(deps);
  if (found) manifest.python = { declared: found.dep.raw.trim(), anyOf: condaToPep440(found.dep.version) };
  const imports = (name: string) => importNames[normalizePipName(name)] ?? importNames[name];
  const addConda = (d: CondaDep) => {
    if (d.error || !d.name || d.name === 'python') return;
    manifest.packages.push({
      name: d.name,
      manager: 'conda',
      declared: d.raw.trim(),
      anyOf: condaToPep440(d.version),
      ...(imports(d.name) ? { imports: imports(d.name) } : {}),
    });
  };
  deps.conda.forEach(addConda);
  for (const d of deps.pip) {
    if (d.error) continue;
    if (d.kind === 'requirement' && d.name) {
      manifest.packages.push({
        name: d.name,
        manager: 'pip',
        declared: d.raw.trim(),
        anyOf: pipToPep440(d),
        ...(imports(d.name) ? { imports: imports(d.name) } : {}),
      });
    } else if (d.kind === 'path' && wheelName(d.raw.trim())) {
      const wheel = wheelName(d.raw.trim())!;
      manifest.packages.push({
        name: wheel.name,
        manager: 'pip',
        declared: d.raw.trim(),
        anyOf: [[['==', wheel.version]]],
        ...(imports(wheel.name) ? { imports: imports(wheel.name) } : {}),
      });
    } else if (d.kind === 'url' && d.name) {
      manifest.packages.push({ name: d.name, manager: 'pip', declared: d.raw.trim(), anyOf: [] });
    } else
      manifest.skipped.push({
        entry: d.raw.trim(),
        reason: d.kind === 'option' ? 'a pip option, not a package' : 'no package name to look for',
      });
  }
  for (const [name, value] of Object.entries(view.environmentVariables ?? {}))
    manifest.variables.push({ name, value, secret: looksSecret(name) });
  return manifest;
}
