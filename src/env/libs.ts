// Field libraries are loaded on first use: --help, --version and most commands never pay for them.
import { createRequire } from 'node:module';
import type * as Rattler from '@conda-org/rattler';
import type * as PipRequirements from 'pip-requirements-js';
import type * as Pep440 from '@renovatebot/pep440';

export interface FieldLibs {
  rattler: typeof Rattler;
  pep440: typeof Pep440;
  /** The full requirements grammar; slow to load and to run, so deps.ts calls it only for unusual lines. */
  pip: () => typeof PipRequirements;
}

const require = createRequire(import.meta.url);
let libs: FieldLibs | undefined;
let pipLib: typeof PipRequirements | undefined;

/**
 * Loads the libraries the validator needs. rattler is taken through its CommonJS build, which reads the
 * WASM file beside it (~25 ms); its ESM build inlines the WASM as base64 and costs ~100 ms to start.
 */
export async function loadFieldLibs(): Promise<FieldLibs> {
  if (libs) return libs;
  const pep440 = await import('@renovatebot/pep440');
  libs = {
    rattler: require('@conda-org/rattler') as typeof Rattler,
    pep440: unwrap(pep440),
    pip: () => (pipLib ??= require('pip-requirements-js') as typeof PipRequirements),
  };
  return libs;
}

/** The libraries, once loadFieldLibs() has resolved. */
export function fieldLibs(): FieldLibs {
  if (!libs) throw new Error('internal: loadFieldLibs() must be awaited before validating');
  return libs;
}

/** CommonJS packages imported from ESM arrive under `default`. */
function unwrap<T>(mod: T): T {
  const inner = (mod as { default?: T }).default;
  return inner && typeof inner === 'object' && Object.keys(inner as object).length > Object.keys(mod as object).length
    ? inner
    : mod;
}
