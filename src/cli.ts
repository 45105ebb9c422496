// Entry point. Answers --help, --version and the plain commands without importing Ink or React:
// each command is loaded only when it runs.
import { parseArgs } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import { COMMANDS, findCommand, OPTION_COLUMN, type CommandInfo } from './commands/index.js';
import { setAllowOutside } from './env/containment.js';
import { bold, colorOn, dim, setColor } from './util/color.js';
import { guardStream, safeLine } from './util/safe-text.js';
import { EnvironmentProblem, EXIT, InvalidInput, UsageError } from './util/errors.js';
import { suggest } from './util/suggest.js';

const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  'no-color': { type: 'boolean' },
  'allow-outside': { type: 'boolean' },
} as const;

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map(
    (c) => `  ${c.name.padEnd(width)}  ${c.summary}${c.planned ? dim(' (not built yet)') : ''}`,
  );
  return [
    `${bold('amlenv')} ${pkg.version} — learn, write, validate and prove Azure Machine Learning environments`,
    '',
    `${bold('Usage:')} amlenv <command> [options]     amlenv <command> --help for its options`,
    '',
    bold('Commands:'),
    ...lines,
    '',
    `${bold('Global options:')} -h/--help, --version, --no-color (or NO_COLOR=1), --allow-outside (read files a definition names outside its repository or the current folder; never /proc, /sys, /dev)`,
    `${bold('Exit codes:')} 0 ok, 1 invalid input or failed job, 2 usage error, 3 environment problem (e.g. Docker)`,
  ].join('\n');
}

export function commandHelp(info: CommandInfo): string {
  const outside = info.usage.includes('--allow-outside')
    ? [
        `${'--allow-outside'.padEnd(OPTION_COLUMN - 1)} read files the definition names (conda file, build context, Dockerfile, local wheels) even outside its repository or the current folder; only for definitions you trust (never /proc, /sys, /dev)`,
      ]
    : [];
  // Everything after `--` goes to the script: options are listed before it, as the usage line writes them.
  const given = info.options ?? [];
  const args = given.findIndex((line) => line.startsWith('-- '));
  const options = args < 0 ? [...given, ...outside] : [...given.slice(0, args), ...outside, ...given.slice(args)];
  const block = (title: string, lines: string[]) =>
    lines.length ? `\n\n${bold(title)}\n${lines.map((d) => `  ${d}`).join('\n')}` : '';
  return `${bold('Usage:')} amlenv ${info.usage}\n\n${info.summary}${block('Options:', options)}${block('Notes:', info.details ?? [])}${info.planned ? `\n\n${info.planned} is not built in amlenv ${pkg.version} yet.` : ''}`;
}

/** A bad flag, in one line: what is wrong, the likely flag meant, and where the options are listed. */
function flagError(message: string, info: CommandInfo, options: Record<string, unknown>): UsageError {
  const unknown = /^Unknown option '(-{1,2})([^']*)'/.exec(message);
  if (unknown) {
    const [, dashes, name] = unknown;
    const longs = Object.keys(options);
    const guess = dashes === '--' ? suggest(name, longs) : undefined;
    return new UsageError(
      `unknown option "${dashes}${name}"${guess ? `; did you mean --${guess}?` : ''} (amlenv ${info.name} --help lists its options)`,
    );
  }
  const noValue = /^Option '(?:-\w, )?(--[^ ']+) <value>' argument missing/.exec(message);
  if (noValue) return new UsageError(`${noValue[1]} needs a value (amlenv ${info.name} --help says which)`);
  const takesNone = /^Option '(?:-\w, )?(--[^ ']+)' does not take an argument/.exec(message);
  if (takesNone)
    return new UsageError(
      `${takesNone[1]} takes no value; write it alone (amlenv ${info.name} --help lists its options)`,
    );
  return new UsageError(`${message.replace(/\. To specify a positional.*$/s, '')}; see amlenv ${info.name} --help`);
}

function unknownCommand(name: string): UsageError {
  const near =
    suggest(
      name,
      COMMANDS.map((c) => c.name),
    ) ?? COMMANDS.find((c) => c.name.startsWith(name.slice(0, 3)))?.name;
  return new UsageError(
    `unknown command "${name}"${near ? `; did you mean "${near}"?` : ''} (amlenv --help lists the commands)`,
  );
}

