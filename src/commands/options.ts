// Typed reads of parsed flags. parseArgs types every value as string | boolean | list, whatever the option's
// declared type, so commands read them here instead of asserting a type at each use.
import type { CommandArgs } from './types.js';

type Values = CommandArgs['values'];

/** The value of a string option, or undefined when it was not given. */
export function stringOption(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable string option (`--channel A --channel B`), in order; empty when not given. */
export function stringListOption(values: Values, name: string): string[] {
  const value = values[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Whether a boolean flag was given. */
export function flagOption(values: Values, name: string): boolean {
  return values[name] === true;
}
