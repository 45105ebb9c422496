import { excerpt } from '../util/safe-text.js';
import { safeFileName } from '../util/safe-name.js';
import type { Rule } from './types.js';
import { V1, WITH_IMAGE } from './types.js';

const RESERVED = /^(azureml|microsoft)/i;

export const nameRules: Rule[] = [
  {
    id: 'name/required',
    severity: 'error',
    title: 'The environment has no name',
    explanation:
      'Every environment needs a name: it is how you register it in a workspace, how jobs refer ' +
      'to it, and, together with the version, how Azure ML finds it again. Environment(name) ' +
      'takes it as its one required argument.',
    hint: 'add "name": "my-environment"',
    lesson: 'what-is-an-environment',
    formats: V1,
    check: ({ env }) =>
      (typeof env.name === 'string' && env.name.trim() !== '') ||
      (env.name !== undefined && typeof env.name !== 'string' && env.name !== null)
        ? []
        : [{ path: 'name', message: 'the environment has no name' }],
  },
  {
    id: 'name/reserved-prefix',
    severity: 'error',
    title: 'The name starts with "AzureML" or "Microsoft"',
    explanation:
      'Names starting with "AzureML" or "Microsoft" are reserved for curated environments that ' +
      'Microsoft maintains. Registering one fails ("Environment name can not start with the ' +
      'prefix AzureML"). To change a curated environment, copy it and give the copy a name of ' +
      'your own.',
    hint: 'rename it, for example by removing the prefix: "sklearn-custom"',
    lesson: 'curated-environments',
    sources: [
      'https://github.com/MicrosoftDocs/azure-docs/issues/65770',
      'https://learn.microsoft.com/azure/machine-learning/resource-curated-environments',
    ],
    formats: WITH_IMAGE,
    check: ({ env }) => {
      if (typeof env.name !== 'string' || !RESERVED.test(env.name)) return [];
      const suggestion = env.name.replace(/^(azureml|microsoft)[-_]*/i, '') || 'my-environment';
      return [
        {
          path: 'name',
          message: `"${env.name}" starts with the reserved prefix "${RESERVED.exec(env.name)![0]}"`,
          hint: `rename it, e.g. "${suggestion}-copy"`,
        },
      ];
    },
  },
  {
    id: 'name/too-long',
    severity: 'error',
    title: 'The name is longer than 255 characters',
    explanation:
      'Azure ML limits environment names to 255 characters; a longer name is rejected when the ' +
      'environment is registered.',
    hint: 'shorten the name to 255 characters or fewer',
    lesson: 'what-is-an-environment',
    sources: [
      'https://learn.microsoft.com/azure/machine-learning/how-to-troubleshoot-environments',
      'https://github.com/Azure/azure-rest-api-specs/tree/main/specification/machinelearningservices',
    ],
    formats: WITH_IMAGE,
    check: ({ env }) =>
      typeof env.name === 'string' && env.name.length > 255
        ? [{ path: 'name', message: `the name is ${env.name.length} characters long; the limit is 255` }]
        : [],
  },
  {
    id: 'name/invalid-characters',
    severity: 'error',
    title: 'The name holds characters Azure ML does not accept in an asset name',
    explanation:
      'An environment is registered as an asset whose name becomes part of a URL ' +
      '(…/environments/NAME/versions/VERSION) and of references such as azureml:NAME:VERSION. ' +
      'The Azure ML REST API describes asset names as starting with a letter or digit and ' +
      'continuing with letters, digits, "-" and "_" ' +
      '(https://github.com/Azure/azure-rest-api-specs/tree/main/specification/machinelearningservices); ' +
      'the registered curated names also use "." (AzureML-sklearn-1.0-ubuntu20.04-py38-cpu), so ' +
      'amlenv accepts "." as well. Spaces, slashes, ":" and control characters are refused when ' +
      'the environment is created, and a name such as "../../x" must never be used as a folder ' +
      'name. See ' +
      'https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2.',
    hint: 'use letters, digits, "-", "_" and "." only, starting with a letter or digit, e.g. "my-environment"',
    lesson: 'what-is-an-environment',
    sources: [
      'https://github.com/Azure/azure-rest-api-specs/tree/main/specification/machinelearningservices',
      'https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2',
    ],
    formats: WITH_IMAGE,
    check: ({ env }) => {
      if (typeof env.name !== 'string' || env.name === '' || VALID_NAME.test(env.name)) return [];
      const suggestion = safeFileName(env.name, 'my-environment');
      return [
        {
          path: 'name',
          message: `"${excerpt(env.name, 60)}" cannot be registered: ${nameProblem(env.name)}`,
          hint: `rename it, e.g. "${suggestion}"`,
        },
      ];
    },
  },
];

const VALID_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function nameProblem(name: string): string {
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'it holds control characters';
  if (/[/\\]/.test(name)) return 'it holds a path separator ("/" or "\\")';
  if (!/^[A-Za-z0-9]/.test(name)) return 'it must start with a letter or digit';
  const bad = [...new Set(Array.from(name).filter((c) => !/[A-Za-z0-9._-]/.test(c)))]
    .slice(0, 5)
    .map((c) => (c === ' ' ? 'space' : `"${c}"`));
  return `it holds ${bad.join(', ')}; only letters, digits, "-", "_" and "." are allowed`;
}
