// Field libraries are loaded on first use: --help, --version and most commands never pay for them.
import type * as Rattler from '@conda-org/rattler';
import type * as PipRequirements from 'pip-requirements-js';
import type * as Pep440 from '@renovatebot/pep440';

export interface FieldLibs {
  rattler: typeof Rattler;
  pip: typeof PipRequirements;
  pep440: typeof Pep440;
}

let libs: FieldLibs | undefined;
let loading: Promise<FieldLibs> | undefined;

export function loadFieldLibs(): Promise<FieldLibs> {
  if (libs) return Promise.resolve(libs);
  loading ??= Promise.all([import('@conda-org/rattler'), import('pip-requirements-js'), import('@renovatebot/pep440')]).then(([rattler, pip, pep440]) => {
    libs = { rattler: unwrap(rattler), pip: unwrap(pip), pep440: unwrap(pep440) };
    return libs;
  });
  return loading;
}

/** The libraries, once loadFieldLibs() has resolved. */
export function fieldLibs(): FieldLibs {
  if (!libs) throw new Error('internal: loadFieldLibs() must be awaited before validating');
  return libs;
}

/** CommonJS packages imported from ESM arrive under `default`. */
function unwrap<T>(mod: T): T {
  const inner = (mod as { default?: T }).default;
  return inner && typeof inner === 'object' && Object.keys(inner as object).length > Object.keys(mod as object).length ? inner : mod;
}
