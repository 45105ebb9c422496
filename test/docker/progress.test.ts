import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BuildFailed, buildImage } from '../../src/docker/build.js';
import type { Docker } from '../../src/docker/client.js';
import { parseProgress, type ProgressEvent } from '../../src/docker/progress.js';

// Streams recorded from dockerd 20.10 (classic builder) by test/docker/record-streams.ts.
const STREAMS = join(import.meta.dirname, 'streams');
const raw = (name: string) => readFileSync(join(STREAMS, `${name}.raw`));
const of = <K extends ProgressEvent['kind']>(events: ProgressEvent[], kind: K) =>
  events.filter((e): e is Extract<ProgressEvent, { kind: K }> => e.kind === kind);

/** A daemon stand-in that answers buildImage with a recorded stream, cut into small chunks. */
function replayingDocker(bytes: Buffer, chunk = 7): Docker {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return { buildImage: async () => Readable.from(parts) } as unknown as Docker;
}

describe('progress stream parsing (recorded streams)', () => {
  it('a successful build: steps in order, the RUN output split into stdout and stderr lines, the image id', () => {
    const events = parseProgress([raw('build-ok')]);
    expect(of(events, 'step').map((s) => `${s.index}/${s.total}`)).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(of(events, 'step')[2].instruction).toMatch(/^RUN cat \/hello\.txt/);
    const logs = of(events, 'log');
    expect(logs).toContainEqual({ kind: 'log', text: 'hello', stream: 'stdout' });
    expect(logs).toContainEqual({ kind: 'log', text: 'from python', stream: 'stdout' });
    expect(logs).toContainEqual({ kind: 'log', text: 'to-stderr', stream: 'stderr' });
    expect(logs.some((l) => /Running in|intermediate container|--->/.test(l.text))).toBe(false);
    expect(of(events, 'image')).toEqual([{ kind: 'image', id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }]);
    expect(of(events, 'error')).toEqual([]);
    expect(of(events, 'unparsed')).toEqual([]);
  });

  it('a cached rebuild reports every cached step', () => {
    const events = parseProgress([raw('build-cached')]);
    expect(of(events, 'cached').length).toBe(4);
    expect(of(events, 'log')).toEqual([]);
  });

  it('a failing RUN: the error event carries the daemon message after the step output', () => {
    const events = parseProgress([raw('build-run-fails')]);
    const error = of(events, 'error');
    expect(error).toHaveLength(1);
    expect(error[0].message).toMatch(/^The command '\/bin\/sh -c echo preparing .*' returned a non-zero code: 3$/);
    expect(events.at(-1)).toBe(error[0]);
    expect(of(events, 'log').map((l) => l.text)).toEqual([
      'something broke',
      'preparing',
      'line 1',
      'line 2',
      'line 3',
    ]);
  });

  it('a missing base image arrives as an error event, not an exception', () => {
    const events = parseProgress([raw('build-missing-base')]);
    expect(of(events, 'step')).toHaveLength(1);
    expect(of(events, 'error')[0].message).toMatch(/registry-1\.docker\.io/);
  });

  it.each(readdirSync(STREAMS).filter((f) => f.endsWith('.raw')))(
    '%s gives the same events however it is cut into chunks',
    (file) => {
      const bytes = readFileSync(join(STREAMS, file));
      const whole = parseProgress([bytes]);
      for (const size of [1, 2, 3, 5, 13, 64]) {
        const parts: Buffer[] = [];
        for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
        expect(parseProgress(parts)).toEqual(whole);
      }
    },
  );

  it('non-JSON lines (inserted into a recorded stream: a proxy page, a truncated object) become events and parsing goes on', () => {
    const lines = raw('build-ok').toString('utf8').split('\n');
    const mixed = [
      lines[0],
      '<html>502 Bad Gateway</html>',
      ...lines.slice(1, 6),
      '{"stream":"trunc',
      '[1,2]',
      ...lines.slice(6),
    ].join('\n');
    const events = parseProgress([mixed]);
    expect(of(events, 'unparsed').map((e) => e.text)).toEqual([
      '<html>502 Bad Gateway</html>',
      '{"stream":"trunc',
      '[1,2]',
    ]);
    expect(of(events, 'step')).toHaveLength(5);
    expect(of(events, 'image')).toHaveLength(1);
  });

  it('a pull (recorded from the loopback registry of registry.ts): per-layer status and byte counts, the rest as status lines', () => {
    const events = parseProgress([raw('pull-ok')]);
    expect(events[0]).toEqual({ kind: 'status', text: 'Pulling from amlenv-test/pulled (1)' });
    expect(of(events, 'layer').filter((e) => e.id === '653575a1bf52')).toEqual([
      { kind: 'layer', id: '653575a1bf52', status: 'Already exists' },
    ]);
    expect(
      of(events, 'layer')
        .filter((e) => e.id === '16855721d49e')
        .map((e) => e.status),
    ).toEqual([
      'Pulling fs layer',
      'Downloading',
      'Verifying Checksum',
      'Download complete',
      'Extracting',
      'Extracting',
      'Pull complete',
    ]);
    expect(of(events, 'layer').find((e) => e.status === 'Downloading')).toEqual({
      kind: 'layer',
      id: '16855721d49e',
      status: 'Downloading',
      current: 415,
      total: 415,
    });
    expect(
      of(events, 'status')
        .map((e) => e.text)
        .slice(1),
    ).toEqual([
      expect.stringMatching(/^Digest: sha256:/),
      'Status: Downloaded newer image for 127.0.0.1:5000/amlenv-test/pulled:1',
    ]);
  });
});

describe('buildImage over a recorded stream', () => {
  it('a failing RUN becomes BuildFailed naming the step, with the tail of its output', async () => {
    const seen: ProgressEvent[] = [];
    const error = await buildImage(replayingDocker(raw('build-run-fails')), {
      context: Readable.from([]),
      dockerfile: 'Dockerfile',
      tags: ['x:1'],
      onEvent: (e) => seen.push(e),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildFailed);
    const failed = error as BuildFailed;
    expect(failed.step).toMatchObject({
      index: 2,
      total: 3,
      instruction: expect.stringMatching(/^RUN echo preparing/),
    });
    expect(failed.tail).toEqual(['something broke', 'preparing', 'line 1', 'line 2', 'line 3']);
    expect(failed.message).toMatch(/returned a non-zero code: 3/);
    expect(seen.filter((e) => e.kind === 'step')).toHaveLength(2);
  });

  it('a successful build returns the image id and counts cached steps', async () => {
    const result = await buildImage(replayingDocker(raw('build-cached')), {
      context: Readable.from([]),
      dockerfile: 'Dockerfile',
      tags: ['x:1'],
    });
    expect(result).toMatchObject({ imageId: expect.stringMatching(/^sha256:/), steps: 5, cachedSteps: 4 });
  });

  it('a refused build (HTTP 400, e.g. a Dockerfile syntax error) becomes BuildFailed with the daemon reason', async () => {
    const refusing = {
      buildImage: async () => {
        throw Object.assign(
          new Error('(HTTP code 400) unexpected - dockerfile parse error line 2: unknown instruction: FOO'),
          { statusCode: 400 },
        );
      },
    } as unknown as Docker;
    await expect(
      buildImage(refusing, { context: Readable.from([]), dockerfile: 'Dockerfile', tags: [] }),
    ).rejects.toThrow(/^the daemon refused the build: dockerfile parse error line 2: unknown instruction: FOO$/);
  });
});
