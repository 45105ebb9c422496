// Meta commands: :help, :show, :validate, :explain, :save, :build, :reset, :history, :quit.
import { existsSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Json } from '../env/fields.js';
import { SDK_JSON_STYLE, serializeV1Json, v1DirFiles } from '../env/save.js';
import type { EnvObject, LoadedDefinition } from '../env/types.js';
import { isValid } from '../rules/validate.js';
import { assertWritable, writeFileAtomic } from '../util/write-files.js';
import { condaYaml, describe, loadedDefinition, v1Json, v2Yaml, type Focus } from './definition.js';
import { explain } from './explain.js';
import { EnvironmentV1 } from './sdk/environment.js';
import { EnvironmentV2, documentYaml } from './sdk/v2.js';
import type { OutKind, ReplSession } from './session.js';
import { plainJson, suggest } from './values.js';

/** The Docker and conversion parts the REPL borrows; each is optional so the REPL says when one is missing. */
export interface ReplTools {
  /** A v1 definition as v2 YAML, with notes on what did not carry over. */
  toV2?: (env: EnvObject) => Promise<{ yaml: string; notes: string[] }>;
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
    summary: 'the current definition (v1: JSON; v2: YAML); yaml = conda_dependencies.yml for v1',
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
    summary: 'write the definition: a folder (save_to_directory layout), a .json file, or .yml for v2',
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
env.environment_variables["KEY"] = "value", and the v2 form: from azure.ai.ml.entities import Environment,
BuildContext. Cloud calls (register, build, build_local) explain what they would do. dir(obj) lists attributes.
Tab completes names, attributes and keyword arguments; ↑/↓ walk the history.

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
      session.history.forEach((s, i) => out('data', `${String(i + 1).padStart(3)}  ${s.replace(/\n/g, '\n     ')}`));
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
        return { ok: false, error: (err as Error).message };
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
      return save(session, focus, args);
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
        return { ok: false, error: `:build failed: ${(err as Error).message.split('\n')[0]}` };
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
      return { ok: false, error: `cannot render a Dockerfile for this definition: ${(err as Error).message}` };
    }
  }
  if (focus instanceof EnvironmentV2) {
    if (what === 'json') out(JSON.stringify(focus.document(), null, 4));
    else out(v2Yaml(focus));
    return { ok: true };
  }
  if (what === 'json') {
    out(v1Json(focus));
    return { ok: true };
  }
  if (what === 'yaml') {
    const yaml = condaYaml(focus);
    if (yaml === undefined)
      return {
        ok: false,
        error:
          'this environment has no conda dependencies (python.conda_dependencies is None), so there is no conda_dependencies.yml',
      };
    out(yaml);
    return { ok: true };
  }
  if (!tools.toV2)
    return {
      ok: false,
      error: ':show v2 is not available yet in this version of amlenv (the v1 → v2 converter is not built in)',
    };
  const converted = await tools.toV2(plainJson(focus.data as Json) as EnvObject);
  out(converted.yaml);
  for (const note of converted.notes) session.emit('note', note);
  return { ok: true };
}

function save(session: ReplSession, focus: Focus, args: string[]): MetaOutcome {
  const force = args.includes('--force') || args.includes('-f');
  const path = args.filter((a) => a !== '--force' && a !== '-f').join(' ');
  if (!path)
    return {
      ok: false,
      error:
        ':save needs a path: a folder (the save_to_directory layout), a .json file, or a .yml file for a v2 environment',
    };
  const cwd = session.options.cwd;
  const full = isAbsolute(path) ? path : resolve(cwd, path);
  const ext = extname(path).toLowerCase();
  try {
    if (focus instanceof EnvironmentV2) {
      if (ext !== '.yml' && ext !== '.yaml')
        return { ok: false, error: 'a v2 environment is saved as YAML: give a path ending in .yml' };
      assertWritable(full, force);
      writeFileAtomic(full, relocatedV2(focus, cwd, dirname(full)));
      session.emit('note', `wrote ${path}`);
      return { ok: true };
    }
    const env = plainJson(focus.data as Json) as EnvObject;
    if (ext === '.json') {
      assertWritable(full, force);
      writeFileAtomic(full, serializeV1Json(env, { ...SDK_JSON_STYLE, finalNewline: true }));
      session.emit('note', `wrote ${path}`);
      return { ok: true };
    }
    if (ext === '.yml' || ext === '.yaml')
      return { ok: false, error: 'a v1 environment is saved as a folder or a .json file (:show v2 shows the v2 YAML)' };
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
      error: (err as Error).message.replace(/--out/g, 'another path').replace(/--force/g, ':save PATH --force'),
    };
  }
}

/** The v2 YAML with conda_file and build.path rewritten relative to where it is saved. */
function relocatedV2(focus: EnvironmentV2, cwd: string, targetDir: string): string {
  const doc = focus.document();
  const move = (p: string) => (isAbsolute(p) || /^[a-z]+:/i.test(p) ? p : relative(targetDir, resolve(cwd, p)) || '.');
  if (typeof doc.conda_file === 'string') doc.conda_file = move(doc.conda_file);
  const build = doc.build;
  if (build && typeof build === 'object' && !Array.isArray(build) && typeof build.path === 'string')
    (build as { [k: string]: Json }).path = move(build.path);
  return documentYaml(doc);
}
