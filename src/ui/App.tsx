import { useApp, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { loadCatalog } from '../content/catalog.js';
import { loadTemplates } from '../content/templates.js';
import { loadFieldLibs } from '../env/libs.js';
import { Home, type HomeEntry } from './screens/Home.js';
import { ValidateScreen } from './screens/ValidateScreen.js';
import type { Draft } from './wizard/draft.js';
import { DraftStore } from './wizard/draft-store.js';
import { StartPicker } from './wizard/StartPicker.js';
import { Wizard } from './wizard/Wizard.js';

export type Screen = { id: 'home' } | { id: 'validate' } | { id: 'wizard-start' } | { id: 'wizard'; draft: Draft };

export interface AppProps {
  initial: Screen;
  /** Where the wizard writes by default (--out). */
  outPath?: string;
  /** Settings folder override (tests). */
  storeDir?: string;
  /** A screen opened straight from the command line leaves the app when it is closed. */
  standalone?: boolean;
}

export const HOME_ENTRIES: HomeEntry[] = [
  { id: 'learn', label: 'Learn', summary: 'lessons by topic', disabled: 'the lesson browser is not built yet; amlenv explain TOPIC prints a lesson' },
  { id: 'wizard', label: 'Build an environment', summary: 'the guided wizard: python, variables, docker, spark, then write the files' },
  { id: 'quiz', label: 'Quiz', summary: 'practice questions and exam mode', disabled: 'the quiz is not built yet' },
  { id: 'repl', label: 'REPL', summary: 'type SDK statements and watch the environment change', disabled: 'the REPL is not built yet' },
  { id: 'validate', label: 'Validate a file', summary: 'check any environment file and learn from each finding' },
  { id: 'build', label: 'Build & run', summary: 'build the image with Docker and run a script in it', disabled: 'local builds are not built yet; amlenv dockerfile shows the recipe' },
  { id: 'progress', label: 'Progress', summary: 'what you know, what is due', disabled: 'progress tracking comes with the quiz' },
];

export function App({ initial, outPath, storeDir, standalone }: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [screen, setScreen] = useState<Screen>(initial);
  const [libsReady, setLibsReady] = useState(false);
  const [drafts] = useState(() => new DraftStore(storeDir));
  const [catalog] = useState(() => loadCatalog());
  const width = Math.max(60, stdout.columns ?? 80);
  const height = Math.max(16, stdout.rows ?? 24);

  useEffect(() => {
    void loadFieldLibs().then(() => setLibsReady(true));
  }, []);

  const leave = () => (standalone || screen.id === 'home' ? exit() : setScreen({ id: 'home' }));

  switch (screen.id) {
    case 'home':
      return <Home entries={HOME_ENTRIES} notice={drafts.problem} onQuit={() => exit()} onChoose={(id) => setScreen(id === 'wizard' ? { id: 'wizard-start' } : id === 'validate' ? { id: 'validate' } : { id: 'home' })} />;
    case 'validate':
      return <ValidateScreen width={width} height={height} onBack={leave} />;
    case 'wizard-start':
      return (
        <StartPicker
          resume={drafts.load()}
          templates={loadTemplates()}
          catalog={catalog}
          outPath={outPath}
          width={width}
          height={height}
          onStart={(draft) => setScreen({ id: 'wizard', draft })}
          onCancel={leave}
        />
      );
    case 'wizard':
      if (!libsReady) return null;
      return <Wizard draft={screen.draft} ctx={{ catalog, templates: loadTemplates() }} width={width} height={height} saveDraft={(d) => drafts.save(d)} onExit={leave} />;
  }
}
