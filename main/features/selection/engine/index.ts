/**
 * The selection engine (issue 7): pure computation, no hub and no database, runnable in a worker
 * thread. Types are in shared/selection.ts.
 */
export { checkFeasibility, describeRelaxations } from './feasibility.js';
export { leximin, expandLottery, type EngineIo, type LeximinOptions } from './leximin.js';
export { legacy, type LegacyOptions } from './legacy.js';
export { roundToLottery, drawPanel, samplePanel } from './lottery.js';
export { reserveList, replace, type Replacement } from './reserves.js';
export { compile, panelProblem, gini } from './compile.js';
export { seededRng, randomSeed } from './rng.js';
