/**
 * Precomputes the demo panel's LEXIMIN and LEGACY results (the demo is written synchronously):
 *   npx tsx main/features/selection/precomputeDemo.ts
 * Run again whenever demoPool.ts, demoSelection.ts's quotas or the engine change.
 */
import { writeFileSync } from 'node:fs';
import { computeDemoSelection, DEMO_SELECTION_JSON } from './demoSelection.js';

const data = await computeDemoSelection();
writeFileSync(DEMO_SELECTION_JSON, `${JSON.stringify(data)}\n`);
console.log(`${DEMO_SELECTION_JSON}: min ${data.leximin.minProbability.toFixed(4)}, gini ${data.leximin.gini.toFixed(3)}, ${data.leximin.typeLottery.panels.length} panels, ${data.leximin.seconds.toFixed(1)} s`);
