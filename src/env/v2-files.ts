// The files of a v1 → v2 conversion, as (path, text) pairs.
import { join } from 'node:path';
import { CONDA_FILE, CONTEXT_DIR, v1ToV2, v2Yaml, type V2Options, type V2Result } from './convert.js';
import { serializeConda } from './save.js';
import type { EnvObject } from './types.js';
import type { Json } from './fields.js';
import { scrubJobVariables, scrubPipCredentials } from './secrets-out.js';

export interface V2Files {
  result: V2Result;
  files: Array<{ path: string; text: string }>;
}

export function v2Files(
  env: EnvObject,
  dir: string,
  options: V2Options & { source?: string; job?: boolean } = {},
): V2Files {
  const result = v1ToV2(env, options);
  // Secrets stay out of every file written; each replacement is a note (a warning on the terminal).
  if (result.conda !== undefined) result.conda = structuredClone(result.conda);
  result.notes.push(
    ...scrubJobVariables(result.job as Record<string, Json>),
    ...scrubPipCredentials(result.conda as Json | undefined),
  );
  const header = [
    `Converted by amlenv${options.source ? ` from ${options.source}` : ''}.`,
    ...(result.notes.length
      ? ['Not carried over, or moved (see job.yml):', ...result.notes.map((n) => `- ${n.path}: ${n.message}`)]
      : []),
    'Create it with: az ml environment create --file environment.yml',
  ].join('\n');
  const files = [{ path: join(dir, 'environment.yml'), text: v2Yaml(result.environment, header) }];
  if (result.conda !== undefined) files.push({ path: join(dir, CONDA_FILE), text: serializeConda(result.conda) });
  for (const [name, text] of Object.entries(result.context ?? {}))
    files.push({ path: join(dir, CONTEXT_DIR, name), text });
  if (options.job !== false) {
    const jobHeader =
      'A command job that runs on Azure ML what amlenv ran locally:\n  az ml job create --file job.yml\nSet code: to your source folder; add compute: azureml:<cluster> unless you use serverless compute.';
    files.push({ path: join(dir, 'job.yml'), text: v2Yaml(result.job, jobHeader) });
  }
  return { result, files };
}
