// Interactive app benchmarks: time to first frame in a pseudo-terminal against a bundled Ink hello-world,
// peak memory of a wizard session, and render time per keystroke with a 500-package draft.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import pty from '@lydell/node-pty';
import { median, percentile, report, type Check } from './lib.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'amlenv.js');

async function bundleHello(): Promise<string> {
  const out = join(ROOT, '.bench', 'hello.mjs');
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'bench', 'fixtures', 'hello.tsx')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    mainFields: ['module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-devtools-core': join(ROOT, 'scripts', 'stubs', 'react-devtools-core.mjs') },
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
    logLevel: 'warning',
  });
  return out;
}

/** Milliseconds from spawn until the terminal shows `text`. */
function firstFrame(args: string[], text: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let seen = '';
    const child = pty.spawn(process.execPath, args, {
      cols: 80,
      rows: 24,
      env: { ...process.env, CI: 'false', ...env } as Record<string, string>,
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no "${text}" within 10 s; got: ${JSON.stringify(seen.slice(-300))}`));
    }, 10000);
    child.onData((d) => {
      seen += d;
      if (seen.includes(text)) {
        const ms = performance.now() - start;
        clearTimeout(timer);
        child.kill();
        resolve(ms);
      }
    });
  });
}

export function bigDraftFile(dir: string): string {
  const deps: unknown[] = ['python=3.11', 'pip=24.2'];
  for (let i = 0; i < 250; i++) deps.push(`conda-pkg-${i}=1.${i}`);
  const pip: string[] = [];
  for (let i = 0; i < 250; i++) pip.push(`pip-pkg-${i}==2.${i}.0`);
  deps.push({ pip });
  const env = {
    name: 'big',
    python: { userManagedDependencies: false, condaDependencies: { channels: ['conda-forge'], dependencies: deps } },
    docker: { baseImage: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1' },
  };
  const file = join(dir, 'big.json');
  writeFileSync(file, JSON.stringify(env, null, 4));
  return file;
}

/** Peak RSS (KiB) of a wizard session on the 500-package draft: open, move, edit, quit. */
function peakRss(file: string, home: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = pty.spawn(
      '/usr/bin/time',
      ['-f', 'MAXRSS=%M', process.execPath, BIN, 'wizard', '--from', file, '--out', join(home, 'out.json')],
      {
        cols: 80,
        rows: 24,
        env: { ...process.env, CI: 'false', AMLENV_HOME: home, NO_COLOR: '1' } as Record<string, string>,
      },
    );
    let out = '';
    child.onData((d) => (out += d));
    const steps = ['\t', '\u001B[B', '\u001B[B', '\u001B[B', '\r', 'x', '\r', '\u001B[6~', '\u001B[6~', '\u0003', 'y'];
    let i = 0;
    const tick = setInterval(() => {
      if (i < steps.length) child.write(steps[i++]);
    }, 150);
    child.onExit(() => {
      clearInterval(tick);
      const m = /MAXRSS=(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
      else reject(new Error(`no MAXRSS in output:\n${out.slice(-500)}`));
    });
  });
}

/** Render time of single keystrokes on the python step of a 500-package draft (ms per key). */
export async function keystrokes(file: string, home: string): Promise<number[]> {
  process.env.NODE_ENV = 'production';
  const { render } = await import('ink-testing-library');
  const { createElement } = await import('react');
  const { loadFieldLibs } = await import('../src/env/libs.js');
  const { loadCatalog } = await import('../src/content/catalog.js');
  const { loadTemplates } = await import('../src/content/templates.js');
  const { fileDraft } = await import('../src/ui/wizard/start.js');
  const { Wizard } = await import('../src/ui/wizard/Wizard.js');
  const { DraftStore } = await import('../src/ui/wizard/draft-store.js');
  await loadFieldLibs();
  const draft = fileDraft(file);
  draft.meta.step = 1;
  const store = new DraftStore(home);
  const r = render(
    createElement(Wizard, {
      draft,
      ctx: { catalog: loadCatalog(), templates: loadTemplates() },
      width: 80,
      height: 24,
      saveDraft: (d) => store.save(d),
      onExit: () => undefined,
    }),
  );
  const settle = () => new Promise((res) => setTimeout(res, 30));
  await settle();
  let times: number[] = [];
  const press = async (key: string) => {
    const before = r.frames.length;
    const t0 = performance.now();
    r.stdin.write(key);
    while (r.frames.length === before && performance.now() - t0 < 1000) await new Promise((res) => setImmediate(res));
    times.push(performance.now() - t0);
    await settle();
  };
  // Warm-up: the first keystrokes of a process pay for JIT compilation of the render path; not counted.
  for (let i = 0; i < 10; i++) await press(i % 2 ? '\u001B[A' : '\u001B[B');
  times = [];
  for (let i = 0; i < 40; i++) await press('\u001B[B'); // move through the package list
  await press('\r'); // edit an entry
  for (const ch of '-edited') await press(ch);
  await press('\r'); // commit: revalidate 500 packages and save the draft
  for (let i = 0; i < 20; i++) await press('\u001B[A');
  r.unmount();
  return times;
}

export async function benchApp(runs = 15): Promise<boolean> {
  const hello = await bundleHello();
  const dir = mkdtempSync(join(tmpdir(), 'amlenv-bench-'));
  const env = { AMLENV_HOME: join(dir, 'home'), NO_COLOR: '1' };
  const helloTimes: number[] = [];
  const homeTimes: number[] = [];
  for (let i = 0; i < 2; i++) {
    await firstFrame([hello], 'hello from ink', env);
    await firstFrame([BIN], 'Build an environment', env);
  }
  for (let i = 0; i < runs; i++) {
    helloTimes.push(await firstFrame([hello], 'hello from ink', env));
    homeTimes.push(await firstFrame([BIN], 'Build an environment', env));
  }
  const file = bigDraftFile(dir);
  const rss = await peakRss(file, join(dir, 'home2'));
  const keys = await keystrokes(file, join(dir, 'home3'));
  const h = median(helloTimes);
  const a = median(homeTimes);
  const checks: Check[] = [
    {
      name: 'first frame (home)',
      value: `${a.toFixed(0)} ms = ${(a / h).toFixed(2)}× Ink hello (${h.toFixed(0)} ms)`,
      target: '≤ 1.3×',
      ok: a / h <= 1.3,
    },
    {
      name: 'peak RSS (wizard, 500 pkgs)',
      value: `${(rss / 1024).toFixed(1)} MiB`,
      target: '≤ 100 MiB',
      ok: rss / 1024 <= 100,
    },
    {
      name: 'keystroke render (500 pkgs)',
      value: `median ${median(keys).toFixed(1)} ms, p95 ${percentile(keys, 95).toFixed(1)} ms`,
      target: 'p95 ≤ 16 ms',
      ok: percentile(keys, 95) <= 16,
    },
  ];
  spawnSync('rm', ['-rf', dir]);
  return report('Interactive app', checks);
}
