// What the wizard writes for each output form, as (path, text) pairs. Pure: the view does the writing.
import { join } from 'node:path';
import { CONDA_FILE, CONTEXT_DIR, v1ToV2, v2Yaml, type ConversionNote } from '../../env/convert.js';
import { isRecord } from '../../env/path.js';
import { SDK_JSON_STYLE, serializeConda, serializeV1Json, v1DirFiles } from '../../env/save.js';
import type { EnvObject } from '../../env/types.js';
import type { Draft } from './draft.js';

export interface OutputFile {
  path: string;
  text: string;
}

/** The environment as it will be written: the password only when the user chose to write it. */
export function outputEnv(draft: Draft): EnvObject {
  const env = structuredClone(draft.env);
  const docker = isRecord(env.docker) ? env.docker : undefined;
  const registry = docker && isRecord(docker.baseImageRegistry) ? docker.baseImageRegistry : undefined;
  if (registry) registry.password = draft.meta.writePassword && draft.password ? draft.password : null;
  return env;
}

function v2Files(env: EnvObject, dir: string): { files: OutputFile[]; notes: ConversionNote[] } {
  const result = v1ToV2(env);
  const files: OutputFile[] = [{ path: join(dir, 'environment.yml'), text: v2Yaml(result.environment) }];
  if (result.conda !== undefined) files.push({ path: join(dir, CONDA_FILE), text: serializeConda(result.conda) });
  for (const [name, text] of Object.entries(result.context ?? {}))
    files.push({ path: join(dir, CONTEXT_DIR, name), text });
  return { files, notes: result.notes };
}

export function outputFiles(draft: Draft): { files: OutputFile[]; notes: ConversionNote[] } {
  const env = outputEnv(draft);
  const out = draft.meta.outPath;
  const json = (path: string): OutputFile => ({
    path,
    text: serializeV1Json(env, { ...SDK_JSON_STYLE, finalNewline: true }),
  });
  const dir = (folder: string): OutputFile[] =>
    Object.entries(v1DirFiles(env)).map(([name, text]) => ({ path: join(folder, name), text }));
  switch (draft.meta.output) {
    case 'v1-file':
      return { files: [json(out)], notes: [] };
    case 'v1-dir':
      return { files: dir(out), notes: [] };
    case 'v2':
      return v2Files(env, out);
    case 'all': {
      const v2 = v2Files(env, join(out, 'v2'));
      return { files: [json(join(out, 'env.json')), ...dir(join(out, 'v1')), ...v2.files], notes: v2.notes };
    }
  }
}

/** The path to hand to `amlenv run` for what was written: the v1 file or folder, or the v2 environment YAML. */
export function definitionPath(draft: Draft): string {
  const out = draft.meta.outPath;
  switch (draft.meta.output) {
    case 'v1-file':
    case 'v1-dir':
      return out;
    case 'v2':
      return join(out, 'environment.yml');
    case 'all':
      return join(out, 'env.json');
  }
}

/** The text shown in the review preview for the chosen form (the first file, or the v2 YAML). */
export function previewText(draft: Draft): { title: string; text: string; lang: 'json' | 'yaml' } {
  const { files } = outputFiles(draft);
  const main = files.find((f) => /environment\.yml$/.test(f.path) && draft.meta.output === 'v2') ?? files[0];
  return { title: main.path, text: main.text, lang: main.path.endsWith('.json') ? 'json' : 'yaml' };
}
