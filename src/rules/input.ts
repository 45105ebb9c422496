import { NOT_CONDA_RULE } from '../env/conda-shape.js';
import { OUTSIDE_RULE } from '../env/containment.js';
import type { Rule } from './types.js';
import { ALL } from './types.js';

/** Rules about what a definition may make amlenv read; reported by the loaders, so they have no check. */
export const inputRules: Rule[] = [
  {
    id: OUTSIDE_RULE,
    severity: 'error',
    title: 'A file named in the definition is outside the project folder',
    explanation:
      'A definition names other files: the conda file, the build context and its Dockerfile, a ' +
      "v1 condaDependenciesFile, local wheels in the pip list, a v1 folder's BaseDockerfile. " +
      'amlenv reads them only inside the containment root: the nearest folder above the ' +
      'definition that holds .git (its repository), or else the current folder when the ' +
      "definition is in it, or else the definition's own folder; the home folder and / never " +
      'count as a repository or a current folder, and a definition kept directly in the home ' +
      'folder cannot reach its dot-folders (~/.ssh, ~/.aws). "../" that stays inside that root ' +
      'works as usual; links are followed before the check. A definition from the internet or a ' +
      'pull request could otherwise make amlenv print or copy ~/.ssh/id_rsa, /etc/shadow or ' +
      '/proc/self/environ into a log or an image. Such a file is not read at all. Files under ' +
      '/proc, /sys and /dev are never read, even with --allow-outside.',
    hint:
      'move the file into the project, or pass --allow-outside if you trust the definition ' +
      '(amlenv validate --allow-outside FILE)',
    lesson: 'v2-environments',
    formats: ALL,
  },
];

inputRules.push({
  id: NOT_CONDA_RULE,
  severity: 'error',
  title: 'The file named as the conda file is not a conda environment',
  explanation:
    "conda_file (v2), condaDependenciesFile (v1) and a v1 folder's conda_dependencies.yml must " +
    'hold a conda environment: a YAML mapping with name, channels and dependencies. When the ' +
    'file is something else, amlenv reports it once and quotes no more than its first 40 ' +
    'characters (escaped), so a wrong path can never spill a private file into a log; the ' +
    'content is not checked further.',
  hint: 'point it at a conda YAML with name, channels and dependencies',
  lesson: 'conda-and-pip',
  formats: ALL,
});
