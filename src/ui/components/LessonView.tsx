import { useInput, useStdin } from 'ink';
import { useMemo, useRef, useState } from 'react';
import type { Lesson } from '../../learn/content.js';
import { renderMarkdown } from '../../learn/render-markdown.js';
import { type KeyId, pressed } from '../keys.js';
import { type Line, wrapped } from './lines.js';
import { bodyHeight, clampScroll, Page } from './Page.js';

export function lessonLines(lesson: Lesson, width: number): Line[] {
  return [
    { text: `${lesson.topic} · ${lesson.exam.join(', ')} · SDK ${lesson.sdk}`, dim: true },
    { text: '' },
    ...renderMarkdown(lesson.body, width)
      .split('\n')
      .map((text) => ({ text })),
    { text: '' },
    { text: 'Sources', bold: true },
    ...lesson.sources.flatMap(sourceLines(width)),
  ];
}

/**
 * A source whole, to be copied: indented when it fits, otherwise from the left edge and split across lines
 * (never cut with "…"), so selecting the lines gives the URL with only the line breaks to remove.
 */
const sourceLines =
  (width: number) =>
  (source: string): Line[] =>
    source.length + 2 <= width ? [{ text: `  ${source}` }] : wrapped(source, width, '', '');

/** A lesson as a scrolling page; q starts a quiz on it when the caller offers one. */
export function LessonView({
  lesson,
  width,
  height,
  note,
  onQuiz,
  onBack,
  onQuit,
}: {
  lesson: Lesson;
  width: number;
  height: number;
  note?: string;
  onQuiz?: () => void;
  onBack: () => void;
  onQuit?: () => void;
}) {
  const { isRawModeSupported } = useStdin();
  const body = useMemo(() => lessonLines(lesson, width - 2), [lesson, width]);
  const window = bodyHeight(height, 0);
  const [scroll, setScroll] = useState(0);
  const max = Math.max(0, body.length - window);
  const live = useRef({ max, window, onQuiz, onBack, onQuit });
  live.current = { max, window, onQuiz, onBack, onQuit };
  useInput(
    (input, key) => {
      const { max, window, onQuiz, onBack, onQuit } = live.current;
      if (pressed('back', input, key)) onBack();
      else if (pressed('quit', input, key)) (onQuit ?? onBack)();
      else if (onQuiz && pressed('quiz', input, key)) onQuiz();
      else if (pressed('down', input, key)) setScroll((s) => Math.min(max, s + 1));
      else if (pressed('up', input, key)) setScroll((s) => Math.max(0, s - 1));
      else if (pressed('pageDown', input, key) || pressed('pageSpace', input, key))
        setScroll((s) => Math.min(max, s + window - 1));
      else if (pressed('pageUp', input, key)) setScroll((s) => Math.max(0, s - window + 1));
    },
    { isActive: Boolean(isRawModeSupported) },
  );
  const footer: KeyId[] = onQuiz ? ['up', 'pageDown', 'quiz', 'back'] : ['up', 'pageDown', 'back'];
  return (
    <Page
      width={width}
      title={lesson.title}
      body={body}
      scroll={clampScroll(scroll, body.length, window)}
      height={height}
      message={note ? { text: note } : undefined}
      footer={footer}
      labels={{ up: 'scroll', quiz: 'quiz this lesson', back: 'back' }}
    />
  );
}
