// The wizard's steps as data: each step lists its rows for the current draft. A row knows its model path
// (for diagnostics and the lesson panel) and how to apply an edit. The view and the reducer are generic.
import { safeFileName } from '../../util/safe-name.js';
import type { Catalog } from '../../content/catalog.js';
import { ENV_CREATE, JOB_CREATE } from '../../env/v2-files.js';
import { V2_FIELDS } from '../../env/v2-fields.js';
import { fieldAt, type Json } from '../../env/fields.js';
import { looksSecret } from '../../rules/env-vars.js';
import {
  type Draft,
  type DraftMeta,
  getField,
  listItems,
  listPaths,
  type ListKey,
  type OutputForm,
  pythonKind,
  type PythonKind,
  pythonEntryPath,
  pythonVersion,
  ROUTES,
  type Sdk,
  sdkOf,
  section,
  setField,
  setImageSource,
  setPythonKind,
  setPythonVersion,
  type ImageSource,
  v2Of,
  withV2,
} from './draft.js';

export interface Option {
  value: string;
  label: string;
  note?: string;
}

interface RowBase {
  id: string;
  label: string;
  /** Model path: diagnostics under it show on this row, and its lesson fills the side panel. */
  path?: string;
  /** Lesson for the side panel when the path's own lesson is not the best one. */
  lesson?: string;
  /** One line that explains the row. */
  help: string;
  indent?: number;
}

export type Row =
  | (RowBase & {
      kind: 'text';
      value: string;
      mask?: boolean;
      placeholder?: string;
      /** The text is a file path: the view reads the file and passes its text (or the read error) to apply. */
      readsFile?: boolean;
      apply: (d: Draft, text: string, file?: { text?: string; error?: string }) => Draft;
    })
  | (RowBase & { kind: 'choice'; value: string; options: Option[]; apply: (d: Draft, value: string) => Draft })
  | (RowBase & { kind: 'toggle'; value: boolean; apply: (d: Draft, value: boolean) => Draft })
  | (RowBase & { kind: 'item'; list: ListKey; index: number; value: string; secret?: boolean })
  | (RowBase & { kind: 'add'; list: ListKey; placeholder: string })
  | (RowBase & { kind: 'action'; action: 'next' | 'back' | 'write' | 'check' | 'solve' })
  | (RowBase & { kind: 'heading' });

export interface StepContext {
  catalog: Catalog;
  templates: Array<{ name: string; title: string }>;
  /** A Docker daemon answered: the review step offers to build the image and check it. */
  dockerAvailable?: boolean;
  /** The conda channels answered: the review step offers "Solve now". */
  solveAvailable?: boolean;
}

export interface Step {
  id: 'sdk' | 'basics' | 'python' | 'variables' | 'docker' | 'spark' | 'image' | 'serving' | 'job' | 'review';
  title: string;
  /** Model path prefixes whose diagnostics belong to this step. */
  owns: string[];
  intro: string;
  rows: (draft: Draft, ctx: StepContext) => Row[];
}

