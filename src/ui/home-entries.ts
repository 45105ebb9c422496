import type { HomeEntry } from './home/Home.js';

/** The home screen's menu; an entry that cannot be used (yet) carries a `disabled` reason instead of doing nothing. */
export const HOME_ENTRIES: HomeEntry[] = [
  { id: 'learn', label: 'Learn', summary: 'lessons by topic, with mastery and what is due' },
  {
    id: 'wizard',
    label: 'Build an environment',
    summary: 'the guided wizard: SDK v2 (or v1) files, each field explained and checked as you type',
  },
  { id: 'quiz', label: 'Quiz', summary: 'practice questions and exam mode' },
  { id: 'repl', label: 'REPL', summary: 'type SDK statements and watch the environment change' },
  { id: 'validate', label: 'Validate a file', summary: 'check any environment file and learn from each finding' },
  { id: 'build', label: 'Build & run', summary: 'build the image with Docker, check it, run a script in it' },
  { id: 'progress', label: 'Progress', summary: 'what you know, what is due' },
];
