import { isRecord } from '../env/path.js';
import { fieldAt } from '../env/fields.js';
import { section } from './helpers.js';
import type { Finding, Rule } from './types.js';
import { V1 } from './types.js';

// Docker's own parser for --shm-size (go-units RAMInBytes): digits, an optional space, a unit, then i and b.
const DOCKER_SIZE = /^\d+(\.\d+)* ?[kmgtp]?i?b?$/i;
export const isDockerSize = (value: string): boolean => DOCKER_SIZE.test(value);

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const dockerSettingRules: Rule[] = [
  {
    id: 'docker/deprecated-setting',
    severity: 'info',
    title: 'A deprecated docker or python setting is used',
    explanation:
      'docker.enabled, sharedVolumes, shmSize, arguments and gpuSupport are run settings that ' +
      'old SDKs kept in the environment. Azure ML now takes them from the run configuration ' +
      '(DockerConfiguration) or the job, and ignores or warns about them here. The SDK still ' +
      'writes their defaults into every saved file, so amlenv only mentions them when you ' +
      'changed them.',
    hint: 'move the setting to the run configuration or job',
    lesson: 'four-sections',
    formats: V1,
    check: ({ env, catalog }) => {
      const out: Finding[] = [];
      for (const setting of catalog.deprecatedSettings) {
        const [sectionName, key] = setting.path.split('.');
        const owner = section(env, sectionName);
        if (!(key in owner)) continue;
        const value = owner[key];
        if (value === null || sameValue(value, setting.default)) continue;
        out.push({
          path: setting.path,
          message: `${setting.path} is deprecated (${fieldAt(setting.path)?.deprecated ?? 'no longer used'})`,
          hint: `use ${setting.instead}`,
        });
      }
      return out;
    },
  },
  {
    id: 'docker/shm-size',
    severity: 'error',
    title: 'docker.shmSize is not a Docker size',
    explanation:
      "shmSize becomes the container's --shm-size, which Docker reads as a number of bytes with " +
      'an optional unit: b, k, m, g (also t, p; an i or b after the unit is allowed, e.g. 512mb ' +
      'or 2GiB). Anything else, such as "2 gigs" or "2GB of RAM", makes the container fail to ' +
      'start when the run begins, long after the image was built. The default is 2g.',
    hint: 'write a Docker size such as "2g", "512m" or a number of bytes',
    lesson: 'four-sections',
    formats: V1,
    check: ({ env }) => {
      const value = section(env, 'docker').shmSize;
      if (typeof value !== 'string' || isDockerSize(value)) return [];
      return [
        {
          path: 'docker.shmSize',
          message: `"${value}" is not a Docker size (a number with an optional unit b, k, m or g, e.g. 2g or 512m)`,
        },
      ];
    },
  },
  {
    id: 'docker/platform',
    severity: 'error',
    title: 'Unknown operating system or architecture in docker.platform',
    explanation:
      'docker.platform tells Azure ML which kind of image to build: os is Linux or Windows (OSX ' +
      'is accepted by the SDK but not buildable), architecture a Docker architecture such as ' +
      'amd64. Azure ML compute runs Linux amd64 images; any other value fails when the image is ' +
      'built or scheduled.',
    hint: 'use os "Linux" and architecture "amd64"',
    lesson: 'docker-images-and-containers',
    formats: V1,
    check: ({ env }) => {
      const platform = section(env, 'docker').platform;
      if (!isRecord(platform)) return [];
      const out: Finding[] = [];
      for (const key of ['os', 'architecture'] as const) {
        const value = platform[key];
        const allowed = fieldAt(`docker.platform.${key}`)?.values ?? [];
        if (typeof value === 'string' && !allowed.some((a) => a.toLowerCase() === value.toLowerCase())) {
          out.push({
            path: `docker.platform.${key}`,
            message: `"${value}" is not a known ${key === 'os' ? 'operating system' : 'architecture'} (known: ${allowed.join(', ')})`,
          });
        }
      }
      return out;
    },
  },
];