const str = (v: Json | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
const orNull = (text: string): Json => (text.trim() ? text.trim() : null);

function listRows(
  draft: Draft,
  list: ListKey,
  label: string,
  help: string,
  placeholder: string,
  lesson?: string,
): Row[] {
  const items = listItems(draft.env, list, draft.v2);
  const paths = listPaths(draft.env, list, draft.v2);
  return [
    { kind: 'heading', id: `${list}-heading`, label, help, lesson, path: listPath(draft, list) },
    ...items.map(
      (value, index): Row => ({
        kind: 'item',
        id: `${list}-${index}`,
        list,
        index,
        value,
        label: value,
        path: paths[index],
        help,
        lesson,
        indent: 2,
        secret: list === 'env' && looksSecret(value.split('=')[0] ?? ''),
      }),
    ),
    { kind: 'add', id: `${list}-add`, list, label: `+ add`, placeholder, help, lesson, indent: 2 },
  ];
}

/** The model path of a list itself, where list-level findings (pip without pip, no channels) point. */
function listPath(draft: Draft, list: ListKey): string {
  switch (list) {
    case 'channels':
      return 'python.condaDependencies.channels';
    case 'conda':
      return 'python.condaDependencies.dependencies';
    case 'pip': {
      const first = listPaths(draft.env, 'pip')[0];
      return first ? first.replace(/\[0\]$/, '') : 'python.condaDependencies.dependencies.pip';
    }
    case 'env':
      return 'environmentVariables';
    case 'sparkRepos':
      return 'spark.repositories';
    case 'sparkPackages':
      return 'spark.packages';
    case 'tags':
      return 'tags';
  }
}

const PYTHON_KINDS: Option[] = [
  {
    value: 'conda',
    label: 'Conda-managed',
    note: 'Azure ML builds a conda environment from your packages (the usual choice)',
  },
  {
    value: 'user',
    label: 'User-managed interpreter',
    note: 'the image already has every package; Azure ML runs your interpreter as it is',
  },
  { value: 'base', label: 'Base conda environment', note: 'start from a conda environment that exists in the image' },
];

const OUTPUTS: Option[] = [
  { value: 'v1-file', label: 'SDK v1 file', note: 'one env.json' },
  {
    value: 'v1-dir',
    label: 'SDK v1 folder',
    note: 'azureml_environment.json + conda_dependencies.yml, as save_to_directory writes',
  },
  { value: 'v2', label: 'v2 YAML', note: 'environment.yml + conda.yml (the current form)' },
  { value: 'all', label: 'All of them', note: 'v1 file, v1 folder and v2 YAML side by side' },
];

export function defaultOutPath(output: OutputForm, name: string): string {
  // The name is input: ".." or "a/../../b" must not pick the folder the wizard writes to.
  const base = safeFileName(name);
  return output === 'v1-file'
    ? `${base}.json`
    : output === 'v1-dir'
      ? base
      : output === 'v2'
        ? `${base}-v2`
        : `${base}-env`;
}

/** "Write to" follows a rename while it is still the default for the old name (a path the user typed stays). */
function renamed(before: Draft, after: Draft): Draft {
  const { output, outPath } = before.meta;
  if (outPath !== defaultOutPath(output, String(before.env.name ?? ''))) return after;
  return { ...after, meta: { ...after.meta, outPath: defaultOutPath(output, String(after.env.name ?? '')) } };
}

/** The path for another output form: the default follows; a typed file name loses its extension for a folder form. */
export function outPathFor(meta: Draft['meta'], name: string, output: OutputForm): string {
  if (meta.outPath === defaultOutPath(meta.output, name)) return defaultOutPath(output, name);
  if (output !== 'v1-file' && /\.(json|ya?ml)$/i.test(meta.outPath))
    return meta.outPath.replace(/\.(json|ya?ml)$/i, '') || defaultOutPath(output, name);
  return meta.outPath;
}

export function imageOptions(catalog: Catalog): Option[] {
  const supported = catalog.baseImages.filter((b) => b.status === 'supported' && b.example);
  const deprecated = catalog.baseImages.filter((b) => b.status === 'deprecated' && !b.name.includes('*'));
  return [
    ...supported.map((b) => ({
      value: b.example!,
      label: b.name,
      note: `${b.os}, ${b.gpu ? 'GPU' : 'CPU'}, python ${b.python}`,
    })),
    ...deprecated.map((b) => ({
      value: `mcr.microsoft.com/azureml/${b.name}:latest`,
      label: `${b.name} (deprecated)`,
      note: `use ${b.replacement} instead`,
    })),
  ];
}

function nameRows(d: Draft): Row[] {
  return [
    {
      kind: 'text',
      id: 'name',
      label: 'Name',
      value: str(d.env.name),
      path: 'name',
      help: docOf('name'),
      placeholder: 'my-environment',
      apply: (x, t) => renamed(x, setField(x, 'name', t.trim())),
    },
    {
      kind: 'text',
      id: 'version',
      label: 'Version',
      value: str(d.env.version),
      path: 'version',
      help: 'Leave empty to let the workspace number it when you register.',
      placeholder: '(assigned on register)',
      apply: (x, t) => setField(x, 'version', orNull(t)),
    },
  ];
}

/** The python version and the conda lists (channels, conda packages, pip packages). */
function condaRows(d: Draft): Row[] {
  const rows: Row[] = [];
  rows.push({
    kind: 'text',
    id: 'python-version',
    label: 'Python version',
    value: pythonVersion(d.env),
    path: pythonEntryPath(d.env),
    lesson: 'conda-and-pip',
    help: 'The python conda installs, e.g. 3.11 or 3.12 (3.10 and older are past end of life).',
    placeholder: '3.12',
    apply: (x, t) => setPythonVersion(x, t),
  });
  rows.push(
    ...listRows(
      d,
      'channels',
      'Channels',
      'Conda channels, searched in order. conda-forge is free to use; anaconda/defaults have licence terms.',
      'conda-forge',
      'conda-and-pip',
    ),
  );
  rows.push(
    ...listRows(
      d,
      'conda',
      'Conda packages',
      'Conda match specs: name, name=1.2 or name>=1.2,<2. Include pip when you list pip packages.',
      'numpy=1.26.4',
      'conda-and-pip',
    ),
  );
  rows.push(
    ...listRows(
      d,
      'pip',
      'Pip packages',
      'pip requirements: name==1.2.3 (pip pins with ==), URLs, wheel paths, or options such as --extra-index-url.',
      'pandas==2.2.3',
      'conda-and-pip',
    ),
  );
  return rows;
}

/** The review step's buttons and the draft-secrets switch, the same for both SDKs. */
function writeRows(d: Draft, ctx: StepContext): Row[] {
  const v2 = sdkOf(d) === 'v2';
  const rows: Row[] = [
    {
      kind: 'action',
      id: 'write',
      action: 'write',
      label: 'Write files (Ctrl-S)',
      help: v2
        ? `Writes environment.yml, conda.yml and job.yml atomically; asks before replacing anything. Then: ${ENV_CREATE} and ${JOB_CREATE}.`
        : 'Writes atomically; asks before replacing anything.',
    },
  ];
  if (ctx.dockerAvailable)
    rows.push({
      kind: 'action',
      id: 'check',
      action: 'check',
      label: 'Build and check with Docker',
      help: 'Writes the files, builds the image locally and checks it holds every declared package and variable.',
    });
  rows.push({
    kind: 'toggle',
    id: 'draft-secrets',
    label: 'Secrets in draft',
    value: Boolean(d.meta.draftSecrets),
    help:
      'Off: the registry password and secret-looking variable values are left out of the saved ' +
      'draft (a resumed draft asks for them). On: they are saved in it (a 0600 file).',
    apply: (x, v) => ({ ...x, meta: { ...x.meta, draftSecrets: v } }),
  });
  if (ctx.solveAvailable)
    rows.push({
      kind: 'action',
      id: 'solve',
      action: 'solve',
      label: 'Solve now',
      help:
        'Solves the conda dependencies against their channels (no Docker needed): what a build ' +
        'would install, or the conflict explained.',
    });
  return rows;
}

/** The option value as one of `values` (an option picker only offers those), else the fallback. */
function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return values.find((v) => v === value) ?? fallback;
}

