// What the wizard writes for each output form, as (path, text) pairs. Pure: the view does the writing. Every
// v2 file comes from env/v2-files.ts, the builder `amlenv convert --to v2` uses too.
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ConversionNote } from '../../env/convert.js';
import { jsonRecord } from '../../env/json.js';
import { SDK_JSON_STYLE, serializeV1Json, v1DirFiles } from '../../env/save.js';
import type { EnvObject } from '../../env/types.js';
import { v2Files } from '../../env/v2-files.js';
import { type Draft, inferenceConfig, pythonKind, sdkOf, v2Of } from './draft.js';

export interface OutputFile {
  path: string;
  text: string;
}

/** The environment as it will be written: the password only when the user chose to write it. */
export function outputEnv(draft: Draft): EnvObject {
  const env = structuredClone(draft.env);
  const registry = jsonRecord(jsonRecord(env.docker)?.baseImageRegistry);
  if (registry) registry.password = draft.meta.writePassword && draft.password ? draft.password : null;
  return env;
}

/** The definition file a v1 draft was started from, which the converted header names as convert does. */
function sourceFile(draft: Draft): string | undefined {
  return draft.meta.origin.startsWith('file ') ? draft.meta.origin.slice('file '.length) : undefined;
}

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git+');

/**
 * A v2 draft in the shape the builder reads: the build folder (typed relative to where amlenv runs) made
 * relative to the folder the YAML goes in, and no v1-only python settings (v2 has conda_file or nothing).
 * The conda lists stay in the draft when they are not written, so switching back brings them back.
 */
function v2Env(draft: Draft, dir: string): EnvObject {
  const env = outputEnv(draft);
  const python = jsonRecord(env.python);
  if (python) {
    // v2 has conda_file next to an image, or nothing: a build context's Dockerfile installs the packages.
    const noConda = pythonKind(env) === 'user' || ['build', 'dockerfile'].includes(draft.meta.imageSource);
    python.userManagedDependencies = false;
    python.interpreterPath = 'python';
    python.baseCondaEnvironment = null;
    if (noConda) delete python.condaDependencies;
  }
  const context = jsonRecord(jsonRecord(env.docker)?.buildContext);
  if (context && typeof context.location === 'string' && context.location && !isUrl(context.location))
    context.location = besideYaml(context.location, dir);
  return env;
}

/** A folder typed relative to where amlenv runs, as the YAML in `dir` names it. */
export function besideYaml(folder: string, dir: string): string {
  const absolute = isAbsolute(folder) ? folder : resolve(folder);
  return relative(resolve(dir), absolute).split('\\').join('/') || '.';
}

/** The v2 file set of a v2 draft: environment.yml, conda.yml (with an image and a conda file), job.yml. */
function v2DraftFiles(draft: Draft, dir: string): { files: OutputFile[]; notes: ConversionNote[] } {
  const v2 = v2Of(draft);
  const { files, result } = v2Files(v2Env(draft, dir), dir, {
    title: 'Written by the amlenv wizard.',
    keepName: true,
    command: v2.command || undefined,
    code: besideYaml(v2.code || '.', dir),
    fields: { description: v2.description, tags: v2.tags, inference_config: inferenceConfig(v2) },
  });
  return { files, notes: result.notes };
}

export function outputFiles(draft: Draft): { files: OutputFile[]; notes: ConversionNote[] } {
  const out = draft.meta.outPath;
  if (sdkOf(draft) === 'v2') return v2DraftFiles(draft, out);
  const env = outputEnv(draft);
  const converted = (dir: string) => {
    const { files, result } = v2Files(env, dir, { source: sourceFile(draft) });
    return { files, notes: result.notes };
  };
  const json = (path: string): OutputFile => ({
    path,
    text: serializeV1Json(env, { ...SDK_JSON_STYLE, finalNewline: true }),
  });
  const folder = (dir: string): OutputFile[] =>
    Object.entries(v1DirFiles(env)).map(([name, text]) => ({ path: join(dir, name), text }));
  switch (draft.meta.output) {
    case 'v1-file':
      return { files: [json(out)], notes: [] };
    case 'v1-dir':
      return { files: folder(out), notes: [] };
    case 'v2':
      return converted(out);
    case 'all': {
      const v2 = converted(join(out, 'v2'));
      return { files: [json(join(out, 'env.json')), ...folder(join(out, 'v1')), ...v2.files], notes: v2.notes };
    }
  }
}

/** The path to hand to `amlenv run` for what was written: the v1 file or folder, or the v2 environment YAML. */
export function definitionPath(draft: Draft): string {
  const out = draft.meta.outPath;
  if (sdkOf(draft) === 'v2') return join(out, 'environment.yml');
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
  const v2 = sdkOf(draft) === 'v2' || draft.meta.output === 'v2';
  const main = files.find((f) => /environment\.yml$/.test(f.path) && v2) ?? files[0];
  // The YAML itself first: the # header (notes, the create command) is in the file, and the review says it.
  const body = main.text.replace(/^(#[^\n]*\n)+/, '');
  return { title: main.path, text: body, lang: main.path.endsWith('.json') ? 'json' : 'yaml' };
}
