// Screens at 120 columns (test/e2e/narrow-screens.ts).
import { narrowScreenChecks } from './narrow-screens.js';

narrowScreenChecks(120);
