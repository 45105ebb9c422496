// Every command's --help names every option its parser accepts, one line each, and a mistyped flag or name
// gets the likely one suggested.
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/cli.js';
import { COMMANDS } from '../../src/commands/index.js';
import { suggest } from '../../src/util/suggest.js';
import { RULES } from '../../src/rules/index.js';
import { cli } from '../helpers.js';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('--help lists every option', () => {
  it.each(COMMANDS.filter((c) => c.load).map((c) => [c.name, c] as const))(
    '%s --help has one line per option of its parser',
    async (_name, info) => {
      const { default: command } = await info.load!();
      const help = commandHelp(info).split('\n');
      for (const [name, spec] of Object.entries(command.options)) {
        const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}`;
        const lines = help.filter((l) => new RegExp(`^  ${escapeRegex(flag)}(\\s|$)`).test(l));
        expect(lines, `amlenv ${info.name} --help should describe ${flag} on a line of its own`).toHaveLength(1);
        // the line says what the option does, not only its name
        expect(lines[0].slice(2 + flag.length).trim().length).toBeGreaterThan(10);
      }
      if (info.usage.includes('--allow-outside'))
        expect(help.filter((l) => /^ {2}--allow-outside\s+\S/.test(l))).toHaveLength(1);
    },
  );

  // Everything after `--` goes to the script, so an option written after it is never read as one: the usage line
  // and the options list both show every option before `-- ARGS`.
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s --help puts every option before -- ARGS', (_name, info) => {
    const help = commandHelp(info).split('\n');
    const usage = help[0].replace(/^\S*Usage:\S* amlenv /, '');
    const dashDash = usage.indexOf('[-- ');
    if (dashDash >= 0) expect(usage.slice(dashDash), `amlenv ${info.usage}`).toMatch(/^\[-- [A-Z]+\]$/);
    const from = help.findIndex((l) => /Options:/.test(l));
    const block = from < 0 ? [] : help.slice(from + 1);
    const options = block.slice(0, block.indexOf('') < 0 ? undefined : block.indexOf(''));
    const argsLine = options.findIndex((l) => /^ {2}-- /.test(l));
    if (argsLine >= 0)
      expect(options.slice(argsLine + 1), `amlenv ${info.name} --help lists options after -- ARGS`).toEqual([]);
    expect(dashDash >= 0, 'the usage line and the options list agree on -- ARGS').toBe(argsLine >= 0);
  });

  it('run --help, as a user runs it, lists --source-dir, --outputs, --network, --timeout and --sample', () => {
    const r = cli(['run', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--source-dir DIR', '--outputs DIR', '--network', '--timeout SEC', '--sample NAME'])
      expect(r.stdout).toMatch(new RegExp(`^  ${escapeRegex(flag)}\\s+\\w`, 'm'));
  });
});

describe('suggestions', () => {
  it('a mistyped flag gets the flag meant, in one line, exit 2', () => {
    const r = cli(['validate', '--jsn', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'amlenv: unknown option "--jsn"; did you mean --json? (amlenv validate --help lists its options)\n',
    );
    expect(cli(['run', 'env.json', 'main.py', '--sorce-dir', 'src']).stderr).toMatch(/did you mean --source-dir\?/);
  });

  it('a flag with nothing close is named without a guess', () => {
    const r = cli(['rules', '--zebra']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^amlenv: unknown option "--zebra" \(amlenv rules --help lists its options\)\n$/);
  });

  it('a near-miss rule id gets the rule suggested (words in another order or with another separator)', () => {
    const r = cli(['explain', 'pip-missing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "pip\/missing-pip"\?/);
    const ids = RULES.map((rule) => rule.id);
    expect(suggest('missing-pip', ids)).toBe('pip/missing-pip');
    expect(suggest('python-eol', ids)).toBe('python/eol');
    expect(suggest('docker-untagged', ids)).toBe('docker/untagged-image');
    expect(suggest('completely-unrelated', ids)).toBeUndefined();
  });

  it('a mistyped sample name gets the sample suggested', () => {
    const r = cli(['samples', 'chek-env']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "check-env"\?/);
  });
});
