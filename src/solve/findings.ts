// Every finding `amlenv solve` reports, documented the way validation rules are: `amlenv explain solve/ID`
// prints an entry, `amlenv rules` lists them. The code that builds a finding takes its severity and general
// hint from here (solveDiagnostic), so the documentation and the output cannot drift apart.
// No imports beyond types: `amlenv rules` and `amlenv explain` read this table without loading the solver.
import type { Diagnostic, Severity } from '../env/types.js';

export interface SolveFinding {
  id: string;
  severity: Severity;
  /** The severity in one named case (a pip pin that breaks conda packages is an error), and that case. */
  raisedTo?: Severity;
  raisedWhen?: string;
  /** One line: what the finding reports. */
  title: string;
  /** One paragraph: what it means, why the build would fail, what to do. */
  explanation: string;
  /** The general fix; a finding may carry a fix for its own case. */
  hint: string;
  /** The lesson that teaches the concept. */
  lesson: string;
  /** Where the facts come from (conda, pip and Python packaging docs, Microsoft docs). */
  sources: readonly string[];
}

type Entry = Omit<SolveFinding, 'id'>;

const CONDA_ENVIRONMENTS = 'https://docs.conda.io/projects/conda/en/stable/user-guide/tasks/manage-environments.html';
const CONDA_MATCH_SPECS = 'https://docs.conda.io/projects/conda/en/stable/user-guide/concepts/pkg-specs.html';
const CONDA_CHANNELS = 'https://docs.conda.io/projects/conda/en/stable/user-guide/concepts/channels.html';
const PIP_IN_CONDA = 'https://www.anaconda.com/using-pip-in-a-conda-environment/';
const AZUREML_TROUBLESHOOT =
  'https://learn.microsoft.com/en-us/azure/machine-learning/how-to-troubleshoot-environments';
const PIP_REQUIREMENTS = 'https://pip.pypa.io/en/stable/reference/requirement-specifiers/';
const MARKERS = 'https://packaging.python.org/en/latest/specifications/dependency-specifiers/#environment-markers';
const WHEEL_TAGS = 'https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/';

