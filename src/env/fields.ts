// The SDK v1 environment model as data: one entry per field, in the SDK's serialization order.
// Types, defaults for a new environment, unknown-key detection, the JSON Schema and the content
// checks all read this table, so they cannot drift apart. Any field may be null: the SDK writes nulls freely.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type FieldKind = 'string' | 'boolean' | 'number' | 'object' | 'array' | 'map';

export interface FieldSpec {
  kind: FieldKind;
  /** What `Environment(name)` sets; absent when the SDK leaves the key out. */
  default?: Json;
  doc: string;
  /** The SDK's snake_case attribute name, when it differs from the camelCase key. */
  sdk?: string;
  deprecated?: string;
  /** For objects: the known keys. */
  fields?: Record<string, FieldSpec>;
  /** For arrays: the shape of each item; for maps: the shape of each value. */
  items?: FieldSpec;
  /** Keys inside are checked by other rules (conda spec), not by schema/unknown-key. */
  open?: boolean;
  /** Allowed string values (compared case-insensitively by the platform rule). */
  values?: string[];
}

const str = (doc: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ kind: 'string', doc, ...extra });
const bool = (doc: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ kind: 'boolean', doc, ...extra });
const list = (items: FieldSpec, doc: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  kind: 'array',
  items,
  doc,
  ...extra,
});
const obj = (fields: Record<string, FieldSpec>, doc: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  kind: 'object',
  fields,
  doc,
  ...extra,
});

// The SDK's DEFAULT_CPU_IMAGE. AzureML-Containers marks this image deprecated (its last tag is 20250217.v1),
// so a new SDK environment starts with a docker/deprecated-image warning: true to the SDK, and worth learning.
export const DEFAULT_CPU_IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:20250217.v1';
/** What CondaDependencies() holds: the SDK's project template (python pinned, azureml-defaults unpinned). */
export const DEFAULT_CONDA: Json = {
  name: 'project_environment',
  dependencies: ['python=3.8.13', { pip: ['azureml-defaults'] }],
  channels: ['anaconda', 'conda-forge'],
};

const condaSpec = obj(
  {
    name: str('Name of the conda environment; Azure ML replaces it with azureml_<hash> when it builds.'),
    channels: list(str('A conda channel.'), 'Conda channels to search, in order.'),
    dependencies: {
      kind: 'array',
      doc: 'Conda packages (match specs) and a {pip: [...]} sub-list; checked by the conda rules.',
    },
    prefix: str('Install prefix of the conda environment.'),
    variables: { kind: 'map', items: str('Value.'), doc: 'Variables conda sets when the environment is activated.' },
  },
  'The conda specification inline (what conda_dependencies.yml holds).',
  { open: true, sdk: 'conda_dependencies', default: DEFAULT_CONDA },
);

