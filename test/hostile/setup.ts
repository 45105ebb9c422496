// Named setup steps for hostile cases: they make in a case's temp copy what git cannot hold (FIFOs, links to
// devices, unreadable files) or should not hold (multi-megabyte inputs). A case names them in case.yaml
// (`setup: fifo` or `setup: [fifo, unreadable]`).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SetupEffect {
  /** Run the CLI as nobody: root reads files whatever their mode, so EACCES cases need another user. */
  dropRoot?: boolean;
}

// biome-ignore lint/suspicious/noConfusingVoidType: most steps change files and return nothing; a few return an effect.
type Step = (dir: string) => SetupEffect | void;

const repeat = (n: number, line: (i: number) => string) =>
  `${Array.from({ length: n }, (_, i) => line(i)).join('\n')}\n`;

export const SETUP_STEPS: Record<string, Step> = {
  /** zero-link.yml → /dev/zero */
  'dev-zero-link': (dir) => symlinkSync('/dev/zero', join(dir, 'zero-link.yml')),
  /** fifo.yml: a named pipe nobody writes to (reading it blocks forever). */
  fifo: (dir) => {
    const r = spawnSync('mkfifo', [join(dir, 'fifo.yml')]);
    if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
  },
  /** unreadable.yml (must exist in the case folder) loses every permission; the CLI runs as nobody. */
  unreadable: (dir) => {
    chmodSync(join(dir, 'unreadable.yml'), 0o000);
    return { dropRoot: true };
  },
  /** huge-map.yml: a conda file whose top level has 50,000 keys. */
  'huge-map': (dir) =>
    writeFileSync(
      join(dir, 'huge-map.yml'),
      `channels: [conda-forge]\ndependencies: [python=3.12]\n${repeat(50_000, (i) => `key_${i}: value ${i}`)}`,
    ),
  /** huge-list.yml: a conda file whose dependencies are a 9 MB list of 1.5 M lines. */
  'huge-list': (dir) =>
    writeFileSync(
      join(dir, 'huge-list.yml'),
      `channels: [conda-forge]\ndependencies:\n${repeat(1_500_000, (i) => `- p${i % 1000}`)}`,
    ),
  /** near-cap-list.yml: the same shape, just under the 32 KB cap for YAML (4,650 items). */
  'near-cap-list': (dir) =>
    writeFileSync(
      join(dir, 'near-cap-list.yml'),
      `channels: [conda-forge]\ndependencies:\n${repeat(4_650, (i) => `- p${i % 1000}`)}`,
    ),
  /** near-cap-map.yml: a conda file whose top level has as many keys as fit under the cap (2,900). */
  'near-cap-map': (dir) =>
    writeFileSync(
      join(dir, 'near-cap-map.yml'),
      `channels: [conda-forge]\ndependencies: [python=3.12]\n${repeat(2_900, (i) => `k${i}: ${i}`)}`,
    ),
  /**
   * pip-30k.yml / pip-256k.yml: a conda file with one pip entry of 30 KB (just under the 32 KB cap) / 256 KB,
   * letters then "://u:p" without "@": the old CREDENTIALS_IN_URL regex took 16 s on 128 KB of it.
   */
  'pip-long-lines': (dir) => {
    for (const [name, size] of [
      ['pip-30k.yml', 30 * 1024],
      ['pip-256k.yml', 256 * 1024],
    ] as const) {
      writeFileSync(
        join(dir, name),
        `channels: [conda-forge]\ndependencies:\n- python=3.12\n- pip\n- pip:\n  - "${'a'.repeat(size)}://u:p"\n`,
      );
    }
  },
  /** requirements.txt with one 64 KB line. */
  'requirements-64k': (dir) =>
    writeFileSync(join(dir, 'requirements.txt'), `numpy==1.26.4\n${'a'.repeat(64 * 1024)}://u:p\n`),
  /** huge.yml: a 3 GiB sparse file (no disk used; reading it would take 3 GiB of memory). */
  'sparse-3g': (dir) => {
    const r = spawnSync('truncate', ['-s', '3G', join(dir, 'huge.yml')]);
    if (r.status !== 0) throw new Error(`truncate failed: ${r.stderr}`);
  },
  /** context/Dockerfile and v1/BaseDockerfile of 150 KB (Azure ML's limit is 100 KB). */
  'big-dockerfile': (dir) => {
    const text = `FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1\n${repeat(3000, (i) => `RUN echo "step ${String(i).padStart(5, '0')} of a generated build recipe"`)}`;
    mkdirSync(join(dir, 'context'), { recursive: true });
    writeFileSync(join(dir, 'context', 'Dockerfile'), text);
    writeFileSync(join(dir, 'v1', 'BaseDockerfile'), text);
  },
  /** deep.json: valid JSON nested 10,000 deep inside a v1 environment. */
  'deep-json': (dir) =>
    writeFileSync(
      join(dir, 'deep.json'),
      `{"name": "deep", "python": {"condaDependencies": ${'['.repeat(10_000)}${']'.repeat(10_000)}}}\n`,
    ),
  /** deep.yml: YAML flow sequences nested 10,000 deep in a v2 environment. */
  'deep-yaml': (dir) =>
    writeFileSync(
      join(dir, 'deep.yml'),
      `name: deep\nimage: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04\ntags: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    ),
};

export function runSetup(names: string[], dir: string): SetupEffect {
  const effect: SetupEffect = {};
  for (const name of names) {
    const step = SETUP_STEPS[name];
    if (!step) throw new Error(`unknown setup step "${name}"; the steps are ${Object.keys(SETUP_STEPS).join(', ')}`);
    Object.assign(effect, step(dir) ?? {});
  }
  return effect;
}
