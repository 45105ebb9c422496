// Meta commands: :help, :show, :validate, :explain, :save, :build, :reset, :history, :quit.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { SDK_JSON_STYLE, serializeV1Json, v1DirFiles } from '../env/save.js';
import type { EnvObject, LoadedDefinition } from '../env/types.js';
import type { V2FileOptions } from '../env/v2-files.js';
import { isValid } from '../rules/validate.js';
import { errorMessage } from '../util/errors.js';
import { assertWritable, writeFileAtomic } from '../util/write-files.js';
import { condaYaml, describe, loadedDefinition, v1Json, v2Source, type Focus } from './definition.js';
import { explain } from './explain.js';
import { EnvironmentV1 } from './sdk/environment.js';
import { EnvironmentV2 } from './sdk/v2.js';
import type { OutKind, ReplSession } from './session.js';
import { plainJson, suggest } from './values.js';

/** The Docker and conversion parts the REPL borrows; each is optional so the REPL says when one is missing. */
export interface ReplTools {
  /** The v2 files of a definition (src/env/v2-files.ts), under `dir`, with notes on what did not carry over. */
  v2Files?: (
    env: EnvObject,
    dir: string,
    options: V2FileOptions,
  ) => Promise<{ files: Array<{ path: string; text: string }>; notes: string[] }>;
  /** The Dockerfile amlenv would build for a (valid) definition. */
  dockerfile?: (def: LoadedDefinition) => Promise<string>;
  /** Builds the image locally; writes progress lines; resolves true when the image was built. */
  build?: (def: LoadedDefinition, out: (kind: OutKind, text: string) => void) => Promise<boolean>;
}

export interface MetaOutcome {
  ok: boolean;
  quit?: boolean;
  /** One line saying what went wrong. */
  error?: string;
}

export const META_COMMANDS: Array<{ name: string; args: string; summary: string }> = [
  { name: ':help', args: '', summary: 'this help' },
  {
    name: ':show',
    args: '[json|yaml|v2|dockerfile]',
    summary: 'the current definition (v1: JSON; v2: YAML); yaml = conda_dependencies.yml for v1; v2 = the v2 files',
  },
  { name: ':validate', args: '', summary: 'run every validation rule on the current definition' },
  {
    name: ':explain',
    args: 'RULE|TOPIC|ATTRIBUTE',
    summary: 'explain a rule id, a lesson topic, or an SDK attribute (e.g. user_managed_dependencies)',
  },
  {
    name: ':save',
    args: 'PATH [--force]',
    summary: 'write the definition: v1 to a folder (save_to_directory layout) or a .json file; v2 to a folder',
  },
  { name: ':build', args: '', summary: 'build the image with the local Docker daemon' },
  { name: ':reset', args: '', summary: 'forget every name and start over' },
  { name: ':history', args: '', summary: 'the statements of this session' },
  { name: ':quit', args: '', summary: 'leave (also exit(), or Ctrl-D on an empty line)' },
];
export const SHOW_FORMATS = ['json', 'yaml', 'v2', 'dockerfile'];

const HELP = `Type SDK statements as you would in Python; the definition changes as you go, offline.

  from azureml.core import Environment
  env = Environment(name="my-env")
  env.python.user_managed_dependencies = True
  env.docker.base_image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1"

  from azureml.core.conda_dependencies import CondaDependencies
  env.python.conda_dependencies = CondaDependencies.create(python_version="3.10", pip_packages=["scikit-learn==1.5.1"])

Also: Environment.from_conda_specification / from_pip_requirements / from_dockerfile / load_from_directory,
Environment.get(ws, "AzureML-sklearn-1.5") (curated, from the catalog), env.save_to_directory(path),
env.environment_variables["KEY"] = "value". Cloud calls (register, build, build_local) explain what they would do.

SDK v2 (azure-ai-ml):
  from azure.ai.ml import MLClient
  from azure.ai.ml.entities import Environment, BuildContext
  from azure.identity import DefaultAzureCredential
  ml_client = MLClient(DefaultAzureCredential(), "<subscription>", "<resource group>", "<workspace>")
  env = Environment(name="my-env", image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1", conda_file="conda.yml")
  ml_client.environments.create_or_update(env)

MLClient is an offline placeholder (nothing is contacted); create_or_update runs the v2 rules and says what the
service would do; ml_client.environments.get(name, label="latest") reads curated environments from the catalog.
dir(obj) lists attributes. Tab completes names, attributes and keyword arguments; ↑/↓ walk the history.

Meta commands:`;

