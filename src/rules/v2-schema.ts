// The v2 environment loader's schema as rules: what `az ml environment create` and azure-ai-ml's
// load_environment refuse before anything reaches the service. Quoted messages are the loader's own
// (marshmallow field errors and the schema's ValidationErrors).
import type { Json } from '../env/fields.js';
import { isJsonRecord, type JsonRecord } from '../env/json.js';
import { childPath } from '../env/path.js';
import { V2_KEYS, V2_PREVIEW_KEYS } from '../env/v2-fields.js';
import { didYouMean } from '../util/suggest.js';
import { describe } from './helpers.js';
import type { Finding, Rule, RuleContext } from './types.js';
import { V2 } from './types.js';

const SDK = 'https://github.com/Azure/azure-sdk-for-python/blob/main/sdk/ml/azure-ai-ml/azure/ai/ml';
export const SOURCES = {
  schema: `${SDK}/_schema/assets/environment.py`,
  unknown: `${SDK}/_schema/core/schema_meta.py`,
  fields: `${SDK}/_schema/core/fields.py`,
  jsonSchema: 'https://azuremlschemas.azureedge.net/latest/environment.schema.json',
  reference: 'https://learn.microsoft.com/azure/machine-learning/reference-yaml-environment',
  entity: `${SDK}/entities/_assets/environment.py`,
} as const;

/** Read-only keys that `az ml environment show` prints; the loader drops them (trim_dump_only) instead of refusing. */
const READ_ONLY = ['id', 'creation_context', 'latest_version', 'auto_delete_setting'];
const TOP_KEYS = [...V2_KEYS, ...READ_ONLY];
const BUILD_KEYS = ['path', 'dockerfile_path'];
export const ROUTES = ['liveness_route', 'readiness_route', 'scoring_route'];
const ROUTE_KEYS = ['port', 'path'];
/** The path each route usually has, for the fix of a missing route. */
const ROUTE_EXAMPLE: Record<string, string> = {
  liveness_route: '/live',
  readiness_route: '/ready',
  scoring_route: '/score',
};

/** The routes of inference_config that are mappings (the other shapes have rules of their own). */
function routeMappings(ctx: RuleContext): Array<[string, JsonRecord]> {
  const inference = doc(ctx).inference_config;
  if (!isJsonRecord(inference)) return [];
  return ROUTES.flatMap((route): Array<[string, JsonRecord]> => {
    const value = inference[route];
    return isJsonRecord(value) ? [[route, value]] : [];
  });
}
const OS_TYPES = ['linux', 'windows'];

const doc = (ctx: RuleContext): JsonRecord => ctx.def.v2 ?? {};

/** The mappings the loader checks field by field: the top level, build, inference_config and each route. */
function sections(d: JsonRecord): Array<{ path: string; value: JsonRecord; known: string[] }> {
  const out = [{ path: '', value: d, known: TOP_KEYS }];
  if (isJsonRecord(d.build)) out.push({ path: 'build', value: d.build, known: BUILD_KEYS });
  const inference = d.inference_config;
  if (isJsonRecord(inference)) {
    out.push({ path: 'inference_config', value: inference, known: ROUTES });
    for (const route of ROUTES) {
      const value = inference[route];
      if (isJsonRecord(value)) out.push({ path: `inference_config.${route}`, value, known: ROUTE_KEYS });
    }
  }
  return out;
}

/** A likely intended key: a near spelling, or a known key this one is the start of (conda → conda_file). */
function suggestKey(key: string, known: string[]): string | undefined {
  const near = didYouMean(key, known);
  if (near || key.length < 4) return near;
  const lower = key.toLowerCase();
  return known.find((k) => k.length >= 4 && (k.startsWith(lower) || lower.startsWith(k)));
}

