// Bundles the CLI into dist/ with esbuild. Commands are split into chunks loaded on demand, so
// `amlenv --version` reads only the entry chunk. rattler stays external (it loads its WASM from its own
// folder), and so does pip-requirements-js, which is required lazily for unusual pip lines only.
// It also compiles content/ (the YAML and the lessons' markdown) into dist/content.json, the one file the app
// reads its content from, so no command parses YAML to show a lesson or a progress report.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

// The content bundle: src/content/compile.ts, bundled for this one run, reads every source the way the
// content checks do; a source that does not parse stops the build, naming its file.
const compiler = join(fresh, 'compile-content.mjs');
await build({
  entryPoints: ['src/content/compile.ts'],
  outfile: compiler,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
try {
  const { compileContent, CONTENT_BUNDLE_NAME } = await import(pathToFileURL(compiler).href);
  const bundle = compileContent(fileURLToPath(new URL('../content', import.meta.url)));
  writeFileSync(join(fresh, CONTENT_BUNDLE_NAME), JSON.stringify(bundle));
  rmSync(compiler, { force: true });
} catch (err) {
  rmSync(fresh, { recursive: true, force: true });
  console.error(`amlenv build: the content does not compile: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

if (existsSync(dist)) renameSync(dist, old);
renameSync(fresh, dist);
rmSync(old, { recursive: true, force: true });
