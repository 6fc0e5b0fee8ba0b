/**
 * The selection's worker-thread jobs: 'selection.run' (LEXIMIN or LEGACY, with progress and
 * cancel) and 'selection.feasibility' (the quotas' smallest relaxation: a MIP that takes seconds on
 * a large pool, so it must not hold up the hub's thread). Results are plain data (structured-clone
 * safe) for the hub.
 */
import {
  SelectionJobInputSchema,
  type Feasibility,
  type Instance,
  type LegacyResult,
  type LeximinResult,
  type Lottery,
  type SelectionJobInput,
} from '../../../../shared/selection.js';
import { checkFeasibility } from './feasibility.js';
import type { EngineIo } from './leximin.js';
import { legacy } from './legacy.js';
import { leximin } from './leximin.js';
import { drawPanel, roundToLottery, samplePanel } from './lottery.js';
import { randomSeed } from './rng.js';

export interface SelectionJobResult {
  result: LeximinResult | LegacyResult;
  /** The selected panel: the LEGACY draw, the drawn lottery number's panel, or a seeded LEXIMIN sample. */
  selected: string[];
  seed: string;
  lottery: Lottery | null;
  draw: number | null;
}

export async function selectionJob(input: SelectionJobInput, io: EngineIo): Promise<SelectionJobResult> {
  const parsed = SelectionJobInputSchema.parse(input);
  const seed = parsed.seed ?? randomSeed();
  if (parsed.algorithm === 'legacy') {
    const result = legacy(parsed.instance, { seed, draws: parsed.draws }, io);
    return { result, selected: result.panel, seed, lottery: null, draw: null };
  }
  const result = await leximin(parsed.instance, io, { timeLimitSeconds: parsed.timeLimitSeconds, expandPanels: false });
  if (parsed.lottery) {
    const lottery = roundToLottery(result, parsed.lottery.m, seed);
    const draw = parsed.lottery.draw ?? null;
    return { result, selected: draw === null ? [] : drawPanel(lottery, draw), seed, lottery, draw };
  }
  return { result, selected: samplePanel(result, seed), seed, lottery: null, draw: null };
}

export function feasibilityJob(input: { instance: Instance }): Promise<Feasibility> {
  return checkFeasibility(input.instance);
}
