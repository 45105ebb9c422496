// A vitest reporter that prints skipNote's one line at the end of the run (see skip-note.ts).
import type { Reporter, TestModule } from 'vitest/node';
import { skipNote, type SkippedFile } from './skip-note.js';

export default class DockerSkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const files: SkippedFile[] = [];
    for (const m of modules) {
      const reason = m.meta().dockerSkip;
      if (reason) files.push({ file: m.relativeModuleId, skipped: [...m.children.allTests('skipped')].length, reason });
    }
    const note = skipNote(files);
    if (note) process.stdout.write(`\n${note}\n`);
  }
}
