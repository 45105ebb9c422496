import type { ImageInspectInfo } from 'dockerode';
import { isNotFound, type Docker } from './client.js';
import { daemonCall } from './deadline.js';

/** The image's details, or undefined when the daemon has no image by that name. */
export async function inspectImage(
  docker: Docker,
  ref: string,
  signal?: AbortSignal,
): Promise<ImageInspectInfo | undefined> {
  try {
    // dockerode's Image.inspect drops the abort signal; the request is made the same way, with the signal kept.
    return await daemonCall(
      `inspect the image ${ref}`,
      (s) =>
        new Promise<ImageInspectInfo>((resolve, reject) => {
          docker.modem.dial(
            {
              path: `/images/${ref}/json`,
              method: 'GET',
              abortSignal: s,
              statusCodes: { 200: true, 404: 'no such image', 500: 'server error' },
            },
            (err, data) =>
              err
                ? reject(err)
                : isImageInfo(data)
                  ? resolve(data)
                  : reject(new Error(`the daemon answered the inspection of ${ref} without an image id`)),
          );
        }),
      signal,
    );
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

const isImageInfo = (data: unknown): data is ImageInspectInfo =>
  typeof data === 'object' && data !== null && 'Id' in data && typeof data.Id === 'string';

/** Adds `tag` (`repo:tag` or `repo`) to an existing image. */
export async function tagImage(docker: Docker, image: string, tag: string, signal?: AbortSignal): Promise<void> {
  const at = tag.lastIndexOf(':');
  const hasTag = at > tag.lastIndexOf('/');
  await daemonCall(
    `tag the image as ${tag}`,
    (s) =>
      docker
        .getImage(image)
        .tag({ repo: hasTag ? tag.slice(0, at) : tag, tag: hasTag ? tag.slice(at + 1) : 'latest', abortSignal: s }),
    signal,
  );
}