const TABLE = {
  'solve/unsatisfiable': {
    severity: 'error',
    title: 'The conda dependencies cannot all be installed together',
    explanation:
      "A solve has to pick one version and build of every package so that each package's own " +
      'requirements hold at the same time. Here the pins rule out every combination: typically a ' +
      'package version whose builds all need another Python than the file pins, or two packages ' +
      'that need different versions of a third. Azure ML builds the image with `conda env ' +
      'create` on this conda file, so the build would stop at the conda step with an ' +
      'unsatisfiable-request error, after the time spent queuing and pulling the base image. ' +
      'amlenv runs the same kind of solve against the same channels, in seconds, and names the ' +
      'entry each conflict starts from.',
    hint: 'loosen the pins of the packages named until they agree',
    lesson: 'troubleshooting-image-builds',
    sources: [CONDA_MATCH_SPECS, CONDA_ENVIRONMENTS, AZUREML_TROUBLESHOOT],
  },
  'solve/package-not-found': {
    severity: 'error',
    title: 'A conda package that none of the channels has for the platform',
    explanation:
      'conda looks for each entry only in the channels the file lists (and its default channels ' +
      'unless the file says nodefaults), and only for the platform the image runs on (linux-64 ' +
      'for Azure ML) and noarch. A misspelled name, a package published only on PyPI (the ' +
      'azureml-* packages among them), a package from a channel the file does not list, or one ' +
      'that is not built for Linux is not found, and conda stops before installing anything, so ' +
      'the image build fails.',
    hint:
      'check the spelling; if it is on PyPI only, move it under "- pip:"; if another channel has ' +
      'it, add that channel',
    lesson: 'conda-and-pip',
    sources: [CONDA_CHANNELS, CONDA_ENVIRONMENTS, AZUREML_TROUBLESHOOT],
  },
  'solve/solver-error': {
    severity: 'error',
    title: 'The solver stopped with an error rather than an answer',
    explanation:
      'The solver gave up without either a solution or a report of which packages conflict: ' +
      'usually because an entry is not a match spec it can read, or because a channel index ' +
      "could not be used. amlenv prints the first line of the solver's message. conda would fail " +
      'on the same entry while building the image, so the file needs fixing before a build is ' +
      'worth starting.',
    hint: 'check the conda entries named in the message; run amlenv validate on the file for spec errors',
    lesson: 'troubleshooting-image-builds',
    sources: [CONDA_MATCH_SPECS, AZUREML_TROUBLESHOOT],
  },
  'solve/pip-not-installed': {
    severity: 'warning',
    title: 'A pip list, but the solved environment has no pip package',
    explanation:
      'conda installs the "- pip:" entries by running the pip of the new environment, so pip has ' +
      'to end up among the installed packages. amlenv solved exactly what the conda list asks ' +
      "for, and pip was not among the results. conda's default setting " +
      'add_pip_as_python_dependency adds pip next to python when it solves, so the build usually ' +
      'works anyway; but that is a setting of the conda in the build image, not of your file, ' +
      'and conda itself warns when pip is missing from a file with a pip list. Listing pip makes ' +
      'the result certain and pins which pip runs.',
    hint: 'add "pip" to the conda dependencies',
    lesson: 'conda-and-pip',
    sources: [CONDA_ENVIRONMENTS, AZUREML_TROUBLESHOOT],
  },
  'solve/pip-marker-skipped': {
    severity: 'info',
    title: 'A pip entry whose environment marker is false for the solved Python',
    explanation:
      'A pip requirement can end with a marker such as `; python_version < "3.9"`. pip evaluates ' +
      'it against the Python of the environment and silently skips the entry when it is false. ' +
      'With the Python the conda solve picked, this marker is false, so the package will not be ' +
      'in the image. That is intended for a backport needed only by old Pythons; it is a ' +
      'surprise when the code imports the package.',
    hint: 'remove the entry, or change its marker if the package is needed',
    lesson: 'conda-and-pip',
    sources: [MARKERS, PIP_REQUIREMENTS],
  },
  'solve/pip-wheel-python': {
    severity: 'error',
    title: 'A pip wheel built for another CPython than the solve installs',
    explanation:
      "A wheel's file name carries the Python it was built for: cp38 means CPython 3.8. pip " +
      'installs a wheel only when its tags match the interpreter, so a cp38 wheel in an ' +
      'environment whose conda solve installs Python 3.11 is refused as not supported on this ' +
      'platform, and the image build fails at the pip step.',
    hint: "use the wheel built for the solved Python, or pin python to the wheel's version",
    lesson: 'private-packages',
    sources: [WHEEL_TAGS, PIP_REQUIREMENTS],
  },
  'solve/pip-contradicts-conda': {
    severity: 'warning',
    raisedTo: 'error',
    raisedWhen: 'when conda packages need the version conda installs',
    title: 'A pip pin that disagrees with the version conda installs',
    explanation:
      'conda installs the conda list first; then pip installs the pip list into the same ' +
      'environment. When pip is asked for another version of a package conda has already ' +
      "installed, pip replaces conda's copy, and the conda solver never saw the pip pin. It is a " +
      'warning when nothing else depends on it: two tools own one package. It is an error when ' +
      'conda packages need the version conda chose (scikit-learn needing numpy >=1.19.5 while ' +
      'pip installs numpy 1.18.5): the image may still build, and the job fails when those ' +
      'packages are imported.',
    hint: 'pin the package once, in the conda list where the solver checks it, and drop the pip entry',
    lesson: 'conda-and-pip',
    sources: [PIP_IN_CONDA, CONDA_ENVIRONMENTS, PIP_REQUIREMENTS],
  },
} satisfies Record<`solve/${string}`, Entry>;

export type SolveFindingId = keyof typeof TABLE;

/** Every solve finding, in the order `amlenv rules` lists them. */
export const SOLVE_FINDINGS: readonly SolveFinding[] = Object.entries(TABLE).map(([id, entry]) => ({ id, ...entry }));

const byId = new Map(SOLVE_FINDINGS.map((f) => [f.id, f]));
export const findSolveFinding = (id: string): SolveFinding | undefined => byId.get(id);

/** Where a finding is and what it says; the hint defaults to the table's general fix. */
export type SolvePlace = Omit<Diagnostic, 'rule' | 'severity' | 'hint'> & { hint?: string };

/** A diagnostic for a solve finding, its severity and default hint from the table; `raised` picks `raisedTo`. */
export function solveDiagnostic(id: SolveFindingId, place: SolvePlace, raised = false): Diagnostic {
  const entry: Entry = TABLE[id];
  return {
    rule: id,
    severity: raised && entry.raisedTo ? entry.raisedTo : entry.severity,
    ...place,
    hint: place.hint ?? entry.hint,
  };
}
