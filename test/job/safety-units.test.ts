// The pure parts of issue 12's Docker fixes, unit-level (no daemon): registry hosts, pip URL credentials, owner
// labels, the run timeout.
import { describe, expect, it } from 'vitest';
import { hasUrlCredentials, pipEntries } from '../../src/job/url-credentials.js';
import { parseTimeout, DEFAULT_TIMEOUT_SECONDS } from '../../src/commands/run.js';
import { imageRegistryHost, normalizeRegistryHost, registryHostMismatch } from '../../src/docker/registry-host.js';
import {
  HOST_LABEL,
  MANAGED_LABEL,
  ownerGone,
  ownerLabels,
  PID_LABEL,
  PID_START_LABEL,
  processStart,
} from '../../src/docker/owner.js';
import { hostname } from 'node:os';
import { spawnSync } from 'node:child_process';

describe('which registry an image is pulled from', () => {
  it.each([
    ['team/private-base:1.0', 'docker.io'],
    ['python:3.12', 'docker.io'],
    ['docker.io/library/python:3.12', 'docker.io'],
    ['index.docker.io/team/x:1', 'docker.io'],
    ['myregistry.azurecr.io/team/private-base:1.0', 'myregistry.azurecr.io'],
    ['localhost:5000/x:1', 'localhost:5000'],
    ['127.0.0.1:5000/x:1', '127.0.0.1:5000'],
  ])('%s → %s', (image, host) => expect(imageRegistryHost(image)).toBe(host));

  it('addresses are compared without scheme, path, case or trailing slash', () => {
    expect(normalizeRegistryHost('https://MyRegistry.azurecr.io/')).toBe('myregistry.azurecr.io');
    expect(registryHostMismatch('myregistry.azurecr.io/a:1', 'https://MYREGISTRY.azurecr.io')).toBeUndefined();
    expect(registryHostMismatch('team/private-base:1.0', 'myregistry.azurecr.io')).toEqual({
      imageHost: 'docker.io',
      address: 'myregistry.azurecr.io',
    });
    expect(registryHostMismatch('myregistry.azurecr.io.evil.example/a:1', 'myregistry.azurecr.io')).toEqual({
      imageHost: 'myregistry.azurecr.io.evil.example',
      address: 'myregistry.azurecr.io',
    });
  });
});

describe('pip URL credentials', () => {
  it.each([
    ['--extra-index-url https://build:s3cr3t@pkgs.example.com/simple/', true],
    ['git+https://user:token@github.com/org/repo.git', true],
    ['--index-url=https://:only-a-token@pkgs.example.com/simple/', true],
    ['https://user:@pkgs.example.com/simple/', false],
    ['https://pkgs.example.com/simple/', false],
    ['git+ssh://git@github.com/org/repo.git', false],
    ['numpy==1.26.4', false],
    ['https://host/path?x=a:b@c', false],
  ])('%s → %s', (entry, expected) => expect(hasUrlCredentials(entry)).toBe(expected));

  it('is linear: a 1 MB hostile entry is checked in well under a second', () => {
    const hostile = [
      `https://${'a:'.repeat(250_000)}`,
      `${'://'.repeat(340_000)}`,
      `https://${'x'.repeat(1_000_000)}@`,
    ];
    for (const entry of hostile) {
      const started = performance.now();
      hasUrlCredentials(entry);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it('lists the pip entries of a conda spec with their paths', () => {
    expect(pipEntries({ dependencies: ['python=3.11', { pip: ['a==1', 2, 'b'] }] })).toEqual([
      { path: 'dependencies[1].pip[0]', entry: 'a==1' },
      { path: 'dependencies[1].pip[2]', entry: 'b' },
    ]);
  });
});

describe('container owner labels', () => {
  it('name this process, its start time and this host', () => {
    expect(ownerLabels()).toEqual({
      [MANAGED_LABEL]: 'true',
      [PID_LABEL]: String(process.pid),
      [HOST_LABEL]: hostname(),
      [PID_START_LABEL]: processStart(process.pid),
    });
  });

  it("an owner that exited is gone; a live one is not; another host's or an unlabelled container is never judged", () => {
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    expect(ownerGone({ ...ownerLabels(), [PID_LABEL]: String(ended), [PID_START_LABEL]: '1' })).toBe(true);
    expect(ownerGone(ownerLabels(process.ppid))).toBe(false);
    expect(ownerGone({ ...ownerLabels(), [PID_LABEL]: String(ended), [HOST_LABEL]: 'another-host' })).toBe(false);
    expect(ownerGone({ [PID_LABEL]: String(ended) })).toBe(false);
  });

  it('a pid now used by another process (its start time differs) counts as gone', () => {
    expect(ownerGone({ ...ownerLabels(process.ppid), [PID_START_LABEL]: '1' })).toBe(true);
  });
});

describe('run timeout', () => {
  it('defaults to an hour; 0 means no limit', () => {
    expect(DEFAULT_TIMEOUT_SECONDS).toBe(3600);
    expect(parseTimeout(undefined)).toBe(3_600_000);
    expect(parseTimeout('0')).toBeUndefined();
    expect(parseTimeout('2.5')).toBe(2500);
  });
});
