import { join } from 'node:path';
import { CONDA_FILE, v2ToV1 } from '../env/convert.js';
import { loadDefinition } from '../env/load.js';
import { SDK_JSON_STYLE, serializeV1Json, v1DirFiles } from '../env/save.js';
import type { LoadedDefinition } from '../env/types.js';
import { v2Files } from '../env/v2-files.js';
import { validateDefinition } from '../rules/validate.js';
import { dim, green, yellow } from '../util/color.js';
import { EXIT, InvalidInput, UsageError } from '../util/errors.js';
import { writeSet } from '../util/write-set.js';
import { safeReadText } from '../util/safe-read.js';
import type { Command, CommandArgs } from './types.js';
import {
  blockingErrors,
  convertFolder,
  droppedConda,
  folderExitCode,
  folderJson,
  folderTable,
  folderWarnings,
  isDefinitionFolder,
} from './convert-folder.js';
import { flagOption, stringOption } from './options.js';
import { assertContained } from './contained.js';
import { safeFileName } from '../util/safe-name.js';
import type { Diagnostic } from '../env/types.js';
import { plural } from '../util/plural.js';
import { formatErrors } from './dockerfile.js';
import { v1View } from '../env/sections.js';

function loaded(path: string): LoadedDefinition {
  const outcome = loadDefinition(path);
  if (!outcome.ok) {
    if (outcome.reason === 'missing') throw new UsageError(outcome.message);
    throw new InvalidInput(outcome.message);
  }
  const p = outcome.def.problems.find((x) => x.severity === 'error');
  if (!outcome.def.parsed && p)
    throw new InvalidInput(
      `${p.file ?? path}${p.line !== undefined ? `:${p.line}:${p.column}` : ''}: ${p.message} [${p.rule}]; ${p.hint}`,
    );
  assertContained(path, outcome.def);
  return outcome.def;
}

const safeName = (name: unknown): string => safeFileName(name);

async function reportValidation(label: string, path: string): Promise<boolean> {
  const outcome = loadDefinition(path);
  if (!outcome.ok) return false;
  const diagnostics = await validateDefinition(outcome.def);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  process.stderr.write(
    `${label} ${path}: ${plural(errors.length, 'error')}, ${plural(warnings, 'warning')}${errors.length ? ` — ${errors[0].path}: ${errors[0].message} [${errors[0].rule}]` : ''} ${dim(`(amlenv validate ${path} for details)`)}\n`,
  );
  return errors.length === 0;
}

/**
 * A file that fails validation is not converted: the result would carry its errors, or lose what they break
 * without a word (an unreadable conda part becomes "no conda", which converts back as user-managed). --force
 * converts anyway and names what did not make it.
 */
async function refuseInvalid(path: string, def: LoadedDefinition, force: boolean): Promise<Diagnostic[]> {
  const findings = await validateDefinition(def);
  // A curated name is renamed by the conversion itself (and the note says so): copying a curated environment is how one starts.
  const errors = blockingErrors(findings);
  if (!errors.length) return findings;
  process.stderr.write(`${formatErrors(path, { def, diagnostics: errors })}\n`);
  if (!force) {
    throw new InvalidInput(
      `${path} has ${plural(errors.length, 'error')}, so nothing was converted (the new files would carry ${errors.length === 1 ? 'it' : 'them'} or silently lose what ${errors.length === 1 ? 'it breaks' : 'they break'}); fix ${errors.length === 1 ? 'it' : 'them'} first (amlenv validate ${path}), or pass --force to convert anyway and see what is dropped`,
    );
  }
  process.stderr.write(
    `${yellow('warning')} converting despite ${plural(errors.length, 'error')} (--force): the fields they name are carried as they are, or dropped as listed below\n`,
  );
  return findings;
}

/** A folder of definitions: each v1 one converted into its own folder, one table for all. */
async function runFolder(path: string, values: CommandArgs['values']): Promise<number> {
  const dryRun = flagOption(values, 'dry-run');
  const json = flagOption(values, 'json');
  const report = await convertFolder(path, {
    out: stringOption(values, 'out'),
    force: flagOption(values, 'force'),
    dryRun,
    command: stringOption(values, 'command'),
    code: stringOption(values, 'code'),
  });
  if (json) process.stdout.write(`${JSON.stringify(folderJson(report), null, 2)}\n`);
  else {
    process.stdout.write(`${folderTable(report)}\n`);
    const warnings = folderWarnings(report);
    if (warnings) process.stderr.write(`${warnings}\n`);
  }
  return folderExitCode(report);
}

