// Docker image references, read with the grammar of distribution/reference (the one docker itself uses):
//   reference := name [ ":" tag ] [ "@" digest ];  name := [domain "/"] path-component ["/" path-component]*
import { hasPlaceholder } from '../util/placeholder.js';

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[_.]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(
  `^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`,
);

export interface ImageRef {
  /** Registry host, when the reference names one (`mcr.microsoft.com`). */
  registry?: string;
  /** Repository path without the registry (`azureml/openmpi4.1.0-ubuntu22.04`). */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImageRef(text: string): ImageRef | { error: string } {
  if (text.length === 0) return { error: 'the image reference is empty' };
  if (hasPlaceholder(text)) return { error: 'it holds a template placeholder ({{...}})' };
  if (/\s/.test(text)) return { error: 'it contains white space' };
  const m = REFERENCE.exec(text);
  if (!m) {
    if (/[A-Z]/.test(text.split('/').slice(1).join('/').split(/[:@]/)[0] ?? ''))
      return { error: 'repository names must be lowercase' };
    return { error: 'it does not follow the form [registry/]path[:tag][@digest]' };
  }
  let domain: string | undefined = m[1];
  let path = m[2];
  const [, , , tag, digest] = m;
  // "a/b" has no registry; "a.b/c", "a:5000/c" and "localhost/c" do (the rule docker applies).
  if (domain && !/[.:]/.test(domain) && domain !== 'localhost' && !/[A-Z]/.test(domain)) {
    path = `${domain}/${path}`;
    domain = undefined;
  }
  if ((domain ? domain.length + 1 : 0) + path.length > 255)
    return { error: 'the repository name is longer than 255 characters' };
  return { registry: domain, repository: path, tag, digest };
}

export function isImageError(ref: ImageRef | { error: string }): ref is { error: string } {
  return 'error' in ref;
}