/** The name of the first positional not given, read from the usage line (`validate PATH...` → PATH). */
export function missingArgument(usage: string, given: number): string {
  const names = usage
    .split(' ')
    .slice(1)
    .filter((w) => /^\[?[A-Z][A-Z-]*(\.\.\.)?\]?$/.test(w) && !w.startsWith('['));
  return names[given]?.replace(/\.\.\.$/, '') ?? 'an argument';
}

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--no-color') || ('NO_COLOR' in process.env && process.env.NO_COLOR !== '')) {
    setColor(false);
    process.env.FORCE_COLOR = '0';
  }
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  if (first === undefined || first === '--no-color') {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UsageError(
        'the home screen needs a terminal; for files use amlenv init or amlenv validate (amlenv ' +
          '--help lists every command)',
      );
    }
    const { runApp } = await import('./ui/run-app.js');
    return runApp({ initial: { id: 'home' } });
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const info = topic ? findCommand(topic) : undefined;
    if (topic && !info) throw unknownCommand(topic);
    process.stdout.write(`${info ? commandHelp(info) : helpText()}\n`);
    return EXIT.ok;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option "${first}" before the command; see amlenv --help`);
  const info = findCommand(first);
  if (!info) {
    throw unknownCommand(first);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${commandHelp(info)}\n`);
    return EXIT.ok;
  }
  if (info.interactive && !info.interactive.afterFlags && (!process.stdin.isTTY || !process.stdout.isTTY)) {
    throw new UsageError(
      `amlenv ${info.name} is interactive and needs a terminal; without one use ${info.interactive.instead}`,
    );
  }
  if (!info.load)
    throw new UsageError(
      `amlenv ${info.name}: ${info.planned ?? 'this command'} is not built in amlenv ${pkg.version} yet`,
    );
  const command = (await info.load()).default;
  const dashDash = rest.indexOf('--');
  const args = dashDash >= 0 ? rest.slice(0, dashDash) : rest;
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const parse = () => {
    try {
      return parseArgs({ args, options, allowPositionals: true, strict: true });
    } catch (err) {
      throw flagError(err instanceof Error ? err.message : String(err), info, options);
    }
  };
  const { positionals, values } = parse();
  if (values['allow-outside']) setAllowOutside(true);
  guardOutput(info);
  if (positionals.length < command.minPositionals)
    throw new UsageError(
      `${info.name} needs ${missingArgument(info.usage, positionals.length)} (usage: amlenv ${info.usage})`,
    );
  if (positionals.length > command.maxPositionals)
    throw new UsageError(`unexpected argument "${positionals[command.maxPositionals]}": amlenv ${info.usage}`);
  return command.run({
    positionals,
    values,
    rest: dashDash >= 0 ? rest.slice(dashDash + 1) : [],
  });
}

/**
 * Plain output passes one choke point that escapes control characters from input. Screens drawn by Ink (the
 * interactive commands, the live progress of build and run, the REPL prompt) own their terminal and escape
 * what they show. The script's own output in `run` arrives as bytes (Buffers) and passes untouched.
 */
function guardOutput(info: CommandInfo): void {
  const drawsScreens =
    Boolean(info.interactive) || info.name === 'build' || info.name === 'run' || info.name === 'repl';
  for (const stream of [process.stdout, process.stderr])
    if (!(drawsScreens && stream.isTTY)) guardStream(stream, () => colorOn());
}

export async function runCli(argv: string[]): Promise<void> {
  let code: number;
  try {
    code = await main(argv);
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    if (err instanceof UsageError) code = EXIT.usage;
    else if (err instanceof EnvironmentProblem) code = EXIT.environment;
    else if (err instanceof InvalidInput) code = EXIT.invalid;
    else {
      code = EXIT.invalid;
      if (process.env.AMLENV_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.stderr.write(
        `amlenv: unexpected error: ${safeLine(message)} (run again with AMLENV_DEBUG=1 for details, and please report it)\n`,
      );
      process.exitCode = code;
      return;
    }
    process.stderr.write(`amlenv: ${safeLine(message)}\n`);
  }
  process.exitCode = code;
}
