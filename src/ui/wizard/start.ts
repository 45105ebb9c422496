// Where a wizard draft comes from: blank SDK defaults, a template, a copy of a curated environment, or an
// existing file in any input format.
import { readFileSync } from 'node:fs';
import { guardFor, OUTSIDE_RULE } from '../../env/containment.js';
import { loadCatalog } from '../../content/catalog.js';
import { loadTemplates, templatePath } from '../../content/templates.js';
import { v2Name, v2ToV1 } from '../../env/convert.js';
import { newEnvironment } from '../../env/defaults.js';
import { loadDefinition } from '../../env/load.js';
import { isRecord } from '../../env/path.js';
import type { EnvObject } from '../../env/types.js';
import type { Draft, DraftMeta, ImageSource } from './draft.js';
import { defaultOutPath } from './steps.js';

function imageSource(env: EnvObject): ImageSource {
  const docker = isRecord(env.docker) ? env.docker : {};
  if (typeof docker.baseDockerfile === 'string' && docker.baseDockerfile) return 'dockerfile';
  const image = typeof docker.baseImage === 'string' ? docker.baseImage : '';
  return !image || image.startsWith('mcr.microsoft.com/azureml/') ? 'catalog' : 'custom';
}

/** A draft around an environment; a password found in it moves to memory (it is never saved with the draft). */
export function draftFrom(env: EnvObject, origin: string, outPath?: string): Draft {
  const docker = isRecord(env.docker) ? env.docker : undefined;
  const registry = docker && isRecord(docker.baseImageRegistry) ? docker.baseImageRegistry : undefined;
  const password = registry && typeof registry.password === 'string' ? registry.password : '';
  if (registry) registry.password = null;
  const meta: DraftMeta = {
    step: 0,
    imageSource: imageSource(env),
    dockerfilePath: '',
    output: 'v1-file',
    outPath: outPath ?? defaultOutPath('v1-file', String(env.name ?? '')),
    writePassword: Boolean(password),
    origin,
  };
  return { env, meta, password };
}

export function blankDraft(outPath?: string): Draft {
  const env = newEnvironment('my-environment');
  env.environmentVariables = {};
  return draftFrom(env, 'blank (SDK defaults)', outPath);
}

export function templateDraft(name: string, outPath?: string): Draft {
  const template = loadTemplates().find((t) => t.name === name);
  if (!template) throw new Error(`no template "${name}"`);
  const env = JSON.parse(readFileSync(templatePath(template), 'utf8')) as EnvObject;
  return draftFrom(env, `template ${name}`, outPath);
}

/** A copy of a curated environment: its image, used as it is (user-managed), under a name of your own. */
export function curatedDraft(name: string, outPath?: string): Draft {
  const curated = loadCatalog().curated.find((c) => c.name === name);
  if (!curated) throw new Error(`no curated environment "${name}"`);
  const env = newEnvironment(`${v2Name(curated.name)}-copy`);
  env.environmentVariables = {};
  const python = env.python as Record<string, unknown>;
  python.userManagedDependencies = true;
  delete python.condaDependencies;
  (env.docker as Record<string, unknown>).baseImage = curated.image ? `${curated.image}:latest` : null;
  return draftFrom(env, `copy of curated ${curated.name}`, outPath);
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
    const location =
      isRecord(def.env.docker) && isRecord(def.env.docker.buildContext)
        ? String(def.env.docker.buildContext.location ?? '')
        : '';
    let dockerfile: string | undefined;
    try {
      dockerfile =
        location && !guardFor(path).check(`${location}/Dockerfile`)
          ? readFileSync(`${location}/Dockerfile`, 'utf8')
          : undefined;
    } catch {
      dockerfile = undefined;
    }
    return draftFrom(v2ToV1(def.env, def.v2 ?? {}, dockerfile).env, `file ${path}`, outPath);
  }
  if (def.format === 'conda-yaml') {
    const env = newEnvironment(
      typeof (def.env.python as Record<string, Record<string, unknown>>)?.condaDependencies?.name === 'string'
        ? String((def.env.python as Record<string, Record<string, unknown>>).condaDependencies.name)
        : 'my-environment',
    );
    env.environmentVariables = {};
    (env.python as Record<string, unknown>).condaDependencies = (
      def.env.python as Record<string, unknown>
    ).condaDependencies;
    return draftFrom(env, `conda file ${path}`, outPath);
  }
  return draftFrom(structuredClone(def.env), `file ${path}`, outPath);
}
