// Where a wizard draft comes from: blank SDK defaults, a template, a copy of a curated environment, or an
// existing file in any input format. New drafts are for SDK v2 unless they come from a v1 file.
import { readFileSync } from 'node:fs';
import { OUTSIDE_RULE } from '../../env/containment.js';
import { loadCatalog } from '../../content/catalog.js';
import { loadTemplates, templatePath } from '../../content/templates.js';
import { v2Name, v2ToV1 } from '../../env/convert.js';
import { newEnvironment } from '../../env/defaults.js';
import type { Json } from '../../env/fields.js';
import { ensureRecord, isJsonRecord, type JsonRecord, jsonRecord, parseJson } from '../../env/json.js';
import { loadDefinition } from '../../env/load.js';
import type { EnvObject } from '../../env/types.js';
import { type Draft, type DraftMeta, emptyV2, type ImageSource, ROUTES, type Sdk, type V2Part } from './draft.js';
import { defaultOutPath } from './steps.js';

function imageSource(env: EnvObject): ImageSource {
  const docker = jsonRecord(env.docker) ?? {};
  if (typeof docker.baseDockerfile === 'string' && docker.baseDockerfile) return 'dockerfile';
  const context = jsonRecord(docker.buildContext);
  if (context && typeof context.location === 'string' && context.location) return 'build';
  const image = typeof docker.baseImage === 'string' ? docker.baseImage : '';
  return !image || image.startsWith('mcr.microsoft.com/azureml/') ? 'catalog' : 'custom';
}

/** A draft around an environment; a password found in it moves to memory (it is never saved with the draft). */
export function draftFrom(env: EnvObject, origin: string, outPath?: string, sdk: Sdk = 'v2', v2?: V2Part): Draft {
  const registry = jsonRecord(jsonRecord(env.docker)?.baseImageRegistry);
  const password = registry && typeof registry.password === 'string' ? registry.password : '';
  if (registry) registry.password = null;
  const output = sdk === 'v2' ? 'v2' : 'v1-file';
  const meta: DraftMeta = {
    step: 0,
    sdk,
    imageSource: imageSource(env),
    dockerfilePath: '',
    output,
    outPath: outPath ?? defaultOutPath(output, String(env.name ?? '')),
    writePassword: Boolean(password),
    origin,
  };
  return { env, meta, password, ...(sdk === 'v2' ? { v2: v2 ?? emptyV2() } : {}) };
}

/** v1: what Environment(name) holds. v2's Environment(name) has neither image nor conda file, so a v2 blank
 * starts from a supported Azure ML base image and a current python, and nothing else. */
export function blankDraft(outPath?: string, sdk: Sdk = 'v2'): Draft {
  const env = newEnvironment('my-environment');
  env.environmentVariables = {};
  if (sdk === 'v1') return draftFrom(env, 'blank (SDK defaults)', outPath, sdk);
  const image = loadCatalog().baseImages.find((b) => b.status === 'supported' && b.example)?.example;
  ensureRecord(env, 'docker').baseImage = image ?? null;
  ensureRecord(env, 'python').condaDependencies = {
    channels: ['conda-forge'],
    dependencies: ['python=3.12', 'pip=24.2'],
  };
  return draftFrom(env, 'blank (a supported base image, python 3.12)', outPath, sdk);
}

export function templateDraft(name: string, outPath?: string, sdk: Sdk = 'v2'): Draft {
  const template = loadTemplates().find((t) => t.name === name);
  if (!template) throw new Error(`no template "${name}"`);
  const env = parseJson(readFileSync(templatePath(template), 'utf8'));
  if (!isJsonRecord(env)) throw new Error(`template "${name}" is not an environment object`);
  return draftFrom(env, `template ${name}`, outPath, sdk);
}

/** A copy of a curated environment: its image, used as it is (user-managed), under a name of your own. */
export function curatedDraft(name: string, outPath?: string, sdk: Sdk = 'v2'): Draft {
  const curated = loadCatalog().curated.find((c) => c.name === name);
  if (!curated) throw new Error(`no curated environment "${name}"`);
  const env = newEnvironment(`${v2Name(curated.name)}-copy`);
  env.environmentVariables = {};
  const python = ensureRecord(env, 'python');
  python.userManagedDependencies = true;
  delete python.condaDependencies;
  ensureRecord(env, 'docker').baseImage = curated.image ? `${curated.image}:latest` : null;
  return draftFrom(env, `copy of curated ${curated.name}`, outPath, sdk);
}

/** The v2-only keys of a loaded v2 file, as the draft holds them. */
function v2PartOf(doc: JsonRecord): V2Part {
  const part = emptyV2();
  if (typeof doc.description === 'string') part.description = doc.description;
  for (const [key, value] of Object.entries(jsonRecord(doc.tags) ?? {}))
    part.tags[key] = typeof value === 'string' ? value : JSON.stringify(value);
  const inference = jsonRecord(doc.inference_config);
  if (inference) {
    part.serving = true;
    for (const name of ROUTES) {
      const route = jsonRecord(inference[name]) ?? {};
      const text = (v: Json | undefined) => (v === undefined || v === null ? '' : String(v));
      part.routes[name] = { port: text(route.port), path: text(route.path) };
    }
  }
  return part;
}

/** A draft from a file or folder in any supported format; throws with a one-line message when it cannot. */
export function fileDraft(path: string, outPath?: string): Draft {
  const outcome = loadDefinition(path);
  if (!outcome.ok) throw new Error(outcome.message);
  const def = outcome.def;
  if (!def.parsed) {
    const p = def.problems[0];
    throw new Error(`${path}:${p?.line ?? 1}:${p?.column ?? 1}: ${p?.message ?? 'cannot be read'}`);
  }
  const refused = def.problems.find((x) => x.rule === OUTSIDE_RULE);
  if (refused) throw new Error(`${path}: ${refused.path}: ${refused.message} [${OUTSIDE_RULE}]`);
  if (def.format === 'v2-yaml') {
    // A v2 file stays v2: its build context stays a folder (v1's Dockerfile text is only made for the v1 form).
    const env = v2ToV1(def.env, def.v2 ?? {}).env;
    const context = jsonRecord(jsonRecord(def.env.docker)?.buildContext);
    if (context) {
      const docker = ensureRecord(env, 'docker');
      docker.baseDockerfile = null;
      docker.buildContext = structuredClone(context);
    }
    return draftFrom(env, `file ${path}`, outPath, 'v2', v2PartOf(def.v2 ?? {}));
  }
  if (def.format === 'conda-yaml') {
    const spec = jsonRecord(jsonRecord(def.env.python)?.condaDependencies);
    const env = newEnvironment(typeof spec?.name === 'string' ? spec.name : 'my-environment');
    env.environmentVariables = {};
    ensureRecord(env, 'python').condaDependencies = spec ?? null;
    return draftFrom(env, `conda file ${path}`, outPath);
  }
  return draftFrom(structuredClone(def.env), `file ${path}`, outPath, 'v1');
}
