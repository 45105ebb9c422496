// Wires the REPL to the parts it borrows: the v2 file builder (:show v2, :save of a v2 environment), the Dockerfile renderer
// (:show dockerfile) and the local Docker build (:build). Each is loaded only when its meta command runs.
import type { ReplTools } from './meta.js';

export async function replTools(): Promise<ReplTools> {
  return {
    v2Files: async (env, dir, options) => {
      const { v2Files } = await import('../env/v2-files.js');
      const { files, result } = v2Files(env, dir, options);
      return { files, notes: result.notes.map((n) => `${n.path}: ${n.message}`) };
    },
    dockerfile: async (def) => {
      const { planDefinition } = await import('../job/ensure-image.js');
      return planDefinition(def).plan.dockerfile;
    },
    build: async (def, out) => {
      const [{ buildAndRun }, { jobLines }] = await Promise.all([
        import('../job/build-and-run.js'),
        import('./job-lines.js'),
      ]);
      const outcome = await buildAndRun(
        { definition: def },
        jobLines((line) => out('note', line)),
      );
      if (outcome.kind !== 'built') {
        if (outcome.kind === 'invalid')
          for (const d of outcome.diagnostics.filter((x) => x.severity === 'error'))
            out('note', `error ${d.path ? `${d.path}: ` : ''}${d.message} [${d.rule}]`);
        return false;
      }
      out('data', outcome.image.tag);
      return true;
    },
  };
}
