import { isJsonRecord, type JsonRecord } from '../env/json.js';
import type { Finding, Rule, RuleContext } from './types.js';
import { V2 } from './types.js';
import { SOURCES } from './v2-schema.js';

const doc = (ctx: RuleContext): JsonRecord => ctx.def.v2 ?? {};
const present = (value: unknown) => value !== undefined && value !== null && value !== '';
const legacyDocker = (ctx: RuleContext): JsonRecord | undefined => {
  const docker = doc(ctx).docker;
  return isJsonRecord(docker) ? docker : undefined;
};
const hasImage = (ctx: RuleContext) => present(doc(ctx).image) || present(legacyDocker(ctx)?.image);
const hasBuild = (ctx: RuleContext) => present(doc(ctx).build) || present(legacyDocker(ctx)?.build);

export const v2Rules: Rule[] = [
  {
    id: 'v2/name-required',
    severity: 'error',
    title: 'The v2 environment has no name',
    explanation:
      'A v2 environment YAML must have a name: EnvironmentSchema declares name as required, and ' +
      'az ml environment create and the SDK refuse a file without it ("Environment name is ' +
      'required"). Only the version may be left out; the workspace then assigns one. An ' +
      'environment written inline in a job is anonymous and needs no name.',
    hint: 'add "name: my-environment"',
    lesson: 'v2-environments',
    sources: [SOURCES.schema, SOURCES.reference],
    formats: V2,
    check: (ctx) => {
      const name = doc(ctx).name;
      if (ctx.def.anonymous || (typeof name === 'string' && name.trim())) return [];
      return [{ path: 'name', message: 'the environment has no name ("Environment name is required")' }];
    },
  },
  {
    id: 'v2/image-or-build',
    severity: 'error',
    title: 'Neither image nor build is given',
    explanation:
      'A v2 environment is built either on a Docker image (image, optionally with a conda_file) ' +
      'or from a Docker build context (build.path with a Dockerfile). With neither, the SDK ' +
      'refuses it: "Docker image or Dockerfile is required for environments".',
    hint: 'add image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1, or a build: section',
    lesson: 'v2-environments',
    sources: [SOURCES.entity, SOURCES.reference],
    formats: V2,
    check: (ctx) =>
      hasImage(ctx) || hasBuild(ctx) ? [] : [{ path: 'image', message: 'the environment has neither image nor build' }],
  },
  {
    id: 'v2/image-and-build',
    severity: 'error',
    title: 'Both image and build are given',
    explanation:
      'image and build are two alternative ways to get the environment image; the SDK refuses a ' +
      'file with both ("Docker image or Dockerfile should be provided not both"). To add ' +
      'packages to an image, keep image and add conda_file, or put the FROM image in your ' +
      'Dockerfile.',
    hint: 'remove image or build',
    lesson: 'v2-environments',
    sources: [SOURCES.entity, SOURCES.reference],
    formats: V2,
    check: (ctx) =>
      hasImage(ctx) && hasBuild(ctx) ? [{ path: 'build', message: 'both image and build are set; use one' }] : [],
  },
  {
    id: 'v2/conda-needs-image',
    severity: 'error',
    title: 'conda_file without image (for example together with build)',
    explanation:
      'In v2, conda_file adds a conda environment on top of the image given in image. The ' +
      'service does not combine conda dependencies with a Docker build context: with build, ' +
      'install the packages in the Dockerfile (COPY the conda file and RUN conda env update). ' +
      'The environment reference lists conda_file as usable only with image.',
    hint: 'add image, or install the conda packages in the build context Dockerfile',
    lesson: 'v2-environments',
    sources: [SOURCES.reference, 'https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2'],
    formats: V2,
    check: (ctx) =>
      present(doc(ctx).conda_file) && !hasImage(ctx)
        ? [
            {
              path: 'conda_file',
              message: hasBuild(ctx)
                ? 'conda_file is set together with build; a build context installs its packages in the Dockerfile'
                : 'conda_file is set but image is not',
            },
          ]
        : [],
  },
  {
    id: 'v2/legacy-shape',
    severity: 'error',
    title: 'The early v2 preview shape (docker:, path:)',
    explanation:
      'Files written for the 2021 v2 preview nest the image under docker: (docker.image, ' +
      'docker.build.dockerfile) and put the context in path:. The released schema uses top-level ' +
      'image, build.path and build.dockerfile_path; docker and path are unknown fields there, ' +
      'and the loader refuses them ("Unknown field."; reported as "path: Unknown field" in ' +
      'azure-sdk-for-python#34418).',
    hint: 'move docker.image to image, docker.build to build (path, dockerfile_path)',
    lesson: 'v1-to-v2-migration',
    sources: [SOURCES.schema, 'https://github.com/Azure/azure-sdk-for-python/issues/34418'],
    formats: V2,
    check: (ctx) => {
      const d = doc(ctx);
      const out: Finding[] = [];
      if (isJsonRecord(d.docker))
        out.push({
          path: 'docker',
          message: 'docker: is the preview shape; the released schema uses image: or build: ("Unknown field.")',
        });
      else if (d.docker !== undefined)
        out.push({ path: 'docker', message: 'docker: is not a v2 key ("Unknown field.")' });
      if (d.path !== undefined)
        out.push({ path: 'path', message: 'path: is the preview shape; use build.path ("Unknown field.")' });
      return out;
    },
  },
  {
    id: 'v2/file-prefix',
    severity: 'warning',
    title: 'A "file:" prefix on conda_file (preview spelling)',
    explanation:
      'The 2021 v2 preview wrote local paths as "file:conda.yml". The released schema documents ' +
      'conda_file as a plain path relative to the environment file; keep to that form so every ' +
      'version of the CLI and SDK reads it the same way.',
    hint: 'drop "file:" and give the plain relative path',
    lesson: 'v1-to-v2-migration',
    sources: [SOURCES.reference],
    formats: V2,
    check: (ctx) => {
      const conda = doc(ctx).conda_file;
      return typeof conda === 'string' && conda.startsWith('file:')
        ? [{ path: 'conda_file', message: 'the "file:" prefix is the preview spelling; give the plain relative path' }]
        : [];
    },
  },
];
