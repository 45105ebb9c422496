// A CLI v2 command job (type: command) may define its environment inline under `environment:`. This
// reads that mapping as a v2 environment, with its conda file resolved beside the job file.
import { diskReader, type FileReader } from './files.js';
import { parseYamlWithPositions } from './parse-yaml.js';
import { isRecord } from './path.js';
import { readStyle } from './text.js';
import type { LoadedDefinition, Position } from './types.js';
import { v2ToModel } from './v2-model.js';

export type JobEnvironment =
  | { kind: 'not-a-job' }
  | { kind: 'inline'; def: LoadedDefinition }
  | { kind: 'reference'; message: string };

/** Whether the text is a command job, and if so the environment it uses. */
export function readJobEnvironment(raw: string, file: string, reader: FileReader = diskReader): JobEnvironment {
  if (!/^[ \t]*(type\s*:\s*command|command\s*:)/m.test(raw)) return { kind: 'not-a-job' };
  const { text, style } = readStyle(raw);
  const parsed = parseYamlWithPositions(text, file);
  if (parsed.error || !isRecord(parsed.value)) return { kind: 'not-a-job' };
  const job = parsed.value;
  if (!(job.type === 'command' || (typeof job.command === 'string' && 'environment' in job)))
    return { kind: 'not-a-job' };
  const env = job.environment;
  if (typeof env === 'string') {
    return {
      kind: 'reference',
      message: `${file}: the job uses the registered environment "${env}", which amlenv cannot read; give the environment's own YAML or conda file instead`,
    };
  }
  if (!isRecord(env))
    return {
      kind: 'reference',
      message: `${file}: the job has no environment; add an "environment:" mapping or give an environment file`,
    };
  const positions = new Map<string, Position>();
  for (const [path, pos] of parsed.positions)
    if (path.startsWith('environment.')) positions.set(path.slice('environment.'.length), pos);
  const def = v2ToModel(file, env, positions, { file, text, style }, reader);
  return { kind: 'inline', def };
}
