// What convert writes never carries a secret: a secret-looking variable's value becomes a placeholder in
// job.yml, and credentials in a pip index URL become a ${VAR} reference pip expands at install time.
import type { Json } from './fields.js';
import { isRecord } from './path.js';
import { looksSecret } from '../util/secret-names.js';

export const SECRET_PLACEHOLDER = '<set-me: secret value not copied>';
export const PIP_CREDENTIALS_VAR = 'PIP_INDEX_CREDENTIALS';
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi;

export interface Scrubbed {
  path: string;
  message: string;
}

/** Replaces secret-looking values in a job's environment_variables; returns what was replaced. */
export function scrubJobVariables(job: Record<string, Json>): Scrubbed[] {
  const vars = job.environment_variables;
  if (!isRecord(vars)) return [];
  const out: Scrubbed[] = [];
  const copy: Record<string, Json> = { ...vars };
  job.environment_variables = copy;
  for (const [name, value] of Object.entries(vars)) {
    if (!looksSecret(name) || value === null || value === '' || value === SECRET_PLACEHOLDER) continue;
    copy[name] = SECRET_PLACEHOLDER;
    out.push({
      path: `environmentVariables.${name}`,
      message: `looks like a secret, so its value was not copied to job.yml; set it there by hand, or better read it in the script from the workspace key vault`,
    });
  }
  return out;
}

/** Replaces user:password@ in pip URLs of a conda spec with ${PIP_INDEX_CREDENTIALS}@. */
export function scrubPipCredentials(conda: Json | undefined): Scrubbed[] {
  if (!isRecord(conda) || !Array.isArray(conda.dependencies)) return [];
  const out: Scrubbed[] = [];
  conda.dependencies.forEach((item, i) => {
    if (!isRecord(item) || !Array.isArray(item.pip)) return;
    item.pip = item.pip.map((entry, j) => {
      if (typeof entry !== 'string' || !URL_CREDENTIALS.test(entry)) return entry;
      URL_CREDENTIALS.lastIndex = 0;
      out.push({
        path: `python.condaDependencies.dependencies[${i}].pip[${j}]`,
        message: `the URL carries credentials, which were not copied; conda.yml has \${${PIP_CREDENTIALS_VAR}} in their place (pip expands it from the environment: set ${PIP_CREDENTIALS_VAR}=user:token where the image is built)`,
      });
      return entry.replace(URL_CREDENTIALS, `$1\${${PIP_CREDENTIALS_VAR}}@`);
    });
  });
  return out;
}
