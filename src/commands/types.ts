import type { ParseArgsConfig } from 'node:util';

export interface CommandArgs {
  positionals: string[];
  /** The flags as parseArgs gives them; read them with options.ts (stringOption, stringListOption, flagOption). */
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  /** Everything after a bare "--". */
  rest: string[];
}

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether positionals are accepted at all (and how many at least). */
  minPositionals: number;
  maxPositionals: number;
  run(args: CommandArgs): Promise<number>;
}
