import { Box, Text, useInput, useStdin } from 'ink';
import { TONE_COLOR } from '../components/theme.js';
import { useState } from 'react';
import { useSyncedState } from '../hooks/useSyncedState.js';
import type { Catalog } from '../../content/catalog.js';
import { Footer } from '../components/Footer.js';
import { PathPrompt } from '../components/PathPrompt.js';
import { truncate, visibleWindow } from '../components/window.js';
import { wrapText } from '../../learn/render-markdown.js';
import { pressed } from '../keys.js';
import type { Draft } from './draft.js';
import { blankDraft, curatedDraft, fileDraft, templateDraft } from './start.js';
import { safeLine } from '../../util/safe-text.js';
import { errorMessage } from '../../util/errors.js';

export interface StartChoice {
  id: string;
  label: string;
  note: string;
  make?: () => Draft;
  /** Opens a second list or the path prompt. */
  open?: 'curated' | 'file';
}

interface Props {
  resume?: { draft: Draft; savedAt: string };
  templates: Array<{ name: string; title: string; description: string }>;
  catalog: Catalog;
  outPath?: string;
  height: number;
  width: number;
  onStart: (draft: Draft) => void;
  onCancel: () => void;
}

/** The wizard's first step: where the environment starts from. */
export function StartPicker({ resume, templates, catalog, outPath, height, width, onStart, onCancel }: Props) {
  const { isRawModeSupported } = useStdin();
  const [mode, setMode] = useState<'main' | 'curated' | 'file'>('main');
  // The saved draft is the last choice (the others never move) and has the focus when there is one.
  const [focus, setFocus, currentFocus] = useSyncedState(() => (resume ? 3 + templates.length : 0));
  const [error, setError] = useState<string>();

  const main: StartChoice[] = [
    {
      id: 'blank',
      label: 'Blank environment',
      note: 'a supported Azure ML base image and python 3.12, nothing else',
      make: () => blankDraft(outPath),
    },
    ...templates.map((t) => ({
      id: `t-${t.name}`,
      label: `Template: ${t.title}`,
      note: t.description,
      make: () => templateDraft(t.name, outPath),
    })),
    {
      id: 'curated',
      label: 'Copy of a curated environment',
      note: 'renamed, since curated names are reserved',
      open: 'curated' as const,
    },
    {
      id: 'file',
      label: 'Open an existing file or folder',
      note: 'v1 JSON, v1 folder, v2 YAML or conda YAML',
      open: 'file' as const,
    },
    ...(resume
      ? [
          {
            id: 'resume',
            label: `Resume the saved draft: ${safeLine(String(resume.draft.env.name ?? ''))}`,
            note: `SDK ${resume.draft.meta.sdk ?? 'v1'}, ${resume.draft.meta.origin}, saved ${resume.savedAt.replace('T', ' ').slice(0, 16)}`,
            make: () => resume.draft,
          },
        ]
      : []),
  ];
  const curated: StartChoice[] = catalog.curated.map((c) => ({
    id: c.name,
    label: c.name,
    note: `${c.framework}${c.status === 'deprecated' ? ' (deprecated)' : ''}`,
    make: () => curatedDraft(c.name, outPath),
  }));
  const list = mode === 'curated' ? curated : main;

  const choose = (choice: StartChoice) => {
    if (choice.open) {
      setMode(choice.open);
      setFocus(0);
      return;
    }
    if (!choice.make) return;
    try {
      onStart(choice.make());
    } catch (err) {
      setError(safeLine(errorMessage(err).split('\n')[0]));
    }
  };

  useInput(
    (input, key) => {
      if (mode === 'file') return;
      if (pressed('up', input, key)) setFocus((f) => (f - 1 + list.length) % list.length);
      else if (pressed('down', input, key)) setFocus((f) => (f + 1) % list.length);
      else if (pressed('select', input, key)) choose(list[currentFocus()]);
      else if (pressed('back', input, key) || pressed('quit', input, key)) {
        if (mode === 'curated' && !pressed('quit', input, key)) {
          setMode('main');
          setFocus(0);
        } else onCancel();
      }
    },
    { isActive: Boolean(isRawModeSupported) && mode !== 'file' },
  );

  if (mode === 'file') {
    return (
      <Box flexDirection="column">
        <Text bold>amlenv wizard — start from a file</Text>
        <PathPrompt
          label="File or folder:"
          onSubmit={(path) => {
            try {
              onStart(fileDraft(path, outPath));
            } catch (err) {
              setError(safeLine(errorMessage(err).split('\n')[0]));
            }
          }}
          onCancel={() => {
            setMode('main');
            setError(undefined);
          }}
        />
        {error ? <Text color={TONE_COLOR.error}>{error}</Text> : null}
        <Footer keys={['complete', 'select', 'back']} labels={{ select: 'open' }} />
      </Box>
    );
  }
  // The focused choice's note in full below the list (the list's own column is cut to the width).
  const note = wrapText(list[focus]?.note ?? '', width, '  ');
  const [start, end] = visibleWindow(list.length, focus, Math.max(3, height - 6 - note.length));
  return (
    <Box flexDirection="column">
      <Text bold>
        {mode === 'curated' ? 'amlenv wizard — copy which curated environment?' : 'amlenv wizard — where do you start?'}
      </Text>
      <Text dimColor>
        {mode === 'curated'
          ? 'The copy uses the curated image as it is, under a name of your own.'
          : 'Change anything later. The first step asks which SDK: v2 unless you pick v1.'}
      </Text>
      {list.slice(start, end).map((c, i) => (
        <Text key={c.id} inverse={start + i === focus} wrap="truncate-end">
          {start + i === focus ? '▸ ' : '  '}
          {truncate(c.label, Math.min(44, width - 4)).padEnd(Math.min(46, width - 4))}
          <Text dimColor>{c.note}</Text>
        </Text>
      ))}
      {note.map((line, i) => (
        <Text key={`n${i}`} dimColor>
          {line}
        </Text>
      ))}
      {error ? <Text color={TONE_COLOR.error}>{error}</Text> : <Text> </Text>}
      <Footer keys={['up', 'select', 'back', 'quit']} labels={{ select: 'choose' }} />
    </Box>
  );
}
