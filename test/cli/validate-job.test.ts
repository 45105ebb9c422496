// `amlenv validate job.yml`: a command job's environment part, in the plain output, in --json and in the exit code.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempDir } from '../helpers.js';

function jobFolder(): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'valid', 'job'), dir, { recursive: true });
  return dir;
}

describe('validate on a command job', () => {
  it('a good job is valid (exit 0) and shown as v2-job', () => {
    const r = cli(['validate', 'job.yml'], { cwd: jobFolder() });
    expect(r.stdout).toMatch(/^job\.yml \(v2-job\): valid/);
    expect(r.code).toBe(0);
  });

  it('a broken inline environment and job fields give errors at job-file lines, exit 1', () => {
    const cwd = jobFolder();
    writeFileSync(
      join(cwd, 'broken.yml'),
      'type: command\ncommand: python train.py\ncode: ./src\nenvironment:\n  image: python:3.11-slim\n  os_type: macos\n  environment_variables:\n    A: "1"\nresources:\n  shm_size: 2GB\n',
    );
    const r = cli(['validate', 'broken.yml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.yml:6:3 environment\.os_type: .*\[v2\/os-type\]/);
    expect(r.stdout).toMatch(/broken\.yml:7:3 environment\.environment_variables: .*\[v2\/unknown-key\]/);
    expect(r.stdout).toMatch(/set them on the job \(environment_variables: in job\.yml\)/);
    expect(r.stdout).toMatch(/broken\.yml:10:3 resources\.shm_size: .*\[job\/shm-size\]/);
  });

  it('--json reports the format, validity and each diagnostic; a secret value is never printed', () => {
    const cwd = jobFolder();
    writeFileSync(
      join(cwd, 'secret.yml'),
      'type: command\ncommand: python train.py\ncode: src\nenvironment: azureml:AzureML-Minimal@latest\nenvironment_variables:\n  DB_PASSWORD: s3cr3t-value\n',
    );
    const r = cli(['validate', 'secret.yml', '--json'], { cwd });
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.stdout).results;
    expect(result).toMatchObject({ path: 'secret.yml', format: 'v2-job', valid: true });
    expect(result.diagnostics.map((d: { rule: string }) => d.rule).sort()).toEqual([
      'env/secret-like',
      'job/curated-environment',
    ]);
    expect(r.stdout).not.toContain('s3cr3t-value');
  });

  it('rules lists the new rules with their sources', () => {
    const r = cli(['rules']);
    expect(r.stdout).toMatch(/v2\/os-type\s+error/);
    expect(r.stdout).toMatch(/job\/environment-reference\s+error/);
    expect(r.stdout).toMatch(
      /source: https:\/\/github\.com\/Azure\/azure-sdk-for-python\/blob\/main\/sdk\/ml\/azure-ai-ml\/azure\/ai\/ml\/_schema\/assets\/environment\.py/,
    );
    const json = JSON.parse(cli(['rules', '--json']).stdout).rules;
    expect(json.find((x: { id: string }) => x.id === 'v2/route-port').sources.length).toBeGreaterThan(0);
  });
});
