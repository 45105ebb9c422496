import type { Rule } from './types.js';
import { ALL, V1, V2 } from './types.js';

/** Rules reported by the loaders while reading files: they have no check of their own. */
export const loadingRules: Rule[] = [
  {
    id: 'syntax/json',
    severity: 'error',
    title: 'The file is not valid JSON',
    explanation:
      'An SDK v1 environment file is strict JSON: keys and strings in double quotes, no ' +
      'comments, no trailing commas. Azure ML (and amlenv) cannot read anything else in it until ' +
      'the syntax error is fixed, so no other check runs on a file that does not parse.',
    hint: 'fix the JSON at the reported line and column',
    lesson: 'four-sections',
    formats: V1,
  },
  {
    id: 'syntax/yaml',
    severity: 'error',
    title: 'The file is not valid YAML',
    explanation:
      'v2 environment files and conda files are YAML. Indentation decides structure, every key ' +
      'needs a colon, and a key may appear only once in a mapping. A YAML error stops the whole ' +
      'file from loading, so the cloud build would fail before it starts.',
    hint: 'fix the YAML at the reported line and column (indentation, missing ":", duplicate keys)',
    lesson: 'v2-environments',
    formats: ALL,
  },
  {
    id: 'format/unrecognized',
    severity: 'error',
    title: 'The file is not an environment definition amlenv can read',
    explanation:
      'amlenv reads four kinds of input: an SDK v1 environment JSON, the folder ' +
      'Environment.save_to_directory writes, a v2 environment YAML and a conda environment YAML. ' +
      'It tells them apart by content. A requirements.txt, a job YAML or some other file is none ' +
      'of these, so there is nothing to validate.',
    hint: 'pass an SDK v1 JSON file or folder, a v2 environment YAML, or a conda YAML',
    lesson: 'four-sections',
    formats: ALL,
  },
  {
    id: 'input/not-a-file',
    severity: 'error',
    title: 'A path names a folder, pipe, socket or device instead of a file',
    explanation:
      'amlenv reads only regular files. A named pipe (FIFO) can block a reader forever and a ' +
      'device such as /dev/zero never ends, so a definition that points conda_file, ' +
      'build.dockerfile_path or a BaseDockerfile at one would hang or exhaust memory. Links are ' +
      'followed first, and their target is checked the same way.',
    hint: 'point the path at a regular file in your project',
    lesson: 'four-sections',
    formats: ALL,
  },
  {
    id: 'input/system-path',
    severity: 'error',
    title: 'A path leads into /proc, /sys or /dev',
    explanation:
      'The files under /proc, /sys and /dev are made up by the kernel: some never end, some ' +
      'block, and some hold secrets such as the environment variables of a CI runner ' +
      '(/proc/self/environ). No environment definition needs them, so amlenv never reads there, ' +
      'even through a link.',
    hint: 'point the path at a file in your project',
    lesson: 'four-sections',
    formats: ALL,
  },
  {
    id: 'input/too-large',
    severity: 'error',
    title: 'A file is larger than amlenv reads for its kind',
    explanation:
      'amlenv caps what it reads: 32 KB of YAML (a v2 definition or a conda file), 128 KB for a ' +
      'v1 JSON definition (room for a 100 KB inline Dockerfile), 256 KB for a requirements file ' +
      'or a Dockerfile. Real ones are a few KB (Azure ML itself refuses a Dockerfile over 100 ' +
      'KB), and the cap keeps every command fast and small on any input. The size is checked ' +
      'before reading and again while reading, so a file that grows cannot get past it.',
    hint: 'check that the path names the right file; split generated content into smaller files',
    lesson: 'four-sections',
    formats: ALL,
  },
  {
    id: 'input/unreadable',
    severity: 'error',
    title: 'A file exists but may not be read',
    explanation:
      'The operating system refused to open the file: most often permission denied (the file or ' +
      'one of its folders is not readable by your user), sometimes a loop of symbolic links. ' +
      'This is different from a missing file, and amlenv says which.',
    hint: 'give your user read permission on the file, or point at a readable copy',
    lesson: 'four-sections',
    formats: ALL,
  },
  {
    id: 'input/too-deep',
    severity: 'error',
    title: 'The file nests deeper than 100 levels',
    explanation:
      'An environment definition nests a few levels (docker, then buildContext; python, then ' +
      'condaDependencies, then dependencies, then pip). Parsers recurse into every level, so a ' +
      'file nested thousands deep can exhaust the stack or take seconds. amlenv checks the depth ' +
      'in one pass before parsing and stops at 100 levels.',
    hint: 'flatten the structure; check that this is the file you meant',
    lesson: 'four-sections',
    formats: ALL,
  },
  {
    id: 'input/alias-expansion',
    severity: 'error',
    title: 'YAML aliases expand too far, or into themselves',
    explanation:
      'A YAML anchor (&name) can be repeated with an alias (*name). Aliases of aliases multiply: ' +
      'nine levels of nine copies ask for hundreds of millions of values (the "billion laughs" ' +
      'attack), and an alias inside its own anchor (a: &a [*a]) never ends. amlenv expands at ' +
      'most 10,000 values through aliases and refuses an alias that contains itself.',
    hint: 'write the repeated values out, and never use an alias inside its own anchor',
    lesson: 'v2-environments',
    formats: ALL,
  },
  {
    id: 'python/conda-file-missing',
    severity: 'warning',
    title: 'The conda file named by condaDependenciesFile was not found',
    explanation:
      'python.condaDependenciesFile points at a conda file in the source directory. It is ' +
      'deprecated (use Environment.from_conda_specification), and when the file is not beside ' +
      'the definition amlenv cannot check the packages it lists; Azure ML would fail the same ' +
      'way if it is missing from the snapshot.',
    hint: 'place the conda file beside the JSON, or inline it as python.condaDependencies',
    lesson: 'conda-and-pip',
    formats: V1,
  },
  {
    id: 'v2/missing-file',
    severity: 'error',
    title: 'A file or folder the v2 environment points to does not exist',
    explanation:
      'conda_file and build.path are resolved relative to the environment YAML, and ' +
      'build.dockerfile_path relative to build.path. The Azure ML CLI uploads them when the ' +
      'environment is created; a wrong path fails right there, so amlenv checks it first.',
    hint: 'correct the path relative to the YAML file',
    lesson: 'v2-environments',
    formats: V2,
  },
];
