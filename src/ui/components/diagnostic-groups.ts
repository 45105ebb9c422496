// Findings grouped by the part of the definition they are about, and counted: the wizard's review list and
// the Validate screen show them the same way.
import type { Diagnostic } from '../../env/types.js';

export interface Section {
  title: string;
  /** Model path prefixes whose findings belong here ("" matches nothing; unclaimed findings go last, to Other). */
  owns: string[];
}

const under = (path: string, prefix: string) =>
  path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** The sections of a definition, v1 and v2 spellings together (a file has one or the other). */
export const DEFINITION_SECTIONS: Section[] = [
  { title: 'Basics', owns: ['name', 'version', 'description', 'tags'] },
  { title: 'Python', owns: ['python', 'conda_file'] },
  { title: 'Environment variables', owns: ['environmentVariables', 'environment_variables'] },
  { title: 'Docker', owns: ['docker', 'image', 'build', 'os_type'] },
  { title: 'Serving', owns: ['inference_config'] },
  { title: 'Spark', owns: ['spark'] },
];

/** The index of the section that owns the path, or -1. */
export function sectionOf(path: string, sections: Section[]): number {
  return sections.findIndex((s) => s.owns.some((p) => p && under(path, p)));
}

/** Findings in section order; those no section owns come last under "Other". Empty groups are left out. */
export function groupBySection(
  diagnostics: Diagnostic[],
  sections: Section[] = DEFINITION_SECTIONS,
): Array<{ title: string; items: Diagnostic[] }> {
  const groups = sections.map((s): { title: string; items: Diagnostic[] } => ({ title: s.title, items: [] }));
  const other: Diagnostic[] = [];
  for (const d of diagnostics) {
    const at = sectionOf(d.path, sections);
    if (at >= 0) groups[at].items.push(d);
    else other.push(d);
  }
  return [...groups, { title: 'Other', items: other }].filter((g) => g.items.length);
}

export const count = (list: Diagnostic[], severity: Diagnostic['severity']) =>
  list.filter((d) => d.severity === severity).length;

/** "2 errors, 1 warning", or "no findings". */
export function summary(list: Diagnostic[]): string {
  const e = count(list, 'error');
  const w = count(list, 'warning');
  const i = count(list, 'info');
  if (!e && !w && !i) return 'no findings';
  return [e && `${e} error${e === 1 ? '' : 's'}`, w && `${w} warning${w === 1 ? '' : 's'}`, i && `${i} info`]
    .filter(Boolean)
    .join(', ');
}
