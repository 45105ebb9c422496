// The interactive entry, imported only when a terminal is attached (cli.ts checks before importing).
import { render } from 'ink';
import { App, type AppProps } from './App.js';

export async function runApp(props: AppProps): Promise<number> {
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  const instance = render(<App {...props} />, { exitOnCtrlC: false, patchConsole: false });
  await instance.waitUntilExit();
  return 0;
}
