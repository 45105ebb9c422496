// Screens at 60 columns (test/e2e/narrow-screens.ts).
import { narrowScreenChecks } from './narrow-screens.js';

narrowScreenChecks(60);
