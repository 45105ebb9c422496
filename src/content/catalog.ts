import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from './paths.js';

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

let cached: Catalog | undefined;

function readYaml<T>(file: string, key: string): T {
  const path = join(contentDir(), 'catalog', file);
  const doc = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const value = doc?.[key];
  if (!Array.isArray(value)) throw new Error(`${path}: expected a "${key}" list`);
  return value as T;
}

export function loadCatalog(): Catalog {
  cached ??= {
    baseImages: readYaml('base-images.yaml', 'images'),
    curated: readYaml('curated.yaml', 'environments'),
    pythonVersions: readYaml('python-versions.yaml', 'versions'),
    deprecatedSettings: readYaml('deprecated-settings.yaml', 'settings'),
  };
  return cached;
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
