import { isLockedSpec, readLockHeader } from '../solve/lock-header.js';
import type { Rule } from './types.js';
import { ALL } from './types.js';

export const lockRules: Rule[] = [
  {
    id: 'conda/locked',
    severity: 'info',
    title: 'A conda file locked by amlenv solve',
    explanation:
      'amlenv solve --lock writes the solved environment as a conda file in which every package ' +
      'names its channel, exact version and build ("conda-forge::numpy=1.26.4=py311h64a7726_0"). ' +
      'A definition that uses it builds the same packages every time, instead of whatever the ' +
      'channels hold on the day of the build. Pip entries are carried over as written, so pin ' +
      'them too.',
    hint: 'to update the lock, change the source definition and run amlenv solve SOURCE --lock FILE --force',
    lesson: 'pinning-and-reproducible-builds',
    formats: ALL,
    check: ({ def, deps }) => {
      const info = def.conda?.text !== undefined ? readLockHeader(def.conda.text) : undefined;
      if (!info) return [];
      const loose = deps.conda.filter((d) => !isLockedSpec(d.raw));
      const when = info.platform ? ` for ${info.platform} on ${info.date}` : '';
      const message = loose.length
        ? `locked by amlenv solve${when}, but ${loose.length} of ${deps.conda.length} conda entries ${loose.length === 1 ? 'is' : 'are'} not pinned to a version and build (${loose
            .map((d) => d.raw)
            .slice(0, 3)
            .join(', ')}): edited after locking?`
        : `locked by amlenv solve${when}: all ${deps.conda.length} conda packages pinned to exact version, build and channel`;
      return [
        {
          path: loose[0]?.path ?? deps.specPath,
          message,
          hint: loose.length
            ? 'run amlenv solve on the source definition with --lock FILE --force to lock them again'
            : undefined,
        },
      ];
    },
  },
];
