import { describe, expect, it } from 'vitest';
import { commonPrefix, complete } from '../../src/repl/complete.js';
import { ReplSession } from '../../src/repl/session.js';
import { initialPrompt, promptReducer, sourceOf, type PromptState } from '../../src/ui/repl/prompt-state.js';
import { tempDir } from '../helpers.js';
import { KEY, k } from '../ui/keys.js';

async function session(...lines: string[]): Promise<ReplSession> {
  const s = new ReplSession({ cwd: tempDir() });
  for (const line of lines) await s.run(line);
  return s;
}

const candidates = (s: ReplSession, line: string) => complete(s, line).candidates;

describe('Tab completion', () => {
  it('completes meta commands, :show formats and :explain names', async () => {
    const s = await session();
    expect(candidates(s, ':sh')).toEqual([':show']);
    expect(candidates(s, ':show d')).toEqual(['dockerfile']);
    expect(candidates(s, ':explain python/e')).toEqual(['python/eol']);
  });

  it('completes module names after from/import and the names a module has', async () => {
    const s = await session();
    expect(candidates(s, 'from azureml.core.con')).toEqual([
      'azureml.core.conda_dependencies',
      'azureml.core.container_registry',
    ]);
    expect(candidates(s, 'from azureml.core import Env')).toEqual(['Environment']);
    expect(candidates(s, 'from azure.ai.ml.entities import Environment, Bu')).toEqual(['BuildContext']);
  });

  it('completes the v2 client: ml_client.environments methods and their keywords, Environment keywords', async () => {
    const s = await session(
      'from azure.ai.ml import MLClient',
      'from azure.ai.ml.entities import Environment',
      'ml_client = MLClient(None, "0000", "rg", "ws")',
    );
    expect(candidates(s, 'ml_client.env')).toEqual(['environments']);
    expect(candidates(s, 'ml_client.environments.cr')).toEqual(['create_or_update']);
    expect(candidates(s, 'ml_client.environments.get(name="sklearn-1.5", la')).toEqual(['label=']);
    expect(candidates(s, 'Environment(name="x", os_')).toEqual(['os_type=']);
  });

  it('completes attributes by reading the chain, methods included', async () => {
    const s = await session('from azureml.core import Environment', 'env = Environment("x")');
    expect(candidates(s, 'env.pyth')).toEqual(['python']);
    expect(candidates(s, 'env.python.user')).toEqual(['user_managed_dependencies']);
    expect(candidates(s, 'env.docker.base_')).toEqual(['base_dockerfile', 'base_image', 'base_image_registry']);
    expect(candidates(s, 'env.python.conda_dependencies.add_')).toEqual([
      'add_channel',
      'add_conda_package',
      'add_pip_package',
    ]);
    expect(candidates(s, 'Environment.from_')).toEqual([
      'from_conda_specification',
      'from_docker_build_context',
      'from_docker_image',
      'from_dockerfile',
      'from_existing_conda_environment',
      'from_pip_requirements',
    ]);
    expect(candidates(s, 'env.docker.base_image_registry.pass')).toEqual(['password']);
    expect(candidates(s, 'nothing.here')).toEqual([]);
  });

  it('offers keyword arguments inside a call, before names', async () => {
    const s = await session(
      'from azureml.core import Environment',
      'from azureml.core.conda_dependencies import CondaDependencies',
    );
    expect(candidates(s, 'CondaDependencies.create(py')).toEqual(['python_version=']);
    expect(candidates(s, 'CondaDependencies.create(python_version="3.11", pi')).toEqual([
      'pin_sdk_version=',
      'pip_indexurl=',
      'pip_packages=',
    ]);
    expect(candidates(s, 'Environment.from_pip_requirements("n", fi')).toEqual(['file_path=']);
    expect(candidates(s, 'Environment(')[0]).toBe('name=');
  });

  it('completes names in scope and builtins, and nothing inside a string', async () => {
    const s = await session('from azureml.core import Environment', 'my_env = Environment("x")');
    expect(candidates(s, 'my_')).toEqual(['my_env']);
    expect(candidates(s, 'pri')).toEqual(['print']);
    expect(candidates(s, 'Environment("my_')).toEqual([]);
  });

  it('completes True, False and None wherever a value can go; Tr is True, not str', async () => {
    const s = await session('from azureml.core import Environment', 'env = Environment("x")');
    expect(candidates(s, 'Tr')).toEqual(['True']);
    expect(candidates(s, 'env.python.user_managed_dependencies = Tr')).toEqual(['True']);
    expect(candidates(s, 'env.python.user_managed_dependencies = Tru')).toEqual(['True']);
    expect(candidates(s, 'x = No')).toEqual(['None']);
    expect(candidates(s, 'Environment("a", Fa')).toEqual(['False']);
    expect(candidates(s, 'x = fr')).toEqual([]);
    const typed = [...'x = Tru'].reduce(
      (acc, ch) => promptReducer(acc, { type: 'key', input: ch, key: k() }),
      initialPrompt(),
    );
    expect(promptReducer(typed, { type: 'complete', completion: complete(s, typed.buf.text) }).buf.text).toBe(
      'x = True',
    );
  });

  it("a mistyped constant is suggested as the constant: 'Tr' and 'Tru' mean True, not str", async () => {
    const s = await session();
    expect((await s.run('x = Tr')).error?.message).toBe("name 'Tr' is not defined. Did you mean: 'True'?");
    expect((await s.run('x = Tru')).error?.message).toBe("name 'Tru' is not defined. Did you mean: 'True'?");
    expect((await s.run('x = Nne')).error?.message).toBe("name 'Nne' is not defined. Did you mean: 'None'?");
    expect((await s.run('prnt("x")')).error?.message).toBe("name 'prnt' is not defined. Did you mean: 'print'?");
  });

  it('commonPrefix is what all candidates share', () => {
    expect(commonPrefix(['base_dockerfile', 'base_image', 'base_image_registry'])).toBe('base_');
    expect(commonPrefix([])).toBe('');
  });
});

