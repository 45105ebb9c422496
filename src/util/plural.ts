/** Words whose plural is not the singular plus "s" (and "info", which does not count). */
const IRREGULAR: Record<string, string> = {
  info: 'info',
  entry: 'entries',
  dependency: 'dependencies',
  directory: 'directories',
  match: 'matches',
  process: 'processes',
};

/** The word for n of something: plural(1, 'warning') → "1 warning", plural(2, 'warning') → "2 warnings". */
export function plural(n: number, singular: string, pluralForm?: string): string {
  return `${n} ${pluralWord(n, singular, pluralForm)}`;
}

/** Only the word, for sentences that place the number themselves ("2 of 3 files"). */
export function pluralWord(n: number, singular: string, pluralForm?: string): string {
  if (n === 1) return singular;
  return pluralForm ?? IRREGULAR[singular] ?? `${singular}s`;
}
