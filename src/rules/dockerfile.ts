import { dirname, relative } from 'node:path';
import { section } from './helpers.js';
import type { Rule } from './types.js';
import { WITH_IMAGE } from './types.js';

import { AZURE_DOCKERFILE_LIMIT as MAX_DOCKERFILE_BYTES } from '../env/read-input.js';
const PATH = 'docker.baseDockerfile';

/** The Dockerfile's instructions (upper-cased keywords), with comments and line continuations handled. */
export function dockerfileInstructions(text: string): string[] {
  const out: string[] = [];
  let continuing = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!continuing && (line === '' || line.startsWith('#'))) continue;
    if (!continuing) out.push((/^[A-Za-z]+/.exec(line)?.[0] ?? line).toUpperCase());
    continuing = line.endsWith('\\');
  }
  return out;
}

export const dockerfileRules: Rule[] = [
  {
    id: 'docker/dockerfile-no-from',
    severity: 'error',
    title: 'The Dockerfile has no FROM instruction first',
    explanation:
      'A Dockerfile starts from a base image: its first instruction must be FROM (only ARG may ' +
      'come before it). Azure ML builds docker.baseDockerfile (v1) and the Dockerfile of a v2 ' +
      'build context as given, so the image build of a Dockerfile without FROM fails at once ' +
      '("no build stage in current context").',
    hint: 'start the Dockerfile with FROM, e.g. "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1"',
    lesson: 'dockerfiles-and-registries',
    sources: ['https://docs.docker.com/reference/dockerfile/#from'],
    formats: WITH_IMAGE,
    check: ({ env, def }) => {
      const v2 = def.format === 'v2-yaml';
      const text = v2 ? def.buildDockerfile?.text : section(env, 'docker').baseDockerfile;
      if (typeof text !== 'string' || text.trim() === '') return [];
      const first = dockerfileInstructions(text).find((i) => i !== 'ARG');
      if (first === 'FROM') return [];
      const shown = def.buildDockerfile ? relative(dirname(def.path), def.buildDockerfile.file) : 'Dockerfile';
      const what = v2 ? `the build context Dockerfile (${shown})` : 'the Dockerfile';
      return [
        {
          path: v2 ? 'build.dockerfile_path' : PATH,
          message: first ? `${what}'s first instruction is ${first}, not FROM` : `${what} has no instructions`,
        },
      ];
    },
  },
  {
    id: 'docker/dockerfile-too-large',
    severity: 'error',
    title: 'The Dockerfile is larger than 100 KB',
    explanation:
      'Azure ML accepts a Dockerfile of at most 100 KB in an environment: an inline ' +
      'docker.baseDockerfile (a v1 BaseDockerfile) or the Dockerfile of a v2 build context. ' +
      'Larger build recipes belong in scripts inside a build context that the Dockerfile copies ' +
      'and runs.',
    hint: 'move the bulk into scripts in a build context and use docker.buildContext',
    lesson: 'dockerfiles-and-registries',
    // v2 build-context Dockerfiles are measured by the loader (read-input.ts), which reports this rule.
    formats: WITH_IMAGE,
    check: ({ env }) => {
      const text = section(env, 'docker').baseDockerfile;
      if (typeof text !== 'string') return [];
      const bytes = Buffer.byteLength(text, 'utf8');
      return bytes > MAX_DOCKERFILE_BYTES
        ? [{ path: PATH, message: `the Dockerfile is ${(bytes / 1024).toFixed(1)} KB; the limit is 100 KB` }]
        : [];
    },
  },
];
