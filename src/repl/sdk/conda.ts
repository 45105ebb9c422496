// azureml.core.conda_dependencies.CondaDependencies, method by method as the SDK implements it: the object
// edits a conda spec (the JSON the environment holds under python.condaDependencies) in place, so an object
// attached to an environment and changed afterwards changes the environment too, as in Python.
import { DEFAULT_CONDA, type Json } from '../../env/fields.js';
import { serializeConda } from '../../env/save.js';
import { isRecord } from '../../env/path.js';
import { jsonRecord } from '../../env/json.js';
import { method, staticFunction, type PyFunction } from '../callable.js';
import { typeError, userError } from '../errors.js';
import { PyObject, PyFloat, repr, sequence, strings, typeName, type Ctx, type Value } from '../values.js';
import { readYaml } from './files.js';

/** The azureml-core version whose behaviour the REPL follows; create() pins SDK packages to it. */
export const SDK_VERSION = '1.60.0';
export const PYTHON_DEFAULT_VERSION = '3.8.13';
const DEFAULT_SDK_ORIGIN = 'https://pypi.python.org/simple';
const VALID_KEYS = ['name', 'channels', 'dependencies', 'prefix', 'variables'];
const VERSION_REGEX = /(?<!\d)(\d+)\.(\d+)(\.(\d+))?([ab](\d+))?$/;
/** Packages released with azureml-core and versioned with it (the SDK reads them from azureml_sdk_scope.txt). */
const SEPARATELY_VERSIONED = new Set([
  'azureml-dataprep',
  'azureml-dataprep-native',
  'azureml-dataprep-rslex',
  'azureml-inference-server-http',
  'azureml-fsspec',
]);

export type CondaSpec = Record<string, Json>;

