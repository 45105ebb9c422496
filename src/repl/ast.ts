// The statement tree of the REPL language: a Python subset without operators or control flow.
import type { Span } from './errors.js';

export type Expr =
  | ({ kind: 'name'; id: string } & Span)
  | ({ kind: 'str'; value: string } & Span)
  | ({ kind: 'int'; value: number } & Span)
  | ({ kind: 'float'; value: number } & Span)
  | ({ kind: 'bool'; value: boolean } & Span)
  | ({ kind: 'none' } & Span)
  | ({ kind: 'list'; items: Expr[] } & Span)
  | ({ kind: 'tuple'; items: Expr[] } & Span)
  | ({ kind: 'dict'; entries: Array<[Expr, Expr]> } & Span)
  | ({ kind: 'attr'; object: Expr; name: string; nameSpan: Span } & Span)
  | ({ kind: 'subscript'; object: Expr; index: Expr } & Span)
  | ({ kind: 'call'; func: Expr; args: Expr[]; kwargs: Keyword[] } & Span)
  | ({ kind: 'neg'; operand: Expr } & Span);

export interface Keyword extends Span {
  name: string;
  value: Expr;
}

/** What an assignment may write to. */
export type Target = Extract<Expr, { kind: 'name' | 'attr' | 'subscript' }>;

export interface ImportName extends Span {
  name: string;
  alias?: string;
}

export type Stmt =
  | ({ kind: 'expr'; expr: Expr } & Span)
  | ({ kind: 'assign'; targets: Target[]; value: Expr } & Span)
  | ({ kind: 'del'; targets: Target[] } & Span)
  | ({ kind: 'import'; modules: ImportName[] } & Span)
  | ({ kind: 'from'; module: string; moduleSpan: Span; names: ImportName[] } & Span)
  | ({ kind: 'pass' } & Span);
