#!/usr/bin/env node
// The installed command. The real entry is the bundle in dist/ (npm run build makes it).
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.js')) {
    process.stderr.write('amlenv: not built yet; run "npm run build" (or "npm start") in the amlenv folder first\n');
    process.exit(2);
  }
  throw err;
}
await cli.runCli(process.argv.slice(2));
