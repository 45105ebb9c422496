// Makes sure the image of a definition exists: plans it, reuses the content-addressed tag when the daemon has
// it, otherwise pulls the base image if needed and builds. Shared by `amlenv build`, `amlenv run` and the app.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedDefinition } from '../env/types.js';
import { BuildFailed, buildImage } from '../docker/build.js';
import type { Docker } from '../docker/client.js';
import { inspectImage, tagImage } from '../docker/images.js';
import { pullImage } from '../docker/pull.js';
import { normalizeRegistryHost, registryHostMismatch } from '../docker/registry-host.js';
import { errorCode, UsageError } from '../util/errors.js';
import { parseIgnoreFile } from '../snapshot/ignore-file.js';
import { scanTree, UnreadableEntry } from '../snapshot/scan.js';
import type { JobListener } from './events.js';
import { buildInputs, type BuildInputs, type RegistryAuth } from './inputs.js';
import { LABEL_PREFIX, planBuild, type BuildPlan, type ContextFile, type PlanFiles } from './plan.js';

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The platform a local daemon builds for by default (the daemon runs on this machine's architecture). */
export function hostPlatform(arch: string = process.arch): string {
  const names: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
  };
  return `linux/${names[arch] ?? arch}`;
}

/** One file over this size in a build context is refused: Docker contexts are sent whole, and nothing that big belongs in one. */
export const CONTEXT_FILE_MAX_BYTES = 2 * 1024 ** 3;

/** A build context file: the Dockerfile read as text, every other file hashed by streaming it and left on disk. */
function contextFile(dir: string, path: string, size: number, executable: boolean, isDockerfile: boolean): ContextFile {
  const full = join(dir, path);
  const mode = executable ? 0o755 : 0o644;
  if (size > CONTEXT_FILE_MAX_BYTES) {
    throw new UsageError(
      `${full} in the build context is ${(size / 1024 ** 3).toFixed(1)} GiB, over the ${CONTEXT_FILE_MAX_BYTES / 1024 ** 3} GiB amlenv accepts for one file; list it in ${join(dir, '.dockerignore')} (a build context should hold only what the image needs)`,
    );
  }
  try {
    if (isDockerfile) return { path, data: readFileSync(full), mode };
    return { path, data: { disk: full, size, sha256: hashFile(full) }, mode };
  } catch (err) {
    throw new UsageError(
      `${full} in the build context cannot be read (${errorCode(err) ?? 'error'}); fix its permissions or list it in ${join(dir, '.dockerignore')}`,
    );
  }
}

/** sha256 of a file read 1 MiB at a time. */
function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n <= 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
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
  const rules =
    dockerignore === undefined
      ? undefined
      : parseIgnoreFile(
          dockerignore
            .split(/\r?\n/)
            .map((l) => (/^\s*(#|$)/.test(l) || l.startsWith('/') || l.startsWith('!') ? l : `/${l}`))
            .join('\n'),
        );
  let scan: ReturnType<typeof scanTree>;
  try {
    scan = scanTree(dir, rules ? { rules } : { ignoreFiles: [] });
  } catch (err) {
    if (err instanceof UnreadableEntry)
      throw new UsageError(
        `${join(dir, err.path)} in the build context ${err.message.slice(err.path.length + 1)}; fix its permissions or list it in ${join(dir, '.dockerignore')}`,
      );
    throw new UsageError(`the build context folder ${dir} cannot be read; check build.path`);
  }
  const wanted = dockerfilePath.replace(/^\.\//, '');
  const context: ContextFile[] = scan.files
    .filter((f) => f.link === undefined)
    .map((f) => contextFile(dir, f.path, f.size, f.executable, f.path === wanted));
  if (!context.some((f) => f.path === wanted))
    throw new UsageError(`no ${dockerfilePath} in the build context ${dir}; check build.dockerfile_path`);
  return { packages, context };
}

/**
 * The credentials a pull of `image` may carry: only those of the registry the image is pulled from. A base
 * image that resolves to another host (a name without a host resolves to Docker Hub) gets none, and the build
 * stops: the validator reports it as docker/registry-host-mismatch before this is ever reached.
 */
export function pullAuth(
  image: string,
  registry: RegistryAuth | undefined,
): { serveraddress: string; username?: string; password?: string } | undefined {
  if (!registry) return undefined;
  const mismatch = registryHostMismatch(image, registry.address);
  if (mismatch) {
    throw new UsageError(
      `docker.baseImage ${image} is pulled from ${mismatch.imageHost}, but docker.baseImageRegistry is for ${mismatch.address}; its credentials are not sent there (write the registry host into docker.baseImage) [docker/registry-host-mismatch]`,
    );
  }
  if (!registry.username && !registry.password) return undefined;
  return {
    serveraddress: normalizeRegistryHost(registry.address),
    username: registry.username,
    password: registry.password,
  };
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
  /** Move an extra tag even when it names an image amlenv did not build. */
  force?: boolean;
  signal?: AbortSignal;
  onEvent?: JobListener;
}

export interface EnsureResult {
  tag: string;
  imageId: string;
  built: boolean;
}

/** The label every image amlenv builds carries (see plan.ts); an image without it was made by someone else. */
export const BUILT_BY_AMLENV = `${LABEL_PREFIX}.hash`;

/** A tag that names an image amlenv did not build is not moved without --force: someone else relies on it. */
async function assertTagIsOurs(docker: Docker, tag: string, signal?: AbortSignal): Promise<void> {
  const current = await inspectImage(docker, tag, signal);
  if (!current || current.Config?.Labels?.[BUILT_BY_AMLENV]) return;
  throw new UsageError(
    `--tag ${tag} already names an image amlenv did not build (${current.Id.slice(0, 19)}); moving it would take the name from that image. Choose another tag, or pass --force to move it`,
  );
}

export async function ensureImage(
  docker: Docker,
  inputs: BuildInputs,
  plan: BuildPlan,
  options: EnsureOptions = {},
): Promise<EnsureResult> {
  const emit = options.onEvent ?? (() => undefined);
  const extraTags = options.tags ?? [];
  if (!options.force) for (const tag of extraTags) await assertTagIsOurs(docker, tag, options.signal);
  if (!options.noCache && !options.pull) {
    const existing = await inspectImage(docker, plan.tag, options.signal);
    if (existing) {
      for (const tag of extraTags) await tagImage(docker, existing.Id, tag, options.signal);
      emit({ kind: 'reused', tag: plan.tag, imageId: existing.Id });
      return { tag: plan.tag, imageId: existing.Id, built: false };
    }
  }
  const started = performance.now();
  if (inputs.base.kind === 'image') {
    const base = inputs.base;
    if (options.pull || !(await inspectImage(docker, base.image, options.signal))) {
      emit({ kind: 'phase', phase: 'pull', text: `pulling ${base.image}` });
      await pullImage(docker, base.image, {
        auth: pullAuth(base.image, base.registry),
        signal: options.signal,
        onEvent: emit,
      });
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
    emit({
      kind: 'built',
      tag: plan.tag,
      imageId: result.imageId,
      steps: result.steps,
      cachedSteps: result.cachedSteps,
      seconds: (performance.now() - started) / 1000,
    });
    return { tag: plan.tag, imageId: result.imageId, built: true };
  } catch (err) {
    if (err instanceof BuildFailed) emit({ kind: 'failed', message: err.message, step: err.step, tail: err.tail });
    throw err;
  }
}
