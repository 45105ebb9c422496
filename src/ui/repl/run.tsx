// The interactive REPL entry, imported only when a terminal is attached.
import { render } from 'ink';
import { replTools } from '../../repl/tools.js';
import { ReplSession } from '../../repl/session.js';
import { HistoryStore } from './history-store.js';
import { ReplApp } from './ReplApp.js';

export async function runInteractiveRepl(options: { cwd: string }): Promise<number> {
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  const store = new HistoryStore();
  const session = new ReplSession({ cwd: options.cwd, track: true, tools: await replTools() });
  let exit = () => {};
  const instance = render(
    <ReplApp
      session={session}
      history={store.entries()}
      onHistory={(e) => store.add(e)}
      problem={store.problem}
      onExit={() => exit()}
    />,
    {
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  exit = () => instance.unmount();
  await instance.waitUntilExit();
  return 0;
}
