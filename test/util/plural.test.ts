// Plural forms: one helper, used wherever a count meets a noun; no "(s)" left in what amlenv prints.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verdict } from '../../src/samples/report.js';
import { plainProgress } from '../../src/commands/job-progress.js';
import { plural } from '../../src/util/plural.js';
import { v1ToV2 } from '../../src/env/convert.js';
import { ROOT } from '../helpers.js';

describe('plural', () => {
  it('1 warning, 2 warnings, 0 warnings; info does not count; irregular words', () => {
    expect(plural(1, 'warning')).toBe('1 warning');
    expect(plural(2, 'warning')).toBe('2 warnings');
    expect(plural(0, 'warning')).toBe('0 warnings');
    expect(plural(3, 'info')).toBe('3 info');
    expect(plural(2, 'entry')).toBe('2 entries');
    expect(plural(2, 'declared package')).toBe('2 declared packages');
  });

  it('the environment check verdict says "1 variable" and "2 variables"', () => {
    const check = (kind: string, name: string) => ({ kind, name, expected: '', found: '', ok: true });
    expect(
      verdict({ ok: true, checks: [check('python', 'python'), check('pip', 'numpy'), check('variable', 'A')] }),
    ).toBe('environment check passed: python, 1 declared package and 1 variable as declared');
    expect(
      verdict({ ok: true, checks: [check('python', 'python'), check('variable', 'A'), check('variable', 'B')] }),
    ).toBe('environment check passed: python, 0 declared packages and 2 variables as declared');
  });

  it('the run summary says "(1 file)"', () => {
    const lines: string[] = [];
    plainProgress((l) => lines.push(l))({
      kind: 'finished',
      exitCode: 0,
      timedOut: false,
      oomKilled: false,
      seconds: 1,
      outputsDir: 'out',
      collected: 1,
      skipped: [],
    } as never);
    expect(lines.join('\n')).toContain('outputs and logs: out (1 file)');
  });

  it('convert notes count variables and spark packages properly', () => {
    const { notes } = v1ToV2({
      name: 'x',
      environmentVariables: { A: '1' },
      spark: { packages: [{ group: 'g', artifact: 'a', version: '1' }] },
    });
    const text = notes.map((n) => n.message).join('\n');
    expect(text).toContain('1 variable moved to job.yml');
    expect(text).toContain('1 package dropped');
  });

  it('no "(s)" plural is left in the source of what amlenv prints', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name)) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              const code = line.replace(/^\s*(\/\/|\*).*$/, '');
              // a word in text, "(s)" and then text: `package(s) dropped`, `heading(s):` (not a call such as `green(s)`)
              if (/(?<=[\s"'`])[a-z]+\((s|es)\)(?= +[a-z]|[:,'"`]|$)/.test(code))
                offenders.push(`${path.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
