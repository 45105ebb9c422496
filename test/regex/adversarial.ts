// Adversarial inputs for one regular expression, built from its own characters: long runs of each character
// it names, alternations of neighbours, and prefixes that almost match followed by a run that keeps a
// quantifier busy and a character that makes the match fail at the very end.

/** One representative character per atom of the pattern, in order, and every character the pattern names. */
export function patternAlphabet(source: string): { sequence: string[]; alphabet: string[] } {
  const sequence: string[] = [];
  const alphabet = new Set<string>();
  const add = (chars: string[]) => {
    if (chars.length === 0) return;
    sequence.push(chars[0]);
    for (const c of chars) alphabet.add(c);
  };
  const escaped = (c: string): string[] => {
    switch (c) {
      case 's':
        return [' ', '\n', '\t'];
      case 'S':
      case 'w':
        return ['a', '_', '0'];
      case 'W':
        return [' ', '-'];
      case 'd':
        return ['1'];
      case 'D':
        return ['x'];
      case 'n':
        return ['\n'];
      case 'r':
        return ['\r'];
      case 't':
        return ['\t'];
      case 'b':
      case 'B':
        return [];
      default:
        return [c];
    }
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[++i] ?? '\\';
      if (next === 'u' && source[i + 1] === '{') {
        const end = source.indexOf('}', i);
        add([String.fromCodePoint(parseInt(source.slice(i + 2, end), 16))]);
        i = end;
      } else if (next === 'u' || next === 'x') {
        const len = next === 'u' ? 4 : 2;
        add([String.fromCharCode(parseInt(source.slice(i + 1, i + 1 + len), 16))]);
        i += len;
      } else add(escaped(next));
    } else if (c === '[') {
      const members: string[] = [];
      let j = i + 1;
      const negated = source[j] === '^';
      if (negated) j++;
      for (; j < source.length && source[j] !== ']'; j++) {
        if (source[j] === '\\') members.push(...escaped(source[++j] ?? '\\'));
        else if (source[j + 1] === '-' && source[j + 2] && source[j + 2] !== ']') {
          members.push(source[j], source[j + 2]);
          j += 2;
        } else members.push(source[j]);
      }
      i = j;
      // A negated class matches what it does not name; what it names is what stops it.
      if (negated) {
        for (const m of members) alphabet.add(m);
        add(['x', ...members.filter((m) => m !== 'x').slice(0, 0)]);
        alphabet.add('x');
      } else add(members);
    } else if (c === '.') add(['x']);
    else if (c === '{' && /^\{\d*,?\d*\}/.test(source.slice(i))) i = source.indexOf('}', i);
    else if (c === '(' && source[i + 1] === '?') {
      // (?: (?= (?! (?<= (?<! (?<name>
      i++;
      if (source[i + 1] === '<' && source[i + 2] !== '=' && source[i + 2] !== '!') i = source.indexOf('>', i);
      else i += source[i + 1] === '<' ? 2 : 1;
    } else if (!'()|?*+^$'.includes(c)) add([c]);
  }
  return { sequence, alphabet: [...alphabet] };
}

const FAIL = '\u0001';

/** Inputs of about `size` characters. */
export function adversarialInputs(source: string, size: number): Array<{ label: string; text: string }> {
  const { sequence, alphabet } = patternAlphabet(source);
  const out: Array<{ label: string; text: string }> = [];
  const fill = (unit: string) => (unit ? unit.repeat(Math.max(1, Math.floor(size / unit.length))) : '');
  const letters = alphabet.slice(0, 16);
  for (const c of letters) {
    out.push({ label: `${JSON.stringify(c)} repeated`, text: fill(c) });
    out.push({ label: `${JSON.stringify(c)} repeated, then a failing character`, text: fill(c) + FAIL });
  }
  for (let i = 0; i + 1 < letters.length; i++)
    out.push({
      label: `${JSON.stringify(letters[i] + letters[i + 1])} repeated`,
      text: fill(letters[i] + letters[i + 1]),
    });
  const whole = sequence.join('');
  if (whole) out.push({ label: "the pattern's own characters repeated", text: fill(whole) });
  // Prefixes that almost match: the first k atoms, then atom k pumped, then a failing character.
  const steps = Math.min(sequence.length, 12);
  for (let s = 0; s < steps; s++) {
    const k = Math.floor((s * sequence.length) / steps);
    const prefix = sequence.slice(0, k).join('');
    const pump = sequence[k];
    out.push({
      label: `prefix ${JSON.stringify(prefix.slice(0, 20))} repeated`,
      text: prefix ? fill(prefix + FAIL) : '',
    });
    out.push({
      label: `prefix ${JSON.stringify(prefix.slice(0, 20))} then ${JSON.stringify(pump)} pumped`,
      text: prefix + fill(pump) + FAIL,
    });
    out.push({
      label: `${JSON.stringify(pump)} pumped after each prefix`,
      text: fill(prefix + pump.repeat(64)) + FAIL,
    });
  }
  return out.filter((i) => i.text.length > 0);
}

/** Runs the regex the way src/ uses it: one search, or a replace of every match for a global one. */
export function runRegex(source: string, flags: string, text: string): number {
  const re = new RegExp(source, flags);
  const started = performance.now();
  if (re.global) text.replace(re, '');
  else re.exec(text);
  return performance.now() - started;
}
