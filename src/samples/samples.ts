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

export function loadSamples(): Sample[] {
  const file = join(contentDir(), 'samples', 'index.yaml');
  const doc = parse(readFileSync(file, 'utf8')) as { samples?: Sample[] };
  if (!Array.isArray(doc?.samples)) throw new Error(`${file}: expected a "samples" list`);
  return doc.samples;
}

export const samplePath = (sample: Sample): string => join(contentDir(), 'samples', sample.script);
export const sampleReadme = (sample: Sample): string =>
  readFileSync(join(contentDir(), 'samples', sample.readme), 'utf8');

export function loadImportNames(): Record<string, string[]> {
  return parse(readFileSync(join(contentDir(), 'samples', 'import-names.yaml'), 'utf8')) as Record<string, string[]>;
}
