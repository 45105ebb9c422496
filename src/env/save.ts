import { stringify } from 'yaml';
import type { Json } from './fields.js';
import { V1_DIR_CONDA, V1_DIR_DOCKERFILE, V1_DIR_JSON } from './load.js';
import { isRecord } from './path.js';
import { applyStyle } from './text.js';
import type { CondaOrigin, EnvObject, LoadedDefinition, TextStyle } from './types.js';

/** What Environment.save_to_directory writes: 4-space JSON, \n line endings, no final newline, ASCII escapes. */
export const SDK_JSON_STYLE: TextStyle = {
  eol: '\n',
  finalNewline: false,
  bom: false,
  indent: '    ',
  asciiOnly: true,
};
export const YAML_STYLE: TextStyle = { eol: '\n', finalNewline: true, bom: false };

/** Serializes the model as the SDK does (json.dump with indent), in the given style; key order is kept. */
export function serializeV1Json(env: EnvObject, style: TextStyle = SDK_JSON_STYLE): string {
  let body = JSON.stringify(env, null, style.indent ?? '    ');
  if (style.asciiOnly)
    body = body.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return applyStyle(body, style);
}

/**
 * The v1 JSON text of a loaded definition, as it would be saved: a conda spec that was read from its own
 * file (condaDependenciesFile) stays in that file and out of the JSON.
 */
export function definitionJson(def: LoadedDefinition): string {
  if (!def.conda?.file || !isRecord(def.env.python)) return serializeV1Json(def.env, def.sources[0]?.style);
  const { condaDependencies: _fromFile, ...python } = def.env.python;
  return serializeV1Json({ ...def.env, python }, def.sources[0]?.style);
}

/** A conda spec as YAML, in the block style conda and the SDK write. */
export function serializeConda(spec: Json): string {
  return stringify(spec, { indentSeq: false, lineWidth: 0 });
}

/** The files of the SDK v1 folder layout, by file name. */
export function v1DirFiles(
  env: EnvObject,
  options: { style?: TextStyle; conda?: CondaOrigin } = {},
): Record<string, string> {
  const json = structuredClone(env);
  const files: Record<string, string> = {};
  const python = isRecord(json.python) ? json.python : undefined;
  if (python && 'condaDependencies' in python) {
    const spec = python.condaDependencies;
    delete python.condaDependencies;
    if (spec !== null && spec !== undefined) {
      const unchanged = options.conda?.text !== undefined && options.conda.value === JSON.stringify(spec);
      files[V1_DIR_CONDA] = unchanged ? options.conda!.text! : serializeConda(spec);
    }
  }
  const docker = isRecord(json.docker) ? json.docker : undefined;
  if (docker && typeof docker.baseDockerfile === 'string') {
    files[V1_DIR_DOCKERFILE] = docker.baseDockerfile;
    delete docker.baseDockerfile;
  }
  return { [V1_DIR_JSON]: serializeV1Json(json, options.style), ...files };
}
