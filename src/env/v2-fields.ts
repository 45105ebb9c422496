// The v2 environment YAML (reference-yaml-environment) as data, like fields.ts for v1: the v2 rules and the
// generated JSON Schema read it.
import type { FieldSpec } from './fields.js';

const str = (doc: string): FieldSpec => ({ kind: 'string', doc });
const route = (doc: string): FieldSpec => ({
  kind: 'object',
  doc,
  fields: { path: str('URL path.'), port: { kind: 'number', doc: 'Port.' } },
});

export const V2_FIELDS: Record<string, FieldSpec> = {
  $schema: str('The schema URL: https://azuremlschemas.azureedge.net/latest/environment.schema.json'),
  name: str('Name of the environment (required).'),
  version: str('Version; the workspace assigns one when omitted.'),
  description: str('Description.'),
  tags: { kind: 'map', items: str('Tag value.'), doc: 'Tags: name → value.' },
  properties: { kind: 'map', items: str('Property value.'), doc: 'Properties: name → value.' },
  image: str('Docker image the environment is built on (one of image or build is required).'),
  conda_file: {
    kind: 'string',
    doc: 'Path of a conda YAML relative to this file, or the conda spec inline; needs image.',
  },
  build: {
    kind: 'object',
    doc: 'A Docker build context instead of image.',
    fields: {
      path: str('Local folder or URL of the build context.'),
      dockerfile_path: str('Dockerfile path inside the context (default Dockerfile).'),
    },
  },
  os_type: { kind: 'string', doc: 'linux (default) or windows.', values: ['linux', 'windows'] },
  inference_config: {
    kind: 'object',
    doc: 'Routes of an inference server image.',
    fields: {
      liveness_route: route('Liveness route.'),
      readiness_route: route('Readiness route.'),
      scoring_route: route('Scoring route.'),
    },
  },
  datastore: str('Datastore to upload the build context to.'),
  intellectual_property: { kind: 'object', doc: 'Publisher and protection level (registry assets).', open: true },
  stage: str('Lifecycle stage of the asset.'),
};

/** Keys of the current v2 environment schema. */
export const V2_KEYS = Object.keys(V2_FIELDS);
/** Keys of the early v2 preview (docker: image/build, conda_file: file:..., path). */
export const V2_PREVIEW_KEYS = ['docker', 'path'];
