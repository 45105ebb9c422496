import { isRecord } from '../env/path.js';
import { fieldAt } from '../env/fields.js';
import { section } from './helpers.js';
import type { Finding, Rule } from './types.js';
import { V1 } from './types.js';

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const dockerSettingRules: Rule[] = [
  {
    id: 'docker/deprecated-setting',
    severity: 'info',
    title: 'A deprecated docker or python setting is used',
    explanation:
      'docker.enabled, sharedVolumes, shmSize, arguments and gpuSupport are run settings that old SDKs kept in the environment. Azure ML now takes them from the run configuration (DockerConfiguration) or the job, and ignores or warns about them here. The SDK still writes their defaults into every saved file, so amlenv only mentions them when you changed them.',
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
        out.push({ path: setting.path, message: `${setting.path} is deprecated (${fieldAt(setting.path)?.deprecated ?? 'no longer used'})`, hint: `use ${setting.instead}` });
      }
      return out;
    },
  },
  {
    id: 'docker/platform',
    severity: 'error',
    title: 'Unknown operating system or architecture in docker.platform',
    explanation:
      'docker.platform tells Azure ML which kind of image to build: os is Linux or Windows (OSX is accepted by the SDK but not buildable), architecture a Docker architecture such as amd64. Azure ML compute runs Linux amd64 images; any other value fails when the image is built or scheduled.',
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
          out.push({ path: `docker.platform.${key}`, message: `"${value}" is not a known ${key === 'os' ? 'operating system' : 'architecture'} (known: ${allowed.join(', ')})` });
        }
      }
      return out;
    },
  },
];