function unknownKey(path: string, key: string, known: string[]): Finding {
  const where = childPath(path, key);
  const guess = suggestKey(key, known);
  const top = path === '';
  const special =
    top && /^environment_?variables$/i.test(key)
      ? 'v2 environments have no environment variables: set them on the job (environment_variables: in job.yml)'
      : top && ['channels', 'dependencies'].includes(key)
        ? 'this looks like a conda file: put it in its own file and point conda_file at it'
        : undefined;
  return {
    path: where,
    message: `unknown key "${key}"${top ? ' in a v2 environment' : ` in ${path}`} ("Unknown field."${guess ? `); did you mean "${guess}"?` : ')'}`,
    hint: special ?? (guess ? `rename it to "${guess}"` : `remove it; known keys here: ${known.join(', ')}`),
  };
}

type Expect = 'string' | 'mapping' | 'nested' | 'version';
const EXPECT_TEXT: Record<Expect, { text: string; loader: string }> = {
  string: { text: 'a string', loader: 'Not a valid string.' },
  mapping: { text: 'a mapping of key: value lines', loader: 'Not a valid mapping type.' },
  nested: { text: 'a mapping of key: value lines', loader: 'Invalid input type.' },
  version: { text: 'a string or a number', loader: 'Not a valid string.' },
};

function typeOk(value: Json, expect: Expect): boolean {
  if (expect === 'string') return typeof value === 'string';
  if (expect === 'version') return typeof value === 'string' || typeof value === 'number';
  return isJsonRecord(value);
}

function typeFinding(path: string, value: Json | undefined, expect: Expect): Finding[] {
  if (value === undefined || value === null || typeOk(value, expect)) return [];
  const { text, loader } = EXPECT_TEXT[expect];
  return [
    {
      path,
      message: `${path} must be ${text}, not ${describe(value)} ("${loader}")`,
      hint: `write ${text} here`,
    },
  ];
}

const TOP_TYPES: Array<[string, Expect]> = [
  ['name', 'string'],
  ['version', 'version'],
  ['description', 'string'],
  ['tags', 'mapping'],
  ['properties', 'mapping'],
  ['image', 'string'],
  ['build', 'nested'],
  ['inference_config', 'nested'],
  ['os_type', 'string'],
  ['datastore', 'string'],
  ['stage', 'string'],
];

/** A port the loader's fields.Int accepts: a whole number, or text that int() reads (marshmallow is not strict). */
function portOk(value: Json): boolean {
  if (typeof value === 'number') return Number.isInteger(value);
  return typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value);
}

/** Schema URLs Microsoft publishes for the v2 environment YAML (the current CDN and the older blob location). */
const KNOWN_SCHEMA =
  /^https:\/\/(azuremlschemas\.azureedge\.net|azuremlschemasprod\.azureedge\.net|azuremlsdk2\.blob\.core\.windows\.net)\/[A-Za-z0-9._-]+\/environment\.schema\.json$/;

