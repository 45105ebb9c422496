import { Text, useApp } from 'ink';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { lazy, Suspense, useState } from 'react';
import { HOME_ENTRIES } from './home-entries.js';
import { Home } from './home/Home.js';
import type { QuizOptions } from './quiz/QuizScreen.js';
import type { Draft } from './wizard/draft.js';

// Screens other than home load on first use, so the home screen's first frame stays fast.
const WizardFlow = lazy(() => import('./screens/WizardFlow.js').then((m) => ({ default: m.WizardFlow })));
const ValidateScreen = lazy(() => import('./validate/ValidateScreen.js').then((m) => ({ default: m.ValidateScreen })));
const LearnScreen = lazy(() => import('./learn/LearnScreen.js').then((m) => ({ default: m.LearnScreen })));
const QuizScreen = lazy(() => import('./quiz/QuizScreen.js').then((m) => ({ default: m.QuizScreen })));
const ProgressScreen = lazy(() => import('./progress/ProgressScreen.js').then((m) => ({ default: m.ProgressScreen })));
const ReplScreen = lazy(() => import('./repl/ReplScreen.js').then((m) => ({ default: m.ReplScreen })));
const BuildRunScreen = lazy(() => import('./job/BuildRunScreen.js').then((m) => ({ default: m.BuildRunScreen })));

export type Screen =
  | { id: 'home' }
  | { id: 'validate' }
  | { id: 'wizard'; draft?: Draft }
  | { id: 'learn'; topic?: string; lesson?: string }
  | { id: 'quiz'; options: QuizOptions }
  | { id: 'progress' }
  | { id: 'repl' }
  | { id: 'build'; path?: string; autoCheck?: boolean };

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
  const [screen, setScreen] = useState<Screen>(initial);
  // Back on the home screen, the entry you came from keeps the focus.
  const [lastEntry, setLastEntry] = useState<string>();
  // Follows the terminal as it is resized: every screen gets the current size.
  const { columns: width, rows: height } = useTerminalSize();
  const leave = () => (standalone || screen.id === 'home' ? exit() : setScreen({ id: 'home' }));

  if (screen.id === 'home') {
    const open: Record<string, Screen> = {
      wizard: { id: 'wizard' },
      validate: { id: 'validate' },
      learn: { id: 'learn' },
      quiz: { id: 'quiz', options: { mode: 'menu' } },
      progress: { id: 'progress' },
      repl: { id: 'repl' },
      build: { id: 'build' },
    };
    return (
      <Home
        entries={HOME_ENTRIES}
        initial={lastEntry}
        width={width}
        onQuit={() => exit()}
        onChoose={(id) => {
          setLastEntry(id);
          setScreen(open[id] ?? { id: 'home' });
        }}
      />
    );
  }
  return (
    <Suspense fallback={<Text dimColor>loading…</Text>}>
      {screen.id === 'learn' ? (
        <LearnScreen
          topic={screen.topic}
          lesson={screen.lesson}
          storeDir={storeDir}
          width={width}
          height={height}
          onExit={leave}
        />
      ) : screen.id === 'quiz' ? (
        <QuizScreen {...screen.options} storeDir={storeDir} width={width} height={height} onExit={leave} />
      ) : screen.id === 'progress' ? (
        <ProgressScreen storeDir={storeDir} width={width} height={height} onExit={leave} />
      ) : screen.id === 'validate' ? (
        <ValidateScreen width={width} height={height} onBack={leave} />
      ) : screen.id === 'repl' ? (
        <ReplScreen storeDir={storeDir} onExit={leave} />
      ) : screen.id === 'build' ? (
        <BuildRunScreen path={screen.path} autoCheck={screen.autoCheck} width={width} height={height} onBack={leave} />
      ) : (
        <WizardFlow
          draft={screen.draft}
          outPath={outPath}
          storeDir={storeDir}
          width={width}
          height={height}
          onExit={leave}
          onBuildAndCheck={(path) => setScreen({ id: 'build', path, autoCheck: true })}
        />
      )}
    </Suspense>
  );
}