const docOf = (path: string): string => fieldAt(path)?.doc ?? '';
const noteOf = (options: Option[], value: string): string => options.find((o) => o.value === value)?.note ?? '';

const SDKS: Option[] = [
  {
    value: 'v2',
    label: 'SDK v2 (azure-ai-ml, az ml)',
    note: 'the current SDK and CLI: writes environment.yml, conda.yml and job.yml',
  },
  {
    value: 'v1',
    label: 'SDK v1 (azureml-core)',
    note: 'out of support since 2026-06-30 (no fixes, may break): only for projects still on v1',
  },
];

/** Switches the SDK: the output form and its default path follow. */
export function setSdk(draft: Draft, sdk: Sdk): Draft {
  const output: OutputForm = sdk === 'v2' ? 'v2' : 'v1-file';
  const meta: DraftMeta = {
    ...draft.meta,
    sdk,
    output,
    outPath: outPathFor(draft.meta, String(draft.env.name ?? ''), output),
  };
  const switched = { ...draft, meta, v2: sdk === 'v2' ? v2Of(draft) : draft.v2 };
  // v1 has no build-context choice in the wizard; the catalog is where a v1 image starts.
  return sdk === 'v1' && meta.imageSource === 'build' ? setImageSource(switched, 'catalog') : switched;
}

const SDK_STEP: Step = {
  id: 'sdk',
  title: 'SDK',
  owns: [],
  intro:
    'Which SDK the files are for. v2 (azure-ai-ml and the az ml CLI) is current. SDK v1 is out ' +
    'of support since 2026-06-30.',
  rows: (d) => [
    {
      kind: 'choice',
      id: 'sdk',
      label: 'Target SDK',
      value: sdkOf(d),
      options: SDKS,
      lesson: 'v1-to-v2-migration',
      help: noteOf(SDKS, sdkOf(d)),
      apply: (x, v) => setSdk(x, oneOf(['v1', 'v2'], v, 'v2')),
    },
    { kind: 'action', id: 'sdk-next', action: 'next', label: 'Next', help: 'Go on to the basics (Tab does the same).' },
  ],
};

