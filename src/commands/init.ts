import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadTemplates, templatePath } from '../content/templates.js';
import { v2ToV1 } from '../env/convert.js';
import { newEnvironment } from '../env/defaults.js';
import { fromCondaSpecification, fromDockerfile, fromPipRequirements, type Imported } from '../env/importers.js';
import { loadDefinition, loadDefinitionText } from '../env/load.js';
import { isRecord } from '../env/path.js';
import { ensureRecord, jsonRecord, parseJson } from '../env/json.js';
import { SDK_JSON_STYLE, serializeV1Json, v1DirFiles } from '../env/save.js';
import type { EnvObject } from '../env/types.js';
import { v2Files } from '../env/v2-files.js';
import { suggest } from '../util/suggest.js';
import { validateDefinition } from '../rules/validate.js';
import { green, yellow } from '../util/color.js';
import { errorMessage, EXIT, InvalidInput, UsageError } from '../util/errors.js';
import { safeReadText, type ReadKind } from '../util/safe-read.js';
import { writeSet, type FileOut } from '../util/write-set.js';
import type { Command, CommandArgs } from './types.js';
import { stringOption } from './options.js';
import { assertContained } from './contained.js';
import { safeFileName } from '../util/safe-name.js';
import { plural } from '../util/plural.js';

const LAYOUTS = ['file', 'directory', 'v2'];

const INPUT_KINDS: Record<string, ReadKind> = {
  '--from-conda': 'conda',
  '--conda': 'conda',
  '--from-requirements': 'requirements',
  '--requirements': 'requirements',
  '--from-dockerfile': 'dockerfile',
};

function readInput(path: string, flag: string): string {
  const r = safeReadText(path, INPUT_KINDS[flag] ?? 'definition');
  if (r.ok) return r.text;
  if (r.missing) throw new UsageError(`${flag} ${path}: no such file; check the path`);
  throw new InvalidInput(`${flag} ${path}: ${r.message} [${r.rule}]; ${r.hint}`);
}

