// Python-shaped errors. Every failure of a statement becomes one PyError: its Python exception name, the
// message Python (or the SDK) would print, and the source span the caret goes under.

export interface Span {
  /** Offsets into the statement source, end exclusive. */
  start: number;
  end: number;
}

export class PyError extends Error {
  constructor(
    /** The Python exception name: SyntaxError, NameError, AttributeError, TypeError, UserErrorException... */
    readonly type: string,
    message: string,
    public span?: Span,
  ) {
    super(message);
  }

  /** Sets the span when the error does not have one yet (the innermost node that knows it wins). */
  at(span: Span | undefined): this {
    if (!this.span && span) this.span = span;
    return this;
  }
}

export const syntaxError = (message: string, span?: Span) => new PyError('SyntaxError', message, span);
export const typeError = (message: string, span?: Span) => new PyError('TypeError', message, span);
export const userError = (message: string, span?: Span) => new PyError('UserErrorException', message, span);

/** Where an error points: 1-based line and column inside the statement, and the text of that line. */
export interface ErrorPosition {
  line: number;
  column: number;
  /** How many columns the caret marks (at least 1). */
  width: number;
  sourceLine: string;
}

export function errorPosition(source: string, span: Span | undefined): ErrorPosition | undefined {
  if (!span) return undefined;
  const start = Math.min(Math.max(0, span.start), source.length);
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = source.indexOf('\n', start);
  const lineEnd = nextBreak < 0 ? source.length : nextBreak;
  const line = source.slice(0, start).split('\n').length;
  const end = Math.min(Math.max(span.end, start + 1), lineEnd === start ? start + 1 : lineEnd);
  return {
    line,
    column: start - lineStart + 1,
    width: Math.max(1, end - start),
    sourceLine: source.slice(lineStart, lineEnd),
  };
}

/** The caret line under `sourceLine`, indented by `indent` columns (a prompt width). */
export function caretLine(pos: ErrorPosition, indent = 0): string {
  return ' '.repeat(indent + pos.column - 1) + '^'.repeat(pos.width);
}
