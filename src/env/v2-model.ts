import { hasPlaceholder } from '../util/placeholder.js';
import type { Json } from './fields.js';
import { refuseOutside, type PathGuard } from './containment.js';
import type { FileReader } from './files.js';
import { attachCondaFile, CONDA_PATH, resolveBeside } from './conda-file.js';
import { dockerfileSizeProblem, readReferenced } from './read-input.js';
import { isRecord } from './path.js';
import { readStyle } from './text.js';
import type { EnvObject, LoadedDefinition, Position, SourceText } from './types.js';

export { V2_KEYS, V2_PREVIEW_KEYS } from './v2-fields.js';

/** Where model paths show up in a v2 file: diagnostics use the v2 spelling. */
export const V2_PATH_ALIASES: Array<[string, string]> = [
  ['docker.baseImage', 'image'],
  ['docker.buildContext.location', 'build.path'],
  ['docker.buildContext.dockerfilePath', 'build.dockerfile_path'],
  ['docker.buildContext', 'build'],
  ['docker.platform.os', 'os_type'],
];

export function looksLikeV2(value: Record<string, unknown>): boolean {
  const schema = typeof value.$schema === 'string' ? value.$schema : '';
  if (/environment\.schema\.json/i.test(schema)) return true;
  if (['image', 'build', 'conda_file', 'inference_config', 'os_type', 'docker'].some((k) => k in value)) return true;
  // name + version/description/tags and nothing conda-like: a v2 environment that forgot its image.
  return (
    'name' in value &&
    !('dependencies' in value) &&
    !('channels' in value) &&
    ['version', 'description', 'tags'].some((k) => k in value)
  );
}

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git+') || s.startsWith('azureml:');
const stripFilePrefix = (s: string) => s.replace(/^file:/, '');

/** Maps a v2 environment document onto the SDK v1 model, keeping the raw document for v2 rules. */
export function v2ToModel(
  file: string,
  doc: Record<string, Json>,
  positions: Map<string, Position>,
  source: SourceText,
  reader: FileReader,
  guard?: PathGuard,
): LoadedDefinition {
  const env: EnvObject = {};
  const def: LoadedDefinition = {
    path: file,
    format: 'v2-yaml',
    env,
    positions,
    problems: [],
    sources: [source],
    v2: doc,
    parsed: true,
  };
  if (doc.name !== undefined) env.name = doc.name;
  if (doc.version !== undefined) env.version = typeof doc.version === 'number' ? String(doc.version) : doc.version;

  const legacyDocker = isRecord(doc.docker) ? doc.docker : undefined;
  const image = doc.image ?? legacyDocker?.image;
  const docker: Record<string, Json> = {};
  if (image !== undefined) {
    docker.baseImage = image;
    alias(positions, doc.image !== undefined ? 'image' : 'docker.image', 'docker.baseImage');
  }
  const build = isRecord(doc.build) ? doc.build : isRecord(legacyDocker?.build) ? legacyDocker.build : undefined;
  if (build) {
    const rawPath = typeof build.path === 'string' ? build.path : typeof doc.path === 'string' ? doc.path : '.';
    const dockerfile =
      typeof build.dockerfile_path === 'string'
        ? build.dockerfile_path
        : typeof build.dockerfile === 'string'
          ? stripFilePrefix(build.dockerfile)
          : 'Dockerfile';
    docker.buildContext = {
      locationType: null,
      location: isUrl(rawPath) ? rawPath : resolveBeside(file, rawPath),
      dockerfilePath: dockerfile,
    };
    alias(positions, 'build', 'docker.buildContext');
    alias(positions, 'build.path', 'docker.buildContext.location');
    alias(positions, 'build.dockerfile_path', 'docker.buildContext.dockerfilePath');
  }
  if (typeof doc.os_type === 'string') {
    docker.platform = {
      os:
        doc.os_type.toLowerCase() === 'windows'
          ? 'Windows'
          : doc.os_type.toLowerCase() === 'linux'
            ? 'Linux'
            : doc.os_type,
      architecture: 'amd64',
    };
    alias(positions, 'os_type', 'docker.platform.os');
  }
  env.docker = docker;

  const python: Record<string, Json> = {
    userManagedDependencies: doc.conda_file === undefined || doc.conda_file === null,
    interpreterPath: 'python',
  };
  env.python = python;
  const conda = doc.conda_file;
  if (typeof conda === 'string') {
    const condaFile = resolveBeside(file, stripFilePrefix(conda));
    if (
      !isUrl(conda) &&
      !refuseOutside(def, guard, condaFile, 'conda_file', 'conda_file', conda) &&
      !attachCondaFile(def, condaFile, reader, 'conda_file')
    ) {
      def.problems.push({
        rule: 'v2/missing-file',
        severity: 'error',
        path: 'conda_file',
        message: `conda_file "${conda}" was not found (looked for ${condaFile})`,
        hint: hasPlaceholder(conda)
          ? 'this is a template placeholder: fill it in with a real path'
          : 'give the path of the conda YAML relative to this file',
      });
    }
  } else if (conda !== undefined && conda !== null) {
    python.condaDependencies = conda;
    def.conda = { modelPath: CONDA_PATH };
    for (const [path, pos] of [...positions]) {
      if (path === 'conda_file' || path.startsWith('conda_file.') || path.startsWith('conda_file['))
        positions.set(CONDA_PATH + path.slice('conda_file'.length), pos);
    }
  }
  if (build && typeof docker.buildContext === 'object' && docker.buildContext && !Array.isArray(docker.buildContext)) {
    const location = String(docker.buildContext.location);
    const dockerfile = resolveBeside(`${location}/x`, String(docker.buildContext.dockerfilePath));
    if (!isUrl(location) && !hasPlaceholder(location)) {
      if (
        refuseOutside(
          def,
          guard,
          location,
          'build.path',
          'build.path',
          typeof build.path === 'string' ? build.path : location,
        )
      ) {
        // not read
      } else if (
        refuseOutside(
          def,
          guard,
          dockerfile,
          'build.dockerfile_path',
          'build.dockerfile_path',
          String(docker.buildContext.dockerfilePath),
        )
      ) {
        // not read
      } else if (!reader.isDirectory(location)) {
        def.problems.push({
          rule: 'v2/missing-file',
          severity: 'error',
          path: 'build.path',
          message: `build.path folder not found (looked for ${location})`,
          hint: 'give the build context folder relative to this file',
        });
      } else {
        const read = readReferenced(
          def,
          reader,
          dockerfile,
          'dockerfile',
          'build.dockerfile_path',
          String(docker.buildContext.dockerfilePath),
        );
        if (read.text !== undefined) {
          def.buildDockerfile = { file: dockerfile, text: read.text, style: readStyle(read.text).style };
          const tooLarge = dockerfileSizeProblem(read.text, 'build.dockerfile_path', dockerfile);
          if (tooLarge) def.problems.push(tooLarge);
        } else if (!read.refused) {
          def.problems.push({
            rule: 'v2/missing-file',
            severity: 'error',
            path: 'build.dockerfile_path',
            message: `no Dockerfile at "${String(docker.buildContext.dockerfilePath)}" inside the build context ${location}`,
            hint: 'dockerfile_path is relative to build.path (default: Dockerfile)',
          });
        }
      }
    }
  }
  return def;
}

function alias(positions: Map<string, Position>, from: string, to: string): void {
  const pos = positions.get(from);
  if (pos) positions.set(to, pos);
}
