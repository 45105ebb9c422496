// Runs in every test file: the folders tempDir() made are removed when the file ends, so a run leaves
// nothing behind in the temp folder.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs.js';

afterAll(() => removeTempDirs());
