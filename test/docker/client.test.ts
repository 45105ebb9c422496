import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDocker, describeConnectError } from '../../src/docker/client.js';
import { containerConfig, defaultRunUser } from '../../src/docker/run.js';
import { EnvironmentProblem } from '../../src/util/errors.js';

const socketAt = { address: '/var/run/docker.sock', fromEnv: false };
const hostAt = { address: 'tcp://127.0.0.1:2375', fromEnv: true };

describe('daemon connection problems become one line with the fix (exit 3)', () => {
  it.each<[string, object, { address: string; fromEnv: boolean }, RegExp]>([
    [
      'no socket',
      { code: 'ENOENT' },
      socketAt,
      /^Docker is not running: no daemon socket at \/var\/run\/docker\.sock; start Docker \(.*\), or set DOCKER_HOST/,
    ],
    [
      'permission denied',
      { code: 'EACCES' },
      socketAt,
      /^permission denied on the Docker socket at \/var\/run\/docker\.sock; add yourself to the docker group \(sudo usermod -aG docker \$USER/,
    ],
    [
      'DOCKER_HOST refuses',
      { code: 'ECONNREFUSED' },
      hostAt,
      /^Docker refused the connection at DOCKER_HOST=tcp:\/\/127\.0\.0\.1:2375: .*or fix or unset DOCKER_HOST$/,
    ],
    [
      'unknown host',
      { code: 'ENOTFOUND' },
      hostAt,
      /^Docker is not reachable at DOCKER_HOST=.* \(ENOTFOUND\); check the host name/,
    ],
    ['no answer', { name: 'AbortError' }, hostAt, /^Docker did not answer within 3 s at DOCKER_HOST=/],
  ])('%s', (_what, error, where, expected) => {
    const problem = describeConnectError(error, where);
    expect(problem).toBeInstanceOf(EnvironmentProblem);
    expect(problem.message).toMatch(expected);
    expect(problem.message).not.toContain('\n');
  });

  it('a DOCKER_HOST socket that does not exist (as when Docker is stopped) is reported as not running', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'unix:///tmp/amlenv-no-such-docker.sock';
    try {
      await expect(connectDocker()).rejects.toThrow(
        /^Docker is not running: no daemon socket at DOCKER_HOST=unix:\/\/\/tmp\/amlenv-no-such-docker\.sock/,
      );
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });

  describe('a daemon that accepts but never answers', () => {
    let server: Server;
    afterAll(() => server?.close());
    it('times out after the ping timeout instead of hanging', async () => {
      server = createServer(() => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      const saved = process.env.DOCKER_HOST;
      process.env.DOCKER_HOST = `tcp://127.0.0.1:${port}`;
      try {
        const started = performance.now();
        await expect(connectDocker({ timeoutMs: 300 })).rejects.toThrow(
          /^Docker did not answer within 0\.3 s at DOCKER_HOST=tcp:\/\/127\.0\.0\.1:\d+; restart the daemon/,
        );
        expect(performance.now() - started).toBeLessThan(5000);
      } finally {
        if (saved === undefined) delete process.env.DOCKER_HOST;
        else process.env.DOCKER_HOST = saved;
      }
    });
  });
});

describe('container hardening', () => {
  const config = containerConfig({
    image: 'x:1',
    command: ['python', 'a.py'],
    stdout: process.stdout,
    stderr: process.stderr,
    user: '1000:1000',
    mounts: [
      { host: '/h/src', container: '/wd', readOnly: true },
      { host: '/h/out', container: '/wd/outputs', readOnly: false },
    ],
  });

  it('has no network, no capabilities, no new privileges, a read-only root and a writable /tmp by default', () => {
    expect(config.NetworkDisabled).toBe(true);
    expect(config.HostConfig).toMatchObject({
      NetworkMode: 'none',
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      ReadonlyRootfs: true,
      Privileged: false,
      AutoRemove: false,
    });
    expect(config.HostConfig.Tmpfs['/tmp']).toMatch(/^rw,nosuid,nodev,size=\d+$/);
    expect(config.HostConfig.Memory).toBeGreaterThan(0);
    expect(config.HostConfig.MemorySwap).toBe(config.HostConfig.Memory);
    expect(config.HostConfig.PidsLimit).toBeGreaterThan(0);
    expect(config.HostConfig.Binds).toEqual(['/h/src:/wd:ro', '/h/out:/wd/outputs:rw']);
    expect(config.Tty).toBe(false);
  });

  it('joins the bridge network only when asked', () => {
    const open = containerConfig({
      image: 'x',
      command: [],
      stdout: process.stdout,
      stderr: process.stderr,
      network: true,
    });
    expect(open.NetworkDisabled).toBe(false);
    expect(open.HostConfig.NetworkMode).toBe('bridge');
  });

  it("never runs as root: the caller's ids, or nobody when the caller is root", () => {
    expect(defaultRunUser(1000, 1001)).toBe('1000:1001');
    expect(defaultRunUser(0, 0)).toBe('65534:65534');
    expect(defaultRunUser(undefined, undefined)).toBe('65534:65534');
  });
});
