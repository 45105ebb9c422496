// The pure parts of solve: channel plans, HTTP freshness, explanation parsing, lock lines, progress lines.
import { describe, expect, it } from 'vitest';
import { planChannels, resolveChannel } from '../../src/solve/channels.js';
import { cleanExplanation, explainConflict } from '../../src/solve/explain.js';
import { conditionalHeaders, isFresh, metaFromHeaders } from '../../src/solve/http-cache.js';
import { isLockedSpec, readLockHeader } from '../../src/solve/lock.js';
import { definitionPlatform } from '../../src/solve/platform.js';
import { pythonMarkerHolds } from '../../src/solve/pip-check.js';
import { progressReporter } from '../../src/solve/progress.js';

describe('channels', () => {
  it("a file without channels gets what Azure ML's conda uses: defaults = pkgs/main + pkgs/r", () => {
    const plan = planChannels([], [], []);
    expect(plan.origin).toBe('azureml-default');
    expect(plan.channels.map((c) => c.url)).toEqual([
      'https://repo.anaconda.com/pkgs/main',
      'https://repo.anaconda.com/pkgs/r',
    ]);
  });

  it('names become conda.anaconda.org URLs; spec channels are added; nodefaults is not a channel; --channel wins', () => {
    expect(
      planChannels(['conda-forge', 'nodefaults'], ['pytorch', 'conda-forge'], []).channels.map((c) => c.url),
    ).toEqual(['https://conda.anaconda.org/conda-forge', 'https://conda.anaconda.org/pytorch']);
    const override = planChannels(['conda-forge'], ['pytorch'], ['https://mirror.example/conda-forge/']);
    expect(override).toMatchObject({
      origin: 'option',
      channels: [{ url: 'https://mirror.example/conda-forge', ref: 'https://mirror.example/conda-forge' }],
    });
    expect(resolveChannel('conda-forge')[0].ref).toBe('conda-forge');
  });

  it('named channels are followed by defaults, as conda env create does, unless the file lists nodefaults', () => {
    const plan = planChannels(['conda-forge'], [], []);
    expect(plan.origin).toBe('file+defaults');
    expect(plan.channels.map((c) => c.name)).toEqual(['conda-forge', 'defaults/main', 'defaults/r']);
    expect(planChannels(['conda-forge', 'nodefaults'], [], []).channels.map((c) => c.name)).toEqual(['conda-forge']);
  });
});

describe('HTTP caching of indexes', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('fresh within max-age, stale after; no-cache and a missing max-age always revalidate', () => {
    const meta = metaFromHeaders(
      'u',
      headers({
        'cache-control': 'public, max-age=60',
        etag: '"abc"',
        'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT',
      }),
      1_000_000,
      10,
    );
    expect(isFresh(meta, 1_000_000 + 59_000)).toBe(true);
    expect(isFresh(meta, 1_000_000 + 61_000)).toBe(false);
    expect(conditionalHeaders(meta)).toEqual({
      'if-none-match': '"abc"',
      'if-modified-since': 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    expect(isFresh(metaFromHeaders('u', headers({ 'cache-control': 'no-cache, max-age=60' }), 0, 1), 1)).toBe(false);
    expect(isFresh(metaFromHeaders('u', headers({}), 0, 1), 1)).toBe(false);
  });
});

describe('explanations', () => {
  it('collapses repeated versions and drops the tree glyphs', () => {
    const text =
      'Cannot solve the request because of: numpy 1.26.* cannot be installed because there are no viable options:\n└─ numpy 1.26.4 | 1.26.4 | 1.26.4 would require\n   └─ python >=3.9,<3.10.0a0, for which no candidates were found.\n';
    expect(cleanExplanation(text)).toEqual([
      'numpy 1.26.* cannot be installed because there are no viable options:',
      'numpy 1.26.4 would require',
      'python >=3.9,<3.10.0a0, for which no candidates were found.',
    ]);
  });

  it('a text that is not a solver verdict becomes one solver error', () => {
    const [d] = explainConflict('error sending request', {
      conda: [],
      positions: new Map(),
      channels: [],
      platform: 'linux-64',
    });
    expect(d).toMatchObject({ rule: 'solve/solver-error', message: 'the solver stopped: error sending request' });
  });
});

describe('locks', () => {
  it('recognises the header and exactly pinned entries', () => {
    expect(readLockHeader('# amlenv lock for linux-64, solved 2026-12-01 from env.yml.\nname: x\n')).toEqual({
      platform: 'linux-64',
      date: '2026-12-01',
      source: 'env.yml',
    });
    expect(readLockHeader('name: x\n# amlenv lock for linux-64\n')).toBeUndefined();
    expect(isLockedSpec('conda-forge::numpy=1.26.4=py311h64a7726_0')).toBe(true);
    expect(isLockedSpec('http://127.0.0.1:8080/chan::numpy=1.26.4=py311h64a7726_0')).toBe(true);
    expect(isLockedSpec('numpy=1.26')).toBe(false);
    expect(isLockedSpec('numpy>=1.26=py311_0')).toBe(false);
  });
});

describe('platform and pip markers', () => {
  it('reads v1 docker.platform; linux-64 otherwise', () => {
    expect(definitionPlatform({})).toBe('linux-64');
    expect(definitionPlatform({ docker: { platform: { os: 'Linux', architecture: 'arm64' } } })).toBe('linux-aarch64');
    expect(definitionPlatform({ docker: { platform: { os: 'Windows', architecture: 'amd64' } } })).toBe('win-64');
  });

  it('evaluates python_version markers against the solved Python', () => {
    expect(pythonMarkerHolds('python_version < "3.7"', '3.11')).toBe(false);
    expect(pythonMarkerHolds("python_version >= '3.10' and python_version < '3.12'", '3.11')).toBe(true);
    expect(pythonMarkerHolds('sys_platform == "win32"', '3.11')).toBeUndefined();
  });
});

describe('download progress', () => {
  const stream = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, s: { isTTY, columns: 120, write: (t: string) => out.push(t) } as unknown as NodeJS.WriteStream };
  };

  it('in a terminal, one line redrawn in place and cleared at the end', () => {
    const { out, s } = stream(true);
    const p = progressReporter(s);
    p.onProgress({
      url: 'https://conda.anaconda.org/conda-forge/linux-64/repodata.json',
      received: 2_500_000,
      total: 10_000_000,
      done: false,
    });
    p.onProgress({
      url: 'https://conda.anaconda.org/conda-forge/linux-64/repodata.json',
      received: 10_000_000,
      total: 10_000_000,
      done: true,
    });
    p.finish();
    expect(out[0]).toBe(
      '\r\u001b[2Kdownloading channel indexes: conda.anaconda.org/conda-forge/linux-64 2.5 MB/10.0 MB',
    );
    expect(out.at(-1)).toBe('\r\u001b[2K');
  });

  it('on a pipe, no control characters and no line for a quick download', () => {
    const { out, s } = stream(false);
    const p = progressReporter(s, 0);
    p.onProgress({ url: 'http://x/noarch/repodata.json', received: 10, done: false });
    p.onProgress({ url: 'http://x/noarch/repodata.json', received: 20, done: true });
    p.finish();
    expect(out).toEqual([]);
  });
});
