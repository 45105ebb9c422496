// Classes and modules as values: calling a class constructs, its attributes are static methods; a module
// holds names and submodules.
import type { PyFunction } from './callable.js';
import { PyObject, type Ctx, type Value } from './values.js';

export class PyClass extends PyObject {
  readonly typeName = 'type';

  constructor(
    readonly name: string,
    readonly module: string,
    readonly init: PyFunction,
    private readonly statics: () => Record<string, Value> = () => ({}),
  ) {
    super();
  }

  getAttr(name: string, _ctx: Ctx): Value | undefined {
    return this.statics()[name];
  }

  attrNames(): string[] {
    return Object.keys(this.statics());
  }

  repr(): string {
    return `<class '${this.module}.${this.name}'>`;
  }
}

export class PyModule extends PyObject {
  readonly typeName = 'module';

  constructor(
    readonly name: string,
    private readonly members: () => Record<string, Value>,
  ) {
    super();
  }

  getAttr(name: string): Value | undefined {
    return this.members()[name];
  }

  attrNames(): string[] {
    return Object.keys(this.members());
  }

  repr(): string {
    return `<module '${this.name}'>`;
  }
}

/**
 * A name the SDK has but the REPL does not model (Experiment, ScriptRunConfig...): importing it works, using
 * it says plainly that it is outside the REPL.
 */
export class OutOfScope extends PyObject {
  readonly typeName: string;

  constructor(
    readonly name: string,
    readonly module: string,
    readonly what: string,
  ) {
    super();
    this.typeName = name;
  }

  repr(): string {
    return `<class '${this.module}.${this.name}'>`;
  }
}
