import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadTemplates, templatePath } from '../content/templates.js';
import { v2ToV1 } from '../env/convert.js';
import { newEnvironment } from '../env/defaults.js';
import { fromCondaSpecification, fromDockerfile, fromPipRequirements, type Imported } from '../env/importers.js';
import { loadDefinition, loadDefinitionText } from '../env/load.js';
import { isRecord } from '../env/path.js';
import { SDK_JSON_STYLE, serializeV1Json, v1DirFiles } from '../env/save.js';
import type { EnvObject } from '../env/types.js';
import { v2Files } from '../env/v2-files.js';
import { suggest } from '../util/suggest.js';
import { validateDefinition } from '../rules/validate.js';
import { green, yellow } from '../util/color.js';
import { EXIT, InvalidInput, UsageError } from '../util/errors.js';
import { safeReadText, type ReadKind } from '../util/safe-read.js';
import { writeSet, type FileOut } from '../util/write-set.js';
import type { Command } from './types.js';
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
function source(values: Record<string, unknown>, name: string | undefined): Imported & { from: string } {
  const fromConda = values['from-conda'] as string | undefined;
  const fromRequirements = values['from-requirements'] as string | undefined;
  const fromDockerfilePath = values['from-dockerfile'] as string | undefined;
  const fromExisting = values['from-existing'] as string | undefined;
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
      const conda = values.conda as string | undefined;
      const requirements = values.requirements as string | undefined;
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
    throw new InvalidInput((err as Error).message);
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
      (env.python as Record<string, unknown>).condaDependencies = (
        def.env.python as Record<string, unknown>
      ).condaDependencies;
    } else env = structuredClone(def.env);
    if (name) env.name = name;
    return { env, notes, from: fromExisting };
  }
  const templates = loadTemplates();
  const wanted = (values.template as string | undefined) ?? 'minimal-cpu';
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
  const env = JSON.parse(readFileSync(templatePath(template), 'utf8')) as EnvObject;
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
    const layout = (values.layout as string | undefined) ?? 'file';
    if (!LAYOUTS.includes(layout)) throw new UsageError(`--layout must be file, directory or v2, not "${layout}"`);
    const name = values.name as string | undefined;
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
      target = (values.out as string | undefined) ?? 'env.json';
      files = [{ path: target, text: serializeV1Json(env, { ...SDK_JSON_STYLE, finalNewline: true }) }];
      writeSet(files, { force });
    } else if (layout === 'directory') {
      target = (values.out as string | undefined) ?? envName;
      files = Object.entries(v1DirFiles(env)).map(([file, text]) => ({ path: join(target, file), text }));
      writeSet(files, { force, folder: target });
    } else {
      target = (values.out as string | undefined) ?? `${envName}-v2`;
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
