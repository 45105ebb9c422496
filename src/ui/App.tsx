import { Text, useApp } from 'ink';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import {
  type ComponentType,
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useTypeAhead } from './hooks/useTypeAhead.js';
import { HOME_ENTRIES } from './home-entries.js';
import { Home } from './home/Home.js';
import type { QuizOptions } from './quiz/QuizScreen.js';
import type { Draft } from './wizard/draft.js';

/** Called by a screen once it is up and listening to keys (App hands it the keys typed while it loaded). */
const ScreenUp = createContext<() => void>(() => undefined);

/**
 * A screen loaded on first use. Its wrapper renders only once the code is loaded, and its effect runs after
 * the screen's own (which subscribe to keys), so ScreenUp fires when the screen really listens. (A marker
 * beside the lazy screen would not do: Ink renders in React's legacy mode, where a suspended tree's
 * siblings commit and run their effects while the fallback shows.)
 */
function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const Screen = await load();
    // biome-ignore lint/correctness/noComponentHookFactories: made once per screen when its code loads, not per render
    function Loaded(props: P) {
      const up = useContext(ScreenUp);
      useEffect(() => up(), [up]);
      return <Screen {...props} />;
    }
    return { default: Loaded };
  });
}

// Screens other than home load on first use, so the home screen's first frame stays fast.
const ValidateScreen = lazyScreen(() => import('./validate/ValidateScreen.js').then((m) => m.ValidateScreen));

// The wizard validates as you type, and the quiz (also opened from a lesson) grades fix-file answers with the validator: its libraries load with
// the screen's code, so the quiz takes keys from its first frame instead of showing "loading the validator".
const withFieldLibs = <T,>(screen: Promise<T>): Promise<T> =>
  Promise.all([screen, import('../env/libs.js').then((m) => m.loadFieldLibs())]).then(([s]) => s);
const WizardFlow = lazyScreen(() => withFieldLibs(import('./wizard/WizardFlow.js').then((m) => m.WizardFlow)));
const LearnScreen = lazyScreen(() => withFieldLibs(import('./learn/LearnScreen.js').then((m) => m.LearnScreen)));
const QuizScreen = lazyScreen(() => withFieldLibs(import('./quiz/QuizScreen.js').then((m) => m.QuizScreen)));
const ProgressScreen = lazyScreen(() => import('./progress/ProgressScreen.js').then((m) => m.ProgressScreen));
const ReplScreen = lazyScreen(() => import('./repl/ReplScreen.js').then((m) => m.ReplScreen));
const BuildRunScreen = lazyScreen(() => import('./job/BuildRunScreen.js').then((m) => m.BuildRunScreen));

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
  const [screen, setScreenNow] = useState<Screen>(initial);
  // Keys typed while a screen loads are kept and handed to it once it listens (see useTypeAhead).
  const typeAhead = useTypeAhead();
  const screenUp = useRef(false);
  const setScreen = (next: Screen) => {
    if (next.id !== 'home') {
      screenUp.current = false;
      typeAhead.hold();
    }
    setScreenNow(next);
  };
  const up = useCallback(() => {
    screenUp.current = true;
    typeAhead.release();
  }, [typeAhead.release]);
  // Opened straight from the command line: keep what is typed while its code loads too.
  useEffect(() => {
    if (!screenUp.current && initial.id !== 'home') typeAhead.hold();
  }, []);
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
    <ScreenUp.Provider value={up}>
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
          <BuildRunScreen
            path={screen.path}
            autoCheck={screen.autoCheck}
            width={width}
            height={height}
            onBack={leave}
          />
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
    </ScreenUp.Provider>
  );
}
