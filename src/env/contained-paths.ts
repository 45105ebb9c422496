// After a definition is loaded: the paths it names that amlenv would read later (local wheels in the pip list,
// a v1 build context) are checked against the containment root now, so validate reports them and build, run
// and dockerfile (which refuse a definition with errors) never read them.
import { hasPlaceholder } from '../util/placeholder.js';
import { homedir } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { refuseOutside, type PathGuard } from './containment.js';
import type { LoadedDefinition } from './types.js';
import { v1View } from './sections.js';
import { isJsonRecord, jsonList } from './json.js';

const CONDA_PATH = 'python.condaDependencies';
const isRemote = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git+') || s.startsWith('azureml:');

/** A pip entry that names a local file (the same test as the pip parser's `path` kind). */
export function localPipPath(entry: string): string | undefined {
  const text = entry.trim();
  if (
    !text ||
    text.startsWith('-') ||
    hasPlaceholder(text) ||
    /^(git\+|hg\+|svn\+|bzr\+)?[a-z][a-z0-9+.-]*:\/\//i.test(text)
  )
    return undefined;
  if (/\s@\s/.test(text)) return undefined;
  return /^(\.{1,2}[\\/]|\/|~)/.test(text) || /\.(whl|tar\.gz|zip)$/i.test(text) ? text : undefined;
}

/** Where a build would look for a local pip path (as src/job/inputs.ts resolves it). */
export function resolvePipPath(text: string, baseDir: string): string {
  const expanded = text.startsWith('~') ? homedir() + text.slice(1) : text;
  return isAbsolute(expanded) ? expanded : resolve(baseDir, expanded);
}

export function checkNamedPaths(def: LoadedDefinition, guard: PathGuard): void {
  if (!def.parsed) return;
  const view = v1View(def.env);
  const deps = view.python?.condaDependencies?.dependencies ?? [];
  const baseDir = dirname(def.conda?.file ?? def.path);
  deps.forEach((item, i) => {
    const pip = isJsonRecord(item) ? jsonList(item.pip) : undefined;
    pip?.forEach((entry, j) => {
      const text = typeof entry === 'string' ? localPipPath(entry) : undefined;
      if (text)
        refuseOutside(
          def,
          guard,
          resolvePipPath(text, baseDir),
          `${CONDA_PATH}.dependencies[${i}].pip[${j}]`,
          'the local package',
          text,
        );
    });
  });
  if (def.format === 'v2-yaml') return; // the v2 loader checks build.path and dockerfile_path itself
  const context = view.docker?.buildContext;
  const location = context?.location?.trim() ?? '';
  if (location && !isRemote(location)) {
    const dir = resolve(dirname(def.path), location);
    if (
      !refuseOutside(def, guard, dir, 'docker.buildContext.location', 'the build context', location) &&
      context?.dockerfilePath !== undefined
    ) {
      refuseOutside(
        def,
        guard,
        resolve(dir, context.dockerfilePath),
        'docker.buildContext.dockerfilePath',
        'the Dockerfile',
        context.dockerfilePath,
      );
    }
  }
}
