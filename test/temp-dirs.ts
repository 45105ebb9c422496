// The folders tempDir() made in this test file, removed when the file ends (test/setup.ts). Kept apart from
// helpers.ts so the setup file, which runs before every test file, loads nothing of src/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const madeDirs: string[] = [];

/** A new folder under the temp folder; removed when the test file ends (test/setup.ts). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'amlenv-test-'));
  madeDirs.push(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of madeDirs.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A folder a test made unreadable on purpose may resist; the next runs are not affected by it.
    }
  }
}
