import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from './paths.js';

export interface Template {
  name: string;
  title: string;
  description: string;
  lesson: string;
  file: string;
}

export function loadTemplates(): Template[] {
  const path = join(contentDir(), 'templates', 'index.yaml');
  const doc = parse(readFileSync(path, 'utf8')) as { templates?: Template[] };
  if (!Array.isArray(doc?.templates)) throw new Error(`${path}: expected a "templates" list`);
  return doc.templates;
}

export function templatePath(template: Template): string {
  return join(contentDir(), 'templates', template.file);
}
