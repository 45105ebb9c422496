// Solving against a channel the test serves on loopback: nothing leaves the machine.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveDefinition, loadForSolve, NotSolvable } from '../../src/solve/solve-definition.js';
import { ChannelUnreachable } from '../../src/solve/index-download.js';
import { renderLock } from '../../src/solve/lock.js';
import { validateDefinition } from '../../src/rules/validate.js';
import { tempDir } from '../helpers.js';
import { closedPort, serveChannel, type ServedChannel } from './channel.js';

let channel: ServedChannel;
let dir: string;
let cache: string;

beforeAll(async () => {
  channel = await serveChannel();
  dir = tempDir();
  cache = join(dir, 'cache');
});
afterAll(() => channel.close());

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

// every file lists nodefaults: otherwise conda (and amlenv) add the defaults channels, which tests never reach
const conda = (deps: string[], pip: string[] = [], channels = [channel.url]) =>
  [
    `name: test-env`,
    'channels:',
    ...[...channels, 'nodefaults'].map((c) => `  - ${c}`),
    'dependencies:',
    ...deps.map((d) => `  - ${d}`),
    ...(pip.length ? ['  - pip:', ...pip.map((p) => `    - ${p}`)] : []),
    '',
  ].join('\n');

const solve = (path: string, extra: Parameters<typeof solveDefinition>[1] = {}) =>
  solveDefinition(loadForSolve(path), { cacheRoot: cache, ...extra });

