import type { Rule } from './types.js';
import { ALL, V1, V2 } from './types.js';

/** Rules reported by the loaders while reading files: they have no check of their own. */
export const loadingRules: Rule[] = [
  {
    id: 'syntax/json',
    severity: 'error',
    title: 'The file is not valid JSON',
    explanation:
      'An SDK v1 environment file is strict JSON: keys and strings in double quotes, no comments, no trailing commas. Azure ML (and amlenv) cannot read anything else in it until the syntax error is fixed, so no other check runs on a file that does not parse.',
    hint: 'fix the JSON at the reported line and column',
    lesson: 'four-sections',
    formats: V1,
  },
  {
    id: 'syntax/yaml',
    severity: 'error',
    title: 'The file is not valid YAML',
    explanation:
      'v2 environment files and conda files are YAML. Indentation decides structure, every key needs a colon, and a key may appear only once in a mapping. A YAML error stops the whole file from loading, so the cloud build would fail before it starts.',
    hint: 'fix the YAML at the reported line and column (indentation, missing ":", duplicate keys)',
    lesson: 'v2-environments',
    formats: ALL,
  },
  {
    id: 'format/unrecognized',
    severity: 'error',
    title: 'The file is not an environment definition amlenv can read',
    explanation:
      'amlenv reads four kinds of input: an SDK v1 environment JSON, the folder Environment.save_to_directory writes, a v2 environment YAML and a conda environment YAML. It tells them apart by content. A requirements.txt, a job YAML or some other file is none of these, so there is nothing to validate.',
    hint: 'pass an SDK v1 JSON file or folder, a v2 environment YAML, or a conda YAML',
    lesson: 'four-sections',
    formats: ALL,
  },
  {
    id: 'python/conda-file-missing',
    severity: 'warning',
    title: 'The conda file named by condaDependenciesFile was not found',
    explanation:
      'python.condaDependenciesFile points at a conda file in the source directory. It is deprecated (use Environment.from_conda_specification), and when the file is not beside the definition amlenv cannot check the packages it lists; Azure ML would fail the same way if it is missing from the snapshot.',
    hint: 'place the conda file beside the JSON, or inline it as python.condaDependencies',
    lesson: 'conda-and-pip',
    formats: V1,
  },
  {
    id: 'v2/missing-file',
    severity: 'error',
    title: 'A file or folder the v2 environment points to does not exist',
    explanation:
      'conda_file and build.path are resolved relative to the environment YAML, and build.dockerfile_path relative to build.path. The Azure ML CLI uploads them when the environment is created; a wrong path fails right there, so amlenv checks it first.',
    hint: 'correct the path relative to the YAML file',
    lesson: 'v2-environments',
    formats: V2,
  },
];
