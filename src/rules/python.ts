import { isRecord } from '../env/path.js';
import { pythonLine } from '../env/deps.js';
import { isSet, section } from './helpers.js';
import type { Rule, RuleContext } from './types.js';
import { ALL, V1 } from './types.js';

const userManaged = (ctx: RuleContext) => section(ctx.env, 'python').userManagedDependencies === true;
const hasCondaSpec = (ctx: RuleContext) => isRecord(section(ctx.env, 'python').condaDependencies);

export const pythonRules: Rule[] = [
  {
    id: 'python/conda-missing',
    severity: 'error',
    title: 'Conda-managed python with no conda dependencies',
    explanation:
      'With userManagedDependencies false (the default), Azure ML builds a conda environment ' +
      'from python.condaDependencies. Without it there is nothing to build and the service ' +
      'reports missing conda dependencies. Either give the conda specification, or set ' +
      'userManagedDependencies to true when the image already holds every package.',
    hint: 'add python.condaDependencies (channels and dependencies), or set python.userManagedDependencies to true',
    lesson: 'python-kinds',
    formats: V1,
    check: (ctx) => {
      const python = section(ctx.env, 'python');
      if (
        userManaged(ctx) ||
        hasCondaSpec(ctx) ||
        isSet(python.baseCondaEnvironment) ||
        ctx.def.problems.some((p) => p.rule === 'python/conda-file-missing')
      )
        return [];
      return [
        {
          path: 'python',
          message: 'python is conda-managed (userManagedDependencies is false) but there are no conda dependencies',
        },
      ];
    },
  },
  {
    id: 'python/python-missing',
    severity: 'error',
    title: 'The conda dependencies have no python entry',
    explanation:
      'A conda specification must name exactly one python, such as "python=3.11". The SDK ' +
      'refuses to save one without it ("Python package is missing") and the service reports ' +
      '"Python version missing": without it the conda environment has no interpreter of its own ' +
      'and jobs fall back to whatever the image has.',
    hint: 'add "python=3.11" (or the version you need) to dependencies',
    lesson: 'conda-and-pip',
    formats: ALL,
    check: (ctx) => {
      if (!ctx.deps.spec || userManaged(ctx) || ctx.deps.conda.some((d) => d.name === 'python')) return [];
      const path = Array.isArray(ctx.deps.spec.dependencies) ? `${ctx.deps.specPath}.dependencies` : ctx.deps.specPath;
      return [{ path, message: 'the conda dependencies do not name a python version' }];
    },
  },
  {
    id: 'python/conda-ignored',
    severity: 'warning',
    title: 'User-managed python, so the conda specification is ignored',
    explanation:
      'userManagedDependencies true tells Azure ML that the image already holds every package: ' +
      'it skips conda entirely and runs interpreterPath. Any conda or pip packages listed in the ' +
      'definition are then never installed, which is almost never what the author meant.',
    hint:
      'set python.userManagedDependencies to false to have conda install the packages, or remove ' +
      'the conda dependencies',
    lesson: 'user-managed-python',
    formats: V1,
    check: (ctx) => {
      if (!userManaged(ctx) || !hasCondaSpec(ctx)) return [];
      const count = ctx.deps.conda.length + ctx.deps.pip.length;
      return [
        {
          path: 'python.condaDependencies',
          message: `python is user-managed, so the ${count} package${count === 1 ? '' : 's'} in the conda dependencies will not be installed`,
        },
      ];
    },
  },
  {
    id: 'python/interpreter-missing',
    severity: 'error',
    title: 'User-managed python without an interpreter path',
    explanation:
      'When you manage the python yourself, Azure ML needs to know which interpreter in the ' +
      'image to run: python.interpreterPath (for example /opt/miniconda/bin/python, or just ' +
      'python when it is on the PATH). Without it the job cannot start your script.',
    hint: 'set python.interpreterPath, e.g. "/opt/miniconda/bin/python"',
    lesson: 'user-managed-python',
    formats: V1,
    check: (ctx) => {
      const python = section(ctx.env, 'python');
      if (!userManaged(ctx) || (typeof python.interpreterPath === 'string' && python.interpreterPath.trim())) return [];
      return [
        {
          path: 'python.interpreterPath' in python ? 'python.interpreterPath' : 'python',
          message: 'python is user-managed but interpreterPath is not set',
        },
      ];
    },
  },
  {
    id: 'python/eol',
    severity: 'warning',
    title: 'The python version is past its end of life',
    explanation:
      'Python versions get security fixes for five years. After that, new releases of numpy, ' +
      'pandas and the Azure ML packages stop supporting them, base images drop them, and conda ' +
      'solves fail or pull in old, vulnerable packages. Azure ML warns about unsupported python ' +
      'versions for the same reason.',
    hint: 'move to a supported python, e.g. python=3.12',
    lesson: 'conda-and-pip',
    formats: ALL,
    check: (ctx) => {
      const found = pythonLine(ctx.deps);
      if (!found?.line || userManaged(ctx)) return [];
      const entry = ctx.catalog.pythonVersions.find((v) => v.version === found.line);
      if (!entry || new Date(entry.eol) > ctx.today) return [];
      const newest = ctx.catalog.pythonVersions.filter((v) => new Date(v.eol) > ctx.today).map((v) => v.version);
      const suggest = newest.length > 1 ? newest[newest.length - 2] : newest[0];
      return [
        {
          path: found.dep.path,
          message: `python ${found.line} reached its end of life on ${entry.eol}`,
          hint: suggest ? `move to a supported python, e.g. python=${suggest}` : undefined,
        },
      ];
    },
  },
];