const stem = (path: string) =>
  basename(path)
    .replace(/\.[^.]+$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-') || 'environment';

/** The starting definition: a template, or one of the SDK's from_* importers. */
function source(values: CommandArgs['values'], name: string | undefined): Imported & { from: string } {
  const fromConda = stringOption(values, 'from-conda');
  const fromRequirements = stringOption(values, 'from-requirements');
  const fromDockerfilePath = stringOption(values, 'from-dockerfile');
  const fromExisting = stringOption(values, 'from-existing');
  const chosen = [fromConda, fromRequirements, fromDockerfilePath, fromExisting, values.template].filter(Boolean);
  if (chosen.length > 1)
    throw new UsageError(
      'choose one of --template, --from-conda, --from-requirements, --from-dockerfile and --from-existing',
    );
  if ((values.conda || values.requirements) && !fromDockerfilePath)
    throw new UsageError('--conda and --requirements go with --from-dockerfile');
  try {
    if (fromConda)
      return {
        ...fromCondaSpecification(name ?? stem(fromConda), readInput(fromConda, '--from-conda'), fromConda),
        from: fromConda,
      };
    if (fromRequirements)
      return {
        ...fromPipRequirements(
          name ?? 'environment',
          readInput(fromRequirements, '--from-requirements'),
          fromRequirements,
        ),
        from: fromRequirements,
      };
    if (fromDockerfilePath) {
      if (values.conda && values.requirements)
        throw new UsageError('give --conda or --requirements, not both (from_dockerfile takes one)');
      const conda = stringOption(values, 'conda');
      const requirements = stringOption(values, 'requirements');
      return {
        ...fromDockerfile(name ?? 'environment', readInput(fromDockerfilePath, '--from-dockerfile'), {
          conda: conda ? { text: readInput(conda, '--conda'), file: conda } : undefined,
          requirements: requirements
            ? { text: readInput(requirements, '--requirements'), file: requirements }
            : undefined,
        }),
        from: fromDockerfilePath,
      };
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new InvalidInput(errorMessage(err));
  }
  if (fromExisting) {
    const outcome = loadDefinition(fromExisting);
    if (!outcome.ok)
      throw outcome.reason === 'missing'
        ? new UsageError(`--from-existing ${outcome.message}`)
        : new InvalidInput(outcome.message);
    const def = outcome.def;
    const p = def.problems.find((x) => x.severity === 'error');
    if (!def.parsed && p)
      throw new InvalidInput(
        `${p.file ?? fromExisting}${p.line !== undefined ? `:${p.line}:${p.column}` : ''}: ${p.message} [${p.rule}]; ${p.hint}`,
      );
    assertContained(fromExisting, def);
    let env: EnvObject;
    const notes: Imported['notes'] = [];
    if (def.format === 'v2-yaml') {
      const r = v2ToV1(def.env, def.v2 ?? {});
      env = r.env;
      notes.push(...r.notes);
    } else if (def.format === 'conda-yaml') {
      env = newEnvironment(name ?? stem(fromExisting));
      env.environmentVariables = {};
      const conda = jsonRecord(def.env.python)?.condaDependencies;
      if (conda !== undefined) ensureRecord(env, 'python').condaDependencies = conda;
    } else env = structuredClone(def.env);
    if (name) env.name = name;
    return { env, notes, from: fromExisting };
  }
  const templates = loadTemplates();
  const wanted = stringOption(values, 'template') ?? 'minimal-cpu';
  const template = templates.find((t) => t.name === wanted);
  if (!template) {
    const guess = suggest(
      wanted,
      templates.map((t) => t.name),
    );
    throw new UsageError(
      `no template "${wanted}"${guess ? `; did you mean "${guess}"?` : ''} (amlenv templates lists them)`,
    );
  }
  // A bundled template: its content checks (test/content) keep each one a JSON object.
  const env = jsonRecord(parseJson(readFileSync(templatePath(template), 'utf8')));
  if (!env) throw new Error(`template ${template.name} is not a JSON object`);
  env.name = name ?? template.name;
  return { env, notes: [], from: `template ${template.name}` };
}

const command: Command = {
  options: {
    template: { type: 'string', short: 't' },
    name: { type: 'string', short: 'n' },
    out: { type: 'string', short: 'o' },
    layout: { type: 'string' },
    force: { type: 'boolean', short: 'f' },
    'from-conda': { type: 'string' },
    'from-requirements': { type: 'string' },
    'from-dockerfile': { type: 'string' },
    'from-existing': { type: 'string' },
    conda: { type: 'string' },
    requirements: { type: 'string' },
  },
  minPositionals: 0,
  maxPositionals: 0,
  async run({ values }) {
    const layout = stringOption(values, 'layout') ?? 'file';
    if (!LAYOUTS.includes(layout)) throw new UsageError(`--layout must be file, directory or v2, not "${layout}"`);
    const name = stringOption(values, 'name');
    if (name !== undefined) {
      if (!name.trim()) throw new UsageError('--name must not be empty');
      if (/^(azureml|microsoft)/i.test(name))
        throw new UsageError(
          `--name "${name}" starts with a reserved prefix (AzureML, Microsoft); choose a name of your own`,
        );
      if (name.length > 255) throw new UsageError('--name is longer than 255 characters');
    }
    const { env, notes, from } = source(values, name);
    // The name only becomes a folder name through safeFileName: a name cannot choose where files go.
    const envName = safeFileName(env.name);
    const force = Boolean(values.force);
    let files: FileOut[];
    let target: string;
    if (layout === 'file') {
      target = stringOption(values, 'out') ?? 'env.json';
      files = [{ path: target, text: serializeV1Json(env, { ...SDK_JSON_STYLE, finalNewline: true }) }];
      writeSet(files, { force });
    } else if (layout === 'directory') {
      target = stringOption(values, 'out') ?? envName;
      files = Object.entries(v1DirFiles(env)).map(([file, text]) => ({ path: join(target, file), text }));
      writeSet(files, { force, folder: target });
    } else {
      target = stringOption(values, 'out') ?? `${envName}-v2`;
      const converted = v2Files(env, target, { source: from });
      files = converted.files;
      notes.push(...converted.result.notes);
      writeSet(files, { force, folder: target });
    }
    for (const note of notes) process.stderr.write(`${yellow('note')} ${note.path}: ${note.message}\n`);
    const check =
      layout === 'v2'
        ? loadDefinition(join(target, 'environment.yml'))
        : loadDefinitionText(serializeV1Json(env), isRecord(env) ? join(target, 'check.json') : target);
    const diagnostics = check.ok ? await validateDefinition(check.def) : [];
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    process.stderr.write(
      `${green('wrote')} ${files.map((f) => f.path).join(', ')} from ${from} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})\n`,
    );
    process.stderr.write(`next: amlenv validate ${layout === 'v2' ? join(target, 'environment.yml') : target}\n`);
    return EXIT.ok;
  },
};

export default command;