describe('prompt state', () => {
  const typed = (s: PromptState, text: string) =>
    [...text].reduce((acc, ch) => promptReducer(acc, { type: 'key', input: ch, key: k() }), s);

  it('types, edits and keeps the cursor', () => {
    let s = typed(initialPrompt(), 'env.nme');
    s = promptReducer(s, { type: 'key', input: '', key: KEY.left });
    s = promptReducer(s, { type: 'key', input: '', key: KEY.left });
    s = promptReducer(s, { type: 'key', input: 'a', key: k() });
    expect(s.buf).toEqual({ text: 'env.name', cursor: 6 });
  });

  it('↑ walks back through the history and ↓ returns to the line being typed', () => {
    let s = typed(initialPrompt(['first', 'second']), 'draft');
    s = promptReducer(s, { type: 'up' });
    expect(s.buf.text).toBe('second');
    s = promptReducer(s, { type: 'up' });
    s = promptReducer(s, { type: 'up' });
    expect(s.buf.text).toBe('first');
    s = promptReducer(s, { type: 'down' });
    expect(s.buf.text).toBe('second');
    s = promptReducer(s, { type: 'down' });
    expect(s.buf.text).toBe('draft');
  });

  it('a submitted statement joins the history once, and a repeat is not added again', () => {
    let s = promptReducer(initialPrompt(['a']), { type: 'submitted', entry: 'b' });
    s = promptReducer(s, { type: 'submitted', entry: 'b' });
    expect(s.history).toEqual(['a', 'b']);
    expect(s.buf.text).toBe('');
  });

  it('continuation lines are kept until the statement is complete', () => {
    let s = promptReducer(initialPrompt(), { type: 'continue', text: 'deps = CondaDependencies.create(' });
    s = typed(s, '    python_version="3.11")');
    expect(sourceOf(s)).toBe('deps = CondaDependencies.create(\n    python_version="3.11")');
    expect(promptReducer(s, { type: 'clear' }).pending).toEqual([]);
  });

  it('a single candidate is inserted; several insert their common prefix and are listed', () => {
    const one = promptReducer(typed(initialPrompt(), 'env.pyth'), {
      type: 'complete',
      completion: { start: 4, end: 8, candidates: ['python'] },
    });
    expect(one.buf).toEqual({ text: 'env.python', cursor: 10 });
    expect(one.candidates).toEqual([]);
    const many = promptReducer(typed(initialPrompt(), 'env.docker.b'), {
      type: 'complete',
      completion: { start: 11, end: 12, candidates: ['base_dockerfile', 'base_image'] },
    });
    expect(many.buf.text).toBe('env.docker.base_');
    expect(many.candidates).toEqual(['base_dockerfile', 'base_image']);
  });
});
