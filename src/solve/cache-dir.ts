import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where channel indexes are cached: $AMLENV_CACHE_DIR (tests point it at a temporary folder), else
 * $XDG_CACHE_HOME/amlenv, else ~/.cache/amlenv.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AMLENV_CACHE_DIR) return env.AMLENV_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'amlenv');
  return join(homedir(), '.cache', 'amlenv');
}
