// rattler's WASM is loaded by solve (and validate's spec checks), never by start-up or the other plain commands.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** Runs the bundle's CLI in a fresh process and says whether rattler's CommonJS build ended up loaded. */
function loadsRattler(args: string[]): boolean {
  const cli = pathToFileURL(join(ROOT, 'dist', 'cli.js')).href;
  const code = `import { createRequire } from 'node:module'; const m = await import(${JSON.stringify(cli)}); await m.runCli(${JSON.stringify(args)}); const cache = createRequire(import.meta.url).cache; process.stderr.write('RATTLER ' + Object.keys(cache).some((k) => k.includes('rattler.node.cjs')) + '\\n');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const m = /RATTLER (true|false)/.exec(r.stderr);
  if (!m) throw new Error(`no answer from the child: ${r.stderr}`);
  return m[1] === 'true';
}

it('--version, --help, rules, templates and solve --help do not load rattler; solve does', { timeout: 90_000 }, () => {
  for (const args of [['--version'], ['--help'], ['rules'], ['templates'], ['solve', '--help']])
    expect(loadsRattler(args), args.join(' ')).toBe(false);
  expect(loadsRattler(['solve', 'fixtures/envs/valid/seed-style.json', '--channel', 'http://127.0.0.1:1/none'])).toBe(
    true,
  );
});
