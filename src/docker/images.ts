import type { ImageInspectInfo } from 'dockerode';
import { isNotFound, type Docker } from './client.js';

/** The image's details, or undefined when the daemon has no image by that name. */
export async function inspectImage(docker: Docker, ref: string): Promise<ImageInspectInfo | undefined> {
  try {
    return await docker.getImage(ref).inspect();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Adds `tag` (`repo:tag` or `repo`) to an existing image. */
export async function tagImage(docker: Docker, image: string, tag: string): Promise<void> {
  const at = tag.lastIndexOf(':');
  const hasTag = at > tag.lastIndexOf('/');
  await docker.getImage(image).tag({ repo: hasTag ? tag.slice(0, at) : tag, tag: hasTag ? tag.slice(at + 1) : 'latest' });
}
