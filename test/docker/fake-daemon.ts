// A stand-in Docker daemon on a unix socket in a temporary folder: it answers /_ping as a daemon does and hands
// every other request to the test, which may answer, fail or stall it. Each request is recorded with its
// headers (X-Registry-Auth among them), so a test can see what amlenv sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FakeDaemon {
  /** `unix:///tmp/.../docker.sock`, for DOCKER_HOST. */
  host: string;
  seen: SeenRequest[];
  /** Resolves when a request other than /_ping arrives. */
  firstCall: Promise<SeenRequest>;
  /** Resolves when a request matching `test` arrives (or has arrived). */
  waitFor(test: (r: SeenRequest) => boolean): Promise<SeenRequest>;
  close(): Promise<void>;
}

/** Never answers: the request hangs until the client gives up. */
export const stall: Handler = () => undefined;

export async function startFakeDaemon(handle: Handler = stall): Promise<FakeDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'amlenv-fake-daemon-'));
  const socket = join(dir, 'docker.sock');
  const seen: SeenRequest[] = [];
  let first: (r: SeenRequest) => void = () => undefined;
  const firstCall = new Promise<SeenRequest>((resolve) => (first = resolve));
  const open = new Set<ServerResponse>();
  const waiters: Array<{ test: (r: SeenRequest) => boolean; resolve: (r: SeenRequest) => void }> = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '').replace(/^\/v[0-9.]+/, '');
    const entry = { method: req.method ?? '', url: path, headers: req.headers };
    seen.push(entry);
    for (const w of waiters.splice(0)) w.test(entry) ? w.resolve(entry) : waiters.push(w);
    req.resume();
    if (path.startsWith('/_ping')) {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Api-Version': '1.41' });
      return void res.end('OK');
    }
    first(entry);
    open.add(res);
    res.on('close', () => open.delete(res));
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    seen,
    firstCall,
    waitFor: (test) => {
      const already = seen.find(test);
      return already ? Promise.resolve(already) : new Promise((resolve) => waiters.push({ test, resolve }));
    },
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Answers 404 "no such image" to image lookups and stalls everything else. */
export const noImagesThen =
  (next: Handler): Handler =>
  (req, res) => {
    if (req.method === 'GET' && /^\/(v[0-9.]+\/)?images\/.+\/json/.test((req.url ?? '').replace(/^\/v[0-9.]+/, ''))) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ message: 'No such image' }));
    }
    next(req, res);
  };
