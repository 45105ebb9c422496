import { useEffect, useState } from 'react';
import { loadCatalog } from '../../content/catalog.js';
import { loadTemplates } from '../../content/templates.js';
import { loadFieldLibs } from '../../env/libs.js';
import type { Draft } from '../wizard/draft.js';
import { DraftStore } from '../wizard/draft-store.js';
import { StartPicker } from '../wizard/StartPicker.js';
import { Wizard } from '../wizard/Wizard.js';
import { Text } from 'ink';

export interface WizardFlowProps {
  draft?: Draft;
  outPath?: string;
  storeDir?: string;
  width: number;
  height: number;
  onExit: () => void;
}

/** The wizard with its start step: resume a draft, a template, a curated copy or a file. */
export function WizardFlow({ draft: initial, outPath, storeDir, width, height, onExit }: WizardFlowProps) {
  const [drafts] = useState(() => new DraftStore(storeDir));
  const [catalog] = useState(() => loadCatalog());
  const [templates] = useState(() => loadTemplates());
  const [draft, setDraft] = useState<Draft | undefined>(initial);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void loadFieldLibs().then(() => setReady(true));
  }, []);
  if (!draft) {
    return (
      <>
        {drafts.problem ? <Text color="yellow">{drafts.problem}</Text> : null}
        <StartPicker resume={drafts.load()} templates={templates} catalog={catalog} outPath={outPath} width={width} height={height} onStart={setDraft} onCancel={onExit} />
      </>
    );
  }
  if (!ready) return <Text dimColor>loading the validator…</Text>;
  return <Wizard draft={draft} ctx={{ catalog, templates }} width={width} height={height} saveDraft={(d) => drafts.save(d)} onExit={onExit} />;
}
