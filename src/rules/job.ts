// A v2 command job's environment part: the environment reference (or inline environment, checked by the v2
// rules), curated names, code and script (checked while loading), shared memory and docker arguments. Fields
// of the job that do not concern the environment are accepted without comment.
import type { Catalog, CuratedEnvironment } from '../content/catalog.js';
import { isJsonRecord, type JsonRecord } from '../env/json.js';
import { shellWords } from '../env/shell-words.js';
import { excerpt } from '../util/safe-text.js';
import { didYouMean } from '../util/suggest.js';
import { describe } from './helpers.js';
import type { Finding, Rule, RuleContext } from './types.js';
import { JOB } from './types.js';

const JOB_REFERENCE = 'https://learn.microsoft.com/azure/machine-learning/reference-yaml-job-command';
const CURATED_DOC = 'https://learn.microsoft.com/azure/machine-learning/resource-curated-environments';

const job = (ctx: RuleContext): JsonRecord => ctx.def.job ?? {};
const resources = (ctx: RuleContext): JsonRecord => {
  const r = job(ctx).resources;
  return isJsonRecord(r) ? r : {};
};

export interface EnvironmentReference {
  name: string;
  /** The registry for azureml://registries/REG/... references. */
  registry?: string;
  version?: string;
  label?: string;
}

const NAME = '[A-Za-z0-9][A-Za-z0-9._-]*';
const VERSION = '[A-Za-z0-9][A-Za-z0-9._-]*';
const FORMS: Array<[RegExp, (m: RegExpExecArray) => EnvironmentReference]> = [
  [new RegExp(`^azureml:(${NAME}):(${VERSION})$`), (m) => ({ name: m[1], version: m[2] })],
  [new RegExp(`^azureml:(${NAME})@(${VERSION})$`), (m) => ({ name: m[1], label: m[2] })],
  [
    new RegExp(`^azureml://registries/(${NAME})/environments/(${NAME})/(versions|labels)/(${VERSION})$`),
    (m) => ({ registry: m[1], name: m[2], ...(m[3] === 'versions' ? { version: m[4] } : { label: m[4] }) }),
  ],
  // A bare name: the loader accepts it (ArmVersionedStr with allow_default_version=True); job/environment-unpinned
  // warns that the file then does not say which version runs.
  [new RegExp(`^azureml:(${NAME})$`), (m) => ({ name: m[1] })],
  // A full resource id, as az ml environment show prints it.
  [
    new RegExp(
      `^azureml:/subscriptions/[^/\\s]+/resourceGroups/[^/\\s]+/providers/Microsoft\\.MachineLearningServices/workspaces/[^/\\s]+/environments/(${NAME})/versions/(${VERSION})$`,
      'i',
    ),
    (m) => ({ name: m[1], version: m[2] }),
  ],
];

/** Reads an environment reference in one of the forms a job accepts; undefined when it is none of them. */
export function parseEnvironmentReference(text: string): EnvironmentReference | undefined {
  for (const [re, make] of FORMS) {
    const m = re.exec(text.trim());
    if (m) return make(m);
  }
  return undefined;
}

/** Why a reference string is not one of the accepted forms. */
function referenceProblem(text: string): { message: string; hint: string } {
  const shown = excerpt(text, 80);
  if (!text.trim().startsWith('azureml:'))
    return {
      message: `"${shown}" is not an environment reference (it has no azureml: prefix)`,
      hint: 'write azureml:NAME:VERSION or azureml:NAME@latest; for an image, write an inline environment with image:',
    };
  return {
    message: `"${shown}" is not an environment reference the job accepts`,
    hint:
      'use azureml:NAME:VERSION, azureml:NAME@latest or ' +
      'azureml://registries/REGISTRY/environments/NAME/versions/VERSION (or /labels/latest)',
  };
}

function curatedLookup(catalog: Catalog, ref: EnvironmentReference): { entry?: CuratedEnvironment; curated: boolean } {
  const fromRegistry = ref.registry?.toLowerCase() === 'azureml';
  const legacyName = !ref.registry && /^azureml-/i.test(ref.name);
  if (!fromRegistry && !legacyName) return { curated: false };
  const name = ref.name.toLowerCase();
  const short = name.replace(/^azureml-/, '');
  const entry = catalog.curated.find(
    (e) =>
      e.name.toLowerCase() === name ||
      e.legacy?.toLowerCase() === name ||
      (legacyName && e.name.toLowerCase() === short),
  );
  return { entry, curated: true };
}

const FIELD_TYPES: Array<[string, 'string' | 'mapping']> = [
  ['command', 'string'],
  ['code', 'string'],
  ['environment_variables', 'mapping'],
  ['resources', 'mapping'],
];

const registryRef = (name: string) => `azureml://registries/azureml/environments/${name}/labels/latest`;

