import type { Diagnostic, LoadedDefinition } from '../../env/types.js';
import { safeDiagnostic } from '../../util/safe-text.js';
import { SDK_JSON_STYLE } from '../../env/save.js';
import { validateLoaded } from '../../rules/validate.js';
import type { Draft } from './draft.js';
import { outputEnv } from './output.js';
import { STEPS, stepOfPath } from './steps.js';

const cache = new WeakMap<Draft, Diagnostic[]>();

/** The same rules as `amlenv validate`, run on the draft as it would be written. Needs loadFieldLibs(). */
export function draftDiagnostics(draft: Draft): Diagnostic[] {
  let found = cache.get(draft);
  if (!found) {
    const def: LoadedDefinition = {
      path: 'draft',
      format: 'v1-json',
      env: outputEnv(draft),
      positions: new Map(),
      problems: [],
      sources: [{ file: 'draft', text: '', style: SDK_JSON_STYLE }],
      parsed: true,
    };
    found = validateLoaded(def).map(safeDiagnostic);
    cache.set(draft, found);
  }
  return found;
}

/** Diagnostics about a row: its own path or anything below it. */
export function diagnosticsAt(diagnostics: Diagnostic[], path: string | undefined): Diagnostic[] {
  if (!path) return [];
  return diagnostics.filter((d) => d.path === path || d.path.startsWith(`${path}.`) || d.path.startsWith(`${path}[`));
}

const under = (path: string, prefix: string) =>
  path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/**
 * Each row's own findings: a finding belongs to the row(s) whose path is the most specific match for its
 * path, so a bad pip entry marks its pip row and not the python row above the whole dependency list.
 */
export function findingsByRow(rows: Array<{ path?: string }>, diagnostics: Diagnostic[]): Diagnostic[][] {
  const out: Diagnostic[][] = rows.map(() => []);
  for (const d of diagnostics) {
    let best = -1;
    rows.forEach((r) => {
      if (r.path && under(d.path, r.path) && r.path.length > best) best = r.path.length;
    });
    if (best < 0) continue;
    rows.forEach((r, i) => {
      if (r.path && r.path.length === best && under(d.path, r.path)) out[i].push(d);
    });
  }
  return out;
}

export function groupBySection(diagnostics: Diagnostic[]): Array<{ title: string; items: Diagnostic[] }> {
  return STEPS.map((step, i) => ({
    title: step.id === 'review' ? 'Other' : step.title,
    items: diagnostics.filter((d) => stepOfPath(d.path) === i),
  })).filter((g) => g.items.length);
}

export const count = (list: Diagnostic[], severity: Diagnostic['severity']) =>
  list.filter((d) => d.severity === severity).length;

export function summary(list: Diagnostic[]): string {
  const e = count(list, 'error');
  const w = count(list, 'warning');
  const i = count(list, 'info');
  if (!e && !w && !i) return 'no findings';
  return [e && `${e} error${e === 1 ? '' : 's'}`, w && `${w} warning${w === 1 ? '' : 's'}`, i && `${i} info`]
    .filter(Boolean)
    .join(', ');
}
