// The one v2 file set: environment.yml (header and $schema), conda.yml beside it, the build context files and
// job.yml, as (path, text) pairs. `amlenv convert --to v2`, `amlenv init`, the wizard and the REPL all build
// their v2 output here, so the same definition always gives the same bytes.
import { join } from 'node:path';
import { CONDA_FILE, CONTEXT_DIR, v1ToV2, v2Yaml, type V2Options, type V2Result } from './convert.js';
import type { Json } from './fields.js';
import type { JsonRecord } from './json.js';
import { serializeConda } from './save.js';
import { scrubJobVariables, scrubPipCredentials } from './secrets-out.js';
import type { EnvObject } from './types.js';

/** The v2-only keys a definition written as v2 may carry on top of what the v1 shape holds. */
export interface V2Fields {
  description?: string;
  /** Tag name → value. */
  tags?: Record<string, string>;
  /** liveness_route, readiness_route and scoring_route, each { port, path }: for serving images. */
  inference_config?: JsonRecord;
}

export interface V2FileOptions extends V2Options {
  /** The file the definition came from, named in the header ("Converted by amlenv from …"). */
  source?: string;
  /** The header's first line; default "Converted by amlenv[ from SOURCE]." */
  title?: string;
  /** false: no job.yml. */
  job?: boolean;
  /** v2-only keys, placed where the schema lists them (description and tags after version, inference_config last). */
  fields?: V2Fields;
}

export interface V2Files {
  result: V2Result;
  files: Array<{ path: string; text: string }>;
}

export const ENV_CREATE = 'az ml environment create --file environment.yml';
export const JOB_CREATE = 'az ml job create --file job.yml';

/** Every file of the v2 form of `env`, under `dir`. Pure: the caller writes them. */
export function v2Files(env: EnvObject, dir: string, options: V2FileOptions = {}): V2Files {
  const result = v1ToV2(env, options);
  if (options.fields) result.environment = withFields(result.environment, options.fields);
  // Secrets stay out of every file written; each replacement is a note (a warning on the terminal).
  if (result.conda !== undefined) result.conda = structuredClone(result.conda);
  result.notes.push(...scrubJobVariables(result.job), ...scrubPipCredentials(result.conda));
  const header = [
    options.title ?? `Converted by amlenv${options.source ? ` from ${options.source}` : ''}.`,
    ...(result.notes.length
      ? ['Not carried over, or moved (see job.yml):', ...result.notes.map((n) => `- ${n.path}: ${n.message}`)]
      : []),
    `Create it with: ${ENV_CREATE}`,
  ].join('\n');
  const files = [{ path: join(dir, 'environment.yml'), text: v2Yaml(result.environment, header) }];
  if (result.conda !== undefined) files.push({ path: join(dir, CONDA_FILE), text: serializeConda(result.conda) });
  for (const [name, text] of Object.entries(result.context ?? {}))
    files.push({ path: join(dir, CONTEXT_DIR, name), text });
  if (options.job !== false) {
    const jobHeader = `A command job that runs on Azure ML what amlenv ran locally:\n  ${JOB_CREATE}\nSet code: to your source folder; add compute: azureml:<cluster> unless you use serverless compute.`;
    files.push({ path: join(dir, 'job.yml'), text: v2Yaml(result.job, jobHeader) });
  }
  return { result, files };
}

/** The environment document with the v2-only keys in schema order; empty values are left out. */
function withFields(environment: Record<string, Json>, fields: V2Fields): Record<string, Json> {
  const { $schema, name, version, ...rest } = environment;
  const out: Record<string, Json> = { $schema, name };
  if (version !== undefined) out.version = version;
  if (fields.description?.trim()) out.description = fields.description.trim();
  if (fields.tags && Object.keys(fields.tags).length) out.tags = { ...fields.tags };
  Object.assign(out, rest);
  if (fields.inference_config && Object.keys(fields.inference_config).length)
    out.inference_config = structuredClone(fields.inference_config);
  return out;
}
