import type { Json } from './fields.js';

export type Format = 'v1-json' | 'v1-dir' | 'v2-yaml' | 'conda-yaml' | 'v2-job';
export const FORMATS: readonly Format[] = ['v1-json', 'v1-dir', 'v2-yaml', 'conda-yaml', 'v2-job'];

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  /** The file the position is in (absolute or as given). */
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  /** Field path in the definition (`docker.baseImage`, `python.condaDependencies.dependencies[2]`). */
  path: string;
  line?: number;
  column?: number;
  /** Set when the position is in another file than the one validated (a conda file, a BaseDockerfile). */
  file?: string;
  message: string;
  hint: string;
}

/** The SDK v1 environment shape. Loaded files are kept as they were, so every field may be missing or of a wrong type. */
export type EnvObject = { [key: string]: Json };

export interface SourceText {
  file: string;
  text: string;
  /** How the text was written, so a save can write it the same way. */
  style: TextStyle;
}

export interface TextStyle {
  eol: '\n' | '\r\n';
  finalNewline: boolean;
  bom: boolean;
  /** JSON indentation unit; YAML leaves it unset. */
  indent?: string;
  /** JSON written with \u escapes for non-ASCII text (Python's json.dump default). */
  asciiOnly?: boolean;
}

/** Where the conda specification of a definition came from. */
export interface CondaOrigin {
  /** The file holding it, when it is not inline in the main file. */
  file?: string;
  /** Path prefix of the conda spec inside the model (`python.condaDependencies`). */
  modelPath: string;
  /** The text it was read from and the value it held, so an unchanged spec is saved byte for byte. */
  text?: string;
  value?: string;
}

export interface LoadedDefinition {
  /** The path as the user gave it. */
  path: string;
  format: Format;
  /** The definition in the SDK v1 shape (v2 and conda inputs are mapped onto it). */
  env: EnvObject;
  /** Positions of field paths (`docker.baseImage` → file:line:column of its key). */
  positions: Map<string, Position>;
  /** Problems found while reading (syntax errors, missing referenced files). */
  problems: Diagnostic[];
  sources: SourceText[];
  conda?: CondaOrigin;
  /** The raw v2 document, for v2-only keys and rules. */
  v2?: { [key: string]: Json };
  /** The Dockerfile of a v2 build context, when it was read. */
  buildDockerfile?: SourceText;
  /** A v2 command job (format v2-job): the raw job document. */
  job?: { [key: string]: Json };
  /** The job's inline environment, loaded as a v2 environment with positions in the job file. */
  jobEnvironment?: LoadedDefinition;
  /** An inline environment of a job: anonymous, so its name and version are not used. */
  anonymous?: boolean;
  /** False when the main file could not be parsed at all: rules about content are skipped. */
  parsed: boolean;
}
