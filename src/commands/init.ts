import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTemplates, templatePath } from '../content/templates.js';
import { loadDefinitionText } from '../env/load.js';
import { SDK_JSON_STYLE, serializeV1Json, v1DirFiles } from '../env/save.js';
import type { EnvObject } from '../env/types.js';
import { didYouMean } from '../rules/helpers.js';
import { validateDefinition } from '../rules/validate.js';
import { green } from '../util/color.js';
import { EXIT, UsageError } from '../util/errors.js';
import { assertWritable, writeFileAtomic } from '../util/write-files.js';
import type { Command } from './types.js';

const LAYOUTS = ['file', 'directory'];

const command: Command = {
  options: {
    template: { type: 'string', short: 't' },
    name: { type: 'string', short: 'n' },
    out: { type: 'string', short: 'o' },
    layout: { type: 'string' },
    force: { type: 'boolean', short: 'f' },
  },
  minPositionals: 0,
  maxPositionals: 0,
  async run({ values }) {
    const templates = loadTemplates();
    const wanted = (values.template as string | undefined) ?? 'minimal-cpu';
    const template = templates.find((t) => t.name === wanted);
    if (!template) {
      const guess = didYouMean(wanted, templates.map((t) => t.name));
      throw new UsageError(`no template "${wanted}"${guess ? `; did you mean "${guess}"?` : ''} (amlenv templates lists them)`);
    }
    const layout = (values.layout as string | undefined) ?? 'file';
    if (layout === 'v2') throw new UsageError('--layout v2 is not built yet; write the v1 file now and convert it when amlenv convert lands');
    if (!LAYOUTS.includes(layout)) throw new UsageError(`--layout must be file or directory, not "${layout}"`);
    const name = (values.name as string | undefined) ?? template.name;
    if (!name.trim()) throw new UsageError('--name must not be empty');
    if (/^(azureml|microsoft)/i.test(name)) throw new UsageError(`--name "${name}" starts with a reserved prefix (AzureML, Microsoft); choose a name of your own`);
    if (name.length > 255) throw new UsageError('--name is longer than 255 characters');

    const env = JSON.parse(readFileSync(templatePath(template), 'utf8')) as EnvObject;
    env.name = name;
    const force = Boolean(values.force);
    const written: string[] = [];
    if (layout === 'file') {
      const out = (values.out as string | undefined) ?? 'env.json';
      assertWritable(out, force);
      writeFileAtomic(out, serializeV1Json(env, { ...SDK_JSON_STYLE, finalNewline: true }));
      written.push(out);
    } else {
      const dir = (values.out as string | undefined) ?? name;
      assertWritable(dir, force);
      for (const [file, text] of Object.entries(v1DirFiles(env))) {
        writeFileAtomic(join(dir, file), text);
        written.push(join(dir, file));
      }
    }
    const check = loadDefinitionText(serializeV1Json(env), written[0]);
    const diagnostics = check.ok ? await validateDefinition(check.def) : [];
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    process.stderr.write(`${green('wrote')} ${written.join(', ')} from template ${template.name} (${errors} errors, ${warnings} warnings)\n`);
    process.stderr.write(`next: amlenv validate ${layout === 'file' ? written[0] : (values.out as string | undefined) ?? name}\n`);
    return EXIT.ok;
  },
};

export default command;
