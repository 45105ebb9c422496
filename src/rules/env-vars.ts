import { childPath, isRecord } from '../env/path.js';
import type { Finding, Rule, RuleContext } from './types.js';
import { JOB, V1 } from './types.js';

/** v1 environments keep variables on the environment; a v2 command job keeps them under environment_variables. */
const WITH_VARIABLES = [...V1, ...JOB];

export { looksSecret } from '../util/secret-names.js';
import { looksSecret } from '../util/secret-names.js';

/** A value that refers to a secret rather than holding one (a variable, a Key Vault reference, a ${{...}} job expression). */
const REFERENCE =
  /^(\$\{\{[^{}]*\}\}|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\(.*\)|@Microsoft\.KeyVault\(.*\)|azureml:.*|<.*>)$/;

/** The env/secret-like notion: a secret-looking name holding a literal value (not a reference to a secret). */
export function holdsSecret(name: string, value: unknown): boolean {
  return looksSecret(name) && typeof value === 'string' && value.trim() !== '' && !REFERENCE.test(value.trim());
}

function eachVariable(
  ctx: RuleContext,
  visit: (name: string, value: unknown, path: string) => Finding | undefined,
): Finding[] {
  const vars = ctx.env.environmentVariables;
  if (!isRecord(vars)) return [];
  const out: Finding[] = [];
  for (const [name, value] of Object.entries(vars)) {
    const finding = visit(name, value, childPath('environmentVariables', name));
    if (finding) out.push(finding);
  }
  return out;
}

export const envVarRules: Rule[] = [
  {
    id: 'env/invalid-name',
    severity: 'error',
    title: 'An environment variable name that a shell cannot use',
    explanation:
      'Variable names should be letters, digits and underscores, not starting with a digit ' +
      '(MY_SETTING, not my-setting or 2FAST). Other names cannot be read from a shell, are ' +
      'dropped by some tools, and behave differently between Linux and Windows containers.',
    hint: 'use letters, digits and underscores only, starting with a letter or underscore',
    lesson: 'environment-variables',
    formats: WITH_VARIABLES,
    check: (ctx) =>
      eachVariable(ctx, (name, _v, path) =>
        /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
          ? undefined
          : {
              path,
              message: `"${name}" is not a valid environment variable name`,
              hint: `rename it, e.g. "${name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'NAME'}"`,
            },
      ),
  },
  {
    id: 'env/non-string',
    severity: 'error',
    title: 'An environment variable value that is not a string',
    explanation:
      'Environment variables are always text. The SDK expects a string for every value; a ' +
      'number, boolean, list or null is rejected or turned into text you did not expect (true ' +
      'becomes "True" in Python). Quote the value.',
    hint: 'write the value in quotes, e.g. "1"',
    lesson: 'environment-variables',
    formats: WITH_VARIABLES,
    check: (ctx) =>
      eachVariable(ctx, (name, value, path) =>
        typeof value === 'string'
          ? undefined
          : {
              path,
              message: `the value of ${name} is ${value === null ? 'null' : typeof value === 'object' ? 'not text' : `${typeof value} ${JSON.stringify(value)}`}, not a string`,
              hint:
                value === null || typeof value === 'object'
                  ? 'give it a text value, or remove the variable'
                  : `write it as "${String(value)}"`,
            },
      ),
  },
  {
    id: 'env/secret-like',
    severity: 'warning',
    title: 'A secret written into the environment',
    explanation:
      'A variable named like a password, secret, token or key holds a literal value. The ' +
      'definition is stored in the workspace, copied into version control and shown to everyone ' +
      'who can read the environment. Keep secrets in the workspace key vault and read them at ' +
      'run time; amlenv never prints such values.',
    hint: 'remove the value and read the secret from Azure Key Vault at run time',
    lesson: 'environment-variables',
    formats: WITH_VARIABLES,
    check: (ctx) =>
      eachVariable(ctx, (name, value, path) =>
        holdsSecret(name, value)
          ? { path, message: `${name} looks like a secret and holds a literal value` }
          : undefined,
      ),
  },
  {
    id: 'env/reserved-prefix',
    severity: 'warning',
    title: 'An environment variable with the AZUREML_ prefix',
    explanation:
      'Azure ML sets its own variables starting with AZUREML_ (AZUREML_RUN_ID, ' +
      'AZUREML_CONDA_ENVIRONMENT_PATH, ...). A variable of yours with that prefix can be ' +
      'overwritten by the platform, or can overwrite one the platform relies on.',
    hint: 'choose a prefix of your own, e.g. MYAPP_',
    lesson: 'environment-variables',
    formats: WITH_VARIABLES,
    check: (ctx) =>
      eachVariable(ctx, (name, _v, path) =>
        /^AZUREML_/i.test(name)
          ? {
              path,
              message: `${name} uses the AZUREML_ prefix that Azure ML reserves for its own variables`,
              hint: `rename it, e.g. "${name.replace(/^AZUREML_/i, 'MY_')}"`,
            }
          : undefined,
      ),
  },
];
