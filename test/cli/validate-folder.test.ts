// validate on a v1 folder names the file inside it in every position, in the plain output and in --json.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempDir } from '../helpers.js';

function brokenFolder(): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'valid', 'v1-dir'), join(dir, 'folder'), { recursive: true });
  const json = join(dir, 'folder', 'azureml_environment.json');
  writeFileSync(json, readFileSync(json, 'utf8').replace('"MODEL_DIR"', '"1BAD"'));
  const conda = join(dir, 'folder', 'conda_dependencies.yml');
  writeFileSync(conda, readFileSync(conda, 'utf8').replace('- scikit-learn=1.5.2', '- scikit-learn=>>1.5'));
  return dir;
}

describe('validate on a v1 folder', () => {
  it('names azureml_environment.json and conda_dependencies.yml in the positions', () => {
    const cwd = brokenFolder();
    const r = cli(['validate', 'folder'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ folder\/azureml_environment\.json:5:9 environmentVariables\["1BAD"\]/);
    expect(r.stdout).toMatch(/ folder\/conda_dependencies\.yml:\d+:\d+ .*\[conda\/invalid-spec\]/);
    expect(r.stdout).not.toMatch(/ folder:\d+:\d+/);
  });

  it('--json gives the file of each position', () => {
    const cwd = brokenFolder();
    const r = cli(['validate', 'folder', '--json'], { cwd });
    const [result] = JSON.parse(r.stdout).results;
    expect(result.path).toBe('folder');
    const byRule = (rule: string) => result.diagnostics.find((d: { rule: string }) => d.rule === rule);
    expect(byRule('env/invalid-name')).toMatchObject({ file: 'folder/azureml_environment.json', line: 5, column: 9 });
    expect(byRule('conda/invalid-spec')).toMatchObject({ file: 'folder/conda_dependencies.yml' });
    for (const d of result.diagnostics) if (d.line !== undefined) expect(d.file).toMatch(/^folder\/\w+\.(json|yml)$/);
  });

  it('a single file keeps its own path (no file field needed)', () => {
    const r = cli(['validate', join(FIXTURES, 'invalid', 'env-invalid-name.json'), '--json']);
    const [result] = JSON.parse(r.stdout).results;
    expect(result.diagnostics[0].file).toBeUndefined();
  });
});
