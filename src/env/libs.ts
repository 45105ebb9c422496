// Field libraries are loaded on first use: --help, --version and most commands never pay for them.
import { createRequire } from 'node:module';
import type * as Rattler from '@conda-org/rattler';
import type * as PipRequirements from 'pip-requirements-js';
import type * as Pep440 from '@renovatebot/pep440';

export interface FieldLibs {
  rattler: typeof Rattler;
  /** module.exports of the CommonJS package (what arrives under `default` when imported from ESM). */
  pep440: (typeof Pep440)['default'];
  /** The full requirements grammar; slow to load and to run, so deps.ts calls it only for unusual lines. */
  pip: () => typeof PipRequirements;
}

const require = createRequire(import.meta.url);
let libs: FieldLibs | undefined;
let pipLib: typeof PipRequirements | undefined;

let rattlerLib: typeof Rattler | undefined;

/**
 * rattler through its CommonJS build (validation and solve share the one instance). require() is untyped:
 * the package's own declarations describe what it returns, so this one cast stays.
 */
export function rattlerModule(): typeof Rattler {
  if (!rattlerLib) rattlerLib = require('@conda-org/rattler') as typeof Rattler;
  return rattlerLib;
}

/**
 * Loads the libraries the validator needs. rattler is taken through its CommonJS build, which reads the
 * WASM file beside it (~25 ms); its ESM build inlines the WASM as base64 and costs ~100 ms to start.
 */
export async function loadFieldLibs(): Promise<FieldLibs> {
  if (libs) return libs;
  const pep440 = await import('@renovatebot/pep440');
  libs = {
    rattler: rattlerModule(),
    // A CommonJS package: Node hands module.exports whole under `default` (the named exports it detects may be fewer).
    pep440: pep440.default,
    pip: () => (pipLib ??= require('pip-requirements-js') as typeof PipRequirements),
  };
  return libs;
}

/** The libraries, once loadFieldLibs() has resolved. */
export function fieldLibs(): FieldLibs {
  if (!libs) throw new Error('internal: loadFieldLibs() must be awaited before validating');
  return libs;
}

/** Whether loadFieldLibs() has resolved, so a screen can be ready from its first frame. */
export function fieldLibsLoaded(): boolean {
  return libs !== undefined;
}
