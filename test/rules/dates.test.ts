import { beforeAll, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { validateLoaded } from '../../src/rules/validate.js';
import { loadText } from '../helpers.js';

beforeAll(() => loadFieldLibs());

const env = (python: string) =>
  JSON.stringify({
    name: 'x',
    python: {
      userManagedDependencies: false,
      condaDependencies: { channels: ['conda-forge'], dependencies: [python, 'pip=24.2'] },
    },
    docker: { baseImage: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1' },
  });

it('python/eol follows the clock: 3.10 is fine before 2026-10-31 and end of life after', () => {
  const before = validateLoaded(loadText(env('python=3.10')), { today: new Date('2026-06-01') });
  const after = validateLoaded(loadText(env('python=3.10')), { today: new Date('2026-11-26') });
  expect(before.some((d) => d.rule === 'python/eol')).toBe(false);
  expect(after.find((d) => d.rule === 'python/eol')?.message).toMatch(/3\.10 reached its end of life on 2026-10-31/);
});