describe('solve against the local channel', () => {
  it('solves a satisfiable file: every package with version, build and channel, for linux-64 + noarch', async () => {
    const path = write('ok/conda.yml', conda(['python=3.11', 'scikit-learn=1.5', 'pip'], ['joblib>=1.2']));
    const report = await solve(path);
    expect(report.solved).toBe(true);
    expect(report.subdirs).toEqual(['linux-64', 'noarch']);
    const byName = Object.fromEntries(report.records.map((r) => [r.name, r]));
    expect(byName['scikit-learn']).toMatchObject({
      version: '1.5.1',
      build: 'py311h1e6b9c1_0',
      channel: channel.url,
      subdir: 'linux-64',
    });
    expect(byName.python.version).toBe('3.11.9');
    expect(byName.pip).toMatchObject({ version: '24.0', subdir: 'noarch' });
    // the dependencies came along: numpy and scipy for python 3.11
    expect(byName.numpy.build).toBe('py311h64a7726_0');
    expect(byName.scipy.version).toBe('1.13.1');
    expect(report.diagnostics).toEqual([]);
  });

  it('explains "Python too old for the requested scikit-learn" on the scikit-learn line, with a fix naming the python pin', async () => {
    const path = write('old/conda.yml', conda(['python=3.8', 'scikit-learn=1.5', 'pip']));
    const report = await solve(path);
    expect(report.solved).toBe(false);
    const [d] = report.diagnostics;
    expect(d).toMatchObject({
      rule: 'solve/unsatisfiable',
      severity: 'error',
      file: path,
      line: 7,
      column: 5,
      path: 'python.condaDependencies.dependencies[1]',
    });
    expect(d.message).toMatch(
      /^scikit-learn 1\.5\.\* cannot be installed: scikit-learn 1\.5\.1 would require python >=3\.9/,
    );
    expect(d.hint).toContain('"python=3.8" (line 6)');
    expect(d.hint).toMatch(/raise the python pin, or pin an older scikit-learn/);
  });

  it('names a package no channel has, on its own line', async () => {
    const path = write('missing/conda.yml', conda(['python=3.10', 'tensorflw', 'pip']));
    const report = await solve(path);
    expect(report.solved).toBe(false);
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toMatchObject({ rule: 'solve/package-not-found', line: 7, column: 5 });
    expect(report.diagnostics[0].message).toContain('"tensorflw"');
    expect(report.diagnostics[0].hint).toMatch(/spelling/);
  });

  it('finds a pip pin that contradicts the conda solve, and what it breaks', async () => {
    const path = write(
      'pip/conda.yml',
      conda(['python=3.11', 'numpy=1.26', 'scikit-learn', 'pip'], ['numpy==1.18.5', 'joblib']),
    );
    const report = await solve(path);
    expect(report.solved).toBe(true);
    const d = report.diagnostics.find((x) => x.rule === 'solve/pip-contradicts-conda')!;
    expect(d).toMatchObject({ severity: 'error', line: 11, column: 7 });
    expect(d.message).toContain('numpy==1.18.5');
    expect(d.message).toContain('numpy 1.26.4');
    expect(d.message).toMatch(/scikit-learn 1\.5\.1 needs numpy >=1\.19\.5/);
  });

  it('a pip range that conda satisfies is fine; a pin no conda package depends on is a warning', async () => {
    const okPath = write('pip-ok/conda.yml', conda(['python=3.11', 'numpy=1.26', 'pip'], ['numpy>=1.20']));
    expect((await solve(okPath)).diagnostics).toEqual([]);
    const warnPath = write('pip-warn/conda.yml', conda(['python=3.11', 'joblib', 'pip'], ['joblib==1.3.0']));
    const report = await solve(warnPath);
    expect(report.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['solve/pip-contradicts-conda', 'warning']]);
  });

  it('checks the pip list against the solved Python: wheel tags and python_version markers', async () => {
    const path = write(
      'pyver/conda.yml',
      conda(
        ['python=3.11', 'pip'],
        ['./wheels/mylib-1.0-cp38-cp38-linux_x86_64.whl', 'dataclasses; python_version < "3.7"'],
      ),
    );
    const report = await solve(path);
    expect(report.diagnostics.map((d) => d.rule)).toEqual(['solve/pip-wheel-python', 'solve/pip-marker-skipped']);
    expect(report.diagnostics[0].message).toContain('CPython 3.8');
    expect(report.diagnostics[0].message).toContain('python 3.11.9');
  });

  it('a pip list without pip in the solve is reported', async () => {
    const path = write('nopip/conda.yml', conda(['python=3.11'], ['requests']));
    const report = await solve(path);
    expect(report.diagnostics[0]).toMatchObject({ rule: 'solve/pip-not-installed', severity: 'warning' });
  });

  it('an unreachable channel is a ChannelUnreachable error naming the URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/nothing`;
    const path = write('down/conda.yml', conda(['python=3.11'], [], [url]));
    await expect(solve(path)).rejects.toThrow(ChannelUnreachable);
    await expect(solve(path)).rejects.toThrow(url);
  });

  it('a user-managed v1 definition has nothing to solve (Azure ML ignores its conda list); an unreadable file names its line', async () => {
    const managed = write(
      'managed.json',
      JSON.stringify({
        name: 'm',
        python: {
          userManagedDependencies: true,
          interpreterPath: '/usr/bin/python3',
          condaDependencies: { dependencies: ['python=3.11'] },
        },
        docker: { baseImage: 'x:1' },
      }),
    );
    await expect(solve(managed)).rejects.toThrow(/nothing to solve: it is user-managed/);
    const broken = write('broken.yml', 'name: b\ndependencies:\n  - python=3.11\n  - "numpy\n');
    await expect(solve(broken)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/broken\.yml:\d+:\d+: invalid YAML/),
    });
  });

  it('a definition without conda dependencies has nothing to solve', async () => {
    const path = write('image-only.yml', 'name: x\nimage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04\n');
    await expect(solve(path)).rejects.toThrow(NotSolvable);
    await expect(solve(path)).rejects.toThrow(/nothing to solve/);
  });
});

