// The one door to the Docker daemon. dockerode is loaded here, at run time and only by the commands that need
// Docker; every connection problem becomes an EnvironmentProblem (exit 3) whose one line says how to fix it.
import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type Dockerode from 'dockerode';
import { EnvironmentProblem, errorCode } from '../util/errors.js';

export type Docker = Dockerode;

// A require esbuild leaves alone: dockerode pulls in native ssh2 bindings that cannot be bundled.
const nodeRequire = createRequire(import.meta.url);
export const PING_TIMEOUT_MS = 3000;

let loaded: typeof Dockerode | undefined;

/**
 * dockerode requires ssh2 (for ssh:// hosts) and grpc (for BuildKit sessions) when it loads, which costs
 * ~0.2 s of every start. amlenv uses neither unless DOCKER_HOST is ssh://, so they are put in the module cache
 * as stand-ins that load the real module on first use: behaviour is unchanged, only the cost is deferred.
 */
function loadDockerode(): typeof Dockerode {
  if (loaded) return loaded;
  if (!process.env.DOCKER_HOST?.startsWith('ssh://')) {
    try {
      const modemDir = dirname(nodeRequire.resolve('docker-modem'));
      const dockerodeDir = dirname(nodeRequire.resolve('dockerode'));
      deferModule('ssh2', modemDir, (real) => ({
        Client: new Proxy(class {}, {
          construct: (_t, args) => Reflect.construct(Reflect.get(real(), 'Client'), args),
        }),
      }));
      deferModule('@grpc/grpc-js', dockerodeDir);
      deferModule('@grpc/proto-loader', dockerodeDir);
    } catch {
      // A different layout of node_modules: load everything the ordinary way.
    }
  }
  const dockerode: typeof Dockerode = nodeRequire('dockerode');
  loaded = dockerode;
  return dockerode;
}

function deferModule(name: string, fromDir: string, shape?: (real: () => object) => object): void {
  const path = createRequire(join(fromDir, 'x.js')).resolve(name);
  if (nodeRequire.cache[path]) return;
  let real: object | undefined;
  const load = (): object => {
    if (!real) {
      delete nodeRequire.cache[path];
      real = createRequire(join(fromDir, 'x.js'))(name);
    }
    return real ?? {};
  };
  const mod = new Module(path);
  mod.filename = path;
  mod.loaded = true;
  mod.exports = shape
    ? shape(load)
    : new Proxy({}, { get: (_t, key) => Reflect.get(load(), key), has: (_t, key) => key in load() });
  nodeRequire.cache[path] = mod;
}

/** Where the daemon is expected, in the words the messages use. */
export function daemonAddress(env: NodeJS.ProcessEnv = process.env): { address: string; fromEnv: boolean } {
  if (env.DOCKER_HOST) return { address: env.DOCKER_HOST, fromEnv: true };
  const desktop = join(homedir(), '.docker', 'run', 'docker.sock');
  return { address: existsSync(desktop) ? desktop : '/var/run/docker.sock', fromEnv: false };
}

/** Connects and pings with a timeout; throws EnvironmentProblem with the fix when the daemon cannot be used. */
export async function connectDocker(options: { timeoutMs?: number } = {}): Promise<Docker> {
  const Ctor = loadDockerode();
  let docker: Docker;
  try {
    docker = new Ctor();
  } catch (err) {
    throw new EnvironmentProblem(
      `DOCKER_HOST="${process.env.DOCKER_HOST ?? ''}" cannot be used (${oneLine(err)}); set it to unix:///var/run/docker.sock or tcp://HOST:2375, or unset it`,
    );
  }
  try {
    // dockerode takes an abortSignal for ping; @types/dockerode does not say so (ping() has no parameter there).
    await Reflect.apply(docker.ping, docker, [
      { abortSignal: AbortSignal.timeout(options.timeoutMs ?? PING_TIMEOUT_MS) },
    ]);
  } catch (err) {
    throw describeConnectError(err, daemonAddress(), options.timeoutMs ?? PING_TIMEOUT_MS);
  }
  return docker;
}

/** Turns a failed ping into one line: what is wrong, where, and what to do. */
export function describeConnectError(
  err: unknown,
  where: { address: string; fromEnv: boolean },
  timeoutMs = PING_TIMEOUT_MS,
): EnvironmentProblem {
  const e = { code: errorCode(err), name: field(err, 'name') };
  const at = where.fromEnv ? `at DOCKER_HOST=${where.address}` : `at ${where.address}`;
  const orHost = where.fromEnv ? 'or fix or unset DOCKER_HOST' : 'or set DOCKER_HOST to where your daemon listens';
  const start = 'start Docker (sudo systemctl start docker, or open Docker Desktop)';
  if (e.code === 'ENOENT')
    return new EnvironmentProblem(`Docker is not running: no daemon socket ${at}; ${start}, ${orHost}`);
  if (e.code === 'EACCES' || e.code === 'EPERM') {
    return new EnvironmentProblem(
      `permission denied on the Docker socket ${at}; add yourself to the docker group (sudo usermod -aG docker $USER, then log in again), ${orHost}`,
    );
  }
  if (e.code === 'ECONNREFUSED')
    return new EnvironmentProblem(
      `Docker refused the connection ${at}: the daemon is not running there; ${start}, ${orHost}`,
    );
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH') {
    return new EnvironmentProblem(
      `Docker is not reachable ${at} (${e.code}); check the host name and network, ${orHost}`,
    );
  }
  if (e.name === 'AbortError' || e.name === 'TimeoutError' || e.code === 'ABORT_ERR' || e.code === 'ECONNRESET') {
    return new EnvironmentProblem(
      `Docker did not answer within ${(timeoutMs / 1000).toFixed(timeoutMs % 1000 ? 1 : 0)} s ${at}; restart the daemon, ${orHost}`,
    );
  }
  return new EnvironmentProblem(`cannot use Docker ${at}: ${oneLine(err)}; ${start}, ${orHost}`);
}

export function oneLine(err: unknown): string {
  const said = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const text = said(field(field(err, 'json'), 'message')) ?? said(field(err, 'message')) ?? String(err);
  return text
    .replace(/^\(HTTP code \d+\) [^-]*- /, '')
    .split('\n')[0]
    .trim();
}

/** Whether a dockerode error is the daemon's 404 (no such image or container). */
export const isNotFound = (err: unknown): boolean => field(err, 'statusCode') === 404;

/** A property of a caught value (dockerode errors carry statusCode and json), read without asserting its shape. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? Reflect.get(value, key) : undefined;
}
