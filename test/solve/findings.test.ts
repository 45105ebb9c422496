// Every finding amlenv solve can report is in the findings table (so `amlenv explain` and `amlenv rules` know
// it), and the code that builds findings takes severity and default fix from that table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipDep } from '../../src/env/deps.js';
import { loadContent } from '../../src/learn/content.js';
import { checkPipAgainstSolve } from '../../src/solve/pip-check.js';
import { explainConflict } from '../../src/solve/explain.js';
import { findSolveFinding, SOLVE_FINDINGS, solveDiagnostic } from '../../src/solve/findings.js';
import { ROOT } from '../helpers.js';

const SOLVE = join(ROOT, 'src', 'solve');
/** Every 'solve/…' string literal in the solve code other than the table itself, with the file it is in. */
const literals = readdirSync(SOLVE)
  .filter((name) => /\.tsx?$/.test(name) && name !== 'findings.ts')
  .flatMap((name) =>
    [...readFileSync(join(SOLVE, name), 'utf8').matchAll(/['"`](solve\/[a-z0-9-]+)['"`]/g)].map((m) => ({
      file: name,
      id: m[1],
    })),
  );

describe('the solve findings table', () => {
  it('holds every solve/ id the solve code uses, and every entry is used', () => {
    expect(literals.length).toBeGreaterThanOrEqual(SOLVE_FINDINGS.length);
    for (const { file, id } of literals) expect(findSolveFinding(id), `${id} in src/solve/${file}`).toBeDefined();
    const used = new Set(literals.map((l) => l.id));
    for (const f of SOLVE_FINDINGS) expect(used.has(f.id), `${f.id} is never reported`).toBe(true);
  });

  it('no solve code builds a finding by hand: each goes through solveDiagnostic', () => {
    for (const name of readdirSync(SOLVE).filter((n) => /\.tsx?$/.test(n) && n !== 'findings.ts'))
      expect(readFileSync(join(SOLVE, name), 'utf8'), name).not.toMatch(/rule:\s*['"`]solve\//);
  });

  it('ids are unique and every entry is documented: title, explanation, fix, an existing lesson, https sources', () => {
    const lessons = new Set(loadContent().lessons.map((l) => l.id));
    expect(new Set(SOLVE_FINDINGS.map((f) => f.id)).size).toBe(SOLVE_FINDINGS.length);
    for (const f of SOLVE_FINDINGS) {
      expect(f.id).toMatch(/^solve\/[a-z]+(-[a-z]+)*$/);
      expect(f.title.length, f.id).toBeGreaterThan(20);
      expect(f.explanation.length, f.id).toBeGreaterThan(200);
      expect(f.hint.length, f.id).toBeGreaterThan(15);
      expect(lessons.has(f.lesson), `${f.id}: lesson ${f.lesson}`).toBe(true);
      expect(f.sources.length, f.id).toBeGreaterThan(0);
      for (const url of f.sources) expect(url, f.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
      if (f.raisedTo) expect(f.raisedWhen, f.id).toBeTruthy();
    }
  });

  it('solveDiagnostic takes severity and the default fix from the table; a case-specific fix wins', () => {
    const plain = solveDiagnostic('solve/pip-not-installed', { path: 'dependencies', message: 'm' });
    expect(plain).toEqual({
      rule: 'solve/pip-not-installed',
      severity: 'warning',
      path: 'dependencies',
      message: 'm',
      hint: findSolveFinding('solve/pip-not-installed')?.hint,
    });
    expect(solveDiagnostic('solve/unsatisfiable', { path: '', message: 'm', hint: 'this case' }).hint).toBe(
      'this case',
    );
    expect(solveDiagnostic('solve/pip-contradicts-conda', { path: '', message: 'm' }).severity).toBe('warning');
    expect(solveDiagnostic('solve/pip-contradicts-conda', { path: '', message: 'm' }, true).severity).toBe('error');
    // a finding without a raised severity keeps its own
    expect(solveDiagnostic('solve/pip-marker-skipped', { path: '', message: 'm' }, true).severity).toBe('info');
  });

  it('the findings built from a solver message and a pip check carry the table severity and fix', () => {
    const [stopped] = explainConflict('error sending request', {
      conda: [],
      positions: new Map(),
      channels: [],
      platform: 'linux-64',
    });
    expect(stopped).toMatchObject({ severity: 'error', hint: findSolveFinding('solve/solver-error')?.hint });
    const pip: PipDep[] = [{ path: 'dependencies[1].pip[0]', raw: 'requests', kind: 'requirement', name: 'requests' }];
    const [noPip] = checkPipAgainstSolve({
      pip,
      records: [],
      positions: new Map(),
      satisfies: () => true,
      condaMatches: () => true,
    });
    expect(noPip).toMatchObject({
      rule: 'solve/pip-not-installed',
      severity: findSolveFinding('solve/pip-not-installed')?.severity,
      hint: findSolveFinding('solve/pip-not-installed')?.hint,
      path: 'dependencies[1].pip',
    });
  });
});
