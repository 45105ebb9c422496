import { qualifiedImage, registryHostMismatch } from '../docker/registry-host.js';
import { isRecord } from '../env/path.js';
import { isSet, section } from './helpers.js';
import type { Finding, Rule, RuleContext } from './types.js';
import { V1 } from './types.js';

const REGISTRY = 'docker.baseImageRegistry';

function registry(ctx: RuleContext): Record<string, unknown> | undefined {
  const value = section(ctx.env, 'docker').baseImageRegistry;
  return isRecord(value) ? value : undefined;
}

export const dockerRegistryRules: Rule[] = [
  {
    id: 'docker/registry-credentials',
    severity: 'error',
    title: 'Incomplete or conflicting registry credentials',
    explanation:
      'A private registry is reached either with basic authentication (both username and ' +
      'password) or with a managed identity (registryIdentity), not both. A user name without a ' +
      'password, or the reverse, fails when the build pulls the base image; giving both kinds ' +
      'leaves the service to reject the definition.',
    hint: 'give both username and password, or only registryIdentity',
    lesson: 'dockerfiles-and-registries',
    formats: V1,
    check: (ctx) => {
      const reg = registry(ctx);
      if (!reg) return [];
      const out: Finding[] = [];
      const user = isSet(reg.username);
      const pass = isSet(reg.password);
      if (user !== pass)
        out.push({
          path: `${REGISTRY}.${user ? 'password' : 'username'}`,
          message: user
            ? 'a registry username is set without a password'
            : 'a registry password is set without a username',
        });
      if ((user || pass) && isSet(reg.registryIdentity))
        out.push({
          path: `${REGISTRY}.registryIdentity`,
          message: 'both basic authentication and registryIdentity are set',
          hint: 'keep registryIdentity and remove username and password',
        });
      return out;
    },
  },
  {
    id: 'docker/password-in-file',
    severity: 'warning',
    title: 'A registry password is stored in the file',
    explanation:
      'docker.baseImageRegistry.password holds a literal password. Environment definitions are ' +
      'registered in the workspace, committed to repositories and shared; a password there leaks ' +
      'to everyone who can read them. Use a managed identity (registryIdentity) or a workspace ' +
      'connection instead. amlenv never prints the value.',
    hint: 'remove the password; use registryIdentity or a workspace connection',
    lesson: 'dockerfiles-and-registries',
    formats: V1,
    check: (ctx) => {
      const reg = registry(ctx);
      return reg && typeof reg.password === 'string' && reg.password !== ''
        ? [
            {
              path: `${REGISTRY}.password`,
              message: 'a registry password is written in the definition (value not shown)',
            },
          ]
        : [];
    },
  },
  {
    id: 'docker/registry-host-mismatch',
    severity: 'error',
    title: 'The base image is not in the registry the credentials are for',
    explanation:
      'docker.baseImageRegistry says which registry the credentials belong to, but the image is ' +
      'pulled from the host written in docker.baseImage. Azure ML does not put the address in ' +
      'front of an image that names no host: such an image comes from Docker Hub, so ' +
      '"team/private-base:1.0" with the address "myregistry.azurecr.io" is looked up on Docker ' +
      'Hub, not in your registry. amlenv sends credentials only to the registry they are for, so ' +
      'it refuses the pair rather than send your registry password to another host.',
    hint:
      'write the registry host into docker.baseImage ' +
      '(myregistry.azurecr.io/team/private-base:1.0), or fix the address',
    lesson: 'dockerfiles-and-registries',
    formats: V1,
    check: (ctx) => {
      const reg = registry(ctx);
      const image = section(ctx.env, 'docker').baseImage;
      if (
        !reg ||
        typeof reg.address !== 'string' ||
        reg.address.trim() === '' ||
        typeof image !== 'string' ||
        image.trim() === ''
      )
        return [];
      const mismatch = registryHostMismatch(image, reg.address);
      if (!mismatch) return [];
      const hostless = !/^[^/.:]*[.:][^/]*\//.test(image.trim()) && !image.trim().startsWith('localhost/');
      return [
        {
          path: `${REGISTRY}.address`,
          message: `the credentials are for ${mismatch.address}, but docker.baseImage is pulled from ${mismatch.imageHost}${hostless ? ' (an image that names no registry host comes from Docker Hub)' : ''}; they would not be sent`,
          hint: hostless
            ? `write docker.baseImage as ${qualifiedImage(image, reg.address)}, or fix the address`
            : `set the address to ${mismatch.imageHost}, or use an image from ${mismatch.address}`,
        },
      ];
    },
  },
];
