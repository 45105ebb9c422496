import type { Rule } from './types.js';
import { V1, WITH_IMAGE } from './types.js';

const RESERVED = /^(azureml|microsoft)/i;

export const nameRules: Rule[] = [
  {
    id: 'name/required',
    severity: 'error',
    title: 'The environment has no name',
    explanation:
      'Every environment needs a name: it is how you register it in a workspace, how jobs refer to it, and, together with the version, how Azure ML finds it again. Environment(name) takes it as its one required argument.',
    hint: 'add "name": "my-environment"',
    lesson: 'what-is-an-environment',
    formats: V1,
    check: ({ env }) => (typeof env.name === 'string' && env.name.trim() !== '') || (env.name !== undefined && typeof env.name !== 'string' && env.name !== null) ? [] : [{ path: 'name', message: 'the environment has no name' }],
  },
  {
    id: 'name/reserved-prefix',
    severity: 'error',
    title: 'The name starts with "AzureML" or "Microsoft"',
    explanation:
      'Names starting with "AzureML" or "Microsoft" are reserved for curated environments that Microsoft maintains. Registering one fails ("Environment name can not start with the prefix AzureML"). To change a curated environment, copy it and give the copy a name of your own.',
    hint: 'rename it, for example by removing the prefix: "sklearn-custom"',
    lesson: 'curated-environments',
    formats: WITH_IMAGE,
    check: ({ env }) => {
      if (typeof env.name !== 'string' || !RESERVED.test(env.name)) return [];
      const suggestion = env.name.replace(/^(azureml|microsoft)[-_]*/i, '') || 'my-environment';
      return [{ path: 'name', message: `"${env.name}" starts with the reserved prefix "${RESERVED.exec(env.name)![0]}"`, hint: `rename it, e.g. "${suggestion}-copy"` }];
    },
  },
  {
    id: 'name/too-long',
    severity: 'error',
    title: 'The name is longer than 255 characters',
    explanation: 'Azure ML limits environment names to 255 characters; a longer name is rejected when the environment is registered.',
    hint: 'shorten the name to 255 characters or fewer',
    lesson: 'what-is-an-environment',
    formats: WITH_IMAGE,
    check: ({ env }) => (typeof env.name === 'string' && env.name.length > 255 ? [{ path: 'name', message: `the name is ${env.name.length} characters long; the limit is 255` }] : []),
  },
];
