import type { Rule } from './types.js';
import { ALL } from './types.js';
import { hasCredentialsInUrl } from '../util/url-credentials.js';

export const pipRules: Rule[] = [
  {
    id: 'pip/invalid-requirement',
    severity: 'error',
    title: 'A pip entry that pip cannot read',
    explanation:
      'Entries under "- pip:" are written to a requirements file and handed to pip. Each must be ' +
      'a PEP 508 requirement ("pandas==2.2.2", "azureml-defaults>=1.0.45", "mlflow[extras]"), a ' +
      'URL or local wheel path, or a pip option such as --extra-index-url. pip stops at the ' +
      'first line it cannot read, failing the image build.',
    hint: 'write it as name==version (pip uses "==", not "=")',
    lesson: 'conda-and-pip',
    formats: ALL,
    check: ({ deps }) =>
      deps.pip.filter((d) => d.error).map((d) => ({ path: d.path, message: `"${d.raw}": ${d.error}` })),
  },
  {
    id: 'pip/missing-pip',
    severity: 'warning',
    title: 'pip packages without pip in the conda dependencies',
    explanation:
      'conda installs the "- pip:" list with the pip of the new environment. When pip itself is ' +
      'not among the conda dependencies, conda warns and may use a pip from elsewhere, or none, ' +
      'so the pip packages can end up missing or in the wrong place. Azure ML warns when pip is ' +
      'not specified.',
    hint: 'add "pip" (ideally pinned, e.g. "pip=24.0") to dependencies',
    lesson: 'conda-and-pip',
    formats: ALL,
    check: ({ deps }) =>
      deps.pip.length > 0 && !deps.conda.some((d) => d.name === 'pip')
        ? [
            {
              path: deps.pipLists[0],
              message: `${deps.pip.length} pip package${deps.pip.length === 1 ? '' : 's'} but no "pip" entry in the conda dependencies`,
            },
          ]
        : [],
  },
  {
    id: 'pip/credentials-in-url',
    severity: 'warning',
    title: 'A pip entry carries a user name and password in its URL',
    explanation:
      'A private feed written as https://user:token@host/... puts the secret in the environment ' +
      'definition, in the image build log and in every copy of the file. Azure ML can reach ' +
      'private feeds through workspace connections, and private wheels can be uploaded to the ' +
      'workspace instead.',
    hint: 'remove the credentials from the URL; use a workspace connection for the feed',
    lesson: 'private-packages',
    formats: ALL,
    check: ({ deps }) =>
      deps.pip
        .filter((d) => hasCredentialsInUrl(d.raw))
        .map((d) => ({ path: d.path, message: 'this pip entry has credentials in its URL' })),
  },
];