export const jobRules: Rule[] = [
  {
    id: 'job/environment-missing',
    severity: 'error',
    title: 'The command job names no environment',
    explanation:
      'A command job runs its command in an environment, and environment is a required key of ' +
      'the command job YAML: a reference to a registered or curated environment, or an inline ' +
      'environment (image or build, optionally conda_file). Without it, az ml job create refuses ' +
      'the job.',
    hint: 'add environment: azureml:NAME@latest, or an inline mapping with image: and conda_file:',
    lesson: 'v2-environments',
    sources: [JOB_REFERENCE],
    formats: JOB,
    check: (ctx) => {
      const env = job(ctx).environment;
      if (typeof env === 'string' || isJsonRecord(env)) return [];
      return [
        {
          path: 'environment',
          message:
            env === undefined || env === null
              ? 'the job has no environment'
              : `environment is ${describe(env)}; give a reference string or an inline mapping`,
        },
      ];
    },
  },
  {
    id: 'job/type',
    severity: 'error',
    title: 'An environment-related job field has the wrong type',
    explanation:
      'In a command job, command and code are strings, environment_variables and resources are ' +
      'mappings (name: value lines). The job loader refuses other types ("Not a valid string.", ' +
      '"Not a valid mapping type."), so az ml job create stops before the job is submitted.',
    hint: 'write the value with the expected type',
    lesson: 'v2-environments',
    sources: [JOB_REFERENCE],
    formats: JOB,
    check: (ctx) => {
      const j = job(ctx);
      const out: Finding[] = [];
      for (const [key, kind] of FIELD_TYPES) {
        const value = j[key];
        if (value === undefined || value === null) continue;
        const ok = kind === 'string' ? typeof value === 'string' : isJsonRecord(value);
        if (!ok)
          out.push({
            path: key,
            message: `${key} must be ${kind === 'string' ? 'a string' : 'a mapping of name: value lines'}, not ${describe(value)} ("${kind === 'string' ? 'Not a valid string.' : 'Not a valid mapping type.'}")`,
          });
      }
      return out;
    },
  },
  {
    id: 'job/environment-reference',
    severity: 'error',
    title: 'An environment reference in a form the job does not accept',
    explanation:
      'A job refers to an existing environment as azureml:NAME:VERSION, azureml:NAME@latest (the ' +
      'newest version), or, for an environment in a registry such as the curated one, ' +
      'azureml://registries/REGISTRY/environments/NAME/versions/VERSION or .../labels/latest (a ' +
      'bare azureml:NAME is accepted too, see job/environment-unpinned). An image name, a path ' +
      'or a registry path without versions/ or labels/ is not a reference: the loader refuses it ' +
      '("In order to specify an existing environments, please provide either of the following ' +
      "prefixed with 'azureml:'\"), so az ml job create stops.",
    hint: 'write azureml:NAME:VERSION or azureml:NAME@latest',
    lesson: 'v2-environments',
    sources: [JOB_REFERENCE, 'https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2'],
    formats: JOB,
    check: (ctx) => {
      const env = job(ctx).environment;
      if (typeof env !== 'string' || parseEnvironmentReference(env)) return [];
      return [{ path: 'environment', ...referenceProblem(env) }];
    },
  },
  {
    id: 'job/environment-unpinned',
    severity: 'warning',
    title: 'An environment named without a version or label',
    explanation:
      'A command job may name a registered environment as just azureml:NAME: the job loader ' +
      'accepts it (the environment field is an ArmVersionedStr with allow_default_version=True) ' +
      'and the workspace picks the version. The file then does not say which environment the job ' +
      'runs in, so the same job.yml can run on a different environment after someone registers a ' +
      'new version. Pin a version (azureml:NAME:3) or say that you want the newest explicitly ' +
      '(azureml:NAME@latest).',
    hint: 'write azureml:NAME:VERSION, or azureml:NAME@latest to take the newest on purpose',
    lesson: 'v2-environments',
    sources: [
      JOB_REFERENCE,
      'https://github.com/Azure/azure-sdk-for-python/blob/main/sdk/ml/azure-ai-ml/azure/ai/ml/_schema/core/fields.py',
    ],
    formats: JOB,
    check: (ctx) => {
      const env = job(ctx).environment;
      const ref = typeof env === 'string' ? parseEnvironmentReference(env) : undefined;
      if (!ref || ref.version || ref.label || ref.registry || typeof env !== 'string') return [];
      return [
        {
          path: 'environment',
          message: `"${excerpt(env, 80)}" names an environment without a version or label: the workspace picks which version runs`,
          hint: `pin it, e.g. azureml:${ref.name}:1, or take the newest on purpose with azureml:${ref.name}@latest`,
        },
      ];
    },
  },
  {
    id: 'job/curated-environment',
    severity: 'warning',
    title: 'A curated environment that is deprecated or not in the catalog',
    explanation:
      'Curated environments are maintained by Microsoft and retired as their frameworks and base ' +
      'images age. A deprecated one stops receiving security patches and may be removed from the ' +
      'azureml registry; a name that is not in the catalog is often a typo or an old ' +
      'workspace-era name ("not found" at job submission, azure-sdk-for-python#38594). Today ' +
      'they are referenced from the azureml registry: ' +
      'azureml://registries/azureml/environments/NAME/labels/latest.',
    hint: 'use a current curated environment, e.g. azureml://registries/azureml/environments/sklearn-1.5/labels/latest',
    lesson: 'curated-environments',
    sources: [CURATED_DOC, 'https://github.com/Azure/azure-sdk-for-python/issues/38594'],
    formats: JOB,
    check: (ctx) => {
      const env = job(ctx).environment;
      const ref = typeof env === 'string' ? parseEnvironmentReference(env) : undefined;
      if (!ref) return [];
      const { entry, curated } = curatedLookup(ctx.catalog, ref);
      if (!curated) return [];
      if (entry?.status === 'deprecated') {
        const replacement = entry.replacement;
        return [
          {
            path: 'environment',
            message: `the curated environment "${entry.name}" is deprecated${replacement ? `; its replacement is ${replacement}` : ''}`,
            hint: replacement
              ? `environment: ${registryRef(replacement)}`
              : 'pick a current curated environment (amlenv curated)',
          },
        ];
      }
      if (entry) return [];
      const names = ctx.catalog.curated.filter((e) => e.status === 'current').map((e) => e.name);
      const guess = didYouMean(ref.name.replace(/^azureml-/i, ''), names);
      return [
        {
          path: 'environment',
          message: `"${excerpt(ref.name, 80)}" is not a curated environment amlenv knows${guess ? `; did you mean "${guess}"?` : ''}`,
          hint: guess ? `environment: ${registryRef(guess)}` : 'list the curated environments with amlenv curated',
        },
      ];
    },
  },
  {
    id: 'job/shm-size',
    severity: 'error',
    title: 'resources.shm_size is not a Docker size',
    explanation:
      "shm_size sets the size of the container's shared memory block (/dev/shm), which PyTorch " +
      'data loaders use heavily. The job reference says it "should be in the format of ' +
      '<number><unit> where number has to be greater than 0 and the unit can be one of b ' +
      '(bytes), k (kilobytes), m (megabytes), or g (gigabytes)", for example 2g. Other spellings ' +
      '(2GB, 2 g, 2Gi) are refused when the container starts.',
    hint: 'write the size as a number and one of b, k, m, g, e.g. shm_size: 2g',
    lesson: 'v2-environments',
    sources: [JOB_REFERENCE],
    formats: JOB,
    check: (ctx) => {
      const size = resources(ctx).shm_size;
      if (size === undefined || size === null) return [];
      if (typeof size === 'string' && /^0*[1-9]\d*[bkmg]?$/i.test(size.trim())) return [];
      return [
        {
          path: 'resources.shm_size',
          message: `shm_size ${typeof size === 'string' ? `"${excerpt(size, 40)}"` : describe(size)} is not <number><unit> with a unit of b, k, m or g`,
        },
      ];
    },
  },
  {
    id: 'job/docker-args',
    severity: 'error',
    title: 'resources.docker_args is not a well-formed argument string',
    explanation:
      "docker_args passes extra arguments to docker run for the job's container. It is split " +
      'like a shell command line, so an unclosed quote makes the whole string unusable and the ' +
      'job fails before your code runs.',
    hint: 'close the quote, or write the arguments without quotes, e.g. docker_args: --ipc=host',
    lesson: 'v2-environments',
    sources: [JOB_REFERENCE],
    formats: JOB,
    check: (ctx) => {
      const args = resources(ctx).docker_args;
      if (args === undefined || args === null) return [];
      const out: Finding[] = [];
      const check = (text: string, path: string) => {
        const split = shellWords(text);
        if (!split.ok) out.push({ path, message: `docker_args: ${split.error} (at character ${split.at + 1})` });
      };
      if (typeof args === 'string') check(args, 'resources.docker_args');
      else if (Array.isArray(args))
        args.forEach((a, i) => {
          if (typeof a === 'string') check(a, `resources.docker_args[${i}]`);
          else
            out.push({ path: `resources.docker_args[${i}]`, message: `a docker argument is ${describe(a)}, not text` });
        });
      else
        out.push({
          path: 'resources.docker_args',
          message: `docker_args is ${describe(args)}; write the arguments as text`,
        });
      return out;
    },
  },
  {
    id: 'job/code-missing',
    severity: 'error',
    title: 'The code folder of the job is not there',
    explanation:
      "code names the local folder az ml uploads as the job's snapshot; the command runs inside " +
      'it. A folder that does not exist (relative to the job file) makes az ml job create fail ' +
      'before anything is uploaded.',
    hint: 'give the folder that holds your scripts, relative to the job file',
    lesson: 'v2-environments',
    sources: [JOB_REFERENCE],
    formats: JOB,
  },
  {
    id: 'job/script-missing',
    severity: 'warning',
    title: 'The script the command runs is not in the code folder',
    explanation:
      'The command runs in the uploaded code folder, so "python train.py" needs train.py inside ' +
      'code. az ml job create does not look: the job is submitted, waits for compute and then ' +
      'fails with "No such file or directory", minutes later. A warning, since a script may also ' +
      'come from the image or a mounted input.',
    hint: 'move the script into the code folder, or correct its path in command',
    lesson: 'v2-environments',
    sources: [JOB_REFERENCE],
    formats: JOB,
  },
];
