import type { Command } from './types.js';

export interface CommandInfo {
  name: string;
  usage: string;
  summary: string;
  /** Needs a terminal: refuses to run on pipes, naming the plain command to use instead. */
  /** afterFlags: the command checks for a terminal itself, once its flags are checked (so a bad flag is named first). */
  interactive?: { instead: string; afterFlags?: boolean };
  /** Not built in this version: says so plainly instead of failing strangely. */
  planned?: string;
  /** `amlenv CMD --help` lists every option, one line each (built with opt()); a test checks none is missing. */
  options?: string[];
  /** Further lines for `amlenv CMD --help` (environment variables, exit codes). */
  details?: string[];
  load?: () => Promise<{ default: Command }>;
}

/** Where option descriptions start in `--help`. */
export const OPTION_COLUMN = 22;
const opt = (flag: string, text: string): string => `${flag.padEnd(OPTION_COLUMN - 1)} ${text}`;
const JSON_OPTION = (what: string) => opt('--json', `print ${what} as JSON, for scripts`);

/** The command table: `amlenv --help` and the README are generated from it. */
export const COMMANDS: CommandInfo[] = [
  {
    name: 'validate',
    usage: 'validate PATH... [--json] [--allow-outside]',
    summary: 'check environment files or folders (v1 JSON, v1 folder, v2 YAML, conda YAML)',
    options: [JSON_OPTION('the results ({"results": [...]} with file, line, column, rule, message and fix)')],
    load: () => import('./validate.js'),
  },
  {
    name: 'rules',
    usage: 'rules [--json]',
    summary: 'list every validation rule with its id and severity',
    options: [JSON_OPTION('the rules')],
    load: () => import('./rules.js'),
  },
  {
    name: 'explain',
    usage: 'explain [RULE-ID|TOPIC|LESSON]',
    summary: "explain a rule, or print a topic's lessons; alone, list the topics",
    load: () => import('./explain.js'),
  },
  {
    name: 'templates',
    usage: 'templates [--json]',
    summary: 'list the starter templates',
    options: [JSON_OPTION('the templates')],
    load: () => import('./templates.js'),
  },
  {
    name: 'init',
    usage:
      'init [--template NAME | --from-conda FILE | --from-requirements FILE | --from-dockerfile ' +
      'FILE [--conda FILE | --requirements FILE] | --from-existing PATH] [--name NAME] [--out ' +
      'PATH] [--layout file|directory|v2] [--force] [--allow-outside]',
    summary: "write a starter definition from a template, or import one the way the SDK's from_* methods do",
    options: [
      opt('-t, --template NAME', 'start from a template (amlenv templates lists them; default minimal-cpu)'),
      opt('--from-conda FILE', 'start from a conda environment file, as Environment.from_conda_specification'),
      opt('--from-requirements FILE', 'start from a pip requirements file, as Environment.from_pip_requirements'),
      opt('--from-dockerfile FILE', 'start from a Dockerfile, as Environment.from_dockerfile'),
      opt('--conda FILE', 'with --from-dockerfile: the conda file to add'),
      opt('--requirements FILE', 'with --from-dockerfile: the pip requirements file to add'),
      opt('--from-existing PATH', 'start from a definition you have (v1 JSON or folder, v2 YAML, conda YAML)'),
      opt('-n, --name NAME', "the environment's name"),
      opt('-o, --out PATH', "where to write (default env.json, the name's folder, or NAME-v2)"),
      opt('--layout file|directory|v2', 'one v1 JSON file (default), the v1 folder layout, or v2 YAML'),
      opt('-f, --force', 'overwrite files that exist'),
    ],
    load: () => import('./init.js'),
  },
  {
    name: 'curated',
    usage: 'curated [--json]',
    summary: 'list curated environments and Azure ML base images, with their status',
    options: [JSON_OPTION('the catalog')],
    load: () => import('./curated.js'),
  },
  {
    name: 'wizard',
    usage: 'wizard [--from PATH] [--out PATH] [--allow-outside]',
    summary: 'the guided wizard: build an environment section by section, then write the files',
    interactive: { instead: 'amlenv init' },
    options: [
      opt('--from PATH', 'start from an existing definition'),
      opt('-o, --out PATH', 'where the wizard writes the files'),
    ],
    load: () => import('./wizard.js'),
  },
  {
    name: 'learn',
    usage: 'learn [TOPIC|LESSON]',
    summary: 'the lesson browser: topics with mastery and what is due, lessons to read, a quiz on each',
    interactive: { instead: 'amlenv explain' },
    load: () => import('./learn.js'),
  },
  {
    name: 'quiz',
    usage: 'quiz [--topic T] [--count N] [--exam [ai-300|dp-100] [--minutes M]]',
    summary:
      'practise with spaced repetition (due questions first), or take a timed exam scored out of ' +
      '1000: --exam alone is AI-300, the current exam; --exam dp-100 the retired DP-100',
    interactive: { instead: 'amlenv explain', afterFlags: true },
    options: [
      opt('-t, --topic T', 'practise one topic (amlenv explain lists them)'),
      opt('-n, --count N', 'how many questions (1 to 500)'),
      opt('--exam [ai-300|dp-100]', 'a timed exam scored out of 1000 (AI-300 when no exam is named)'),
      opt('--minutes M', 'with --exam: the time allowed (1 to 600)'),
    ],
    load: () => import('./quiz.js'),
  },
  {
    name: 'progress',
    usage: 'progress [--json]',
    summary:
      'mastery per topic and per exam, questions due, streak and exam history (--json for scripts, no terminal needed)',
    interactive: { instead: 'amlenv progress --json', afterFlags: true },
    options: [JSON_OPTION('the progress report (no terminal needed)')],
    details: [
      'Exit codes: 0 reported; 2 usage error (without a terminal, use --json); 3 with --json, ' +
        'the saved progress exists but cannot be read (fix its permissions, or set AMLENV_HOME): ' +
        'nothing is printed on stdout rather than an empty report.',
    ],
    load: () => import('./progress.js'),
  },
  {
    name: 'repl',
    usage: 'repl [--allow-outside]',
    summary: 'practise SDK statements and watch the environment change (on a pipe: amlenv repl < lesson.py)',
    load: () => import('./repl.js'),
  },
  {
    name: 'convert',
    usage:
      'convert PATH --to v1|v2 [--out DIR] [--force] [--layout file|directory] [--command CMD] ' +
      '[--code DIR] [--dry-run] [--json] [--allow-outside]',
    summary:
      'convert between SDK v1 and v2 forms (v2 adds a job.yml for az ml job create); every ' +
      'dropped field is named; PATH may be a folder of definitions (--to v2)',
    options: [
      opt('--to v1|v2', 'the form to convert to (required)'),
      opt(
        '-o, --out DIR',
        'where to write (default NAME-v2, or NAME-v1 / NAME.json); for a folder PATH, the folder ' +
          'the results go under, mirroring PATH (default: beside each definition)',
      ),
      opt(
        '-f, --force',
        'write even when the input has validation errors (naming what is dropped), and overwrite existing files',
      ),
      opt('--layout file|directory', 'with --to v1: one JSON file, or the folder layout (default)'),
      opt('--command CMD', 'with --to v2: the command of the job.yml (default python train.py)'),
      opt('--code DIR', 'with --to v2: the code folder of the job.yml (default .)'),
      opt('--dry-run', 'with a folder PATH: print the table of what would be converted, write nothing'),
      opt('--json', 'with a folder PATH: print the table as JSON ({"results": [...], "summary": {...}}), for scripts'),
    ],
    details: [
      'A folder PATH that is not itself a v1 folder is searched for v1 definitions: JSON files ' +
        'and folders holding azureml_environment.json. Each converts into NAME-v2 beside it (or ' +
        'under --out), and one table lists what was converted, its warnings, and what was skipped ' +
        'and why (not v1, invalid, exists, outside the project).',
      'The search skips node_modules, .git, .venv and __pycache__, follows no folder links, and ' +
        'stops at 8 levels, 5000 entries or 200 definitions.',
      'Exit codes: 0 converted; 1 invalid input (for a folder: a definition was invalid, or its ' +
        'result has errors); 2 usage error or an output that exists (pass --force to write into ' +
        'it).',
    ],
    load: () => import('./convert.js'),
  },
  {
    name: 'schema',
    usage: 'schema [--v1|--v2]',
    summary: 'print the JSON Schema of the v1 JSON (default) or v2 YAML form, generated from the model',
    options: [opt('--v1', 'the v1 JSON form (the default)'), opt('--v2', 'the v2 environment YAML form')],
    load: () => import('./schema.js'),
  },
  {
    name: 'samples',
    usage: 'samples [NAME] [--json]',
    summary: "list the sample jobs amlenv run can run (check-env, train, show-env), or show one's README",
    options: [JSON_OPTION('the samples')],
    load: () => import('./samples.js'),
  },
  {
    name: 'dockerfile',
    usage: 'dockerfile PATH [--out DIR] [--allow-outside]',
    summary: 'print the Dockerfile Azure ML would build (or write it with its context files)',
    options: [
      opt('-o, --out DIR', 'write the Dockerfile and its context files into DIR (new or empty) instead of printing it'),
    ],
    load: () => import('./dockerfile.js'),
  },
  {
    name: 'build',
    usage: 'build PATH [--tag T] [--no-cache] [--pull] [--force] [--allow-outside]',
    summary: 'build the image with the local Docker daemon, with progress',
    options: [
      opt('-t, --tag T', 'also tag the image T; a tag that names an image amlenv did not build is not moved'),
      opt('--force', 'move --tag T even when it names an image amlenv did not build'),
      opt('--no-cache', 'build every step again'),
      opt('--pull', 'pull the base image again even when it is here'),
    ],
    details: [
      'Registry credentials (docker.baseImageRegistry) are sent only to the registry the base image is pulled from.',
      'AMLENV_DOCKER_TIMEOUT=SEC bounds each call to the daemon (default 60); ' +
        'AMLENV_DOCKER_IDLE_TIMEOUT=SEC bounds a build or pull that sends nothing (default 1800).',
      'Exit codes: 0 built (or reused), 1 invalid definition or failed build, 2 usage error, 3 ' +
        'Docker unreachable or stuck, 130 Ctrl-C.',
    ],
    load: () => import('./build.js'),
  },
  {
    name: 'run',
    usage:
      'run PATH [SCRIPT | --sample NAME] [--source-dir DIR] [--outputs DIR] [--network] ' +
      '[--timeout SEC] [--allow-outside] [-- ARGS]',
    summary:
      'run a script in the built image as an Azure ML job would (builds first if needed); with ' +
      'no script, check that the image holds what the definition declares',
    options: [
      opt(
        'SCRIPT',
        'the script to run, relative to --source-dir as in ScriptRunConfig(source_directory, ' +
          'script); a path that exists from the current folder works too',
      ),
      opt(
        '--sample NAME',
        'run a bundled sample instead of a script (amlenv samples lists them; alone, run checks ' +
          'the environment with check-env)',
      ),
      opt(
        '--source-dir DIR',
        "the snapshot folder mounted read-only as the job's working folder (default: the script's folder)",
      ),
      opt('--outputs DIR', 'where ./outputs and ./logs come back (a new or empty folder; default amlenv-runs/RUN-ID)'),
      opt('--timeout SEC', 'stop the script after SEC seconds (default 3600; 0 for no limit)'),
      opt('--network', 'give the container network access (off by default)'),
      opt('-- ARGS', 'everything after -- is passed to the script'),
    ],
    details: [
      'Every container is labelled with the amlenv process that owns it; a run removes ' +
        'containers whose amlenv process is gone.',
      'Exit codes: 0 the script succeeded, 1 it failed (its own exit code is printed and kept in ' +
        'run.json), 2 usage error, 3 Docker unreachable or stuck, 130 Ctrl-C.',
    ],
    load: () => import('./run.js'),
  },
  {
    name: 'solve',
    usage:
      'solve PATH [--channel URL]... [--platform P] [--lock FILE [--force]] [--refresh] [--json] [--allow-outside]',
    summary:
      'solve the conda dependencies against their channels before any build: the packages a ' +
      'build would get, conflicts explained at file:line:column, an explicit lock',
    options: [
      opt(
        'PATH',
        'a v1 JSON file or folder, a v2 environment YAML (with its conda file), a conda YAML, or a ' +
          'command job YAML with an inline environment',
      ),
      opt(
        '--channel URL',
        "solve against this channel instead of the file's (repeatable; a name such as conda-forge " +
          'or a URL, e.g. a mirror)',
      ),
      opt(
        '--platform P',
        "conda platform to solve for (default: the definition's, else linux-64); noarch is always added",
      ),
      opt(
        '--lock FILE',
        'write the solved environment as a conda file with every package pinned to version, build and channel',
      ),
      opt('--force', 'let --lock replace an existing file'),
      opt('--refresh', 'download the channel indexes again instead of using the cache'),
      opt('--json', 'print the result as JSON'),
    ],
    details: [
      'Channel indexes are cached in $AMLENV_CACHE_DIR, else $XDG_CACHE_HOME/amlenv, else ' +
        '~/.cache/amlenv, reused as their HTTP caching headers allow.',
      'Exit codes: 0 solved, 1 cannot be solved (or the pip list contradicts the solve), 2 usage ' +
        'error, 3 channels unreachable.',
    ],
    load: () => import('./solve.js'),
  },
];

export const findCommand = (name: string): CommandInfo | undefined => COMMANDS.find((c) => c.name === name);
