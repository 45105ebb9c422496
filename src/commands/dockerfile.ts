import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { plural } from '../util/plural.js';
import { dim, green } from '../util/color.js';
import type { Diagnostic, Format } from '../env/types.js';
import { prepareDefinition } from '../job/prepare.js';
import { writeContext } from '../job/write-context.js';
import { EXIT, UsageError } from '../util/errors.js';
import type { Command } from './types.js';
import { formatResult } from './validate.js';

const command: Command = {
  options: { out: { type: 'string', short: 'o' } },
  minPositionals: 1,
  maxPositionals: 1,
  async run({ positionals, values }) {
    const [path] = positionals;
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (out !== undefined) assertEmptyFolder(out);
    const prepared = await prepareDefinition(path);
    if (!prepared.ok) {
      process.stderr.write(
        `${formatErrors(path, prepared)}\namlenv: ${path} has errors, so there is no Dockerfile for it; fix them (amlenv validate ${path})\n`,
      );
      return EXIT.invalid;
    }
    const { plan } = prepared;
    if (out === undefined) {
      process.stdout.write(plan.dockerfile);
      return EXIT.ok;
    }
    writeContext(out, plan.files);
    process.stderr.write(
      `${green('wrote')} ${plural(plan.files.length, 'file')} to ${out} (Dockerfile: ${join(out, plan.dockerfilePath)})\n`,
    );
    process.stderr.write(
      `${dim('build it as Azure ML does:')} docker build -f ${join(out, plan.dockerfilePath)} -t ${plan.tag} ${out}\n`,
    );
    return EXIT.ok;
  },
};

/** --out must be a new or empty folder: the context is never written over existing files. */
function assertEmptyFolder(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory())
    throw new UsageError(`--out ${out} is a file; give a new or empty folder for the Dockerfile and its context`);
  if (readdirSync(out).length > 0)
    throw new UsageError(
      `--out ${out} is not empty; give a new or empty folder (amlenv never writes over existing files)`,
    );
}

export function formatErrors(path: string, prepared: { def: { format: Format }; diagnostics: Diagnostic[] }): string {
  const errors = prepared.diagnostics.filter((d) => d.severity === 'error');
  return formatResult({ path, format: prepared.def.format, valid: false, diagnostics: errors });
}

export default command;
