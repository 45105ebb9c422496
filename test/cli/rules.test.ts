// amlenv rules lists the validation rules as before, then the findings of amlenv solve in a last section,
// in text and in --json.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { SOLVE_FINDINGS } from '../../src/solve/findings.js';
import { cli } from '../helpers.js';

describe('amlenv rules', () => {
  it('lists the validation rules in the same form, then "Found by amlenv solve" with every solve finding', () => {
    const r = cli(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const count = lines.indexOf(
      `${RULES.length} rules. amlenv explain RULE-ID tells why one matters and how to fix it.`,
    );
    const heading = lines.indexOf('Found by amlenv solve');
    expect(count).toBeGreaterThan(0);
    expect(heading).toBe(count + 2);
    // the rules part: one line per rule in the unchanged column layout, no solve ids
    const width = Math.max(...RULES.map((rule) => rule.id.length));
    const ruleLines = lines.slice(0, count).filter((l) => !l.startsWith(' ') && l);
    expect(ruleLines).toEqual(
      RULES.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.title}`),
    );
    // the solve part, last: each finding with its severity, title and sources
    const section = lines.slice(heading + 1);
    for (const f of SOLVE_FINDINGS) {
      const at = section.findIndex((l) => l.startsWith(`${f.id} `));
      expect(at, f.id).toBeGreaterThanOrEqual(0);
      expect(section[at]).toMatch(
        new RegExp(`^${f.id}\\s+${f.severity}\\s+${f.title.replace(/[.*+?()[\]]/g, '\\$&')}`),
      );
      expect(section.slice(at + 1, at + 1 + f.sources.length).map((l) => l.trim())).toEqual(
        f.sources.map((url) => `source: ${url}`),
      );
    }
    expect(section.at(-1)).toBe(
      `${SOLVE_FINDINGS.length} findings of amlenv solve. amlenv explain solve/ID explains one the same way.`,
    );
    expect(section.find((l) => l.startsWith('solve/pip-contradicts-conda'))).toMatch(
      /\(error when conda packages need the version conda installs\)$/,
    );
  });

  it('--json keeps "rules" to the validation rules and lists the solve findings under "solveFindings"', () => {
    const r = cli(['rules', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.rules.map((x: { id: string }) => x.id)).toEqual(RULES.map((rule) => rule.id));
    expect(json.solveFindings).toEqual(
      SOLVE_FINDINGS.map((f) => ({
        id: f.id,
        severity: f.severity,
        ...(f.raisedTo ? { raisedTo: f.raisedTo, raisedWhen: f.raisedWhen } : {}),
        title: f.title,
        hint: f.hint,
        lesson: f.lesson,
        sources: f.sources,
      })),
    );
    expect(json.solveFindings.map((x: { id: string }) => x.id)).toContain('solve/unsatisfiable');
  });
});
