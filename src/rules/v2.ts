import { isRecord } from '../env/path.js';
import { V2_KEYS, V2_PREVIEW_KEYS } from '../env/v2-model.js';
import { didYouMean } from './helpers.js';
import type { Rule, RuleContext } from './types.js';
import { V2 } from './types.js';

const doc = (ctx: RuleContext) => ctx.def.v2 ?? {};
const present = (value: unknown) => value !== undefined && value !== null && value !== '';
const hasImage = (ctx: RuleContext) =>
  present(doc(ctx).image) || (isRecord(doc(ctx).docker) && present((doc(ctx).docker as Record<string, unknown>).image));
const hasBuild = (ctx: RuleContext) =>
  present(doc(ctx).build) || (isRecord(doc(ctx).docker) && present((doc(ctx).docker as Record<string, unknown>).build));

export const v2Rules: Rule[] = [
  {
    id: 'v2/name-required',
    severity: 'error',
    title: 'The v2 environment has no name',
    explanation:
      'A v2 environment YAML must have a name: az ml environment create and the SDK reject one without it ("Environment name is required"). Only the version may be left out; the workspace then assigns one.',
    hint: 'add "name: my-environment"',
    lesson: 'v2-environments',
    formats: V2,
    check: (ctx) =>
      typeof doc(ctx).name === 'string' && (doc(ctx).name as string).trim()
        ? []
        : [{ path: 'name', message: 'the environment has no name' }],
  },
  {
    id: 'v2/image-or-build',
    severity: 'error',
    title: 'Neither image nor build is given',
    explanation:
      'A v2 environment is built either on a Docker image (image, optionally with a conda_file) or from a Docker build context (build.path with a Dockerfile). With neither, the CLI rejects it: "Docker image or Dockerfile is required for environments".',
    hint: 'add image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1, or a build: section',
    lesson: 'v2-environments',
    formats: V2,
    check: (ctx) =>
      hasImage(ctx) || hasBuild(ctx) ? [] : [{ path: 'image', message: 'the environment has neither image nor build' }],
  },
  {
    id: 'v2/image-and-build',
    severity: 'error',
    title: 'Both image and build are given',
    explanation:
      'image and build are two alternative ways to get the environment image; the CLI rejects a file with both ("Docker image or Dockerfile should be provided not both"). To add packages to an image, keep image and add conda_file, or put the FROM image in your Dockerfile.',
    hint: 'remove image or build',
    lesson: 'v2-environments',
    formats: V2,
    check: (ctx) =>
      hasImage(ctx) && hasBuild(ctx) ? [{ path: 'build', message: 'both image and build are set; use one' }] : [],
  },
  {
    id: 'v2/conda-needs-image',
    severity: 'error',
    title: 'conda_file without image',
    explanation:
      'In v2, conda_file adds a conda environment on top of the image given in image. With a build context instead, install packages in the Dockerfile; a conda_file next to build alone is rejected.',
    hint: 'add image, or install the conda packages in the build context Dockerfile',
    lesson: 'v2-environments',
    formats: V2,
    check: (ctx) =>
      present(doc(ctx).conda_file) && !hasImage(ctx)
        ? [{ path: 'conda_file', message: 'conda_file is set but image is not' }]
        : [],
  },
  {
    id: 'v2/unknown-key',
    severity: 'warning',
    title: 'A key the v2 environment schema does not know',
    explanation:
      'The v2 environment schema has a fixed set of keys (name, version, description, tags, image, conda_file, build, os_type, inference_config, ...). Unknown keys are rejected or ignored by the CLI. A common case is environment_variables, which v2 keeps on the job, not the environment; another is a conda file passed where an environment file is expected.',
    hint: 'remove the key or correct its spelling',
    lesson: 'v2-environments',
    formats: V2,
    check: (ctx) =>
      Object.keys(doc(ctx))
        .filter((k) => !V2_KEYS.includes(k) && !V2_PREVIEW_KEYS.includes(k))
        .map((k) => {
          const guess = didYouMean(k, V2_KEYS);
          const special = /^environment_?variables$/i.test(k)
            ? 'v2 environments have no environment variables: set them on the job (environment_variables: in job.yml)'
            : ['channels', 'dependencies'].includes(k)
              ? 'this looks like a conda file: put it in its own file and point conda_file at it'
              : undefined;
          return {
            path: k,
            message: `unknown key "${k}" in a v2 environment${guess ? `; did you mean "${guess}"?` : ''}`,
            hint: special ?? (guess ? `rename it to "${guess}"` : 'remove it'),
          };
        }),
  },
  {
    id: 'v2/legacy-shape',
    severity: 'warning',
    title: 'The early v2 preview shape (docker:, file: prefixes, path:)',
    explanation:
      'Files written for the 2021 v2 preview nest the image under docker: (docker.image, docker.build.dockerfile), prefix paths with "file:" and put the context in path:. The released CLI v2 schema uses top-level image, build.path and build.dockerfile_path and plain relative paths; the old shape is rejected today.',
    hint: 'move docker.image to image, docker.build to build (path, dockerfile_path), and drop "file:"',
    lesson: 'v1-to-v2-migration',
    formats: V2,
    check: (ctx) => {
      const d = doc(ctx);
      const out = [];
      if (isRecord(d.docker))
        out.push({
          path: 'docker',
          message: 'docker: is the preview shape; the released schema uses image: or build:',
        });
      if (typeof d.path === 'string') out.push({ path: 'path', message: 'path: is the preview shape; use build.path' });
      if (typeof d.conda_file === 'string' && d.conda_file.startsWith('file:'))
        out.push({
          path: 'conda_file',
          message: 'the "file:" prefix is the preview shape; give the plain relative path',
        });
      return out;
    },
  },
];
