// Bundles the CLI into dist/ with esbuild. Commands are split into chunks loaded on demand, so
// `amlenv --version` reads only the entry chunk. rattler stays external (it loads its WASM from its own
// folder), and so does pip-requirements-js, which is required lazily for unusual pip lines only.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Build into a fresh folder and swap it in with two renames, so a CLI started during a build (tests,
// another terminal) never finds dist/ half written or missing for more than an instant.
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const fresh = `${dist}.tmp-${process.pid}`;
const old = `${dist}.old-${process.pid}`;
rmSync(fresh, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: fresh,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  external: ['@conda-org/rattler', 'pip-requirements-js'],
  define: { 'process.env.NODE_ENV': '"production"' },
  mainFields: ['module', 'main'],
  jsx: 'automatic',
  // Ink imports react-devtools-core for its dev tools only; it is not installed.
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.mjs' },
  banner: {
    js: "import { createRequire as __amlenvCreateRequire } from 'node:module'; const require = __amlenvCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
if (existsSync(dist)) renameSync(dist, old);
renameSync(fresh, dist);
rmSync(old, { recursive: true, force: true });