describe('every input format', () => {
  it('v1 JSON with inline conda, v1 folder, v2 YAML with its conda file, and a job with an inline environment', async () => {
    const spec = { name: 'e', channels: [channel.url, 'nodefaults'], dependencies: ['python=3.10', 'numpy', 'pip'] };
    const v1 = write(
      'fmt/env.json',
      JSON.stringify(
        {
          name: 'e',
          python: { userManagedDependencies: false, condaDependencies: spec },
          docker: { baseImage: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest' },
        },
        null,
        2,
      ),
    );
    write(
      'fmt/dir/azureml_environment.json',
      JSON.stringify({ name: 'e', python: { userManagedDependencies: false }, docker: { baseImage: 'x:1' } }),
    );
    write('fmt/dir/conda_dependencies.yml', conda(['python=3.10', 'numpy', 'pip']));
    write('fmt/v2/conda.yml', conda(['python=3.10', 'numpy', 'pip']));
    const v2 = write(
      'fmt/v2/env.yml',
      'name: e\nimage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\nconda_file: conda.yml\n',
    );
    const job = write(
      'fmt/job/job.yml',
      [
        '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json',
        'type: command',
        'command: python train.py',
        'environment:',
        '  image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest',
        '  conda_file:',
        `    channels: [${channel.url}, nodefaults]`,
        '    dependencies:',
        '      - python=3.10',
        '      - numpy',
        '',
      ].join('\n'),
    );
    for (const [path, format] of [
      [v1, 'v1-json'],
      [join(dir, 'fmt/dir'), 'v1-dir'],
      [v2, 'v2-yaml'],
      [job, 'v2-yaml'],
    ] as const) {
      const report = await solve(path);
      expect(report.format, path).toBe(format);
      expect(report.solved, path).toBe(true);
      expect(report.records.find((r) => r.name === 'numpy')?.build, path).toBe('py310h64a7726_0');
    }
  });

  it('a job that uses a registered environment says so', () => {
    const job = write('fmt/job2.yml', 'type: command\ncommand: python x.py\nenvironment: azureml:my-env@latest\n');
    expect(() => loadForSolve(job)).toThrow(/registered environment "azureml:my-env@latest"/);
  });

  it('the platform comes from --platform; an unknown one is refused', async () => {
    const path = write('plat/conda.yml', conda(['pip']));
    const report = await solve(path, { platform: 'noarch' });
    expect(report.subdirs).toEqual(['noarch']);
    expect(report.solved).toBe(false); // pip needs python, which is not noarch
    await expect(solve(path, { platform: 'linux-65' })).rejects.toThrow(/not a conda platform/);
  });
});

describe('the channel index cache', () => {
  it('revalidates with the ETag (304, no new download); --refresh downloads again', async () => {
    const own = await serveChannel();
    try {
      const cacheRoot = join(dir, 'cache-etag');
      const path = write('cache/conda.yml', conda(['python=3.11'], [], [own.url]));
      const first = await solve(path, { cacheRoot });
      expect(first.indexes.map((i) => i.source)).toEqual(['downloaded', 'downloaded']);
      const second = await solve(path, { cacheRoot });
      expect(second.indexes.map((i) => i.source)).toEqual(['revalidated', 'revalidated']);
      expect(own.requests.slice(2).map((r) => r.status)).toEqual([304, 304]);
      expect(own.requests[2].ifNoneMatch).toBeTruthy();
      const third = await solve(path, { cacheRoot, refresh: true });
      expect(third.indexes.map((i) => i.source)).toEqual(['downloaded', 'downloaded']);
      expect(own.requests.slice(4).map((r) => [r.status, r.ifNoneMatch])).toEqual([
        [200, undefined],
        [200, undefined],
      ]);
      expect(second.records).toEqual(first.records);
    } finally {
      await own.close();
    }
  });
});

describe('the channel index cache: max-age and Last-Modified', () => {
  it('within max-age the cached index is used without asking the server', async () => {
    const own = await serveChannel(undefined, { cacheControl: 'public, max-age=600' });
    try {
      const cacheRoot = join(dir, 'cache-maxage');
      const path = write('cache-maxage/conda.yml', conda(['python=3.11'], [], [own.url]));
      await solve(path, { cacheRoot });
      const second = await solve(path, { cacheRoot });
      expect(second.indexes.map((i) => i.source)).toEqual(['cache', 'cache']);
      expect(own.requests).toHaveLength(2);
    } finally {
      await own.close();
    }
  });

  it('without an ETag, revalidates with If-Modified-Since', async () => {
    const lastModified = 'Tue, 01 Dec 2026 10:00:00 GMT';
    const own = await serveChannel(undefined, { etag: false, lastModified });
    try {
      const cacheRoot = join(dir, 'cache-lm');
      const path = write('cache-lm/conda.yml', conda(['python=3.11'], [], [own.url]));
      await solve(path, { cacheRoot });
      const second = await solve(path, { cacheRoot });
      expect(second.indexes.map((i) => i.source)).toEqual(['revalidated', 'revalidated']);
      expect(own.requests.slice(2).map((r) => [r.ifModifiedSince, r.ifNoneMatch, r.status])).toEqual([
        [lastModified, undefined, 304],
        [lastModified, undefined, 304],
      ]);
    } finally {
      await own.close();
    }
  });
});

describe('offline with a cached index', () => {
  it('solves with the stale copy and says so; --refresh insists on the channel', async () => {
    const own = await serveChannel();
    const cacheRoot = join(dir, 'cache-stale');
    const path = write('stale/conda.yml', conda(['python=3.11'], [], [own.url]));
    const first = await solve(path, { cacheRoot });
    await own.close();
    const offline = await solve(path, { cacheRoot });
    expect(offline.solved).toBe(true);
    expect(offline.indexes.map((i) => i.source)).toEqual(['stale', 'stale']);
    expect(offline.indexes[0].stale?.reason).toBe('ECONNREFUSED');
    expect(offline.records).toEqual(first.records);
    await expect(solve(path, { cacheRoot, refresh: true })).rejects.toThrow(ChannelUnreachable);
  });
});

describe('the lock', () => {
  it('pins every package to version, build and channel; validate recognises it; solving it gives the same packages', async () => {
    const path = write('lock/conda.yml', conda(['python=3.11', 'scikit-learn=1.5', 'pip'], ['joblib>=1.2']));
    const report = await solve(path);
    const text = renderLock({
      name: report.name,
      records: report.records,
      channels: report.channels,
      platform: report.platform,
      pip: report.deps.pip.map((p) => p.raw),
      source: 'lock/conda.yml',
      solvedAt: new Date('2026-12-01T10:00:00Z'),
    });
    const lockPath = write('lock/conda.lock.yml', text);
    expect(text.split('\n')[0]).toBe('# amlenv lock for linux-64, solved 2026-12-01 from lock/conda.yml.');
    expect(text).toContain(`- ${channel.url}::scikit-learn=1.5.1=py311h1e6b9c1_0`);
    expect(text).toContain('- nodefaults');
    expect(text).toMatch(/- pip:\n\s+- joblib>=1\.2/);
    const def = loadForSolve(lockPath);
    const diagnostics = await validateDefinition(def);
    const locked = diagnostics.find((d) => d.rule === 'conda/locked');
    expect(locked?.message).toBe(
      `locked by amlenv solve for linux-64 on 2026-12-01: all ${report.records.length} conda packages pinned to exact version, build and channel`,
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const again = await solve(lockPath);
    expect(again.solved).toBe(true);
    expect(again.records.map((r) => `${r.name}=${r.version}=${r.build}`)).toEqual(
      report.records.map((r) => `${r.name}=${r.version}=${r.build}`),
    );
    // an entry loosened by hand is pointed out
    writeFileSync(lockPath, readFileSync(lockPath, 'utf8').replace(/- \S+::numpy=\S+/, '- numpy'));
    const edited = (await validateDefinition(loadForSolve(lockPath))).find((d) => d.rule === 'conda/locked');
    expect(edited?.message).toMatch(
      /1 of \d+ conda entries is not pinned to a version and build \(numpy\): edited after locking\?/,
    );
  });
});
