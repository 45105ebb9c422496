import { condaRules } from './conda.js';
import { depsRules } from './deps.js';
import { dockerImageRules } from './docker-image.js';
import { dockerRegistryRules } from './docker-registry.js';
import { dockerSettingRules } from './docker-settings.js';
import { dockerfileRules } from './dockerfile.js';
import { envVarRules } from './env-vars.js';
import { inferenceRules } from './inference.js';
import { inputRules } from './input.js';
import { jobRules } from './job.js';
import { loadingRules } from './loading.js';
import { lockRules } from './lock.js';
import { nameRules } from './name.js';
import { pipRules } from './pip.js';
import { pythonRules } from './python.js';
import { schemaRules } from './schema.js';
import { sparkRules } from './spark.js';
import type { Rule } from './types.js';
import { v2Rules } from './v2.js';
import { v2SchemaRules } from './v2-schema.js';

/** Every rule, in the order `amlenv rules` lists them. A new rule goes into its section's module. */
export const RULES: readonly Rule[] = [
  ...loadingRules,
  ...inputRules,
  ...schemaRules,
  ...nameRules,
  ...pythonRules,
  ...condaRules,
  ...lockRules,
  ...pipRules,
  ...depsRules,
  ...envVarRules,
  ...dockerImageRules,
  ...dockerRegistryRules,
  ...dockerfileRules,
  ...dockerSettingRules,
  ...sparkRules,
  ...inferenceRules,
  ...v2Rules,
  ...v2SchemaRules,
  ...jobRules,
];

const byId = new Map(RULES.map((r) => [r.id, r]));
export const findRule = (id: string): Rule | undefined => byId.get(id);
