// The importable SDK modules and their names. Names the SDK has but the REPL does not model (Experiment,
// ScriptRunConfig...) import fine and say so when used, as the snippets learners paste import them too.
import { PyError } from './errors.js';
import { OutOfScope, PyClass, PyModule } from './pyclass.js';
import { condaConstructor, createFunction } from './sdk/conda.js';
import { credentialClass, workspaceClass } from './sdk/cloud.js';
import { environmentClass } from './sdk/environment.js';
import { sectionClasses } from './sdk/sections.js';
import { mlClientClass } from './sdk/ml-client.js';
import { buildContextClass, environmentV2Class } from './sdk/v2.js';
import { reprStr, suggest, type Value } from './values.js';

const RUN_SIDE = 'configures or runs a job, not an environment';

function outOfScope(module: string, names: string[], what: string): Record<string, OutOfScope> {
  return Object.fromEntries(names.map((n) => [n, new OutOfScope(n, module, what)]));
}

function condaClass(): PyClass {
  return new PyClass('CondaDependencies', 'azureml.core.conda_dependencies', condaConstructor(), () => ({
    create: createFunction(),
  }));
}

let table: Record<string, Record<string, Value>> | undefined;

/** Module name → its members (classes, functions); built once. */
export function moduleTable(): Record<string, Record<string, Value>> {
  if (table) return table;
  const env = environmentClass();
  const sections = sectionClasses();
  const conda = condaClass();
  const workspace = workspaceClass();
  table = {
    azureml: {},
    'azureml.core': {
      Environment: env,
      Workspace: workspace,
      ContainerRegistry: sections.ContainerRegistry,
      ...outOfScope(
        'azureml.core',
        [
          'Experiment',
          'ScriptRunConfig',
          'Run',
          'RunConfiguration',
          'Model',
          'Dataset',
          'Datastore',
          'ComputeTarget',
          'Webservice',
          'Image',
        ],
        RUN_SIDE,
      ),
    },
    'azureml.core.environment': {
      Environment: env,
      PythonSection: sections.PythonSection,
      DockerSection: sections.DockerSection,
      SparkSection: sections.SparkSection,
      SparkPackage: sections.SparkPackage,
      DockerBuildContext: sections.DockerBuildContext,
      DockerImagePlatform: sections.DockerImagePlatform,
    },
    'azureml.core.conda_dependencies': { CondaDependencies: conda },
    'azureml.core.container_registry': { ContainerRegistry: sections.ContainerRegistry },
    'azureml.core.databricks': { DatabricksSection: sections.DatabricksSection },
    'azureml.core.workspace': { Workspace: workspace },
    'azureml.core.runconfig': outOfScope(
      'azureml.core.runconfig',
      ['RunConfiguration', 'DockerConfiguration'],
      `${RUN_SIDE} (DockerConfiguration(use_docker=True) replaces the deprecated env.docker.enabled)`,
    ),
    'azureml.core.compute': outOfScope(
      'azureml.core.compute',
      ['ComputeTarget', 'AmlCompute'],
      'manages compute, not environments',
    ),
    azure: {},
    'azure.ai': {},
    'azure.ai.ml': {
      MLClient: mlClientClass(),
      ...outOfScope('azure.ai.ml', ['command', 'Input', 'Output', 'load_job', 'load_environment'], RUN_SIDE),
    },
    'azure.ai.ml.entities': {
      Environment: environmentV2Class(),
      BuildContext: buildContextClass(),
      ...outOfScope(
        'azure.ai.ml.entities',
        ['ManagedOnlineDeployment', 'ManagedOnlineEndpoint', 'Model', 'CodeConfiguration', 'AmlCompute', 'Data'],
        'deploys or manages other assets, not environments',
      ),
    },
    'azure.identity': {
      DefaultAzureCredential: credentialClass(),
      ...outOfScope(
        'azure.identity',
        ['InteractiveBrowserCredential', 'ManagedIdentityCredential'],
        'signs in to Azure',
      ),
    },
  };
  return table;
}

export function moduleObject(name: string): PyModule {
  const members = moduleTable()[name];
  if (!members) {
    const guess = suggest(name, Object.keys(moduleTable()));
    throw new PyError(
      'ModuleNotFoundError',
      `No module named ${reprStr(name)}${guess ? `. Did you mean: '${guess}'?` : ' (the REPL knows azureml.core, azureml.core.conda_dependencies and azure.ai.ml.entities)'}`,
    );
  }
  return new PyModule(name, () => {
    const subs = Object.keys(moduleTable()).filter(
      (m) => m.startsWith(`${name}.`) && !m.slice(name.length + 1).includes('.'),
    );
    return { ...members, ...Object.fromEntries(subs.map((m) => [m.slice(name.length + 1), moduleObject(m)])) };
  });
}

/** from MODULE import NAME */
export function importName(module: string, name: string): Value {
  const mod = moduleObject(module);
  const value = mod.getAttr(name);
  if (value === undefined) {
    const guess = suggest(name, mod.attrNames());
    throw new PyError(
      'ImportError',
      `cannot import name ${reprStr(name)} from ${reprStr(module)}${guess ? `. Did you mean: '${guess}'?` : ''}`,
    );
  }
  return value;
}
