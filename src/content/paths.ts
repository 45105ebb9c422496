import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The bundled content folder: found upward from this module (src/ in development, dist/ when bundled). */
export function contentDir(): string {
  if (cached) return cached;
  cached = process.env.AMLENV_CONTENT_DIR || found();
  return cached;
}

function found(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'content', 'topics.yaml'))) return join(dir, 'content');
    dir = dirname(dir);
  }
  throw new Error('amlenv: its content folder is missing; reinstall amlenv (npm install)');
}
