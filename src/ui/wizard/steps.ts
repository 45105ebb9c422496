// The wizard's steps as data: each step lists its rows for the current draft. A row knows its model path
// (for diagnostics and the lesson panel) and how to apply an edit. The view and the reducer are generic.
import { safeFileName } from '../../util/safe-name.js';
import type { Catalog } from '../../content/catalog.js';
import { fieldAt, type Json } from '../../env/fields.js';
import { looksSecret } from '../../rules/env-vars.js';
import {
  type Draft,
  getField,
  listItems,
  listPaths,
  type ListKey,
  type OutputForm,
  pythonKind,
  type PythonKind,
  pythonEntryPath,
  pythonVersion,
  section,
  setField,
  setImageSource,
  setPythonKind,
  setPythonVersion,
  type ImageSource,
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
  id: 'basics' | 'python' | 'variables' | 'docker' | 'spark' | 'review';
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
  const items = listItems(draft.env, list);
  const paths = listPaths(draft.env, list);
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

export const STEPS: Step[] = [
  {
    id: 'basics',
    title: 'Basics',
    owns: ['name', 'version'],
    intro: 'Name the environment. Names starting with AzureML or Microsoft are reserved for curated environments.',
    rows: (d) => [
      {
        kind: 'text',
        id: 'name',
        label: 'Name',
        value: str(d.env.name),
        path: 'name',
        help: fieldAt('name')!.doc,
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
    ],
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
          help: PYTHON_KINDS.find((o) => o.value === kind)!.note!,
          apply: (x, v) => setPythonKind(x, v as PythonKind),
        },
      ];
      if (kind === 'user') {
        rows.push({
          kind: 'text',
          id: 'interpreter',
          label: 'Interpreter path',
          value: str(section(d.env, 'python').interpreterPath),
          path: 'python.interpreterPath',
          help: fieldAt('python.interpreterPath')!.doc,
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
          help: fieldAt('python.baseCondaEnvironment')!.doc,
          apply: (x, t) => setField(x, 'python.baseCondaEnvironment', orNull(t)),
        });
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
      'The image the environment is built on: an Azure ML base image (recommended), another image, or your own Dockerfile.',
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
          apply: (x, v) => setImageSource(x, v as ImageSource),
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
          help: 'Off: the file gets no password (use a workspace connection). On: the password is written into the file.',
          apply: (x, v) => ({ ...x, meta: { ...x.meta, writePassword: v } }),
        },
        {
          kind: 'choice',
          id: 'os',
          label: 'Platform OS',
          value: str(getField(d.env, 'docker.platform.os')) || 'Linux',
          options: ['Linux', 'Windows'].map((v) => ({ value: v, label: v })),
          path: 'docker.platform.os',
          help: fieldAt('docker.platform.os')!.doc,
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
        help: OUTPUTS.find((o) => o.value === d.meta.output)!.note!,
        apply: (x, v) => ({
          ...x,
          meta: {
            ...x.meta,
            output: v as OutputForm,
            outPath: outPathFor(x.meta, String(x.env.name ?? ''), v as OutputForm),
          },
        }),
      },
      {
        kind: 'text',
        id: 'out',
        label: 'Write to',
        value: d.meta.outPath,
        help: 'A file for the v1 file form, a folder for the others.',
        apply: (x, t) => ({ ...x, meta: { ...x.meta, outPath: t.trim() } }),
      },
      {
        kind: 'action',
        id: 'write',
        action: 'write',
        label: 'Write files (Ctrl-S)',
        help: 'Writes atomically; asks before replacing anything.',
      },
      ...(ctx.dockerAvailable
        ? [
            {
              kind: 'action',
              id: 'check',
              action: 'check',
              label: 'Build and check with Docker',
              help: 'Writes the files, builds the image locally and checks it holds every declared package and variable.',
            } as Row,
          ]
        : []),
      {
        kind: 'toggle',
        id: 'draft-secrets',
        label: 'Secrets in draft',
        value: Boolean(d.meta.draftSecrets),
        help: 'Off: the registry password and secret-looking variable values are left out of the saved draft (a resumed draft asks for them). On: they are saved in it (a 0600 file).',
        apply: (x, v) => ({ ...x, meta: { ...x.meta, draftSecrets: v } }),
      },
      ...(ctx.solveAvailable
        ? [
            {
              kind: 'action',
              id: 'solve',
              action: 'solve',
              label: 'Solve now',
              help: 'Solves the conda dependencies against their channels (no Docker needed): what a build would install, or the conflict explained.',
            } as Row,
          ]
        : []),
    ],
  },
];

export const stepOfPath = (path: string): number => {
  const idx = STEPS.findIndex((s) =>
    s.owns.some((p) => p && (path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))),
  );
  return idx >= 0 ? idx : STEPS.length - 1;
};
