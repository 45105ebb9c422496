// One REPL session, independent of the terminal: runs a statement or a meta command and reports what it
// printed, the error it raised (with its position), and — when asked — how the definition changed and
// which diagnostics are new. The Ink prompt and the scriptable mode are two frontends of this.
import { loadFieldLibs } from '../env/libs.js';
import type { Diagnostic } from '../env/types.js';
import { validateLoaded } from '../rules/validate.js';
import { QuitRequest } from './builtins.js';
import { diffJson, type Change } from './diff.js';
import { describe, isFocus, loadedDefinition, snapshot, type Focus } from './definition.js';
import { PyError, errorPosition, type ErrorPosition } from './errors.js';
import { Interpreter } from './evaluator.js';
import { runMeta, type ReplTools } from './meta.js';
import { tokenize } from './tokenizer.js';
import { repr, type Ctx } from './values.js';

export type OutKind = 'result' | 'print' | 'data' | 'warning' | 'note' | 'error';

export interface OutLine {
  kind: OutKind;
  text: string;
}

export interface ReplError {
  type: string;
  message: string;
  position?: ErrorPosition;
}

export interface DefinitionChange {
  /** Set when the session now looks at another environment (a new one, or another name). */
  focus?: string;
  changes: Change[];
  newDiagnostics: Diagnostic[];
  /** How many diagnostics the statement fixed. */
  fixed: number;
  errors: number;
  warnings: number;
}

export interface RunResult {
  status: 'ok' | 'error' | 'quit';
  lines: OutLine[];
  error?: ReplError;
  change?: DefinitionChange;
}

export interface SessionOptions {
  cwd: string;
  /** Compute the definition diff and new diagnostics after each statement (the interactive prompt). */
  track?: boolean;
  tools?: ReplTools;
  today?: Date;
}

const diagnosticKey = (d: Diagnostic) => `${d.rule}|${d.path}|${d.message}`;

export class ReplSession {
  interpreter: Interpreter;
  /** The statements run in this session, in order (for :history). */
  readonly history: string[] = [];
  focus: Focus | undefined;
  private lines: OutLine[] = [];
  private diagnostics = new WeakMap<Focus, Diagnostic[]>();
  readonly ctx: Ctx;

  constructor(readonly options: SessionOptions) {
    this.ctx = {
      cwd: options.cwd,
      print: (text) => this.emit('print', text),
      warn: (text) => this.emit('warning', text),
      note: (text) => this.emit('note', text),
      ...(options.today ? { today: options.today } : {}),
    };
    this.interpreter = new Interpreter(this.ctx);
  }

  emit(kind: OutKind, text: string): void {
    for (const line of text.replace(/\n$/, '').split('\n')) this.lines.push({ kind, text: line });
  }

  /** True when the input stops inside brackets, a triple-quoted string or after a backslash. */
  needsMore(source: string): boolean {
    if (source.trim().startsWith(':')) return false;
    try {
      return tokenize(source).incomplete !== undefined;
    } catch {
      return false;
    }
  }

  reset(): void {
    this.interpreter = new Interpreter(this.ctx);
    this.focus = undefined;
  }

  /** Runs one complete input: a meta command (":show json") or Python statements. */
  async run(source: string): Promise<RunResult> {
    try {
      return await this.runOnce(source);
    } catch (err) {
      // Never let a bug end the session: report it as one line and carry on.
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      return {
        status: 'error',
        lines: this.lines,
        error: {
          type: 'InternalError',
          message: `${message} (a bug in amlenv, not in your statement; please report it)`,
        },
      };
    }
  }

  private async runOnce(source: string): Promise<RunResult> {
    this.lines = [];
    const trimmed = source.trim();
    if (!trimmed) return { status: 'ok', lines: [] };
    if (trimmed.startsWith(':')) {
      const outcome = await runMeta(this, trimmed);
      if (trimmed !== ':history') this.history.push(trimmed);
      return {
        status: outcome.quit ? 'quit' : outcome.ok ? 'ok' : 'error',
        lines: this.lines,
        ...(outcome.error ? { error: { type: 'Error', message: outcome.error } } : {}),
      };
    }
    this.history.push(source);
    // create_or_update runs the rules inside a statement, which is synchronous: their libraries load first.
    await loadFieldLibs();
    const before = this.snapshots();
    const previousFocus = this.focus;
    let bound: string[] = [];
    let error: ReplError | undefined;
    try {
      const result = this.interpreter.exec(source);
      if ('incomplete' in result) throw new PyError('SyntaxError', result.incomplete.message, result.incomplete.span);
      for (const value of result.results) this.emit('result', repr(value));
      bound = result.bound;
    } catch (err) {
      if (err instanceof QuitRequest) return { status: 'quit', lines: this.lines };
      if (!(err instanceof PyError)) throw err;
      error = { type: err.type, message: err.message, position: errorPosition(source, err.span) };
    }
    this.updateFocus(before, bound);
    const change = this.options.track && this.focus ? await this.change(before, previousFocus) : undefined;
    return {
      status: error ? 'error' : 'ok',
      lines: this.lines,
      ...(error ? { error } : {}),
      ...(change ? { change } : {}),
    };
  }

  /** The environments the session can see: every name bound to one, and the current one. */
  environments(): Focus[] {
    const out = new Set<Focus>();
    for (const value of this.interpreter.scope.values()) if (isFocus(value)) out.add(value);
    if (this.focus) out.add(this.focus);
    return [...out];
  }

  private snapshots(): Map<Focus, string> {
    return new Map(this.environments().map((e) => [e, JSON.stringify(snapshot(e))]));
  }

  /** The current environment becomes the one the statement bound or changed last. */
  private updateFocus(before: Map<Focus, string>, bound: string[]): void {
    for (const name of [...bound].reverse()) {
      const value = this.interpreter.scope.get(name);
      if (isFocus(value)) {
        this.focus = value;
        return;
      }
    }
    const changed = this.environments().filter((e) => before.get(e) !== JSON.stringify(snapshot(e)));
    if (changed.length > 0 && !(this.focus && changed.includes(this.focus))) this.focus = changed[changed.length - 1];
    if (this.focus && !this.environments().includes(this.focus)) this.focus = undefined;
  }

  /** Validates the current environment. */
  async diagnose(focus: Focus): Promise<Diagnostic[]> {
    await loadFieldLibs();
    return validateLoaded(
      loadedDefinition(focus, this.options.cwd),
      this.options.today ? { today: this.options.today } : {},
    );
  }

  private async change(
    before: Map<Focus, string>,
    previousFocus: Focus | undefined,
  ): Promise<DefinitionChange | undefined> {
    const focus = this.focus!;
    const old = before.get(focus);
    const now = snapshot(focus);
    const switched = focus !== previousFocus;
    const changes = old === undefined ? [] : diffJson(JSON.parse(old), now);
    if (!switched && changes.length === 0) return undefined;
    const previous = this.diagnostics.get(focus) ?? [];
    const current = await this.diagnose(focus);
    this.diagnostics.set(focus, current);
    const oldKeys = new Set(previous.map(diagnosticKey));
    const newKeys = new Set(current.map(diagnosticKey));
    return {
      ...(switched ? { focus: `${old === undefined ? 'new ' : ''}${describe(focus)}` } : {}),
      changes,
      newDiagnostics: current.filter((d) => !oldKeys.has(diagnosticKey(d))),
      fixed: previous.filter((d) => !newKeys.has(diagnosticKey(d))).length,
      errors: current.filter((d) => d.severity === 'error').length,
      warnings: current.filter((d) => d.severity === 'warning').length,
    };
  }
}
