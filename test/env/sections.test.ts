// The typed section views read what has the expected type and leave the rest undefined, never throwing on
// the odd shapes real files hold.
import { describe, expect, it } from 'vitest';
import { condaSpecView, v1View, v2View } from '../../src/env/sections.js';
import { FIXTURES, load } from '../helpers.js';
import { join } from 'node:path';

describe('v1View', () => {
  it('reads every section of a loaded v1 definition with its types', () => {
    const def = load(join(FIXTURES, 'valid', 'sklearn.json'));
    const view = v1View(def.env);
    expect(view.name).toBe(def.env.name);
    expect(typeof view.docker?.baseImage).toBe('string');
    expect(view.python?.condaDependencies?.packages.some((p) => p.startsWith('python'))).toBe(true);
    expect(view.raw).toBe(def.env);
  });

  it('leaves wrongly typed fields undefined instead of passing them on', () => {
    const view = v1View({
      name: 42,
      version: 3,
      environmentVariables: { A: 'x', B: 1 },
      python: { userManagedDependencies: 'yes', condaDependencies: ['numpy'] },
      docker: {
        baseImage: ['x'],
        arguments: ['--shm-size', 2],
        buildContext: { location: 'https://x/y.git', dockerfilePath: null },
        baseImageRegistry: { address: 'r.azurecr.io', registryIdentity: { clientId: 'c' } },
      },
      spark: { repositories: 'https://m', packages: [{ group: 'g', artifact: 'a', version: 1 }, 'x'] },
      r: { cranPackages: [{ name: 'ggplot2' }, 'x', 3], rVersion: '4.1' },
      inferencingStackVersion: null,
    });
    expect(view.name).toBeUndefined();
    expect(view.version).toBe('3');
    expect(view.environmentVariables).toEqual({ A: 'x' });
    expect(view.python?.userManagedDependencies).toBeUndefined();
    expect(view.python?.condaDependencies).toBeUndefined();
    expect(view.docker?.baseImage).toBeUndefined();
    expect(view.docker?.arguments).toEqual(['--shm-size']);
    expect(view.docker?.buildContext).toMatchObject({ location: 'https://x/y.git', dockerfilePath: undefined });
    expect(view.docker?.baseImageRegistry?.registryIdentity?.clientId).toBe('c');
    expect(view.spark?.repositories).toEqual([]);
    expect(view.spark?.packages).toEqual([{ group: 'g', artifact: 'a', version: undefined }]);
    expect(view.r?.cranPackages).toEqual(['ggplot2', 'x']);
    expect(view.inferencingStackVersion).toBeUndefined();
  });

  it('splits a conda specification into channels, match specs and pip lines', () => {
    const spec = condaSpecView({
      name: 'p',
      channels: ['conda-forge', 7],
      dependencies: ['python=3.11', { pip: ['azureml-defaults', 'mlflow'] }, 'numpy', { other: 1 }],
    });
    expect(spec).toMatchObject({
      name: 'p',
      channels: ['conda-forge'],
      packages: ['python=3.11', 'numpy'],
      pip: ['azureml-defaults', 'mlflow'],
      hasPip: true,
    });
    expect(condaSpecView('conda.yml')).toBeUndefined();
  });
});

describe('v2View', () => {
  it('reads a v2 document: build context, conda path or inline spec, routes, tags as text', () => {
    const view = v2View({
      $schema: 'https://azuremlschemas.azureedge.net/latest/environment.schema.json',
      name: 'e',
      version: 1,
      build: { path: 'ctx', dockerfile_path: 'Dockerfile' },
      conda_file: 'conda.yml',
      os_type: 'linux',
      inference_config: { liveness_route: { path: '/', port: 5001 }, scoring_route: { path: '/score', port: '5001' } },
      tags: { epochs: 3, team: 'ml', nested: { x: 1 } },
    });
    expect(view).toMatchObject({ name: 'e', version: '1', os_type: 'linux', conda_file: { path: 'conda.yml' } });
    expect(view.build).toMatchObject({ path: 'ctx', dockerfile_path: 'Dockerfile' });
    expect(view.inference_config?.liveness_route?.port).toBe(5001);
    expect(view.inference_config?.scoring_route?.port).toBeUndefined();
    expect(view.inference_config?.readiness_route).toBeUndefined();
    expect(view.tags).toEqual({ epochs: '3', team: 'ml' });
    const inline = v2View({ image: 'python:3.11', conda_file: { dependencies: ['python=3.11'] } });
    expect(inline.conda_file).toMatchObject({ inline: { packages: ['python=3.11'] } });
    expect(inline.image).toBe('python:3.11');
  });
});