/** The SDK's _get_package_name: the text before the first of [ = | < > ~ ! (or the wheel name). */
export function packageName(value: string): string {
  if (value.endsWith('.whl')) return value.split('/').pop()!.split('-')[0];
  return value.split(/[[=|<>~!]/)[0];
}

const packageNameWithExtras = (value: string) => value.split(/[=|<>~!]/)[0];
const isOption = (item: string) => item.startsWith('-');
const inSdkScope = (name: string) => name.startsWith('azureml-') && !SEPARATELY_VERSIONED.has(name);
const isPython = (item: Json): item is string =>
  typeof item === 'string' && item.startsWith('python') && packageName(item) === 'python';
const versionOf = (item: string) => VERSION_REGEX.exec(item)?.[0] ?? null;
const isPipDict = (item: Json): item is { pip: Json[] } & Record<string, Json> => isRecord(item) && 'pip' in item;

function validateSpec(value: unknown): asserts value is CondaSpec {
  if (!isRecord(value)) throw userError('Environment error: not a valid YAML structure');
  for (const key of Object.keys(value)) {
    if (!VALID_KEYS.includes(key))
      throw userError(`Environment error: unknown ${key} key in environment specification`);
  }
}

const wrappers = new WeakMap<object, CondaDependencies>();

export class CondaDependencies extends PyObject {
  readonly typeName = 'CondaDependencies';
  /** The SDK caches the python version at construction and updates it in set_python_version. */
  private pythonVersion: string | null;

  private constructor(readonly spec: CondaSpec) {
    super();
    this.pythonVersion = this.getPythonVersion();
  }

  /** The object for a spec: the same object each time, so `a.python.conda_dependencies is a.python.conda_dependencies`. */
  static of(spec: CondaSpec): CondaDependencies {
    let w = wrappers.get(spec);
    if (!w) {
      w = new CondaDependencies(spec);
      wrappers.set(spec, w);
    }
    return w;
  }

  /** CondaDependencies(): the SDK's project template. */
  static fresh(): CondaDependencies {
    return CondaDependencies.of(jsonRecord(structuredClone(DEFAULT_CONDA)) ?? {});
  }

  static fromFile(cwd: string, path: string): CondaDependencies {
    const value = readYaml(cwd, path);
    validateSpec(value);
    return CondaDependencies.of(value);
  }

  json(): Json {
    return this.spec;
  }

  repr(): string {
    return `<azureml.core.conda_dependencies.CondaDependencies object: ${this.serialize().trim().replace(/\n/g, ' | ')}>`;
  }

  serialize(): string {
    return serializeConda(this.spec);
  }

  private get deps(): Json[] | undefined {
    return Array.isArray(this.spec.dependencies) ? this.spec.dependencies : undefined;
  }

  private pipLists(): Json[][] {
    return (this.deps ?? []).filter(isPipDict).flatMap((d) => (Array.isArray(d.pip) ? [d.pip] : []));
  }

  /** Non-option entries of the last pip list (the SDK's pip_packages property keeps the last one). */
  pipPackages(): string[] {
    const lists = this.pipLists();
    const last = lists[lists.length - 1] ?? [];
    return last.filter((x): x is string => typeof x === 'string' && !isOption(x));
  }

  pipOptions(): string[] {
    const lists = this.pipLists();
    const last = lists[lists.length - 1] ?? [];
    return last.filter((x): x is string => typeof x === 'string' && isOption(x));
  }

  condaPackages(): Json[] {
    return (this.deps ?? []).filter((d) => !isRecord(d));
  }

  condaChannels(): Json[] {
    return Array.isArray(this.spec.channels) ? [...this.spec.channels] : [];
  }

  getPythonVersion(): string | null {
    const python = (this.deps ?? []).find(isPython);
    return python === undefined ? null : versionOf(python);
  }

  setPythonVersion(version: Value): void {
    if (typeof version !== 'string') {
      const hint =
        version instanceof PyFloat
          ? ` (the version ${repr(version)} is a float; put it in quotes: unquoted, 3.10 is the float 3.1)`
          : '';
      throw typeError(`can only concatenate str (not "${typeName(version)}") to str${hint}`);
    }
    const deps = this.deps;
    if (!deps) this.spec.dependencies = [`python=${version}`];
    else {
      const index = deps.findIndex(isPython);
      if (index < 0) deps.push(`python=${version}`);
      else if (this.pythonVersion !== version) deps[index] = `python=${version}`;
    }
    this.pythonVersion = version;
  }

  addChannel(channel: string): void {
    if (Array.isArray(this.spec.channels)) {
      if (!this.spec.channels.includes(channel)) this.spec.channels.push(channel);
    } else this.spec.channels = [channel];
  }

  removeChannel(channel: string): boolean {
    if (!Array.isArray(this.spec.channels)) return false;
    const i = this.spec.channels.indexOf(channel);
    if (i < 0) return false;
    this.spec.channels.splice(i, 1);
    return true;
  }

  addCondaPackage(pkg: string): void {
    const deps = this.deps;
    if (!deps) {
      this.spec.dependencies = [pkg];
      return;
    }
    if (deps.includes(pkg)) return;
    if (isPython(pkg)) {
      const version = versionOf(pkg);
      if (version === null) {
        if (deps.some(isPython) && this.pythonVersion === null) return;
        throw typeError(
          'can only concatenate str (not "NoneType") to str (add_conda_package("python") needs a ' +
            'version, e.g. "python=3.10")',
        );
      }
      this.setPythonVersion(version);
    } else deps.push(pkg);
  }

  removeCondaPackage(pkg: string): boolean {
    const deps = this.deps;
    if (!deps?.includes(pkg)) return false;
    if (isPython(pkg)) throw userError('python must not be removed from conda dependencies');
    deps.splice(deps.indexOf(pkg), 1);
    return true;
  }

  addPipPackage(pkg: string): void {
    if (isOption(pkg))
      throw userError(`Invalid package name ${pkg} (pip options such as --index-url go through set_pip_option)`);
    this.removePipPackage(pkg);
    const lists = this.pipLists();
    if (lists.length === 0) {
      if (this.deps) this.deps.push({ pip: [pkg] });
      else this.spec.dependencies = [{ pip: [pkg] }];
    } else if (!this.pipPackages().includes(pkg)) {
      for (const list of lists) list.push(pkg);
    }
  }

  removePipPackage(pkg: string): boolean {
    if (isOption(pkg)) throw userError(`Invalid package name ${pkg}`);
    const name = packageName(pkg);
    if (!this.pipPackages().includes(pkg) && !this.pipPackages().map(packageName).includes(name)) return false;
    for (const list of this.pipLists()) {
      let last = -1;
      list.forEach((item, i) => {
        if (typeof item === 'string' && packageName(item) === name) last = i;
      });
      if (last >= 0) list.splice(list.indexOf(list[last]), 1);
    }
    return true;
  }

  setPipOption(option: string): void {
    if (!isOption(option)) throw userError(`Invalid pip option ${option}`);
    const lists = this.pipLists();
    if (lists.length === 0) {
      if (this.deps) this.deps.push({ pip: [option] });
      else this.spec.dependencies = [{ pip: [option] }];
      return;
    }
    const key = option.split(/\s+/)[0];
    const present = this.pipOptions()
      .map((o) => o.split(/\s+/)[0])
      .includes(key);
    for (const list of lists) {
      if (!present) list.push(option);
      else
        list.forEach((item, i) => {
          if (typeof item === 'string' && item.split(/\s+/)[0] === key) list[i] = option;
        });
    }
  }

  removePipOption(option: string): boolean {
    if (!isOption(option)) throw userError(`Invalid pip option ${option}`);
    const key = option.split(/\s+/)[0];
    let removed = false;
    for (const list of this.pipLists()) {
      const i = list.findIndex((item) => typeof item === 'string' && item.split(/\s+/)[0] === key);
      if (i >= 0) {
        list.splice(i, 1);
        removed = true;
      }
    }
    return removed;
  }

  setPipRequirements(requirements: Json[]): void {
    const deps = this.deps;
    const dicts = (deps ?? []).filter(isPipDict);
    if (dicts.length === 0) {
      if (deps) deps.push({ pip: requirements });
      else this.spec.dependencies = [{ pip: requirements }];
    } else for (const d of dicts) d.pip = requirements;
  }

  /** Python-level validation that save and save_to_directory run. */
  validate(): void {
    if (!(this.deps ?? []).some(isPython)) throw userError('Python package is missing.');
  }

  getAttr(name: string, ctx: Ctx): Value | undefined {
    const str = (v: Value, what: string) => {
      if (typeof v !== 'string') throw typeError(`CondaDependencies.${what}() expects a str, not ${typeName(v)}`);
      return v;
    };
    const removedNothing = (what: string, item: string, list: Json[]) =>
      ctx.note(
        `${what} ${repr(item)} is not in the list, so nothing was removed (entries must match exactly; the list holds ${list.length ? list.map((x) => repr(x)).join(', ') : 'nothing'})`,
      );
    const m = (
      n: string,
      params: Array<{ name: string; default?: Value }>,
      impl: (a: Record<string, Value>) => Value,
    ): PyFunction => method('CondaDependencies', n, { params }, (args) => impl(args));
    /** Runs a method for its effect: Python's None. */
    const none = (_effect: unknown): null => null;
    switch (name) {
      case 'add_conda_package':
        return m(name, [{ name: 'conda_package' }], (a) => none(this.addCondaPackage(str(a.conda_package, name))));
      case 'remove_conda_package':
        return m(name, [{ name: 'conda_package' }], (a) => {
          const pkg = str(a.conda_package, name);
          if (!this.removeCondaPackage(pkg)) removedNothing('conda package', pkg, this.condaPackages());
          return null;
        });
      case 'add_pip_package':
        return m(name, [{ name: 'pip_package' }], (a) => none(this.addPipPackage(str(a.pip_package, name))));
      case 'remove_pip_package':
        return m(name, [{ name: 'pip_package' }], (a) => {
          const pkg = str(a.pip_package, name);
          if (!this.removePipPackage(pkg)) removedNothing('pip package', pkg, this.pipPackages());
          return null;
        });
      case 'add_channel':
        return m(name, [{ name: 'channel' }], (a) => none(this.addChannel(str(a.channel, name))));
      case 'remove_channel':
        return m(name, [{ name: 'channel' }], (a) => {
          const channel = str(a.channel, name);
          if (!this.removeChannel(channel)) removedNothing('channel', channel, this.condaChannels());
          return null;
        });
      case 'set_pip_option':
        return m(name, [{ name: 'pip_option' }], (a) => none(this.setPipOption(str(a.pip_option, name))));
      case 'remove_pip_option':
        return m(name, [{ name: 'pip_option' }], (a) => none(this.removePipOption(str(a.pip_option, name))));
      case 'set_pip_index_url':
        return m(name, [{ name: 'index_url' }], (a) => none(this.setPipOption(str(a.index_url, name))));
      case 'set_pip_requirements':
        return m(name, [{ name: 'pip_requirements' }], (a) => {
          const items = sequence(a.pip_requirements);
          if (!items)
            throw typeError(
              `CondaDependencies.set_pip_requirements() expects a list of str, not ${typeName(a.pip_requirements)}`,
            );
          this.setPipRequirements(items.map((x) => str(x, name)));
          return null;
        });
      case 'get_python_version':
        return m(name, [], () => this.getPythonVersion());
      case 'set_python_version':
        return m(name, [{ name: 'version' }], (a) => none(this.setPythonVersion(a.version)));
      case 'serialize_to_string':
        return m(name, [], () => this.serialize());
      case 'as_dict':
        return m(name, [], () => structuredClone(this.spec));
      case 'conda_packages':
        return this.condaPackages();
      case 'pip_packages':
        return this.pipPackages();
      case 'pip_options':
        return this.pipOptions();
      case 'conda_channels':
        return this.condaChannels();
      case 'create':
        return createFunction();
      default:
        return undefined;
    }
  }

  attrNames(): string[] {
    return [
      'add_channel',
      'add_conda_package',
      'add_pip_package',
      'as_dict',
      'conda_channels',
      'conda_packages',
      'create',
      'get_python_version',
      'pip_options',
      'pip_packages',
      'remove_channel',
      'remove_conda_package',
      'remove_pip_option',
      'remove_pip_package',
      'serialize_to_string',
      'set_pip_index_url',
      'set_pip_option',
      'set_pip_requirements',
      'set_python_version',
    ];
  }
}

/** CondaDependencies.create(pip_indexurl=None, pip_packages=None, conda_packages=None, python_version=PYTHON_DEFAULT_VERSION, pin_sdk_version=True) */
export function createFunction(): PyFunction {
  return staticFunction(
    'CondaDependencies',
    'create',
    {
      params: [
        { name: 'pip_indexurl', default: null, type: 'str?' },
        { name: 'pip_packages', default: null, type: 'str-list?' },
        { name: 'conda_packages', default: null, type: 'str-list?' },
        { name: 'python_version', default: PYTHON_DEFAULT_VERSION, type: 'str' },
        { name: 'pin_sdk_version', default: true, type: 'bool' },
      ],
      hints: {
        channels: 'create() has no channels parameter: add channels afterwards with cd.add_channel("conda-forge")',
      },
    },
    (a, site) => {
      const cd = CondaDependencies.fresh();
      if (typeof a.pip_indexurl === 'string' && a.pip_indexurl) {
        cd.setPipOption(`--index-url ${a.pip_indexurl}`);
        cd.setPipOption(`--extra-index-url ${DEFAULT_SDK_ORIGIN}`);
      }
      cd.setPythonVersion(a.python_version);
      let pip = strings(a.pip_packages);
      if (!pip) pip = ['azureml-defaults'];
      else for (const p of cd.pipPackages()) cd.removePipPackage(p);
      const pinned: string[] = [];
      for (const p of pip) {
        if (a.pin_sdk_version === true && inSdkScope(packageName(p))) {
          const spec = `${packageNameWithExtras(p)}~=${SDK_VERSION}`;
          if (spec !== p) pinned.push(`${p} → ${spec}`);
          cd.addPipPackage(spec);
        } else cd.addPipPackage(p);
      }
      const conda = strings(a.conda_packages);
      if (conda && conda.length > 0) {
        for (const p of conda) cd.removeCondaPackage(p);
        for (const p of conda) cd.addCondaPackage(p);
      }
      if (pinned.length > 0) {
        site.ctx.note(
          `pin_sdk_version=True pinned SDK packages to the installed SDK version (this REPL follows azureml-core ${SDK_VERSION}): ${pinned.join(', ')}`,
        );
      }
      return cd;
    },
  );
}

/** CondaDependencies(conda_dependencies_file_path=None) */
export function condaConstructor(): PyFunction {
  return staticFunction(
    'CondaDependencies',
    '__init__',
    { params: [{ name: 'conda_dependencies_file_path', default: null, type: 'str?' }] },
    (a, site) =>
      typeof a.conda_dependencies_file_path === 'string' && a.conda_dependencies_file_path
        ? CondaDependencies.fromFile(site.ctx.cwd, a.conda_dependencies_file_path)
        : CondaDependencies.fresh(),
  );
}

/** A conda spec read from a file the way from_conda_specification reads it: a python entry is added when missing. */
export function condaFromSpecification(ctx: Ctx, path: string): CondaDependencies {
  const cd = CondaDependencies.fromFile(ctx.cwd, path);
  if (!cd.getPythonVersion()) {
    ctx.warn(`No Python version provided, defaulting to "${PYTHON_DEFAULT_VERSION}"`);
    cd.setPythonVersion(PYTHON_DEFAULT_VERSION);
  }
  return cd;
}
