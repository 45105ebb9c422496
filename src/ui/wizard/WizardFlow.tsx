import { useEffect, useState } from 'react';
import { ATTENTION_COLOR } from '../components/theme.js';
import { loadCatalog } from '../../content/catalog.js';
import { loadTemplates } from '../../content/templates.js';
import { fieldLibsLoaded, loadFieldLibs } from '../../env/libs.js';
import type { Draft } from './draft.js';
import { DraftStore } from './draft-store.js';
import { StartPicker } from './StartPicker.js';
import { Wizard } from './Wizard.js';
import { Text } from 'ink';

export interface WizardFlowProps {
  draft?: Draft;
  outPath?: string;
  storeDir?: string;
  width: number;
  height: number;
  onExit: () => void;
  onBuildAndCheck?: (definition: string) => void;
}

/** The wizard with its start step: resume a draft, a template, a curated copy or a file; then the SDK, then the steps. */
export function WizardFlow({
  draft: initial,
  outPath,
  storeDir,
  width,
  height,
  onExit,
  onBuildAndCheck,
}: WizardFlowProps) {
  const [drafts] = useState(() => new DraftStore(storeDir));
  const [catalog] = useState(() => loadCatalog());
  const [templates] = useState(() => loadTemplates());
  const [draft, setDraft] = useState<Draft | undefined>(initial);
  // Ready at once when the app loaded the validator's libraries with this screen (keys typed ahead are not lost).
  const [ready, setReady] = useState(fieldLibsLoaded);
  const [dockerAvailable, setDockerAvailable] = useState(false);
  const [probed, setProbed] = useState(false);
  useEffect(() => {
    if (!ready) void loadFieldLibs().then(() => setReady(true));
  }, []);
  // Docker is asked only when the review step is reached (and the app can show a build): most sessions never
  // load the Docker client at all.
  const probeDocker = (_step: number, review: boolean) => {
    if (probed || !onBuildAndCheck || !review) return;
    setProbed(true);
    void import('../../docker/client.js')
      .then((m) => m.connectDocker({ timeoutMs: 1500 }))
      .then(() => setDockerAvailable(true))
      .catch(() => setDockerAvailable(false));
  };
  if (!draft) {
    return (
      <>
        {drafts.problem ? <Text color={ATTENTION_COLOR}>{drafts.problem}</Text> : null}
        <StartPicker
          resume={drafts.load()}
          templates={templates}
          catalog={catalog}
          outPath={outPath}
          width={width}
          height={height}
          onStart={setDraft}
          onCancel={onExit}
        />
      </>
    );
  }
  if (!ready) return <Text dimColor>loading the validator…</Text>;
  return (
    <Wizard
      draft={draft}
      ctx={{ catalog, templates, dockerAvailable }}
      width={width}
      height={height}
      saveDraft={(d) => drafts.save(d)}
      onStep={probeDocker}
      onExit={onExit}
      onBuildAndCheck={onBuildAndCheck}
    />
  );
}
