// Makes sure the image of a definition exists: plans it, reuses the content-addressed tag when the daemon has
// it, otherwise pulls the base image if needed and builds. Shared by `amlenv build`, `amlenv run` and the app.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedDefinition } from '../env/types.js';
import { BuildFailed, buildImage } from '../docker/build.js';
import type { Docker } from '../docker/client.js';
import { inspectImage, tagImage } from '../docker/images.js';
import { pullImage } from '../docker/pull.js';
import { UsageError } from '../util/errors.js';
import { parseIgnoreFile } from '../snapshot/ignore-file.js';
import { scanTree } from '../snapshot/scan.js';
import type { JobListener } from './events.js';
import { buildInputs, type BuildInputs } from './inputs.js';
import { planBuild, type BuildPlan, type ContextFile, type PlanFiles } from './plan.js';

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The platform a local daemon builds for by default (the daemon runs on this machine's architecture). */
export function hostPlatform(arch: string = process.arch): string {
  const names: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x' };
  return `linux/${names[arch] ?? arch}`;
}

/** Reads what the plan needs from disk: local packages, and the folder of a local build context. */
export function readPlanFiles(inputs: BuildInputs): PlanFiles {
  const packages = new Map<string, Uint8Array>();
  for (const pkg of inputs.localPackages) packages.set(pkg.path, readFileSync(pkg.path));
  if (inputs.base.kind !== 'context') return { packages };
  const { dir, dockerfilePath } = inputs.base;
  let dockerignore: string | undefined;
  try {
    dockerignore = readFileSync(join(dir, '.dockerignore'), 'utf8');
  } catch {
    dockerignore = undefined;
  }
  // .dockerignore patterns are anchored at the context root; gitignore ones match at any depth.
  const rules = dockerignore === undefined ? undefined : parseIgnoreFile(dockerignore.split(/\r?\n/).map((l) => (/^\s*(#|$)/.test(l) || l.startsWith('/') || l.startsWith('!') ? l : `/${l}`)).join('\n'));
  let scan;
  try {
    scan = scanTree(dir, rules ? { rules } : { ignoreFiles: [] });
  } catch {
    throw new UsageError(`the build context folder ${dir} cannot be read; check build.path`);
  }
  const context: ContextFile[] = scan.files
    .filter((f) => f.link === undefined)
    .map((f) => ({ path: f.path, data: readFileSync(join(dir, f.path)), mode: f.executable ? 0o755 : 0o644 }));
  if (!context.some((f) => f.path === dockerfilePath.replace(/^\.\//, ''))) throw new UsageError(`no ${dockerfilePath} in the build context ${dir}; check build.dockerfile_path`);
  return { packages, context };
}

/** The plan of a loaded (and valid) definition. Needs loadFieldLibs() to have resolved. */
export function planDefinition(def: LoadedDefinition): { inputs: BuildInputs; plan: BuildPlan } {
  const inputs = buildInputs(def, isFile);
  return { inputs, plan: planBuild(inputs, readPlanFiles(inputs)) };
}

export interface EnsureOptions {
  noCache?: boolean;
  pull?: boolean;
  /** Extra tags to put on the image. */
  tags?: string[];
  signal?: AbortSignal;
  onEvent?: JobListener;
}

export interface EnsureResult {
  tag: string;
  imageId: string;
  built: boolean;
}

export async function ensureImage(docker: Docker, inputs: BuildInputs, plan: BuildPlan, options: EnsureOptions = {}): Promise<EnsureResult> {
  const emit = options.onEvent ?? (() => undefined);
  const extraTags = options.tags ?? [];
  if (!options.noCache && !options.pull) {
    const existing = await inspectImage(docker, plan.tag);
    if (existing) {
      for (const tag of extraTags) await tagImage(docker, existing.Id, tag);
      emit({ kind: 'reused', tag: plan.tag, imageId: existing.Id });
      return { tag: plan.tag, imageId: existing.Id, built: false };
    }
  }
  const started = performance.now();
  if (inputs.base.kind === 'image') {
    const base = inputs.base;
    if (options.pull || !(await inspectImage(docker, base.image))) {
      emit({ kind: 'phase', phase: 'pull', text: `pulling ${base.image}` });
      const auth = base.registry ? { serveraddress: base.registry.address, username: base.registry.username, password: base.registry.password } : undefined;
      await pullImage(docker, base.image, { auth, signal: options.signal, onEvent: emit });
    }
  }
  emit({ kind: 'phase', phase: 'build', text: `building ${plan.tag}` });
  // tar-stream is loaded only when something is built: an unchanged definition never pays for it.
  const { contextTar } = await import('./tar.js');
  try {
    const result = await buildImage(docker, {
      context: contextTar(plan.files),
      dockerfile: plan.dockerfilePath,
      tags: [plan.tag, ...extraTags],
      noCache: options.noCache,
      // A base image was pulled just above; a base Dockerfile's FROM images are pulled by the builder.
      pull: options.pull && inputs.base.kind !== 'image',
      platform: plan.platform === hostPlatform() ? undefined : plan.platform,
      signal: options.signal,
      onEvent: emit,
    });
    emit({ kind: 'built', tag: plan.tag, imageId: result.imageId, steps: result.steps, cachedSteps: result.cachedSteps, seconds: (performance.now() - started) / 1000 });
    return { tag: plan.tag, imageId: result.imageId, built: true };
  } catch (err) {
    if (err instanceof BuildFailed) emit({ kind: 'failed', message: err.message, step: err.step, tail: err.tail });
    throw err;
  }
}
