import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mount } from '../docker/run.js';
import type { EnvObject } from '../env/types.js';
import { UsageError } from '../util/errors.js';
import { buildManifest } from './manifest.js';
import { DEFAULT_SAMPLE, loadImportNames, loadSamples, samplePath, type Sample } from './samples.js';

export const SAMPLES_IN_CONTAINER = '/amlenv/samples';
export const MANIFEST_IN_CONTAINER = '/amlenv/manifest.json';

export function findSample(name: string): Sample {
  const samples = loadSamples();
  const found = samples.find((s) => s.name === name);
  if (!found)
    throw new UsageError(
      `no sample "${name}"; the samples are ${samples.map((s) => s.name).join(', ')} (amlenv samples)`,
    );
  return found;
}

export const sampleScriptInContainer = (sample: Sample) => `${SAMPLES_IN_CONTAINER}/${sample.script}`;

/** The sample script (and, for check-env, the manifest built from the definition) mounted read-only. */
export function sampleMounts(
  sample: Sample,
  env: EnvObject,
  definition: string,
): { mounts: Mount[]; env: Record<string, string>; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'amlenv-sample-'));
  const mounts: Mount[] = [{ host: samplePath(sample), container: sampleScriptInContainer(sample), readOnly: true }];
  const extraEnv: Record<string, string> = {};
  if (sample.name === DEFAULT_SAMPLE) {
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify(buildManifest(env, definition, loadImportNames()), null, 2));
    mounts.push({ host: manifest, container: MANIFEST_IN_CONTAINER, readOnly: true });
    extraEnv.AMLENV_MANIFEST = MANIFEST_IN_CONTAINER;
  }
  return { mounts, env: extraEnv, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