const V2_IMAGE_SOURCES: Option[] = [
  { value: 'catalog', label: 'Azure ML base image', note: 'pick from the catalog' },
  { value: 'custom', label: 'Another image', note: 'type any image reference' },
  { value: 'build', label: 'A build context', note: 'a folder with a Dockerfile (build: path, dockerfile_path)' },
  { value: 'dockerfile', label: 'A Dockerfile', note: 'read now, written to context/Dockerfile beside the YAML' },
];

const V2_PYTHON: Option[] = [
  {
    value: 'conda',
    label: 'Conda file',
    note: 'Azure ML builds a conda environment on the image from conda.yml (written beside the YAML)',
  },
  {
    value: 'user',
    label: "The image's own python",
    note: 'no conda_file: the image already has every package',
  },
];

const ROUTE_LABEL = { liveness_route: 'Liveness', readiness_route: 'Readiness', scoring_route: 'Scoring' } as const;
const ROUTE_HELP = {
  liveness_route: 'Probed to see the server is alive; it is restarted when this fails.',
  readiness_route: 'Probed to see the server can take requests; traffic waits until it answers.',
  scoring_route: 'Where scoring requests are sent.',
} as const;

/** The build context folder as typed (relative to where you run amlenv); it is written relative to the YAML. */
const buildContext = (d: Draft) => section(section(d.env, 'docker'), 'buildContext');