export const V1_FIELDS: Record<string, FieldSpec> = {
  name: str('Name of the environment. Must not start with "AzureML" or "Microsoft"; at most 255 characters.', {
    default: '',
  }),
  version: str('Version; the workspace assigns one when the environment is registered.', { default: null }),
  environmentVariables: {
    kind: 'map',
    items: str('Value of the variable.'),

    default: { EXAMPLE_ENV_VAR: 'EXAMPLE_VALUE' },
    doc: 'Variables set when a run starts (not baked into the image).',
    sdk: 'environment_variables',
    deprecated: 'Set run-time variables on the run configuration or job instead.',
  },
  python: obj(
    {
      userManagedDependencies: bool('true: you provide every package in the image and Azure ML skips conda.', {
        default: false,
        sdk: 'user_managed_dependencies',
      }),
      interpreterPath: str('Python interpreter used when userManagedDependencies is true.', {
        default: 'python',
        sdk: 'interpreter_path',
      }),
      condaDependenciesFile: str('Path of a conda file in the source directory (deprecated).', {
        default: null,
        sdk: 'conda_dependencies_file',
        deprecated: 'Use Environment.from_conda_specification instead.',
      }),
      baseCondaEnvironment: str('An existing conda environment in the image to build on.', {
        default: null,
        sdk: 'base_conda_environment',
      }),
      condaDependencies: condaSpec,
    },
    'Python dependencies: conda-managed (default) or user-managed.',
  ),
  docker: obj(
    {
      enabled: bool('Run in a Docker container (deprecated: use DockerConfiguration(use_docker=True)).', {
        default: false,
        deprecated: 'Use DockerConfiguration(use_docker=True) on the run configuration.',
      }),
      baseImage: str('Base image the environment is built on, with a tag or digest.', {
        default: DEFAULT_CPU_IMAGE,
        sdk: 'base_image',
      }),
      baseDockerfile: str('Dockerfile text to build instead of a base image (at most 100 KB).', {
        default: null,
        sdk: 'base_dockerfile',
      }),
      buildContext: obj(
        {
          locationType: str('Where the context lives: git or storageAccount.', {
            values: ['git', 'storageAccount'],
            sdk: 'location_type',
          }),
          location: str('URL of the build context.'),
          dockerfilePath: str('Path of the Dockerfile inside the context.', {
            default: 'Dockerfile',
            sdk: 'dockerfile_path',
          }),
        },
        'A Docker build context to build instead of a base image.',
        { sdk: 'build_context', default: null },
      ),
      sharedVolumes: bool('Share volumes with the host (deprecated run setting).', {
        default: true,
        sdk: 'shared_volumes',
        deprecated: 'A run setting; Azure ML ignores it in environments today.',
      }),
      shmSize: str('Shared memory size of the container, e.g. "2g" (deprecated run setting).', {
        default: '2g',
        sdk: 'shm_size',
        deprecated: 'Set shared memory on the job or deployment resources.',
      }),
      arguments: list(str('A docker run argument.'), 'Extra docker run arguments (deprecated run setting).', {
        default: [],
        deprecated: 'A run setting; not part of the environment any more.',
      }),
      baseImageRegistry: obj(
        {
          address: str('Registry host, e.g. myregistry.azurecr.io.', { default: null }),
          username: str('User name for basic authentication.', { default: null }),
          password: str('Password for basic authentication; prefer a workspace connection or identity.', {
            default: null,
          }),
          registryIdentity: obj(
            {
              resourceId: str('Resource id of the managed identity.', { sdk: 'resource_id' }),
              clientId: str('Client id of the managed identity.', { sdk: 'client_id' }),
            },
            'A managed identity that can pull from the registry (instead of a password).',
            { default: null, sdk: 'registry_identity' },
          ),
        },
        'A private registry that holds the base image.',
        { sdk: 'base_image_registry' },
      ),
      platform: obj(
        {
          os: str('Operating system of the image: Linux, Windows or OSX.', {
            default: 'Linux',
            values: ['Linux', 'Windows', 'OSX'],
          }),
          architecture: str('CPU architecture of the image, e.g. amd64.', {
            default: 'amd64',
            values: ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x'],
          }),
        },
        'Platform of the image.',
      ),
      gpuSupport: bool('Older SDKs wrote this; Azure ML now detects GPUs itself.', {
        deprecated: 'No longer needed: GPU support is detected.',
        sdk: 'gpu_support',
      }),
    },
    'How the image is made: a base image, a Dockerfile or a build context.',
  ),
  spark: obj(
    {
      repositories: list(str('A Maven repository URL.'), 'Maven repositories to search for packages.', { default: [] }),
      packages: list(
        obj(
          {
            group: str('Maven group id, e.g. com.microsoft.ml.spark.'),
            artifact: str('Maven artifact id.'),
            version: str('Version of the artifact.'),
          },
          'A Maven package in three parts.',
        ),
        'Spark packages (Maven coordinates).',
        { default: [] },
      ),
      precachePackages: bool('Download the Spark packages into the image when it is built.', {
        default: true,
        sdk: 'precache_packages',
      }),
    },
    'Spark packages for runs on Spark.',
  ),
  databricks: obj(
    {
      mavenLibraries: list(
        obj(
          {
            coordinates: str('group:artifact:version'),
            repo: str('Repository URL.'),
            exclusions: list(str('A coordinate to exclude.'), 'Exclusions.'),
          },
          'A Maven library.',
        ),
        'Maven libraries for Databricks.',
        { default: [], sdk: 'maven_libraries' },
      ),
      pypiLibraries: list(
        obj({ package: str('A pip requirement.'), repo: str('Index URL.') }, 'A PyPI library.'),
        'PyPI libraries for Databricks.',
        { default: [], sdk: 'pypi_libraries' },
      ),
      rcranLibraries: list(
        obj({ package: str('An R package.'), repo: str('CRAN mirror.') }, 'A CRAN library.'),
        'CRAN libraries for Databricks.',
        { default: [], sdk: 'rcran_libraries' },
      ),
      jarLibraries: list(
        obj({ library: str('A DBFS or S3 URI.') }, 'A jar library.'),
        'Jar libraries (DBFS/S3 URIs).',
        { default: [], sdk: 'jar_libraries' },
      ),
      eggLibraries: list(
        obj({ library: str('A DBFS or S3 URI.') }, 'An egg library.'),
        'Egg libraries (DBFS/S3 URIs).',
        { default: [], sdk: 'egg_libraries' },
      ),
      cluster: { kind: 'object', open: true, doc: 'Databricks cluster settings.' },
    },
    'Libraries to install on a Databricks cluster.',
  ),
  r: obj(
    {
      rVersion: str('R version.', { sdk: 'r_version' }),
      userManaged: bool('You provide R and its packages.', { sdk: 'user_managed' }),
      rscriptPath: str('Path of Rscript when user-managed.', { sdk: 'rscript_path' }),
      snapshotDate: str('MRAN snapshot date, YYYY-MM-DD.', { sdk: 'snapshot_date' }),
      cranPackages: list(
        obj({ name: str('Package.'), version: str('Version.'), repository: str('Repository.') }, 'A CRAN package.'),
        'CRAN packages.',
        { sdk: 'cran_packages' },
      ),
      gitHubPackages: list(
        obj({ repository: str('owner/repo.'), authToken: str('Token.', { sdk: 'auth_token' }) }, 'A GitHub package.'),
        'GitHub packages.',
        { sdk: 'github_packages' },
      ),
      customUrlPackages: list(str('A URL.'), 'Packages from URLs.', { sdk: 'custom_url_packages' }),
      bioConductorPackages: list(str('A package.'), 'Bioconductor packages.', { sdk: 'bio_conductor_packages' }),
    },
    'The R section (legacy; no v2 equivalent).',
    { default: null },
  ),
  inferencingStackVersion: str('Set to "latest" to add the inferencing stack; otherwise leave null.', {
    default: null,
    sdk: 'inferencing_stack_version',
  }),
  assetId: str('Filled in by the workspace when the environment is registered.', { default: null, sdk: 'asset_id' }),
};

/** The root of the table as one object spec. */
export const V1_ROOT: FieldSpec = { kind: 'object', fields: V1_FIELDS, doc: 'An Azure ML environment (SDK v1 form).' };

/** Finds the spec for a dotted field path (`docker.baseImage`, snake_case accepted); array indices and map keys are skipped. */
export function fieldAt(path: string): FieldSpec | undefined {
  let spec: FieldSpec | undefined = V1_ROOT;
  for (const part of path.split('.')) {
    if (!spec) return undefined;
    if (spec.kind === 'map' || (spec.kind === 'object' && spec.open && !spec.fields?.[part])) {
      spec = spec.kind === 'map' ? spec.items : undefined;
      if (spec === undefined) return { kind: 'object', doc: '' };
      continue;
    }
    if (spec.kind === 'array') spec = spec.items;
    const fields: Record<string, FieldSpec> = spec?.fields ?? {};
    spec = fields[part] ?? Object.entries(fields).find(([key, f]) => f.sdk === part || snake(key) === part)?.[1];
  }
  return spec;
}

export function snake(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
