import { Text, useApp, useStdout } from 'ink';
import { lazy, Suspense, useState } from 'react';
import { HOME_ENTRIES } from './home-entries.js';
import { Home } from './screens/Home.js';
import type { Draft } from './wizard/draft.js';

// Screens other than home load on first use, so the home screen's first frame stays fast.
const WizardFlow = lazy(() => import('./screens/WizardFlow.js').then((m) => ({ default: m.WizardFlow })));
const ValidateScreen = lazy(() => import('./screens/ValidateScreen.js').then((m) => ({ default: m.ValidateScreen })));

export type Screen = { id: 'home' } | { id: 'validate' } | { id: 'wizard'; draft?: Draft };

export interface AppProps {
  initial: Screen;
  /** Where the wizard writes by default (--out). */
  outPath?: string;
  /** Settings folder override (tests). */
  storeDir?: string;
  /** A screen opened straight from the command line leaves the app when it is closed. */
  standalone?: boolean;
}

export { HOME_ENTRIES };

export function App({ initial, outPath, storeDir, standalone }: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [screen, setScreen] = useState<Screen>(initial);
  const width = Math.max(60, stdout.columns ?? 80);
  const height = Math.max(16, stdout.rows ?? 24);
  const leave = () => (standalone || screen.id === 'home' ? exit() : setScreen({ id: 'home' }));

  if (screen.id === 'home') {
    return <Home entries={HOME_ENTRIES} onQuit={() => exit()} onChoose={(id) => setScreen(id === 'wizard' ? { id: 'wizard' } : id === 'validate' ? { id: 'validate' } : { id: 'home' })} />;
  }
  return (
    <Suspense fallback={<Text dimColor>loading…</Text>}>
      {screen.id === 'validate' ? <ValidateScreen width={width} height={height} onBack={leave} /> : <WizardFlow draft={screen.draft} outPath={outPath} storeDir={storeDir} width={width} height={height} onExit={leave} />}
    </Suspense>
  );
}
