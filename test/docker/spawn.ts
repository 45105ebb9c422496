import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, type CliResult } from '../helpers.js';

export interface SpawnOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Sends SIGINT (Ctrl-C) once the combined output matches. */
  interruptWhen?: RegExp;
}

/** Runs the built CLI without blocking the test, so it can be interrupted; resolves when it exits. */
export function cliAsync(
  args: string[],
  options: SpawnOptions = {},
): Promise<CliResult & { interruptedAt?: number; endedAt: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'amlenv.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let interruptedAt: number | undefined;
    const check = () => {
      if (options.interruptWhen && interruptedAt === undefined && options.interruptWhen.test(stdout + stderr)) {
        interruptedAt = performance.now();
        child.kill('SIGINT');
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      check();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      check();
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr, interruptedAt, endedAt: performance.now() }),
    );
  });
}
