import type { Catalog } from '../content/catalog.js';
import type { DepsView } from '../env/deps.js';
import type { EnvObject, Format, LoadedDefinition, Severity } from '../env/types.js';

export interface RuleContext {
  def: LoadedDefinition;
  env: EnvObject;
  deps: DepsView;
  catalog: Catalog;
  /** "Now" for date-based rules (python/eol); tests pass a fixed day. */
  today: Date;
}

export interface Finding {
  path: string;
  message: string;
  /** Overrides the rule's general fix hint with one for this case. */
  hint?: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line: what the rule finds. */
  title: string;
  /** One paragraph: why it matters on Azure ML. */
  explanation: string;
  /** The general fix. */
  hint: string;
  /** The lesson that teaches the concept. */
  lesson: string;
  /** Where the rule's facts come from (the loader's source, the published schema, Microsoft docs). */
  sources?: readonly string[];
  /** Formats the rule applies to; rules reported while loading have no check. */
  formats: readonly Format[];
  check?: (ctx: RuleContext) => Finding[];
}

export const V1: readonly Format[] = ['v1-json', 'v1-dir'];
export const V2: readonly Format[] = ['v2-yaml'];
export const JOB: readonly Format[] = ['v2-job'];
export const WITH_IMAGE: readonly Format[] = ['v1-json', 'v1-dir', 'v2-yaml'];
export const ALL: readonly Format[] = ['v1-json', 'v1-dir', 'v2-yaml', 'conda-yaml'];
