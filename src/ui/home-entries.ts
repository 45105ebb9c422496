import type { HomeEntry } from './screens/Home.js';

/** The home screen's menu; an entry whose feature is not built yet says so. */
export const HOME_ENTRIES: HomeEntry[] = [
  { id: 'learn', label: 'Learn', summary: 'lessons by topic', disabled: 'the lesson browser is not built yet; amlenv explain TOPIC prints a lesson' },
  { id: 'wizard', label: 'Build an environment', summary: 'the guided wizard: python, variables, docker, spark, then write the files' },
  { id: 'quiz', label: 'Quiz', summary: 'practice questions and exam mode', disabled: 'the quiz is not built yet' },
  { id: 'repl', label: 'REPL', summary: 'type SDK statements and watch the environment change', disabled: 'the REPL is not built yet' },
  { id: 'validate', label: 'Validate a file', summary: 'check any environment file and learn from each finding' },
  { id: 'build', label: 'Build & run', summary: 'build the image with Docker and run a script in it', disabled: 'local builds are not built yet; amlenv dockerfile shows the recipe' },
  { id: 'progress', label: 'Progress', summary: 'what you know, what is due', disabled: 'progress tracking comes with the quiz' },
];