export function helpText(): string {
  return [HELP, ...META_COMMANDS.map((m) => `  ${`${m.name} ${m.args}`.trim().padEnd(34)} ${m.summary}`)].join('\n');
}

const NO_FOCUS =
  'no environment yet: create one first, e.g. env = Environment("my-env") after from azureml.core import Environment';

export async function runMeta(session: ReplSession, line: string): Promise<MetaOutcome> {
  const [command, ...args] = line.split(/\s+/);
  const out = (kind: OutKind, text: string) => session.emit(kind, text);
  const focus = session.focus;
  switch (command) {
    case ':help':
    case ':h':
    case ':?':
      out('data', helpText());
      return { ok: true };
    case ':quit':
    case ':q':
    case ':exit':
      return { ok: true, quit: true };
    case ':reset':
      session.reset();
      out('note', 'reset: every name is forgotten; start again with an import');
      return { ok: true };
    case ':history':
      if (session.history.length === 0) out('note', 'no statements yet');
      for (const [i, s] of session.history.entries())
        out('data', `${String(i + 1).padStart(3)}  ${s.replace(/\n/g, '\n     ')}`);
      return { ok: true };
    case ':explain': {
      if (args.length === 0)
        return {
          ok: false,
          error:
            ':explain needs a name: a rule id (python/eol), a topic, or an SDK attribute (user_managed_dependencies)',
        };
      try {
        out('data', explain(args.join(' ')));
        return { ok: true };
      } catch (err) {
        return { ok: false, error: errorMessage(err) };
      }
    }
    case ':show':
      if (!focus) return { ok: false, error: NO_FOCUS };
      return show(session, focus, args[0]);
    case ':validate': {
      if (!focus) return { ok: false, error: NO_FOCUS };
      const diagnostics = await session.diagnose(focus);
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      out(
        'data',
        `${describe(focus)}: ${isValid(diagnostics) ? 'valid' : 'invalid'} — ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
      );
      for (const d of diagnostics)
        out(
          'data',
          `  ${d.severity.padEnd(7)} ${d.path ? `${d.path}: ` : ''}${d.message} [${d.rule}]\n          fix: ${d.hint}`,
        );
      return isValid(diagnostics) ? { ok: true } : { ok: false };
    }
    case ':save':
      if (!focus) return { ok: false, error: NO_FOCUS };
      return await save(session, focus, args);
    case ':build': {
      if (!focus) return { ok: false, error: NO_FOCUS };
      const build = session.options.tools?.build;
      if (!build)
        return {
          ok: false,
          error: ':build is not available yet in this version of amlenv (the local Docker build is not built in)',
        };
      const invalid = await errorsOf(session, focus, 'it is not built');
      if (invalid) return invalid;
      try {
        return { ok: await build(loadedDefinition(focus, session.options.cwd), out) };
      } catch (err) {
        return { ok: false, error: `:build failed: ${errorMessage(err).split('\n')[0]}` };
      }
    }
    default: {
      const guess = suggest(
        command,
        META_COMMANDS.map((m) => m.name),
      );
      return {
        ok: false,
        error: `unknown command ${command}${guess ? `; did you mean ${guess}?` : ''} (:help lists the commands)`,
      };
    }
  }
}

/** A definition with validation errors is neither rendered nor built: say so, as amlenv dockerfile/build do. */
async function errorsOf(session: ReplSession, focus: Focus, what: string): Promise<MetaOutcome | undefined> {
  const errors = (await session.diagnose(focus)).filter((d) => d.severity === 'error');
  if (errors.length === 0) return undefined;
  for (const d of errors) session.emit('note', `error ${d.path ? `${d.path}: ` : ''}${d.message} [${d.rule}]`);
  return {
    ok: false,
    error: `the definition has ${errors.length} error${errors.length === 1 ? '' : 's'}, so ${what}; fix ${errors.length === 1 ? 'it' : 'them'} first (:validate shows the fixes)`,
  };
}

async function show(session: ReplSession, focus: Focus, format: string | undefined): Promise<MetaOutcome> {
  const out = (text: string) => session.emit('data', text);
  const tools = session.options.tools ?? {};
  const what = format ?? (focus instanceof EnvironmentV1 ? 'json' : 'yaml');
  if (!SHOW_FORMATS.includes(what)) {
    const guess = suggest(what, SHOW_FORMATS);
    return {
      ok: false,
      error: `:show takes json, yaml, v2 or dockerfile, not "${what}"${guess ? `; did you mean ${guess}?` : ''}`,
    };
  }
  if (what === 'dockerfile') {
    if (!tools.dockerfile)
      return {
        ok: false,
        error:
          ':show dockerfile is not available yet in this version of amlenv (the Dockerfile renderer is not built in)',
      };
    const invalid = await errorsOf(session, focus, 'there is no Dockerfile for it');
    if (invalid) return invalid;
    try {
      out(await tools.dockerfile(loadedDefinition(focus, session.options.cwd)));
      return { ok: true };
    } catch (err) {
      return { ok: false, error: `cannot render a Dockerfile for this definition: ${errorMessage(err)}` };
    }
  }
  if (what === 'v2') return showV2(session, focus);
  if (focus instanceof EnvironmentV2) {
    out(what === 'json' ? JSON.stringify(focus.document(), null, 4) : focus.yaml());
    return { ok: true };
  }
  if (what === 'json') {
    out(v1Json(focus));
    return { ok: true };
  }
  const yaml = condaYaml(focus);
  if (yaml === undefined)
    return {
      ok: false,
      error:
        'this environment has no conda dependencies (python.conda_dependencies is None), so there ' +
        'is no conda_dependencies.yml',
    };
  out(yaml);
  return { ok: true };
}

const V1_TITLE = "Converted by amlenv from the REPL's SDK v1 Environment.";
const V2_TITLE = 'Written by the amlenv REPL.';

/** The v2 files of the definition, from the one v2 file builder; undefined when the builder is not built in. */
async function v2FilesOf(
  session: ReplSession,
  focus: Focus,
  dir: string,
): Promise<{ files: Array<{ path: string; text: string }>; notes: string[] } | undefined> {
  const build = session.options.tools?.v2Files;
  if (!build) return undefined;
  const { env, fields, dropped } = v2Source(focus, session.options.cwd, resolve(session.options.cwd, dir));
  const v1 = focus instanceof EnvironmentV1;
  const result = await build(env, dir, { title: v1 ? V1_TITLE : V2_TITLE, job: v1, fields });
  for (const key of dropped)
    result.notes.push(`${key}: not written (the environment YAML amlenv writes has no ${key}; add it by hand)`);
  return result;
}

const NO_BUILDER = 'is not available yet in this version of amlenv (the v2 file builder is not built in)';

/** :show v2: every file the v2 form has (environment YAML, conda file, build context, job for a v1 definition). */
async function showV2(session: ReplSession, focus: Focus): Promise<MetaOutcome> {
  if (focus instanceof EnvironmentV2) {
    const invalid = await errorsOf(session, focus, 'it has no v2 files yet');
    if (invalid) return invalid;
  }
  const result = await v2FilesOf(session, focus, '.');
  if (!result) return { ok: false, error: `:show v2 ${NO_BUILDER}` };
  session.emit(
    'data',
    result.files.map((f, i) => `${i === 0 ? '' : '---\n'}# file: ${f.path}\n${f.text.trimEnd()}`).join('\n'),
  );
  for (const note of result.notes) session.emit('note', note);
  return { ok: true };
}

/** Where :save writes a v2 environment's files: a folder, or a path ending in environment.yml (its folder). */
function v2Target(path: string): string | undefined {
  const ext = extname(path).toLowerCase();
  if (ext !== '.yml' && ext !== '.yaml') return path;
  return basename(path) === 'environment.yml' ? dirname(path) : undefined;
}

async function saveV2(session: ReplSession, focus: EnvironmentV2, path: string, force: boolean): Promise<MetaOutcome> {
  const dir = v2Target(path);
  if (dir === undefined)
    return {
      ok: false,
      error: `a v2 environment is saved as a folder (environment.yml and conda.yml): give a folder, e.g. :save ${dirname(path) === '.' ? 'env-v2' : dirname(path)}, or a path ending in environment.yml`,
    };
  const invalid = await errorsOf(session, focus, 'it is not written');
  if (invalid) return invalid;
  const result = await v2FilesOf(session, focus, dir);
  if (!result) return { ok: false, error: `:save of a v2 environment ${NO_BUILDER}` };
  const cwd = session.options.cwd;
  const full = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  // A file that already holds exactly these bytes is not an overwrite (saving twice, or beside the conda file read).
  const changed = result.files.filter(
    (f) => !existsSync(full(f.path)) || readFileSync(full(f.path), 'utf8') !== f.text,
  );
  for (const f of changed) assertWritable(full(f.path), force);
  for (const f of changed) writeFileAtomic(full(f.path), f.text);
  for (const note of result.notes) session.emit('note', note);
  const same = result.files.filter((f) => !changed.includes(f));
  if (changed.length > 0) session.emit('note', `wrote ${changed.map((f) => f.path).join(', ')}`);
  if (same.length > 0) session.emit('note', `unchanged (already these bytes): ${same.map((f) => f.path).join(', ')}`);
  return { ok: true };
}

async function save(session: ReplSession, focus: Focus, args: string[]): Promise<MetaOutcome> {
  const force = args.includes('--force') || args.includes('-f');
  const path = args.filter((a) => a !== '--force' && a !== '-f').join(' ');
  if (!path)
    return {
      ok: false,
      error:
        ':save needs a path: a folder (the save_to_directory layout for v1, environment.yml and ' +
        'conda.yml for v2) or a .json file (v1)',
    };
  const cwd = session.options.cwd;
  const full = isAbsolute(path) ? path : resolve(cwd, path);
  const ext = extname(path).toLowerCase();
  try {
    if (focus instanceof EnvironmentV2) return await saveV2(session, focus, path, force);
    const env = plainJson(focus.data);
    if (ext === '.json') {
      assertWritable(full, force);
      writeFileAtomic(full, serializeV1Json(env, { ...SDK_JSON_STYLE, finalNewline: true }));
      session.emit('note', `wrote ${path}`);
      return { ok: true };
    }
    if (ext === '.yml' || ext === '.yaml')
      return {
        ok: false,
        error: 'a v1 environment is saved as a folder or a .json file (:show v2 shows the v2 files)',
      };
    if (existsSync(full) && !force) assertWritable(full, false);
    const files = v1DirFiles(env);
    for (const [name, text] of Object.entries(files)) {
      const target = join(full, name);
      if (!force) assertWritable(target, false);
      writeFileAtomic(target, text);
    }
    session.emit(
      'note',
      `wrote ${Object.keys(files)
        .map((f) => join(path, f))
        .join(', ')}`,
    );
    return { ok: true };
  } catch (err) {
    return {
      ok: false,
      error: errorMessage(err)
        .replace(/another --out|--out/g, 'another path')
        .replace(/--force/g, ':save PATH --force'),
    };
  }
}
