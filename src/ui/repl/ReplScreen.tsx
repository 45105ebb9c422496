// The REPL as a screen of the app (the home screen's "REPL" entry).
import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { ReplSession } from '../../repl/session.js';
import { replTools } from '../../repl/tools.js';
import { HistoryStore } from './history-store.js';
import { ReplApp } from './ReplApp.js';

export function ReplScreen({ storeDir, onExit }: { storeDir?: string; onExit: () => void }) {
  const [store] = useState(() => new HistoryStore(storeDir));
  const [session, setSession] = useState<ReplSession>();
  useEffect(() => {
    void replTools().then((tools) => setSession(new ReplSession({ cwd: process.cwd(), track: true, tools })));
  }, []);
  if (!session) return <Text dimColor>starting the REPL…</Text>;
  return (
    <ReplApp
      session={session}
      history={store.entries()}
      onHistory={(e) => store.add(e)}
      problem={store.problem}
      onExit={onExit}
    />
  );
}
