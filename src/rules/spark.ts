import { childPath, isRecord } from '../env/path.js';
import { section } from './helpers.js';
import type { Finding, Rule } from './types.js';
import { V1 } from './types.js';

const MAVEN_PART = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export const sparkRules: Rule[] = [
  {
    id: 'spark/invalid-package',
    severity: 'error',
    title: 'A Spark package is not a full Maven coordinate',
    explanation:
      'Spark packages are Maven coordinates split in three: group (com.microsoft.azure), ' +
      'artifact (synapseml_2.12) and version (1.0.4). Spark resolves them as ' +
      'group:artifact:version when the run starts (or when the image is built, with ' +
      'precachePackages); a missing or malformed part fails the resolution.',
    hint: 'give group, artifact and version, each without spaces or colons',
    lesson: 'spark-and-other-sections',
    formats: V1,
    check: ({ env }) => {
      const packages = section(env, 'spark').packages;
      if (!Array.isArray(packages)) return [];
      const out: Finding[] = [];
      for (const [i, pkg] of packages.entries()) {
        const path = childPath('spark.packages', i);
        if (!isRecord(pkg)) {
          out.push({ path, message: 'a Spark package must be an object with group, artifact and version' });
          continue;
        }
        for (const part of ['group', 'artifact', 'version']) {
          const value = pkg[part];
          if (typeof value !== 'string' || value.trim() === '')
            out.push({ path: childPath(path, part), message: `the Spark package has no ${part}` });
          else if (!MAVEN_PART.test(value))
            out.push({
              path: childPath(path, part),
              message: `${part} "${value}" is not a valid Maven ${part}`,
              hint: value.includes(':') ? 'split "group:artifact:version" into the three fields' : undefined,
            });
        }
      }
      return out;
    },
  },
  {
    id: 'spark/invalid-repository',
    severity: 'error',
    title: 'A Spark repository is not a URL',
    explanation:
      'spark.repositories lists Maven repositories by URL (https://repo1.maven.org/maven2/, ' +
      'https://mmlspark.azureedge.net/maven). Spark cannot search anything else for packages.',
    hint: 'write the repository as an https:// URL',
    lesson: 'spark-and-other-sections',
    formats: V1,
    check: ({ env }) => {
      const repos = section(env, 'spark').repositories;
      if (!Array.isArray(repos)) return [];
      return repos
        .map((repo, i) => ({ repo, path: childPath('spark.repositories', i) }))
        .filter(({ repo }) => typeof repo !== 'string' || !/^(https?|file|s3a?|abfss?|wasbs?):\/\/\S+$/i.test(repo))
        .map(({ repo, path }) => ({ path, message: `${JSON.stringify(repo)} is not a repository URL` }));
    },
  },
];
