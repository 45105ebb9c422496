#!/usr/bin/env node
// Runs the built CLI in this process and, on exit, writes what it cost to $AMLENV_MEASURE_OUT as JSON:
// { ms, cpuMs, maxRssMb, exitCode }. The hostile suite and the fuzz tests use it to measure peak memory for real.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const out = process.env.AMLENV_MEASURE_OUT;
const started = performance.now();
process.on('exit', (code) => {
  if (!out) return;
  // resourceUsage().maxRSS is in kilobytes.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const cpu = process.cpuUsage();
  writeFileSync(
    out,
    JSON.stringify({
      ms: performance.now() - started,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb,
      exitCode: code,
    }),
  );
});
const cli = await import(new URL('../../dist/cli.js', import.meta.url).href);
await cli.runCli(process.argv.slice(2));
