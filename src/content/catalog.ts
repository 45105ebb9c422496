import { EnvironmentProblem } from '../util/errors.js';
import { type ContentBundle, loadBundle } from './bundle.js';

export interface BaseImage {
  name: string;
  status: 'supported' | 'deprecated';
  gpu: boolean;
  os: string;
  python: string;
  replacement?: string;
  example?: string;
}

export interface CuratedEnvironment {
  name: string;
  legacy?: string;
  framework: string;
  python?: string;
  gpu: boolean;
  status: 'current' | 'deprecated';
  image?: string;
  replacement?: string;
}

export interface PythonVersion {
  version: string;
  eol: string;
}

export interface DeprecatedSetting {
  path: string;
  default: unknown;
  instead: string;
}

export interface Catalog {
  baseImages: BaseImage[];
  curated: CuratedEnvironment[];
  pythonVersions: PythonVersion[];
  deprecatedSettings: DeprecatedSetting[];
}

const named = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && ('name' in value || 'path' in value || 'version' in value);

/** The catalog lists of the bundle (content/catalog/*.yaml, compiled by the build; bundle.ts says why trusted). */
function isCatalog(value: ContentBundle['catalog']): value is Catalog {
  return Object.values(value).every((list) => list.every(named));
}

/** The catalog of base images, curated environments, Python versions and deprecated settings. */
export function loadCatalog(): Catalog {
  const { catalog } = loadBundle();
  if (!isCatalog(catalog))
    throw new EnvironmentProblem('its compiled catalog has an entry without a name; run "npm run build"');
  return catalog;
}

/** Glob match with "*" only, the way base-images.yaml writes patterns. */
export function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(text);
}

/** The catalog entry for an Azure ML image repository path (`azureml/openmpi4.1.0-ubuntu22.04`), if any. */
export function findBaseImage(
  catalog: Catalog,
  registry: string | undefined,
  repository: string,
): BaseImage | undefined {
  if (registry !== 'mcr.microsoft.com' || !repository.startsWith('azureml/')) return undefined;
  const name = repository.slice('azureml/'.length);
  return catalog.baseImages.find((img) => globMatch(img.name, name));
}
