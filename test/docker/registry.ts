// A registry on the loopback interface, just enough of the Distribution API v2 for the daemon to pull from it
// (docker treats 127.0.0.0/8 as an insecure registry, so plain HTTP works). No registry is reachable on the
// test machines; this one lets the pull path run for real. The image it serves is the local test base image's
// layer (which the daemon already has: "Already exists") plus a small new layer that is really downloaded.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { extract, pack } from 'tar-stream';
import type { Docker } from '../../src/docker/client.js';

const MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const sha = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

interface Blob {
  size: number;
  read: () => NodeJS.ReadableStream | Buffer;
}

export interface LocalRegistry {
  /** `127.0.0.1:PORT`. */
  host: string;
  close(): Promise<void>;
}

async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const p = pack();
  for (const [name, text] of Object.entries(files)) p.entry({ name, mode: 0o644, mtime: new Date(0) }, text);
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const c of p as unknown as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Copies the (single) layer of a local image out of `docker save` into a file; returns its path and digest. */
async function saveLayer(
  docker: Docker,
  image: string,
  dir: string,
): Promise<{ path: string; digest: string; size: number }> {
  const path = join(dir, 'base-layer.tar');
  const hash = createHash('sha256');
  const ex = extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, stream, next) => {
      if (header.name.endsWith('layer.tar')) {
        stream.on('data', (c: unknown) => void hash.update(c as Buffer));
        pipeline(stream, createWriteStream(path)).then(() => next(), reject);
      } else {
        stream.on('end', next);
        stream.resume();
      }
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
  });
  (await docker.getImage(image).get()).pipe(ex);
  await done;
  return { path, digest: `sha256:${hash.digest('hex')}`, size: statSync(path).size };
}

/** `marker` goes into the new layer, so each test run pulls a layer the daemon has never seen. */
export async function startRegistry(
  docker: Docker,
  baseImage: string,
  repository: string,
  tag: string,
  marker = '',
): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'amlenv-registry-'));
  const base = await saveLayer(docker, baseImage, dir);
  const extraTar = await tarOf({
    'amlenv-pulled.txt': 'this layer came from the local test registry\n'.repeat(2000),
    'marker.txt': `${marker}\n`,
  });
  const extraGz = gzipSync(extraTar);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8'],
        Cmd: ['bash'],
      },
      rootfs: { type: 'layers', diff_ids: [base.digest, sha(extraTar)] },
      history: [{ created_by: 'debootstrap (amlenv test base image)' }, { created_by: 'amlenv test registry layer' }],
    }),
  );
  const blobs = new Map<string, Blob>([
    [sha(config), { size: config.length, read: () => config }],
    // The base layer is served uncompressed: the daemon detects the compression from the bytes.
    [base.digest, { size: base.size, read: () => createReadStream(base.path) }],
    [sha(extraGz), { size: extraGz.length, read: () => extraGz }],
  ]);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST,
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: sha(config) },
      layers: [
        { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: base.size, digest: base.digest },
        { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: extraGz.length, digest: sha(extraGz) },
      ],
    }),
  );
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    if (url === '/v2/' || url === '/v2') return void res.end('{}');
    if (url === `/v2/${repository}/manifests/${tag}` || url === `/v2/${repository}/manifests/${sha(manifest)}`) {
      res.writeHead(200, {
        'Content-Type': MANIFEST,
        'Docker-Content-Digest': sha(manifest),
        'Content-Length': manifest.length,
      });
      return void res.end(req.method === 'HEAD' ? undefined : manifest);
    }
    const blob = url.startsWith(`/v2/${repository}/blobs/`)
      ? blobs.get(url.slice(`/v2/${repository}/blobs/`.length))
      : undefined;
    if (blob) {
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': blob.size,
        'Docker-Content-Digest': url.split('/').pop()!,
      });
      if (req.method === 'HEAD') return void res.end();
      const body = blob.read();
      if (Buffer.isBuffer(body)) return void res.end(body);
      return void (body as NodeJS.ReadableStream).pipe(res);
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: `unknown: ${url}` }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    host: `127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
