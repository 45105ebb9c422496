import { fieldLibs } from '../env/libs.js';
import { normalizePipName, type CondaDep, type PipDep } from '../env/deps.js';
import type { Finding, Rule } from './types.js';
import { ALL } from './types.js';

const pipPin = (d: PipDep) => (d.specifiers ?? []).map((s) => s.operator + s.version).join(',');

function duplicates(conda: CondaDep[], pip: PipDep[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, { path: string; pin: string; manager: 'conda' | 'pip' }>();
  const visit = (key: string, path: string, pin: string, manager: 'conda' | 'pip', raw: string) => {
    const first = seen.get(key);
    if (!first) return void seen.set(key, { path, pin, manager });
    const where =
      first.manager === manager ? `also listed at ${first.path}` : `also installed by ${first.manager} (${first.path})`;
    const conflict = first.pin && pin && first.pin !== pin ? `, pinned differently (${first.pin} vs ${pin})` : '';
    findings.push({
      path,
      message: `"${raw}" is ${where}${conflict}`,
      hint:
        first.manager === manager
          ? 'keep one entry with the version you want'
          : `install it with one package manager only; a pip copy overwrites the conda one`,
    });
  };
  for (const d of conda)
    if (d.name && !d.error) visit(normalizePipName(d.name), d.path, d.version ?? '', 'conda', d.raw);
  for (const d of pip) if (d.name && !d.error) visit(normalizePipName(d.name), d.path, pipPin(d), 'pip', d.raw);
  return findings;
}

export const depsRules: Rule[] = [
  {
    id: 'deps/duplicate',
    severity: 'warning',
    title: 'The same package is listed twice, or by both conda and pip',
    explanation:
      'A package listed twice leaves the solver to pick one, and when the two pins differ the ' +
      'build fails or silently takes one of them. A package installed by conda and again by pip ' +
      "is worse: pip overwrites conda's files without telling conda, which is a classic source " +
      'of broken numpy or scipy installs.',
    hint: 'keep one entry per package, installed by one package manager',
    lesson: 'conda-and-pip',
    formats: ALL,
    check: ({ deps }) => duplicates(deps.conda, deps.pip),
  },
  {
    id: 'deps/unpinned',
    severity: 'info',
    title: 'A package has no version',
    explanation:
      'An unpinned package gets whatever version is newest when the image is first built. Azure ' +
      'ML then caches that image by the hash of the definition, which has not changed, so every ' +
      'later run reuses those versions until something else in the definition changes, and a ' +
      'rebuild months later can pick very different ones. Pinning makes builds reproducible.',
    hint: 'pin it: name=1.2.3 for conda, name==1.2.3 for pip',
    lesson: 'pinning-and-reproducible-builds',
    formats: ALL,
    check: ({ deps }) => [
      ...deps.conda
        .filter((d) => !d.error && !d.version && d.name)
        .map((d) => ({ path: d.path, message: `conda package "${d.name}" has no version` })),
      ...deps.pip
        .filter((d) => d.kind === 'requirement' && !d.error && d.name && !(d.specifiers ?? []).length)
        .map((d) => ({ path: d.path, message: `pip package "${d.raw.trim()}" has no version` })),
    ],
  },
  {
    id: 'deploy/azureml-defaults',
    severity: 'info',
    title: 'No azureml-defaults >= 1.0.45 among the pip packages',
    explanation:
      'To deploy a model with an SDK v1 environment (ACI, AKS, local web service), the image ' +
      'must contain azureml-defaults at version 1.0.45 or later, which brings the scoring web ' +
      'server; inferencingStackVersion "latest" adds the inferencing stack. Training-only ' +
      'environments do not need it, hence info.',
    hint: 'add "azureml-defaults>=1.0.45" under "- pip:" if this environment will be deployed',
    lesson: 'user-managed-python',
    formats: ['v1-json', 'v1-dir', 'conda-yaml'],
    check: (ctx) => {
      const { deps } = ctx;
      if (!deps.spec) return [];
      const entry = deps.pip.find((d) => d.name === 'azureml-defaults');
      if (!entry)
        return [
          {
            path: deps.pipLists[0] ?? `${deps.specPath}.dependencies`,
            message: 'azureml-defaults is not in the pip packages',
          },
        ];
      const { pep440 } = fieldLibs();
      const range = pipPin(entry);
      if (!range) return [];
      const pinned = (entry.specifiers ?? []).find((s) => s.operator === '==' || s.operator === '===');
      const tooOld = pinned
        ? pep440.lt(pinned.version.replace(/\.\*$/, '.0'), '1.0.45')
        : (entry.specifiers ?? []).some(
            (s) => (s.operator === '<' || s.operator === '<=') && pep440.lte(s.version, '1.0.45'),
          );
      return tooOld
        ? [{ path: entry.path, message: `azureml-defaults${range} allows only versions older than 1.0.45` }]
        : [];
    },
  },
];
