import type { Json } from '../env/fields.js';
import { dockerView } from '../env/sections.js';

const ARCH: Record<string, string> = {
  amd64: '64',
  x86_64: '64',
  x64: '64',
  arm64: 'aarch64',
  aarch64: 'aarch64',
  ppc64le: 'ppc64le',
  s390x: 's390x',
};

/** The conda platform a definition builds for: from v1 docker.platform, else linux-64 as Azure ML builds. */
export function definitionPlatform(env: { [key: string]: Json }): string {
  const platform = dockerView(env.docker)?.platform;
  const os = platform?.os?.toLowerCase() ?? 'linux';
  const arch = platform?.architecture !== undefined ? (ARCH[platform.architecture.toLowerCase()] ?? '64') : '64';
  return `${os === 'windows' ? 'win' : os === 'darwin' ? 'osx' : 'linux'}-${arch}`;
}
