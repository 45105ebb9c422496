// Curated environments, looked up offline in the catalog by their registry name or workspace (AzureML-) name.
import { loadCatalog, type CuratedEnvironment } from '../../content/catalog.js';
import { didYouMean } from '../../rules/helpers.js';
import { userError } from '../errors.js';

export function findCurated(name: string, call = 'Environment.get'): CuratedEnvironment {
  const curated = loadCatalog().curated;
  const lower = name.toLowerCase();
  const found = curated.find((c) => c.name.toLowerCase() === lower || c.legacy?.toLowerCase() === lower);
  if (found) {
    if (found.status === 'deprecated' || !found.image) {
      throw userError(
        `${name} is a deprecated curated environment: new workspaces no longer have it, and amlenv does not know its definition.${found.replacement ? ` Use "${found.replacement}" instead (${call === 'Environment.get' ? `Environment.get(ws, "${found.replacement}")` : `${call}("${found.replacement}", label="latest")`}).` : ''}`,
      );
    }
    return found;
  }
  const known = curated.flatMap((c) => [c.name, ...(c.legacy ? [c.legacy] : [])]);
  const guess = didYouMean(name, known);
  throw userError(
    `offline, ${call} knows only curated environments (amlenv curated lists them), and "${name}" is not one${guess ? `; did you mean "${guess}"?` : ''}. Environments you registered yourself live in your workspace, which the REPL cannot reach.`,
  );
}
