import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../content/paths.js';

export interface Sample {
  name: string;
  script: string;
  readme: string;
  summary: string;
}

export const DEFAULT_SAMPLE = 'check-env';

const isSample = (value: unknown): value is Sample =>
  typeof value === 'object' &&
  value !== null &&
  'name' in value &&
  typeof value.name === 'string' &&
  'script' in value &&
  typeof value.script === 'string' &&
  'readme' in value &&
  typeof value.readme === 'string' &&
  'summary' in value &&
  typeof value.summary === 'string';

export function loadSamples(): Sample[] {
  const file = join(contentDir(), 'samples', 'index.yaml');
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  const list = typeof doc === 'object' && doc !== null && 'samples' in doc ? doc.samples : undefined;
  if (!Array.isArray(list) || !list.every(isSample)) throw new Error(`${file}: expected a "samples" list`);
  return list;
}

export const samplePath = (sample: Sample): string => join(contentDir(), 'samples', sample.script);
export const sampleReadme = (sample: Sample): string =>
  readFileSync(join(contentDir(), 'samples', sample.readme), 'utf8');

export function loadImportNames(): Record<string, string[]> {
  const file = join(contentDir(), 'samples', 'import-names.yaml');
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  if (typeof doc !== 'object' || doc === null) throw new Error(`${file}: expected a mapping of names to lists`);
  const out: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(doc))
    if (Array.isArray(list)) out[name] = list.filter((item) => typeof item === 'string');
  return out;
}
