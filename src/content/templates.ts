import { join } from 'node:path';
import { EnvironmentProblem } from '../util/errors.js';
import { loadBundle } from './bundle.js';
import { contentDir } from './paths.js';

export interface Template {
  name: string;
  title: string;
  description: string;
  lesson: string;
  file: string;
}

const isTemplateList = (list: unknown[]): list is Template[] =>
  list.every((t) => typeof t === 'object' && t !== null && 'name' in t && 'file' in t);

/** The starter templates (content/templates/index.yaml, compiled by the build; bundle.ts says why trusted). */
export function loadTemplates(): Template[] {
  const { templates } = loadBundle();
  if (!isTemplateList(templates))
    throw new EnvironmentProblem('its compiled template list has an entry without name or file; run "npm run build"');
  return templates;
}

export function templatePath(template: Template): string {
  return join(contentDir(), 'templates', template.file);
}
