// The environment a REPL session is looking at ("the definition"): its JSON snapshot for diffs, the
// LoadedDefinition the validator and the build read, and its text forms.
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Json } from '../env/fields.js';
import { jsonRecord, type JsonRecord } from '../env/json.js';
import { loadDefinitionText } from '../env/load.js';
import { serializeConda, serializeV1Json } from '../env/save.js';
import type { EnvObject, LoadedDefinition } from '../env/types.js';
import type { V2Fields } from '../env/v2-files.js';
import { EnvironmentV1 } from './sdk/environment.js';
import { maskSecrets } from './sdk/mask.js';
import { BuildContext, EnvironmentV2 } from './sdk/v2.js';
import { cloneValue, plainJson, toJson, type Value } from './values.js';

export type Focus = EnvironmentV1 | EnvironmentV2;

export const isFocus = (v: Value | undefined): v is Focus => v instanceof EnvironmentV1 || v instanceof EnvironmentV2;

/** Virtual file names the definition is validated as, inside the REPL's folder (relative paths resolve there). */
export const V1_VIRTUAL = 'repl-environment.json';
export const V2_VIRTUAL = 'repl-environment.yml';

/** The definition as plain JSON (v1: the SDK JSON; v2: the environment YAML document). */
export function snapshot(focus: Focus): Json {
  return focus instanceof EnvironmentV1 ? plainJson(focus.data) : focus.document();
}

export function describe(focus: Focus): string {
  if (focus instanceof EnvironmentV1) return `Environment ${JSON.stringify(focus.data.name ?? null)} (SDK v1)`;
  return `Environment ${JSON.stringify(focus.values.name ?? null)} (SDK v2)`;
}

/** The v1 JSON as Environment._serialize_to_dict gives it (what save_to_directory splits into its files). */
export function v1Json(focus: EnvironmentV1, { mask = true } = {}): string {
  const env = plainJson(focus.data);
  return serializeV1Json(mask ? maskSecrets(env) : env);
}

/** For a v1 environment: the conda_dependencies.yml save_to_directory writes, if any. */
export function condaYaml(focus: EnvironmentV1): string | undefined {
  const spec = jsonRecord(jsonRecord(focus.data.python)?.condaDependencies);
  return spec ? serializeConda(plainJson(spec)) : undefined;
}

/**
 * What the v2 file builder (src/env/v2-files.ts) takes: the definition in the model's shape, and the v2-only
 * fields. A v2 environment's relative build path is made relative to `targetDir`, where its files go; its conda
 * file (inline or read from a path) is written beside the environment YAML by the builder. `dropped` names the
 * attributes the files cannot hold.
 */
export function v2Source(
  focus: Focus,
  cwd: string,
  targetDir: string,
): { env: EnvObject; fields: V2Fields; dropped: string[] } {
  if (focus instanceof EnvironmentV1) return { env: plainJson(focus.data), fields: {}, dropped: [] };
  const v = focus.values;
  const text = (x: Value | undefined) => (typeof x === 'string' ? x : undefined);
  const docker: JsonRecord = {};
  const python: JsonRecord = { userManagedDependencies: false };
  const env: EnvObject = { name: text(v.name) ?? null, version: text(v.version) ?? null, python, docker };
  const image = text(v.image);
  if (image !== undefined) docker.baseImage = image;
  if (v.conda_file !== undefined) python.condaDependencies = toJson(cloneValue(v.conda_file), 'Environment.conda_file');
  if (v.build instanceof BuildContext && v.build.path !== null) {
    const path = v.build.path;
    const moved =
      isAbsolute(path) || /^[a-z][a-z0-9+.-]*:/i.test(path) ? path : relative(targetDir, resolve(cwd, path)) || '.';
    docker.buildContext = { location: moved, dockerfilePath: v.build.dockerfilePath ?? 'Dockerfile' };
  }
  const os = text(v.os_type);
  if (os !== undefined) docker.platform = { os, architecture: 'amd64' };
  const fields: V2Fields = {};
  const description = text(v.description);
  if (description !== undefined) fields.description = description;
  const tags = jsonRecord(v.tags === undefined ? undefined : toJson(cloneValue(v.tags), 'Environment.tags'));
  if (tags)
    fields.tags = Object.fromEntries(
      Object.entries(tags).map(([k, x]) => [k, typeof x === 'string' ? x : JSON.stringify(x)]),
    );
  const inference = jsonRecord(
    v.inference_config === undefined
      ? undefined
      : toJson(cloneValue(v.inference_config), 'Environment.inference_config'),
  );
  if (inference) fields.inference_config = inference;
  const dropped = (['properties', 'datastore'] as const).filter((k) => v[k] !== undefined);
  return { env, fields, dropped };
}

/** The definition as the loaders would read it from a file in the REPL's folder. */
export function loadedDefinition(focus: Focus, cwd: string): LoadedDefinition {
  const outcome =
    focus instanceof EnvironmentV1
      ? loadDefinitionText(v1Json(focus, { mask: false }), join(cwd, V1_VIRTUAL), { format: 'v1-json' })
      : loadDefinitionText(focus.yaml(), join(cwd, V2_VIRTUAL), { format: 'v2-yaml' });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.def;
}
