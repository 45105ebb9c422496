import { findBaseImage } from '../content/catalog.js';
import { isImageError, parseImageRef } from '../env/image-ref.js';
import { isSet, section } from './helpers.js';
import type { Rule, RuleContext } from './types.js';
import { V1, WITH_IMAGE } from './types.js';

const IMAGE_PATH = 'docker.baseImage';
const SOURCES = ['baseImage', 'baseDockerfile', 'buildContext'] as const;

function imageRef(ctx: RuleContext) {
  const image = section(ctx.env, 'docker').baseImage;
  if (typeof image !== 'string') return undefined;
  return { image, ref: parseImageRef(image.trim()) };
}

export const dockerImageRules: Rule[] = [
  {
    id: 'docker/image-and-dockerfile',
    severity: 'error',
    title: 'More than one of baseImage, baseDockerfile and buildContext',
    explanation:
      'An environment image comes from exactly one place: a base image, a Dockerfile, or a build ' +
      'context. The SDK resets the others when you set one ("mutually exclusive"), and the ' +
      'service rejects a definition with more than one ("Too many Docker options"). Decide which ' +
      'one you mean.',
    hint: 'keep one of docker.baseImage, docker.baseDockerfile and docker.buildContext; set the others to null',
    lesson: 'dockerfiles-and-registries',
    formats: V1,
    check: (ctx) => {
      const docker = section(ctx.env, 'docker');
      const set = SOURCES.filter((k) => isSet(docker[k]));
      if (set.length < 2) return [];
      return [
        {
          path: `docker.${set[1]}`,
          message: `${set.join(' and ')} are all set; Azure ML uses only one`,
          hint: `remove ${set.slice(1).join(' and ')} or ${set[0]}`,
        },
      ];
    },
  },
  {
    id: 'docker/no-image',
    severity: 'error',
    title: 'No base image, Dockerfile or build context',
    explanation:
      'Every Azure ML environment runs in a Docker image, so the definition must say where the ' +
      'image comes from: docker.baseImage (the usual case, an Azure ML base image), ' +
      'docker.baseDockerfile, or docker.buildContext. With none of them the service reports ' +
      '"Missing Docker definition".',
    hint: 'set docker.baseImage, e.g. "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1"',
    lesson: 'base-images',
    formats: V1,
    check: (ctx) => {
      const docker = section(ctx.env, 'docker');
      if (SOURCES.some((k) => isSet(docker[k]))) return [];
      return [
        {
          path: 'docker.baseImage' in docker ? IMAGE_PATH : 'docker',
          message: 'the environment does not say which image to build on',
        },
      ];
    },
  },
  {
    id: 'docker/invalid-image-ref',
    severity: 'error',
    title: 'The base image is not a valid image reference',
    explanation:
      'Docker image references have the form [registry/]repository[:tag][@digest], with a ' +
      'lowercase repository, e.g. ' +
      'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1. Anything else fails at ' +
      'the first step of the build, when Docker tries to pull the image.',
    hint: 'write it as registry/repository:tag',
    lesson: 'base-images',
    formats: WITH_IMAGE,
    check: (ctx) => {
      const found = imageRef(ctx);
      if (!found || !isImageError(found.ref)) return [];
      return [{ path: IMAGE_PATH, message: `"${found.image}" is not a valid image reference: ${found.ref.error}` }];
    },
  },
  {
    id: 'docker/untagged-image',
    severity: 'warning',
    title: 'The base image has no tag or digest, or uses latest',
    explanation:
      'Without a fixed tag or a digest, the image behind the name changes over time. Azure ML ' +
      'caches your environment image by the hash of the definition, which does not change when ' +
      'the base image moves, so you cannot tell which base a build used, and a rebuild can ' +
      'differ. Pin a dated tag or, for full reproducibility, a digest.',
    hint: 'add a dated tag such as ":20250601.v1", or a digest "@sha256:..."',
    lesson: 'pinning-and-reproducible-builds',
    formats: WITH_IMAGE,
    check: (ctx) => {
      const found = imageRef(ctx);
      if (!found || isImageError(found.ref) || found.ref.digest) return [];
      if (!found.ref.tag) return [{ path: IMAGE_PATH, message: `"${found.image}" has no tag or digest` }];
      if (found.ref.tag === 'latest')
        return [{ path: IMAGE_PATH, message: `"${found.image}" uses the moving tag "latest"` }];
      return [];
    },
  },
  {
    id: 'docker/deprecated-image',
    severity: 'warning',
    title: 'The base image is deprecated',
    explanation:
      'Microsoft retires Azure ML base images when their operating system or CUDA version ' +
      'reaches end of support (intelmpi2018.3, openmpi3.1.2, base and base-gpu, the Ubuntu ' +
      '16.04, 18.04 and 20.04 images). Retired images get no security patches, may be removed ' +
      'from the registry, and builds on them fail in ways that are hard to trace.',
    hint: 'move to a supported image from amlenv curated / the base image list',
    lesson: 'base-images',
    formats: WITH_IMAGE,
    check: (ctx) => {
      const found = imageRef(ctx);
      if (!found || isImageError(found.ref)) return [];
      const entry = findBaseImage(ctx.catalog, found.ref.registry, found.ref.repository);
      if (entry?.status !== 'deprecated') return [];
      const replacement = entry.replacement
        ? ctx.catalog.baseImages.find((b) => b.name === entry.replacement)
        : undefined;
      const suggestion =
        replacement?.example ?? (entry.replacement ? `mcr.microsoft.com/azureml/${entry.replacement}` : undefined);
      return [
        {
          path: IMAGE_PATH,
          message: `${found.ref.repository} is a deprecated Azure ML base image (${entry.os})`,
          hint: suggestion ? `use ${suggestion} instead` : undefined,
        },
      ];
    },
  },
];
