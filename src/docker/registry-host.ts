// Which registry an image reference resolves to, and whether docker.baseImageRegistry may be used for it.
//
// Azure ML does not put the registry address in front of a base image that names no host: the SDK sends
// `baseImage` and the registry (`baseImageRegistryInfo.location` / `BaseImageRegistryAddress`) as separate
// fields (azureml-core azureml/core/image/container.py and the run submission parameters), and every Microsoft
// example writes the host into the image ("myregistry.azurecr.io/mycustomimage:1.0" with address
// "myregistry.azurecr.io"). A reference without a host is resolved the way Docker resolves it: Docker Hub.
// So credentials are handed over only when the host the image resolves to is the registry's address.
import { isImageError, parseImageRef } from '../env/image-ref.js';

export const DOCKER_HUB = 'docker.io';
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** `https://MyRegistry.azurecr.io/` → `myregistry.azurecr.io`; Docker Hub's other names → `docker.io`. */
export function normalizeRegistryHost(address: string): string {
  const host = address
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split('/')[0]
    .toLowerCase();
  return HUB_ALIASES.has(host) ? DOCKER_HUB : host;
}

/** The registry host an image reference pulls from (Docker Hub when it names none); undefined when it does not parse. */
export function imageRegistryHost(image: string): string | undefined {
  const ref = parseImageRef(image.trim());
  if (isImageError(ref)) return undefined;
  return ref.registry ? normalizeRegistryHost(ref.registry) : DOCKER_HUB;
}

export interface HostMismatch {
  /** Where the image is pulled from. */
  imageHost: string;
  /** The registry the credentials are for. */
  address: string;
}

/** Set when credentials for `address` would go to another registry than the one `image` is pulled from. */
export function registryHostMismatch(image: string, address: string): HostMismatch | undefined {
  const imageHost = imageRegistryHost(image);
  if (imageHost === undefined) return undefined;
  const wanted = normalizeRegistryHost(address);
  return imageHost === wanted ? undefined : { imageHost, address: wanted };
}

/** The image written with the registry's host in front: what the user most likely meant. */
export function qualifiedImage(image: string, address: string): string {
  return `${normalizeRegistryHost(address)}/${image.trim()}`;
}