const V2_STEPS: Step[] = [
  SDK_STEP,
  {
    id: 'basics',
    title: 'Basics',
    owns: ['name', 'version', 'description', 'tags'],
    intro: 'Name the environment. Names starting with AzureML or Microsoft are reserved for curated environments.',
    rows: (d) => [
      ...nameRows(d),
      {
        kind: 'text',
        id: 'description',
        label: 'Description',
        value: v2Of(d).description,
        path: 'description',
        lesson: 'v2-environments',
        help: 'Optional: what the environment is for, shown in the studio.',
        placeholder: '(none)',
        apply: (x, t) =>
          withV2(x, (v2) => {
            v2.description = t.trim();
          }),
      },
      ...listRows(
        d,
        'tags',
        'Tags (name=value)',
        'Optional labels to find the environment by, e.g. team=forecasting.',
        'team=forecasting',
        'v2-environments',
      ),
    ],
  },
  {
    id: 'image',
    title: 'Image',
    owns: ['image', 'build', 'os_type', 'docker'],
    intro:
      'What the environment is built on: an image (conda_file may add packages on top) or a ' +
      'build context (a folder with a Dockerfile).',
    rows: (d, ctx) => {
      const docker = section(d.env, 'docker');
      const source = d.meta.imageSource;
      const rows: Row[] = [
        {
          kind: 'choice',
          id: 'source',
          label: 'Image from',
          value: source,
          options: V2_IMAGE_SOURCES,
          path: 'image',
          lesson: 'v2-environments',
          help: 'Exactly one of image or build: giving both, or neither, is refused.',
          apply: (x, v) => setImageSource(x, oneOf(['catalog', 'custom', 'dockerfile', 'build'], v, 'catalog')),
        },
      ];
      if (source === 'catalog')
        rows.push({
          kind: 'choice',
          id: 'catalog-image',
          label: 'Image',
          value: str(docker.baseImage),
          options: imageOptions(ctx.catalog),
          path: 'image',
          lesson: 'base-images',
          help: 'Supported images first; deprecated ones name their replacement.',
          apply: (x, v) => setField(x, 'docker.baseImage', v),
        });
      else if (source === 'custom')
        rows.push({
          kind: 'text',
          id: 'image',
          label: 'Image',
          value: str(docker.baseImage),
          path: 'image',
          lesson: 'base-images',
          help: 'registry/repository:tag — pin a tag or digest. A private registry is reached through the workspace.',
          placeholder: 'myregistry.azurecr.io/team/base:1.0',
          apply: (x, t) => setField(x, 'docker.baseImage', orNull(t)),
        });
      else if (source === 'build')
        rows.push(
          {
            kind: 'text',
            id: 'build-path',
            label: 'Build folder',
            value: str(buildContext(d).location),
            path: 'build.path',
            lesson: 'v2-environments',
            help: 'The folder uploaded and built (relative to where you run amlenv; written relative to the YAML).',
            placeholder: './docker',
            apply: (x, t) => setField(x, 'docker.buildContext.location', t.trim()),
          },
          {
            kind: 'text',
            id: 'dockerfile-path',
            label: 'Dockerfile path',
            value: str(buildContext(d).dockerfilePath),
            path: 'build.dockerfile_path',
            lesson: 'v2-environments',
            help: 'Relative to the build folder, not to the YAML (default Dockerfile).',
            placeholder: 'Dockerfile',
            apply: (x, t) => setField(x, 'docker.buildContext.dockerfilePath', t.trim() || 'Dockerfile'),
          },
        );
      else
        rows.push({
          kind: 'text',
          id: 'dockerfile',
          label: 'Dockerfile',
          value: d.meta.dockerfilePath,
          path: 'build',
          lesson: 'dockerfiles-and-registries',
          help: 'The file is read now and written to context/Dockerfile beside the YAML (at most 100 KB).',
          placeholder: './Dockerfile',
          readsFile: true,
          apply: (x, t, file) => {
            const withPath = { ...x, meta: { ...x.meta, dockerfilePath: t.trim() } };
            return file?.text !== undefined ? setImageSource(withPath, 'dockerfile', file.text) : withPath;
          },
        });
      rows.push({
        kind: 'choice',
        id: 'os',
        label: 'OS type',
        value:
          (str(getField(d.env, 'docker.platform.os')) || 'Linux').toLowerCase() === 'windows' ? 'Windows' : 'Linux',
        options: [
          { value: 'Linux', label: 'linux', note: 'the default; every Azure ML base image is Linux' },
          { value: 'Windows', label: 'windows', note: 'only for Windows images on Windows compute' },
        ],
        path: 'os_type',
        lesson: 'v2-environments',
        help: V2_FIELDS.os_type.doc,
        apply: (x, v) => setField(x, 'docker.platform.os', v),
      });
      return rows;
    },
  },
  {
    id: 'python',
    title: 'Python',
    owns: ['python', 'conda_file'],
    intro:
      'With an image: a conda file (conda.yml beside the YAML) or the image as it is. With a ' +
      'build context the Dockerfile installs everything.',
    rows: (d) => {
      const source = d.meta.imageSource;
      if (source === 'build' || source === 'dockerfile')
        return [
          {
            kind: 'heading',
            id: 'build-python',
            label: 'A build context installs python packages in its Dockerfile',
            path: 'conda_file',
            lesson: 'user-and-system-managed-v2',
            help: 'v2 refuses conda_file next to build: put the conda or pip install steps in the Dockerfile.',
          },
          {
            kind: 'action',
            id: 'python-next',
            action: 'next',
            label: 'Next',
            help: 'Nothing to set here with a build context.',
          },
        ];
      const kind = pythonKind(d.env) === 'user' ? 'user' : 'conda';
      const rows: Row[] = [
        {
          kind: 'choice',
          id: 'kind',
          label: 'Packages from',
          value: kind,
          options: V2_PYTHON,
          path: 'conda_file',
          lesson: 'user-and-system-managed-v2',
          help: noteOf(V2_PYTHON, kind),
          apply: (x, v) => setPythonKind(x, oneOf(['conda', 'user'], v, 'conda')),
        },
      ];
      if (kind === 'conda') rows.push(...condaRows(d));
      return rows;
    },
  },
  {
    id: 'serving',
    title: 'Serving',
    owns: ['inference_config'],
    intro: 'Only for a custom serving image behind an online deployment: the routes its web server answers on.',
    rows: (d) => {
      const v2 = v2Of(d);
      const rows: Row[] = [
        {
          kind: 'toggle',
          id: 'serving',
          label: 'Serving image',
          value: v2.serving,
          path: 'inference_config',
          lesson: 'inference-environments',
          help: 'On: inference_config with liveness, readiness and scoring routes is written. Off for training.',
          apply: (x, on) =>
            withV2(x, (p) => {
              p.serving = on;
            }),
        },
      ];
      if (!v2.serving) return rows;
      for (const name of ROUTES) {
        const route = v2.routes[name];
        rows.push(
          {
            kind: 'text',
            id: `${name}-port`,
            label: `${ROUTE_LABEL[name]} port`,
            value: route.port,
            path: `inference_config.${name}.port`,
            lesson: 'inference-environments',
            help: `${ROUTE_HELP[name]} Port: a whole number, e.g. 5001.`,
            placeholder: '5001',
            apply: (x, t) =>
              withV2(x, (p) => {
                p.routes[name].port = t.trim();
              }),
          },
          {
            kind: 'text',
            id: `${name}-path`,
            label: `${ROUTE_LABEL[name]} path`,
            value: route.path,
            path: `inference_config.${name}.path`,
            lesson: 'inference-environments',
            help: `${ROUTE_HELP[name]} Path: the URL path, e.g. ${name === 'scoring_route' ? '/score' : '/'}.`,
            placeholder: name === 'scoring_route' ? '/score' : '/',
            apply: (x, t) =>
              withV2(x, (p) => {
                p.routes[name].path = t.trim();
              }),
          },
        );
      }
      return rows;
    },
  },
  {
    id: 'job',
    title: 'Job',
    owns: ['environmentVariables', 'job'],
    intro:
      'v2 environments have no environment variables: they go on the job. job.yml is written beside the environment.',
    rows: (d) => [
      {
        kind: 'text',
        id: 'command',
        label: 'Job command',
        value: v2Of(d).command,
        path: 'job.command',
        lesson: 'environments-in-jobs-and-components',
        help: 'What the command job runs, inside its code folder, e.g. python train.py --epochs 3.',
        placeholder: 'python train.py',
        apply: (x, t) =>
          withV2(x, (p) => {
            p.command = t.trim();
          }),
      },
      {
        kind: 'text',
        id: 'code',
        label: 'Code folder',
        value: v2Of(d).code,
        path: 'job.code',
        lesson: 'environments-in-jobs-and-components',
        help:
          'The folder uploaded with the job, holding the script the command runs (relative to where ' +
          'you run amlenv; written relative to job.yml).',
        placeholder: '.',
        apply: (x, t) =>
          withV2(x, (p) => {
            p.code = t.trim() || '.';
          }),
      },
      ...listRows(
        d,
        'env',
        'Variables (NAME=value)',
        'Written to job.yml (environment_variables). Secret-looking names are flagged and their values hidden here.',
        'MY_SETTING=value',
        'environment-variables',
      ),
    ],
  },
  {
    id: 'review',
    title: 'Review and write',
    owns: [''],
    intro: `Writes environment.yml ($schema), conda.yml (when there is a conda file) and job.yml to the folder. Then: ${ENV_CREATE} · ${JOB_CREATE}`,
    rows: (d, ctx) => [
      {
        kind: 'text',
        id: 'out',
        label: 'Write to folder',
        value: d.meta.outPath,
        help: 'The folder the three files go in (created when missing).',
        apply: (x, t) => ({ ...x, meta: { ...x.meta, outPath: t.trim() } }),
      },
      ...writeRows(d, ctx),
    ],
  },
];

