// Screens at 80 columns (test/e2e/narrow-screens.ts).
import { examFarewellCheck, narrowScreenChecks } from './narrow-screens.js';

narrowScreenChecks(80);
examFarewellCheck();
