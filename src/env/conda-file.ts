// Reading a conda file named by a definition (v1 condaDependenciesFile, v2 conda_file) into the model. Shared
// by the v1 loader (load.ts) and the v2 mapping (v2-model.ts), so neither imports the other.
import { dirname, isAbsolute, resolve } from 'node:path';
import { looksLikeCondaDocument, notCondaProblem } from './conda-shape.js';
import type { FileReader } from './files.js';
import { ensureRecord } from './json.js';
import { parseYamlWithPositions } from './parse-yaml.js';
import { limitHint, readReferenced } from './read-input.js';
import { readStyle } from './text.js';
import type { LoadedDefinition, Position } from './types.js';

export const CONDA_PATH = 'python.condaDependencies';

/**
 * Reads a conda YAML file into python.condaDependencies. Returns false when the file is not there; a file that
 * may not be read (a device, too large, permission denied) is reported on `fieldPath` and counts as handled.
 */
export function attachCondaFile(
  def: LoadedDefinition,
  condaFile: string,
  reader: FileReader,
  fieldPath = CONDA_PATH,
): boolean {
  const { text: raw, refused } = readReferenced(def, reader, condaFile, 'conda', fieldPath);
  if (refused) return true;
  if (raw === undefined) return false;
  const { text, style } = readStyle(raw);
  def.sources.push({ file: condaFile, text, style });
  def.conda = { file: condaFile, modelPath: CONDA_PATH, text: raw };
  const parsed = parseYamlWithPositions(text, condaFile, CONDA_PATH);
  if (parsed.error) {
    def.problems.push({
      rule: parsed.error.rule ?? 'syntax/yaml',
      severity: 'error',
      path: CONDA_PATH,
      file: condaFile,
      line: parsed.error.line,
      column: parsed.error.column,
      message: parsed.error.rule
        ? `the conda file is ${parsed.error.message}`
        : `invalid YAML in the conda file: ${parsed.error.message}`,
      hint: parsed.error.rule
        ? limitHint(parsed.error.rule)
        : 'fix the YAML at this position (check indentation and the ":" after each key)',
    });
    return true;
  }
  if (!looksLikeCondaDocument(parsed.value)) {
    def.problems.push(notCondaProblem(text, condaFile, CONDA_PATH));
    return true;
  }
  ensureRecord(def.env, 'python').condaDependencies = parsed.value ?? null;
  def.conda.value = JSON.stringify(parsed.value ?? null);
  mergePositions(def.positions, parsed.positions);
  return true;
}

export function mergePositions(into: Map<string, Position>, from: Map<string, Position>): void {
  for (const [k, v] of from) into.set(k, v);
}

export function resolveBeside(file: string, relative: string): string {
  return isAbsolute(relative) ? relative : resolve(dirname(file), relative);
}
