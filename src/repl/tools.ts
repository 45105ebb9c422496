// Wires the REPL to the parts it borrows: the v1 → v2 converter (:show v2), the Dockerfile renderer
// (:show dockerfile) and the local Docker build (:build). Each is loaded only when its meta command runs.
import type { Json } from '../env/fields.js';
import { serializeConda } from '../env/save.js';
import type { ReplTools } from './meta.js';

export async function replTools(): Promise<ReplTools> {
  return {
    toV2: async (env) => {
      const { CONDA_FILE, v1ToV2, v2Yaml } = await import('../env/convert.js');
      const result = v1ToV2(env);
      const files = [v2Yaml(result.environment).trimEnd()];
      if (result.conda !== undefined)
        files.push(`# ${CONDA_FILE} (conda_file)\n${serializeConda(result.conda as Json).trimEnd()}`);
      for (const [path, text] of Object.entries(result.context ?? {}))
        files.push(`# ${path} (build context)\n${text.trimEnd()}`);
      return { yaml: files.join('\n---\n'), notes: result.notes.map((n) => `${n.path}: ${n.message}`) };
    },
    dockerfile: async (def) => {
      const { planDefinition } = await import('../build/ensure-image.js');
      return planDefinition(def).plan.dockerfile;
    },
    build: async (def, out) => {
      const [{ connectDocker }, { planDefinition, ensureImage }, { plainProgress }] = await Promise.all([
        import('../docker/client.js'),
        import('../build/ensure-image.js'),
        import('../ui/build/plain-progress.js'),
      ]);
      const { inputs, plan } = planDefinition(def);
      const docker = await connectDocker();
      const result = await ensureImage(docker, inputs, plan, { onEvent: plainProgress((line) => out('note', line)) });
      out('data', result.tag);
      return true;
    },
  };
}
