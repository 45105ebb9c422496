// `amlenv build`, the REPL's :build and the Build & run screen all go through the one pipeline, buildAndRun
// (src/job/build-and-run.ts), against a stand-in daemon (test/docker/fake-daemon.ts) that says the image exists
// already and refuses to create containers. Each caller shows what the daemon answered, in its own way.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import build from '../../src/commands/build.js';
import { buildAndRun } from '../../src/job/build-and-run.js';
import { replTools } from '../../src/repl/tools.js';
import { ReplSession } from '../../src/repl/session.js';
import { BuildRunScreen } from '../../src/ui/job/BuildRunScreen.js';
import { type FakeDaemon, type Handler, startFakeDaemon } from '../docker/fake-daemon.js';
import { ROOT, TODAY, tempDir } from '../helpers.js';
import { mount, waitFor } from '../ui/render.js';

vi.mock('../../src/job/build-and-run.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/job/build-and-run.js')>();
  return { ...real, buildAndRun: vi.fn(real.buildAndRun) };
});

const ENV = join(ROOT, 'fixtures', 'docker', 'envs', 'user-managed.json');
const IMAGE_ID = `sha256:${'ab'.repeat(32)}`;

const json = (res: Parameters<Handler>[1], status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

// Every image "exists" (so nothing is built); no container may be made.
const handler: Handler = (req, res) => {
  const url = (req.url ?? '').replace(/^\/v[0-9.]+/, '');
  if (req.method === 'GET' && /^\/images\/.+\/json/.test(url))
    return json(res, 200, { Id: IMAGE_ID, Config: { Labels: { 'org.amlenv.hash': 'x' } } });
  if (req.method === 'GET' && url.startsWith('/containers/json')) return json(res, 200, []);
  json(res, 500, { message: 'the stand-in daemon makes no containers' });
};

describe('one job pipeline for the CLI, the REPL and the Build & run screen', () => {
  let daemon: FakeDaemon;
  const saved = process.env.DOCKER_HOST;
  beforeAll(async () => {
    daemon = await startFakeDaemon(handler);
    process.env.DOCKER_HOST = daemon.host;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
    await daemon.close();
  });
  afterEach(() => vi.mocked(buildAndRun).mockClear());

  const requests = () => vi.mocked(buildAndRun).mock.calls.map(([request]) => request);

  it('amlenv build: reuses the image the daemon has and prints its tag', async () => {
    let stdout = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await build.run({ positionals: [ENV], values: {}, rest: [] });
      expect(code).toBe(0);
    } finally {
      write.mockRestore();
      stderr.mockRestore();
    }
    expect(stdout).toMatch(/^amlenv\/local-python:[0-9a-f]{32}\n$/);
    expect(requests()).toEqual([expect.objectContaining({ definition: ENV })]);
    expect(requests()[0].run).toBeUndefined();
  });

  it("the REPL's :build: the same reuse, told as a note, the tag as data", async () => {
    const session = new ReplSession({ cwd: tempDir(), tools: await replTools(), today: TODAY });
    for (const line of [
      'from azureml.core import Environment',
      'env = Environment("local-python")',
      'env.python.user_managed_dependencies = True',
      'env.python.interpreter_path = "python3"',
      'env.docker.base_image = "amlenv-test/python:bookworm"',
    ])
      expect((await session.run(line)).status, line).toBe('ok');
    const result = await session.run(':build');
    expect(result.status, JSON.stringify(result)).toBe('ok');
    expect(result.lines.some((l) => l.kind === 'note' && /^up to date: amlenv\/local-python:/.test(l.text))).toBe(true);
    expect(result.lines.filter((l) => l.kind === 'data').at(-1)?.text).toMatch(/^amlenv\/local-python:[0-9a-f]{32}$/);
    const [request] = requests();
    expect(typeof request.definition).toBe('object');
    expect(request.run).toBeUndefined();
  });

  it("the Build & run screen: runs the environment check through it and shows the daemon's refusal", async () => {
    const r = await mount(
      <BuildRunScreen width={100} height={30} path={ENV} autoCheck outputsRoot={tempDir()} onBack={() => undefined} />,
    );
    const frame = await waitFor(r, (f) => /run again/.test(f), 20_000);
    expect(frame).toMatch(/makes no containers/);
    expect(requests()).toEqual([
      expect.objectContaining({
        definition: ENV,
        run: expect.objectContaining({ sample: expect.objectContaining({ name: 'check-env' }) }),
      }),
    ]);
    expect(daemon.seen.some((s) => s.method === 'POST' && s.url.startsWith('/containers/create'))).toBe(true);
  });
});