/** The SDK v1 steps (SDK choice first). */
export const STEPS: Step[] = [
  SDK_STEP,
  {
    id: 'basics',
    title: 'Basics',
    owns: ['name', 'version'],
    intro: 'Name the environment. Names starting with AzureML or Microsoft are reserved for curated environments.',
    rows: (d) => nameRows(d),
  },
  {
    id: 'python',
    title: 'Python',
    owns: ['python'],
    intro:
      'Who looks after python: Azure ML with conda (from your package lists), or you (the image already has it all).',
    rows: (d) => {
      const kind = pythonKind(d.env);
      const rows: Row[] = [
        {
          kind: 'choice',
          id: 'kind',
          label: 'Python kind',
          value: kind,
          options: PYTHON_KINDS,
          path: 'python.userManagedDependencies',
          lesson: 'python-kinds',
          help: noteOf(PYTHON_KINDS, kind),
          apply: (x, v) => setPythonKind(x, oneOf<PythonKind>(['conda', 'user', 'base'], v, 'conda')),
        },
      ];
      if (kind === 'user') {
        rows.push({
          kind: 'text',
          id: 'interpreter',
          label: 'Interpreter path',
          value: str(section(d.env, 'python').interpreterPath),
          path: 'python.interpreterPath',
          help: docOf('python.interpreterPath'),
          placeholder: '/opt/miniconda/bin/python',
          apply: (x, t) => setField(x, 'python.interpreterPath', t.trim()),
        });
        return rows;
      }
      if (kind === 'base')
        rows.push({
          kind: 'text',
          id: 'base-env',
          label: 'Base conda env',
          value: str(section(d.env, 'python').baseCondaEnvironment),
          path: 'python.baseCondaEnvironment',
          help: docOf('python.baseCondaEnvironment'),
          apply: (x, t) => setField(x, 'python.baseCondaEnvironment', orNull(t)),
        });
      rows.push(...condaRows(d));
      return rows;
    },
  },
  {
    id: 'variables',
    title: 'Environment variables',
    owns: ['environmentVariables'],
    intro: 'Set when a run starts, never baked into the image. Keep secrets out: read them from Key Vault at run time.',
    rows: (d) =>
      listRows(
        d,
        'env',
        'Variables (NAME=value)',
        'Letters, digits and _ in names. Secret-looking names are flagged and their values hidden here.',
        'MY_SETTING=value',
        'environment-variables',
      ),
  },
  {
    id: 'docker',
    title: 'Docker',
    owns: ['docker'],
    intro:
      'The image the environment is built on: an Azure ML base image (recommended), another ' +
      'image, or your own Dockerfile.',
    rows: (d, ctx) => {
      const docker = section(d.env, 'docker');
      const registry = section(docker, 'baseImageRegistry');
      const source = d.meta.imageSource;
      const rows: Row[] = [
        {
          kind: 'choice',
          id: 'source',
          label: 'Image from',
          value: source,
          options: [
            { value: 'catalog', label: 'Azure ML base image', note: 'pick from the catalog' },
            { value: 'custom', label: 'Another image', note: 'type any image reference' },
            { value: 'dockerfile', label: 'A Dockerfile', note: 'read from a file path' },
          ],
          path: 'docker.baseImage',
          lesson: 'base-images',
          help: 'Exactly one of base image, Dockerfile or build context.',
          apply: (x, v) => setImageSource(x, oneOf<ImageSource>(['catalog', 'custom', 'dockerfile'], v, 'catalog')),
        },
      ];
      if (source === 'catalog') {
        const options = imageOptions(ctx.catalog);
        rows.push({
          kind: 'choice',
          id: 'catalog-image',
          label: 'Base image',
          value: str(docker.baseImage),
          options,
          path: 'docker.baseImage',
          lesson: 'base-images',
          help: 'Supported images first; deprecated ones name their replacement.',
          apply: (x, v) => setField(x, 'docker.baseImage', v),
        });
      } else if (source === 'custom') {
        rows.push({
          kind: 'text',
          id: 'image',
          label: 'Base image',
          value: str(docker.baseImage),
          path: 'docker.baseImage',
          lesson: 'base-images',
          help: 'registry/repository:tag — pin a tag or digest.',
          placeholder: 'myregistry.azurecr.io/team/base:1.0',
          apply: (x, t) => setField(x, 'docker.baseImage', orNull(t)),
        });
      } else {
        rows.push({
          kind: 'text',
          id: 'dockerfile',
          label: 'Dockerfile path',
          value: d.meta.dockerfilePath,
          path: 'docker.baseDockerfile',
          lesson: 'dockerfiles-and-registries',
          help: 'The file is read now and its text stored in the definition (at most 100 KB).',
          placeholder: './Dockerfile',
          readsFile: true,
          apply: (x, t, file) => {
            const withPath = { ...x, meta: { ...x.meta, dockerfilePath: t.trim() } };
            return file?.text !== undefined ? setImageSource(withPath, 'dockerfile', file.text) : withPath;
          },
        });
      }
      rows.push(
        {
          kind: 'text',
          id: 'registry',
          label: 'Registry address',
          value: str(registry.address),
          path: 'docker.baseImageRegistry.address',
          lesson: 'dockerfiles-and-registries',
          help: 'Only for an image in a private registry, e.g. myregistry.azurecr.io.',
          placeholder: '(public image)',
          apply: (x, t) => setField(x, 'docker.baseImageRegistry.address', orNull(t)),
        },
        {
          kind: 'text',
          id: 'username',
          label: 'Registry user',
          value: str(registry.username),
          path: 'docker.baseImageRegistry.username',
          lesson: 'dockerfiles-and-registries',
          help: 'Basic authentication needs both user and password; prefer a managed identity.',
          apply: (x, t) => setField(x, 'docker.baseImageRegistry.username', orNull(t)),
        },
        {
          kind: 'text',
          id: 'password',
          label: 'Registry password',
          value: d.password,
          mask: true,
          path: 'docker.baseImageRegistry.password',
          lesson: 'dockerfiles-and-registries',
          help: 'Kept in memory only: never shown, never saved with the draft.',
          apply: (x, t) => ({ ...x, password: t }),
        },
        {
          kind: 'toggle',
          id: 'write-password',
          label: 'Write password',
          value: d.meta.writePassword,
          path: 'docker.baseImageRegistry.password',
          lesson: 'dockerfiles-and-registries',
          help:
            'Off: the file gets no password (use a workspace connection). On: the password is written ' +
            'into the file.',
          apply: (x, v) => ({ ...x, meta: { ...x.meta, writePassword: v } }),
        },
        {
          kind: 'choice',
          id: 'os',
          label: 'Platform OS',
          value: str(getField(d.env, 'docker.platform.os')) || 'Linux',
          options: ['Linux', 'Windows'].map((v) => ({ value: v, label: v })),
          path: 'docker.platform.os',
          help: docOf('docker.platform.os'),
          apply: (x, v) => setField(x, 'docker.platform.os', v),
        },
        {
          kind: 'choice',
          id: 'arch',
          label: 'Architecture',
          value: str(getField(d.env, 'docker.platform.architecture')) || 'amd64',
          options: ['amd64', 'arm64'].map((v) => ({ value: v, label: v })),
          path: 'docker.platform.architecture',
          help: 'Azure ML compute runs amd64 images.',
          apply: (x, v) => setField(x, 'docker.platform.architecture', v),
        },
        {
          kind: 'text',
          id: 'shm',
          label: 'Shared memory',
          value: str(docker.shmSize),
          path: 'docker.shmSize',
          help: 'Deprecated run setting (default 2g); v2 sets it on the job.',
          placeholder: '2g',
          apply: (x, t) => setField(x, 'docker.shmSize', orNull(t)),
        },
      );
      return rows;
    },
  },
  {
    id: 'spark',
    title: 'Spark',
    owns: ['spark'],
    intro: 'Only for runs on Spark: Maven packages (group:artifact:version) and the repositories to find them in.',
    rows: (d) => [
      ...listRows(
        d,
        'sparkRepos',
        'Maven repositories',
        'Repository URLs, e.g. https://repo1.maven.org/maven2/',
        'https://repo1.maven.org/maven2/',
        'spark-and-other-sections',
      ),
      ...listRows(
        d,
        'sparkPackages',
        'Packages (group:artifact:version)',
        'Maven coordinates in three parts.',
        'com.microsoft.azure:synapseml_2.12:1.0.8',
        'spark-and-other-sections',
      ),
    ],
  },
  {
    id: 'review',
    title: 'Review and write',
    owns: ['databricks', 'r', 'inferencingStackVersion', 'assetId', ''],
    intro: 'Choose what to write, check the findings, then write (Ctrl-S).',
    rows: (d, ctx) => [
      {
        kind: 'choice',
        id: 'output',
        label: 'Write as',
        value: d.meta.output,
        options: OUTPUTS,
        lesson: 'v1-to-v2-migration',
        help: noteOf(OUTPUTS, d.meta.output),
        apply: (x, v) => {
          const output = oneOf<OutputForm>(['v1-file', 'v1-dir', 'v2', 'all'], v, 'v1-file');
          return { ...x, meta: { ...x.meta, output, outPath: outPathFor(x.meta, String(x.env.name ?? ''), output) } };
        },
      },
      {
        kind: 'text',
        id: 'out',
        label: 'Write to',
        value: d.meta.outPath,
        help: 'A file for the v1 file form, a folder for the others.',
        apply: (x, t) => ({ ...x, meta: { ...x.meta, outPath: t.trim() } }),
      },
      ...writeRows(d, ctx),
    ],
  },
];

export { V2_STEPS };

/** The steps of the draft's SDK: both start with the SDK choice, so step 0 is the same in either. */
export const stepsOf = (draft: Draft): Step[] => (sdkOf(draft) === 'v2' ? V2_STEPS : STEPS);

/** The step a model path belongs to (the last, review, when none owns it). */
export const stepOfPath = (path: string, steps: Step[] = STEPS): number => {
  const idx = steps.findIndex((s) =>
    s.owns.some((p) => p && (path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))),
  );
  return idx >= 0 ? idx : steps.length - 1;
};
