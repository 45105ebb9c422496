// Solves the conda part of a definition: channels → indexes (cached) → rattler → diagnostics.
import { loadDefinition } from '../env/load.js';
import { CONDA_PATH } from '../env/load.js';
import { readDeps, type DepsView } from '../env/deps.js';
import { readJobEnvironment } from '../env/job-environment.js';
import { diskReader } from '../env/files.js';
import { fieldLibs, loadFieldLibs } from '../env/libs.js';
import type { Diagnostic, LoadedDefinition } from '../env/types.js';
import { cacheDir } from './cache-dir.js';
import { planChannels, type Channel, type ChannelPlan } from './channels.js';
import { explainConflict } from './explain.js';
import { fetchIndexes, type IndexProgress, type IndexSource } from './index-download.js';
import { checkPipAgainstSolve } from './pip-check.js';
import { definitionPlatform } from './platform.js';
import { loadRattler, solveSpecs, type SolvedRecord } from './rattler-solve.js';
import { pythonView } from '../env/sections.js';

/** The input cannot be solved for a reason the user must fix first: a usage problem (exit 2) or an unreadable file (exit 1). */
export class NotSolvable extends Error {
  constructor(
    message: string,
    readonly kind: 'usage' | 'invalid' = 'usage',
  ) {
    super(message);
  }
}

export interface SolveOptions {
  channels?: string[];
  platform?: string;
  refresh?: boolean;
  cacheRoot?: string;
  onProgress?: (p: IndexProgress) => void;
}

export interface SolveReport {
  path: string;
  format: string;
  platform: string;
  subdirs: string[];
  channels: Channel[];
  channelOrigin: ChannelPlan['origin'];
  specs: string[];
  solved: boolean;
  records: SolvedRecord[];
  diagnostics: Diagnostic[];
  indexes: Array<{ url: string; source: IndexSource; found: boolean; stale?: { reason: string; checkedAt: number } }>;
  /** Wall time of the whole solve, and of the solver alone, in milliseconds. */
  ms: { total: number; solver: number };
  /** The conda and pip entries, for the lock. */
  deps: DepsView;
  name?: string;
}

/** Reads any input amlenv knows, plus a command job with an inline environment. */
export function loadForSolve(path: string): LoadedDefinition {
  if (!diskReader.isDirectory(path)) {
    const raw = diskReader.read(path);
    if (raw !== undefined) {
      const job = readJobEnvironment(raw, path);
      if (job.kind === 'inline') return job.def;
      if (job.kind === 'reference') throw new NotSolvable(job.message);
    }
  }
  const outcome = loadDefinition(path);
  if (!outcome.ok) throw new NotSolvable(outcome.message);
  return outcome.def;
}

/** The conda part, or a clear reason why there is none. */
export function condaPart(def: LoadedDefinition): DepsView {
  const python = pythonView(def.env.python);
  const spec = python?.condaDependencies;
  if (python?.userManagedDependencies === true && def.format !== 'v2-yaml') {
    throw new NotSolvable(
      `${def.path}: nothing to solve: it is user-managed, so Azure ML ignores its conda dependencies and installs nothing; set userManagedDependencies to false to have them built`,
    );
  }
  if (!spec || spec.dependencies.length === 0) {
    const why =
      def.format === 'v2-yaml'
        ? 'it has no conda_file (the image brings its own Python)'
        : python?.userManagedDependencies === true
          ? 'it is user-managed (Azure ML installs nothing)'
          : 'it lists no conda dependencies';
    throw new NotSolvable(`${def.path}: nothing to solve: ${why}; solve reads the conda dependencies of a definition`);
  }
  return readDeps(spec.raw, CONDA_PATH);
}

const specOf = (raw: string) => {
  const text = raw.trim();
  const at = text.lastIndexOf('::');
  return at >= 0 ? text.slice(at + 2) : text;
};

export async function solveDefinition(def: LoadedDefinition, options: SolveOptions = {}): Promise<SolveReport> {
  const start = performance.now();
  await loadFieldLibs();
  const blocking = def.problems.filter((p) => p.severity === 'error');
  if (!def.parsed || blocking.some((p) => p.rule.startsWith('syntax/'))) {
    const first = blocking[0];
    const where = first?.line !== undefined ? `${first.file ?? def.path}:${first.line}:${first.column}` : def.path;
    throw new NotSolvable(
      `${where}: ${first?.message ?? 'the file cannot be read'}; run amlenv validate ${def.path} and fix it first`,
      'invalid',
    );
  }
  const deps = condaPart(def);
  const platform = options.platform ?? definitionPlatform(def.env);
  const rattler = loadRattler();
  if (!rattler.isPlatform(platform))
    throw new NotSolvable(`--platform ${platform}: not a conda platform (for example linux-64, linux-aarch64, noarch)`);
  const subdirs = platform === 'noarch' ? ['noarch'] : [platform, 'noarch'];
  const plan = planChannels(
    deps.channels,
    deps.conda.flatMap((d) => (d.channel ? [d.channel] : [])),
    options.channels ?? [],
  );
  const base = {
    path: def.path,
    format: def.format,
    platform,
    subdirs,
    channels: plan.channels,
    channelOrigin: plan.origin,
    deps,
    name: typeof deps.spec?.name === 'string' ? deps.spec.name : undefined,
  };
  const specs = deps.conda.map((d) => specOf(d.raw));
  const invalid = deps.conda.filter((d) => d.error);
  if (invalid.length) {
    const diagnostics: Diagnostic[] = invalid.map((d) => {
      const pos = def.positions.get(d.path);
      return {
        rule: 'conda/invalid-spec',
        severity: 'error',
        path: d.path,
        ...(pos ? { file: pos.file, line: pos.line, column: pos.column } : {}),
        message: `"${d.raw}": ${d.error}`,
        hint: 'write it as name, name=version or name>=version',
      };
    });
    return {
      ...base,
      specs,
      solved: false,
      records: [],
      diagnostics,
      indexes: [],
      ms: { total: performance.now() - start, solver: 0 },
    };
  }
  const indexes = await fetchIndexes(plan.channels, subdirs, {
    cacheRoot: options.cacheRoot ?? cacheDir(),
    refresh: options.refresh,
    onProgress: options.onProgress,
  });
  const outcome = await solveSpecs(specs, plan.channels, indexes, subdirs);
  const positions = def.positions;
  let diagnostics: Diagnostic[];
  if (outcome.ok) {
    const { pep440 } = fieldLibs();
    diagnostics = checkPipAgainstSolve({
      pip: deps.pip,
      records: outcome.records,
      positions,
      satisfies: (version, specifier) => pep440.satisfies(version, specifier),
      condaMatches: (version, spec) => {
        const s = new rattler.VersionSpec(spec, 'lenient');
        const v = new rattler.Version(version);
        try {
          return s.matches(v);
        } finally {
          s.free();
          v.free();
        }
      },
    });
  } else {
    diagnostics = explainConflict(outcome.explanation, {
      conda: deps.conda,
      positions,
      channels: plan.channels.map((c) => c.name),
      platform,
    });
  }
  return {
    ...base,
    specs,
    solved: outcome.ok,
    records: outcome.ok ? outcome.records : [],
    diagnostics,
    indexes: indexes.map((i) => ({
      url: i.url,
      source: i.source,
      found: Boolean(i.file),
      ...(i.stale ? { stale: i.stale } : {}),
    })),
    ms: { total: performance.now() - start, solver: outcome.ms },
  };
}