const command: Command = {
  options: {
    to: { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean', short: 'f' },
    layout: { type: 'string' },
    command: { type: 'string' },
    code: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  minPositionals: 1,
  maxPositionals: 1,
  async run({ positionals, values }) {
    const [path] = positionals;
    const to = stringOption(values, 'to');
    if (to !== 'v1' && to !== 'v2')
      throw new UsageError(
        `${to === undefined ? '--to is required' : `--to must be v1 or v2, not "${to}"`}: e.g. amlenv convert env.json --to v2`,
      );
    const force = Boolean(values.force);
    if (isDefinitionFolder(path)) {
      if (to === 'v1')
        throw new UsageError(
          `${path} is a folder: folders of definitions convert --to v2 only; convert a v2 file --to v1 one at a time`,
        );
      return runFolder(path, values);
    }
    if (values['dry-run'] || values.json)
      throw new UsageError(
        `--dry-run and --json apply when PATH is a folder of definitions; ${path} is one definition (leave them out)`,
      );
    const def = loaded(path);

    if (to === 'v2') {
      if (def.format === 'v2-yaml')
        throw new UsageError(`${path} is already a v2 environment; convert --to v1 goes the other way`);
      if (def.format === 'conda-yaml')
        throw new UsageError(
          `${path} is a conda file, not an environment; start one with amlenv init --from-conda ${path}, then convert it`,
        );
      const findings = await refuseInvalid(path, def, force);
      const out = stringOption(values, 'out') ?? `${safeName(def.env.name)}-v2`;
      const { result, files } = v2Files(def.env, out, {
        source: path,
        command: stringOption(values, 'command'),
        code: stringOption(values, 'code'),
      });
      for (const note of result.notes) process.stderr.write(`${yellow('warning')} ${note.path}: ${note.message}\n`);
      const lost = droppedConda(
        findings,
        result.conda !== undefined || CONDA_FILE in (result.context ?? {}),
        v1View(def.env).python?.userManagedDependencies === true,
      );
      if (lost) process.stderr.write(`${yellow('dropped')} python.condaDependencies: ${lost}\n`);
      writeSet(files, { force, folder: out });
      process.stderr.write(`${green('wrote')} ${files.map((f) => f.path).join(', ')}\n`);
      const ok = await reportValidation('v2 environment', join(out, 'environment.yml'));
      return ok ? EXIT.ok : EXIT.invalid;
    }

    if (def.format !== 'v2-yaml')
      throw new UsageError(`${path} is not a v2 environment (it is ${def.format}); --to v1 converts v2 YAML`);
    const layout = stringOption(values, 'layout') ?? 'directory';
    if (layout !== 'file' && layout !== 'directory')
      throw new UsageError(`--layout must be file or directory, not "${layout}"`);
    const findings = await refuseInvalid(path, def, force);
    const context = v1View(def.env).docker?.buildContext;
    let dockerfile: string | undefined;
    if (context?.location !== undefined) {
      // The loader already reported a Dockerfile it refused; here only a readable one is carried over.
      const read = safeReadText(join(context.location, context.dockerfilePath ?? 'Dockerfile'), 'dockerfile');
      dockerfile = read.ok ? read.text : undefined;
    }
    const { env, notes } = v2ToV1(def.env, def.v2 ?? {}, dockerfile);
    for (const note of notes) process.stderr.write(`${yellow('warning')} ${note.path}: ${note.message}\n`);
    const v1Python = v1View(env).python;
    const lost = droppedConda(
      findings,
      v1Python?.condaDependencies !== undefined,
      v1Python?.userManagedDependencies === true,
    );
    if (lost) process.stderr.write(`${yellow('dropped')} conda_file: ${lost}\n`);
    const name = safeName(env.name);
    const out = stringOption(values, 'out') ?? (layout === 'file' ? `${name}.json` : `${name}-v1`);
    const files =
      layout === 'file'
        ? [{ path: out, text: serializeV1Json(env, { ...SDK_JSON_STYLE, finalNewline: true }) }]
        : Object.entries(v1DirFiles(env)).map(([file, text]) => ({ path: join(out, file), text }));
    writeSet(files, { force, folder: layout === 'directory' ? out : undefined });
    process.stderr.write(`${green('wrote')} ${files.map((f) => f.path).join(', ')}\n`);
    const ok = await reportValidation('v1 environment', out);
    return ok ? EXIT.ok : EXIT.invalid;
  },
};

export default command;
