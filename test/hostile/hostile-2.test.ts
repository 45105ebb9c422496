// A third of the hostile cases (test/hostile/suite.ts deals them to three files that run at once).
import { hostileSuite } from './suite.js';

hostileSuite(1, 3);
