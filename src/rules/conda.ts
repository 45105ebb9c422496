import { childPath } from '../env/path.js';
import type { Rule } from './types.js';
import { ALL } from './types.js';

const CONDA_KEYS = ['name', 'channels', 'dependencies', 'prefix', 'variables'];

export const condaRules: Rule[] = [
  {
    id: 'conda/unknown-key',
    severity: 'error',
    title: 'A top-level key conda does not accept',
    explanation:
      'A conda environment file may only have the keys name, channels, dependencies, prefix and ' +
      'variables. Azure ML passes the file to conda, which stops with "unknown key in ' +
      'environment specification" for anything else, such as a misplaced pip: list or ' +
      'python_version.',
    hint: 'remove the key, or move its content under dependencies',
    lesson: 'conda-and-pip',
    formats: ALL,
    check: ({ deps }) =>
      Object.keys(deps.spec ?? {})
        .filter((k) => !CONDA_KEYS.includes(k))
        .map((k) => ({
          path: childPath(deps.specPath, k),
          message: `"${k}" is not a conda environment key (allowed: ${CONDA_KEYS.join(', ')})`,
          hint: k === 'pip' ? 'move the pip list inside dependencies as "- pip:"' : undefined,
        })),
  },
  {
    id: 'conda/invalid-spec',
    severity: 'error',
    title: 'A conda dependency that conda cannot read',
    explanation:
      'Each conda dependency is a match spec: a package name, optionally a version ' +
      '("numpy=1.26", "numpy>=1.24,<2") and a build string, optionally prefixed by a channel ' +
      '("conda-forge::numpy"). conda stops the whole environment build on the first entry it ' +
      'cannot parse, minutes into a cloud build.',
    hint: 'write it as name, name=version or name>=version',
    lesson: 'conda-and-pip',
    formats: ALL,
    check: ({ deps }) => [
      ...deps.conda.filter((d) => d.error).map((d) => ({ path: d.path, message: `"${d.raw}": ${d.error}` })),
      ...deps.odd.map((o) => ({
        path: o.path,
        message: `${JSON.stringify(o.value)} is not a package: dependencies hold match spec strings and one "pip:" list`,
        hint: 'write the package as a string, or put pip packages under "- pip:"',
      })),
    ],
  },
  {
    id: 'conda/defaults-channel',
    severity: 'info',
    title: 'Packages come from the anaconda/defaults channels',
    explanation:
      "The anaconda and defaults channels are covered by Anaconda's terms of service, which can " +
      'require a paid licence for use in larger organisations; a conda file with no channels ' +
      'uses defaults implicitly. conda-forge is community-run and free to use. Listing channels ' +
      'explicitly also makes builds more predictable.',
    hint: 'list conda-forge as the channel, unless your organisation has an Anaconda licence',
    lesson: 'conda-and-pip',
    formats: ALL,
    check: ({ deps }) => {
      if (!deps.spec) return [];
      if (deps.channels.length === 0)
        return [{ path: deps.specPath, message: 'no channels are listed, so conda uses the defaults channel' }];
      return deps.channels
        .map((c, i) => ({ c, i }))
        .filter(
          ({ c }) =>
            ['anaconda', 'defaults', 'main', 'r', 'msys2'].includes(c.toLowerCase()) || /repo\.anaconda\.com/.test(c),
        )
        .map(({ c, i }) => ({
          path: childPath(childPath(deps.specPath, 'channels'), i),
          message: `channel "${c}" is covered by Anaconda's terms of service`,
        }));
    },
  },
];
