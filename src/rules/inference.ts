import type { Rule } from './types.js';
import { V1 } from './types.js';

export const inferenceRules: Rule[] = [
  {
    id: 'inference/stack-version',
    severity: 'error',
    title: 'inferencingStackVersion is neither null nor "latest"',
    explanation:
      'inferencingStackVersion adds the Azure ML inferencing stack to an image used for v1 ' +
      'deployments. The only accepted value is "latest"; leave it null for training environments.',
    hint: 'set it to "latest" or null',
    lesson: 'user-managed-python',
    formats: V1,
    check: ({ env }) => {
      const value = env.inferencingStackVersion;
      return value === undefined || value === null || value === 'latest'
        ? []
        : [
            {
              path: 'inferencingStackVersion',
              message: `inferencingStackVersion is ${JSON.stringify(value)}; only "latest" or null are accepted`,
            },
          ];
    },
  },
];
