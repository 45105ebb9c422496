// Records raw progress streams from the real daemon into test/docker/streams/ (run by hand: npx tsx
// test/docker/record-streams.ts, with dockerd up and the test base image present). The parser tests replay them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextTar } from '../../src/job/tar.js';
import { connectDocker } from '../../src/docker/client.js';
import { startRegistry } from './registry.js';

const OUT = join(import.meta.dirname, 'streams');
const docker = await connectDocker();
/** Names to record (all when none given). build-missing-base makes the daemon look up Docker Hub: record it only when asked. */
const only = process.argv.slice(2);

async function record(
  name: string,
  dockerfile: string,
  options: Record<string, unknown> = {},
  keep = false,
): Promise<void> {
  if (only.length ? !only.includes(name) : name === 'build-missing-base') return;
  const context = contextTar([
    { path: 'Dockerfile', data: dockerfile },
    { path: 'hello.txt', data: 'hello\n' },
  ]);
  const chunks: Buffer[] = [];
  try {
    const stream = await docker.buildImage(context, {
      dockerfile: 'Dockerfile',
      t: `amlenv-test/recording:${name}`,
      rm: true,
      forcerm: true,
      version: '1',
      ...options,
    });
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  } catch (err) {
    chunks.push(Buffer.from(`REJECTED ${(err as Error).message}\n`));
  }
  writeFileSync(join(OUT, `${name}.raw`), Buffer.concat(chunks));
  if (!keep)
    await docker
      .getImage(`amlenv-test/recording:${name}`)
      .remove()
      .catch(() => undefined);
  console.log(`${name}: ${chunks.length} chunks`);
}

const base = 'FROM amlenv-test/python:bookworm\n';
await record(
  'build-ok',
  `${base}COPY hello.txt /hello.txt\nRUN cat /hello.txt && echo to-stderr >&2 && python3 -c "print('from python')"\nENV A=1\nLABEL x=y\n`,
  { nocache: true },
  true,
);
await record(
  'build-cached',
  `${base}COPY hello.txt /hello.txt\nRUN cat /hello.txt && echo to-stderr >&2 && python3 -c "print('from python')"\nENV A=1\nLABEL x=y\n`,
);
await docker
  .getImage('amlenv-test/recording:build-ok')
  .remove()
  .catch(() => undefined);
await record(
  'build-run-fails',
  `${base}RUN echo preparing && for i in 1 2 3; do echo line $i; done && echo something broke >&2 && exit 3\nRUN echo never\n`,
  { nocache: true },
);
await record('build-missing-base', 'FROM amlenv-test/does-not-exist:1\nRUN true\n');

// A pull from the loopback registry of registry.ts: per-layer progress, as the daemon reports it.
if (only.includes('pull-ok')) {
  const registry = await startRegistry(docker, 'amlenv-test/python:bookworm', 'amlenv-test/pulled', '1');
  const ref = `${registry.host}/amlenv-test/pulled:1`;
  const chunks: Buffer[] = [];
  for await (const chunk of (await docker.pull(ref)) as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  writeFileSync(
    join(OUT, 'pull-ok.raw'),
    Buffer.concat(chunks).toString('utf8').split(registry.host).join('127.0.0.1:5000'),
  );
  await docker.getImage(ref).remove({ force: true });
  await registry.close();
  console.log(`pull-ok: ${chunks.length} chunks`);
}
