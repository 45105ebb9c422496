import { readFileSync, statSync } from 'node:fs';

/** How loaders reach the disk; tests and the corpus runner substitute their own. */
export interface FileReader {
  /** The file's text, or undefined when it does not exist or is not a file. */
  read(path: string): string | undefined;
  isDirectory(path: string): boolean;
  /** Size in bytes, or undefined. */
  size(path: string): number | undefined;
}

export const diskReader: FileReader = {
  read(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  isDirectory(path) {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  size(path) {
    try {
      return statSync(path).size;
    } catch {
      return undefined;
    }
  },
};
