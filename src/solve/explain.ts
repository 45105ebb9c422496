// Turns rattler's explanation of an unsolvable request into amlenv diagnostics, each on the conda line
// it is about. rattler (resolvo) writes a tree:
//   Cannot solve the request because of: scikit-learn 1.5.* cannot be installed because there are no viable options:
//   └─ scikit-learn 1.5.1 | 1.5.1 would require
//      └─ python >=3.9,<3.10.0a0, for which no candidates were found.
// or "No candidates were found for tensorflw *." for a package no channel has.
import type { CondaDep } from '../env/deps.js';
import type { Diagnostic, Position } from '../env/types.js';
import { solveDiagnostic } from './findings.js';

const PREFIX = /^Cannot solve the request because of:\s*/;
const TREE = /^[\s│├└─|]*/;

export interface ExplainContext {
  conda: CondaDep[];
  positions: Map<string, Position>;
  /** The channel names, for the "not found" fix. */
  channels: string[];
  platform: string;
}

/** The tree with glyphs removed, repeated versions collapsed ("1.5.1 | 1.5.1" → "1.5.1"), one clause a line. */
export function cleanExplanation(text: string): string[] {
  return text
    .replace(PREFIX, '')
    .split('\n')
    .map((line) =>
      line
        .replace(TREE, '')
        .replace(/(?<!\S)(\S+)(?: \| \1\b)+/g, '$1')
        .trim(),
    )
    .filter(Boolean);
}

/** One sentence: "scikit-learn 1.5.* cannot be installed: scikit-learn 1.5.1 would require python >=3.9,<3.10.0a0, for which no candidates were found". */
export function condense(lines: string[]): string {
  return lines
    .map((l) => l.replace(/ because there are no viable options:$/, '').replace(/[.:]$/, ''))
    .join(': ')
    .replace(/would require: /g, 'would require ');
}

function where(dep: CondaDep, ctx: ExplainContext): Pick<Diagnostic, 'file' | 'line' | 'column'> {
  const pos = ctx.positions.get(dep.path);
  return pos ? { file: pos.file, line: pos.line, column: pos.column } : {};
}

function lineOf(dep: CondaDep, ctx: ExplainContext): string {
  const pos = ctx.positions.get(dep.path);
  return pos ? ` (line ${pos.line})` : '';
}

/** The requested package a top-level clause is about: "numpy 1.26.* cannot be installed", "No candidates were found for x *". */
function subjectOf(line: string): { name: string; missing: boolean } | undefined {
  const missing = /^No candidates were found for ([A-Za-z0-9_.-]+)/.exec(line);
  if (missing) return { name: missing[1].toLowerCase(), missing: true };
  const blocked = /^(?=([A-Za-z0-9_.-]*[A-Za-z0-9_]))\1\b.* cannot be installed\b/.exec(line);
  if (blocked) return { name: blocked[1].toLowerCase(), missing: false };
  return undefined;
}

/** Diagnostics for an explanation; a text that is not an unsatisfiable report becomes one solver error. */
export function explainConflict(explanation: string, ctx: ExplainContext): Diagnostic[] {
  if (!PREFIX.test(explanation)) {
    return [
      solveDiagnostic('solve/solver-error', { path: '', message: `the solver stopped: ${explanation.split('\n')[0]}` }),
    ];
  }
  const rawLines = explanation
    .replace(PREFIX, '')
    .split('\n')
    .filter((l) => l.trim());
  // clauses that start a branch at depth 0 or 1 name the requested packages in conflict
  const topLevel = rawLines.filter((l) => (TREE.exec(l)?.[0].length ?? 0) <= 3).map((l) => l.replace(TREE, '').trim());
  const all = cleanExplanation(explanation);
  const text = condense(all);
  const python = ctx.conda.find((d) => d.name === 'python');
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const line of topLevel) {
    const subject = subjectOf(line);
    if (!subject || seen.has(subject.name)) continue;
    seen.add(subject.name);
    const dep = ctx.conda.find((d) => d.name === subject.name);
    if (subject.missing) {
      diagnostics.push(
        solveDiagnostic('solve/package-not-found', {
          path: dep?.path ?? '',
          ...(dep ? where(dep, ctx) : {}),
          message: `no channel has a package "${subject.name}" for ${ctx.platform} or noarch (searched ${ctx.channels.join(', ')})`,
        }),
      );
      continue;
    }
    // the rest of this branch: what the requested package would need
    const branch = all.slice(all.indexOf(line.replace(/(?<!\S)(\S+)(?: \| \1\b)+/g, '$1')));
    const needsPython = branch.find((l) => /^python [^_]/.test(l) && !l.startsWith(`${subject.name} `));
    const range = needsPython ? /^python (\S+?),? (?:for which|which)/.exec(needsPython)?.[1] : undefined;
    let hint = `loosen the pin on ${subject.name}${dep?.version ? ` (${dep.version})` : ''}, or on the packages it conflicts with, until they agree`;
    if (needsPython && python && python.name !== subject.name) {
      hint = `${subject.name}${dep?.version ? ` ${dep.version}` : ''} needs a different Python${range ? ` (one build asks for python ${range})` : ''} than "${python.raw}"${lineOf(python, ctx)} allows: raise the python pin, or pin an older ${subject.name}`;
    } else if (subject.name === 'python' && python) {
      hint = `the python pin "${python.raw}" rules out every build the other packages need: change it, or loosen the packages named`;
    }
    diagnostics.push(
      solveDiagnostic('solve/unsatisfiable', {
        path: dep?.path ?? '',
        ...(dep ? where(dep, ctx) : {}),
        message: text.startsWith(subject.name) ? text : `${subject.name}: ${text}`,
        hint,
      }),
    );
  }
  if (!diagnostics.length) {
    diagnostics.push(solveDiagnostic('solve/unsatisfiable', { path: '', message: text }));
  }
  return diagnostics;
}