export const v2SchemaRules: Rule[] = [
  {
    id: 'v2/unknown-key',
    severity: 'error',
    title: 'A key the v2 environment schema does not know',
    explanation:
      'The v2 loader refuses any key its schema does not define: every azure-ai-ml schema class ' +
      "is built with PatchedSchemaMeta, which sets marshmallow's unknown = RAISE, so `az ml " +
      'environment create` stops with "Unknown field." for a misspelt or extra key, at the top ' +
      'level and inside build (path, dockerfile_path), inference_config (liveness_route, ' +
      'readiness_route, scoring_route) and each route (port, path). The published JSON schema ' +
      'says the same (additionalProperties: false). A common case is environment_variables, ' +
      'which v2 keeps on the job (environment_variables: in job.yml), not on the environment; ' +
      'another is a conda file passed where an environment file is expected.',
    hint: 'remove the key or correct its spelling',
    lesson: 'v2-environments',
    sources: [SOURCES.unknown, SOURCES.schema, SOURCES.jsonSchema],
    formats: V2,
    check: (ctx) =>
      sections(doc(ctx)).flatMap(({ path, value, known }) =>
        Object.keys(value)
          .filter((k) => !known.includes(k) && !(path === '' && V2_PREVIEW_KEYS.includes(k)))
          .map((k) => unknownKey(path, k, known)),
      ),
  },
  {
    id: 'v2/type',
    severity: 'error',
    title: 'A v2 environment field has the wrong type',
    explanation:
      'Each key of the v2 environment schema has one type: name, description, image, os_type and ' +
      'datastore are strings (fields.Str: "Not a valid string."), tags is a mapping ' +
      '(fields.Dict: "Not a valid mapping type."), build, inference_config and each route are ' +
      'nested mappings (NestedField: "Invalid input type."), build.path, build.dockerfile_path ' +
      "and a route's path are strings. The loader refuses any other type.",
    hint: 'write the value with the expected type',
    lesson: 'v2-environments',
    sources: [SOURCES.schema, SOURCES.jsonSchema],
    formats: V2,
    check: (ctx) => {
      const d = doc(ctx);
      const out = TOP_TYPES.flatMap(([key, expect]) => typeFinding(key, d[key], expect));
      if (isJsonRecord(d.build))
        for (const key of BUILD_KEYS) out.push(...typeFinding(`build.${key}`, d.build[key], 'string'));
      const inference = d.inference_config;
      if (isJsonRecord(inference))
        for (const route of ROUTES) {
          const value = inference[route];
          out.push(...typeFinding(`inference_config.${route}`, value, 'nested'));
          if (isJsonRecord(value)) out.push(...typeFinding(`inference_config.${route}.path`, value.path, 'string'));
        }
      return out;
    },
  },
  {
    id: 'v2/os-type',
    severity: 'error',
    title: 'os_type is neither linux nor windows',
    explanation:
      'os_type is a StringTransformedEnum with the allowed values linux and windows (any letter ' +
      "case; linux when left out). Any other value is refused by the loader with \"Value 'macos' " +
      "passed is not in set ['linux', 'windows']\". Azure ML builds and runs Linux containers, " +
      'and Windows containers for the few Windows images; there is no macOS option.',
    hint: 'set os_type: linux, or remove it (linux is the default)',
    lesson: 'v2-environments',
    sources: [SOURCES.schema, SOURCES.fields, SOURCES.reference],
    formats: V2,
    check: (ctx) => {
      const os = doc(ctx).os_type;
      if (typeof os !== 'string' || OS_TYPES.includes(os.toLowerCase())) return [];
      return [
        {
          path: 'os_type',
          message: `os_type "${os}" is not one of linux, windows ("Value '${os}' passed is not in set ['linux', 'windows']")`,
        },
      ];
    },
  },
  {
    id: 'v2/inference-routes',
    severity: 'error',
    title: 'inference_config lacks one of its three routes',
    explanation:
      'InferenceConfigSchema declares liveness_route, readiness_route and scoring_route, each ' +
      'required=True: an inference_config with one of them missing is refused with "Missing data ' +
      'for required field.". An inference server image needs all three, because the deployment ' +
      'probes liveness and readiness and sends requests to the scoring route.',
    hint: 'give liveness_route, readiness_route and scoring_route, each with port and path',
    lesson: 'v2-environments',
    sources: [SOURCES.schema, SOURCES.reference],
    formats: V2,
    check: (ctx) => {
      const inference = doc(ctx).inference_config;
      if (!isJsonRecord(inference)) return [];
      return ROUTES.filter((r) => inference[r] === undefined || inference[r] === null).map((r) => ({
        path: 'inference_config',
        message: `inference_config has no ${r} ("Missing data for required field.")`,
        hint: `add ${r}: with port: and path:, e.g. port: 5001, path: ${ROUTE_EXAMPLE[r]}`,
      }));
    },
  },
  {
    id: 'v2/route-incomplete',
    severity: 'error',
    title: 'An inference route without port or path',
    explanation:
      'RouteSchema has two required fields, port and path: a route with either missing is ' +
      'refused with "Missing data for required field.".',
    hint: 'give the route both port: (a number) and path: (a URL path such as /score)',
    lesson: 'v2-environments',
    sources: [SOURCES.schema, SOURCES.reference],
    formats: V2,
    check: (ctx) => {
      return routeMappings(ctx).flatMap(([route, value]) =>
        ROUTE_KEYS.filter((key) => value[key] === undefined || value[key] === null).map((key) => ({
          path: `inference_config.${route}`,
          message: `${route} has no ${key} ("Missing data for required field.")`,
          hint: key === 'port' ? `add port: 5001 to ${route}` : `add path: /... to ${route}`,
        })),
      );
    },
  },
  {
    id: 'v2/route-port',
    severity: 'error',
    title: 'A route port that is not an integer',
    explanation:
      "A route's port is a marshmallow fields.Int: a value that is not a whole number (text " +
      'such as "http", a list, true) is refused with "Not a valid integer.".',
    hint: 'write the port as a whole number, e.g. port: 5001',
    lesson: 'v2-environments',
    sources: [SOURCES.schema, SOURCES.jsonSchema],
    formats: V2,
    check: (ctx) => {
      return routeMappings(ctx)
        .filter(([, value]) => value.port !== undefined && value.port !== null && !portOk(value.port))
        .map(([route, value]) => ({
          path: `inference_config.${route}.port`,
          message: `the port of ${route} is ${describe(value.port ?? null)}, not an integer ("Not a valid integer.")`,
        }));
    },
  },
  {
    id: 'v2/conda-file-type',
    severity: 'error',
    title: 'conda_file is neither a path nor a conda mapping',
    explanation:
      'conda_file is either the path of a conda YAML (relative to the environment file) or the ' +
      'conda specification written inline as a mapping (channels:, dependencies:). The published ' +
      'schema allows only these two; a list, a number or true is not a conda file, and the ' +
      'environment cannot be built from it.',
    hint: 'write conda_file: conda.yml, or an inline mapping with channels: and dependencies:',
    lesson: 'v2-environments',
    sources: [SOURCES.jsonSchema, SOURCES.reference, SOURCES.schema],
    formats: V2,
    check: (ctx) => {
      const conda = doc(ctx).conda_file;
      if (conda === undefined || conda === null || typeof conda === 'string' || isJsonRecord(conda)) return [];
      return [{ path: 'conda_file', message: `conda_file is ${describe(conda)}; give a file path or a mapping` }];
    },
  },
  {
    id: 'v2/schema-url',
    severity: 'warning',
    title: '$schema does not point at the published environment schema',
    explanation:
      'The $schema line tells editors (the VS Code Azure ML extension, YAML language servers) ' +
      'which schema to check the file against; the loader ignores it. An unknown URL, a typo or ' +
      "another asset's schema (commandJob, model) means the editor checks the file against the " +
      'wrong rules or none, so mistakes show up only when az ml refuses the file.',
    hint: '$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json',
    lesson: 'v2-environments',
    sources: [SOURCES.jsonSchema, SOURCES.reference],
    formats: V2,
    check: (ctx) => {
      const url = doc(ctx).$schema;
      if (url === undefined || url === null || (typeof url === 'string' && KNOWN_SCHEMA.test(url.trim()))) return [];
      const other = typeof url === 'string' ? /\/([A-Za-z]+)\.schema\.json$/.exec(url)?.[1] : undefined;
      const another = other !== undefined && didYouMean(other, ['environment']) === undefined;
      return [
        {
          path: childPath('', '$schema'),
          message: another
            ? `$schema points at the ${other} schema, not the environment schema`
            : `$schema ${typeof url === 'string' ? `"${url}"` : describe(url)} is not the published environment schema URL`,
        },
      ];
    },
  },
];
