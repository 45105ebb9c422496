// Checks the pip list against what the conda solve put in place: pip itself, the Python version (wheel
// tags and python_version markers), and pins that contradict a conda package.
import type { PipDep } from '../env/deps.js';
import { normalizePipName } from '../env/deps.js';
import type { Diagnostic, Position } from '../env/types.js';
import { solveDiagnostic } from './findings.js';
import type { SolvedRecord } from './rattler-solve.js';

/** Conda names whose PyPI project is called differently. */
const CONDA_TO_PYPI: Record<string, string> = {
  pytorch: 'torch',
  'py-xgboost': 'xgboost',
  'pytorch-cpu': 'torch',
  'tensorflow-base': 'tensorflow',
  'msgpack-python': 'msgpack',
  pytables: 'tables',
};

export interface PipCheckContext {
  pip: PipDep[];
  records: SolvedRecord[];
  positions: Map<string, Position>;
  /** Checks a version against a PEP 440 specifier ("==1.2,<2"). */
  satisfies: (version: string, specifier: string) => boolean;
  /** Checks a version against a conda version spec (">=1.19.5,<2.0a0"). */
  condaMatches: (version: string, spec: string) => boolean;
}

const at = (d: PipDep, positions: Map<string, Position>) => {
  const pos = positions.get(d.path);
  return pos ? { file: pos.file, line: pos.line, column: pos.column } : {};
};

function compareMinor(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** Evaluates "python_version < '3.9' and ..." for the clauses that only compare the Python version; undefined if it names anything else. */
function compareHolds(operator: string, cmp: number): boolean {
  switch (operator) {
    case '==':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '>':
      return cmp > 0;
    default:
      return cmp >= 0;
  }
}

export function pythonMarkerHolds(marker: string, python: string): boolean | undefined {
  const clauses = marker.split(/(?<!\s)\s+and\s+/);
  let result = true;
  for (const clause of clauses) {
    const m = /^\s*python_(?:full_)?version\s*(==|!=|<=|>=|<|>)\s*["']([\d.]+)["']\s*$/.exec(clause);
    if (!m) return undefined;
    const cmp = compareMinor(python, m[2]);
    const ok = compareHolds(m[1], cmp);
    result &&= ok;
  }
  return result;
}

export function checkPipAgainstSolve(ctx: PipCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byName = new Map(ctx.records.map((r) => [CONDA_TO_PYPI[r.name] ?? normalizePipName(r.name), r]));
  const python = ctx.records.find((r) => r.name === 'python');
  const pyMinor = python?.version.split('.').slice(0, 2).join('.');
  const installs = ctx.pip.filter((d) => d.kind !== 'option' && !d.error);
  if (installs.length && !byName.has('pip')) {
    out.push(
      solveDiagnostic('solve/pip-not-installed', {
        path: ctx.pip[0].path.replace(/\[\d+\]$/, ''),
        ...at(ctx.pip[0], ctx.positions),
        message: 'the pip list cannot be installed: the solved environment has no pip package',
      }),
    );
  }
  for (const dep of installs) {
    const where = { path: dep.path, ...at(dep, ctx.positions) };
    const marker = /;\s*(.+)$/.exec(dep.raw)?.[1];
    if (marker && pyMinor && pythonMarkerHolds(marker, pyMinor) === false) {
      out.push(
        solveDiagnostic('solve/pip-marker-skipped', {
          ...where,
          message: `"${dep.raw.trim()}" is skipped: its marker is false for python ${python!.version}`,
        }),
      );
      continue;
    }
    const wheel = /-(cp|py)(\d)(\d+)-[^/]*\.whl$/i.exec(dep.raw.trim());
    if (
      (dep.kind === 'path' || dep.kind === 'url') &&
      wheel &&
      wheel[1].toLowerCase() === 'cp' &&
      pyMinor &&
      `${wheel[2]}.${wheel[3]}` !== pyMinor
    ) {
      out.push(
        solveDiagnostic('solve/pip-wheel-python', {
          ...where,
          message: `the wheel is built for CPython ${wheel[2]}.${wheel[3]}, but the solve installs python ${python!.version}; pip will refuse it`,
          hint: `use the wheel built for cp${pyMinor.replace('.', '')}, or pin python=${wheel[2]}.${wheel[3]}`,
        }),
      );
      continue;
    }
    if (dep.kind !== 'requirement' || !dep.name) continue;
    const conda = byName.get(dep.name);
    if (!conda || conda.name === 'python' || !dep.specifiers?.length) continue;
    const specifier = dep.specifiers.map((s) => `${s.operator}${s.version}`).join(',');
    let agrees: boolean;
    try {
      agrees = ctx.satisfies(conda.version, specifier);
    } catch {
      continue;
    }
    if (agrees) continue;
    // with an exact pin, find the conda packages that would break when pip swaps the version
    const exact = dep.specifiers.find((s) => s.operator === '==' && !s.version.includes('*'))?.version;
    const broken = exact
      ? ctx.records.flatMap((r) =>
          r.depends
            .filter((d) => d.split(/\s+/)[0] === conda.name && d.split(/\s+/)[1])
            .filter((d) => {
              try {
                return !ctx.condaMatches(exact, d.split(/\s+/)[1]);
              } catch {
                return false;
              }
            })
            .map((d) => `${r.name} ${r.version} needs ${d}`),
        )
      : [];
    out.push(
      solveDiagnostic(
        'solve/pip-contradicts-conda',
        {
          ...where,
          message: `pip asks for ${dep.raw.trim()} but the conda solve installs ${conda.name} ${conda.version}; pip will replace it at build time${broken.length ? `, and ${broken.join('; ')}` : ''}`,
          hint: broken.length
            ? `drop "${dep.raw.trim()}" from the pip list: conda already installs ${conda.name} ${conda.version}, which the packages above need; to choose a version, pin it in the conda list, where the solver checks it`
            : `pin ${conda.name} once, in the conda list (${conda.name}${exact ? `=${exact}` : ''}), and drop the pip entry, or give pip a range that includes ${conda.version}`,
        },
        broken.length > 0,
      ),
    );
  }
  return out;
}
