import { z } from 'zod';

/**
 * Panel selection (issue 7): the pool of sign-ups, the quotas and what the selection engine returns.
 * Pure types and schemas: the engine (main/features/selection/engine) and the screens share them.
 */

export const SELECTION_ALGORITHMS = ['leximin', 'legacy'] as const;
export type SelectionAlgorithm = (typeof SELECTION_ALGORITHMS)[number];

export const PersonSchema = z.object({
  id: z.string().min(1),
  /** feature name -> value, e.g. { kunta: 'Hyvinkää', ikä: '25-34' } */
  features: z.record(z.string(), z.string()),
  /** Household key (normalised address); at most one person per household sits on a panel. */
  household: z.string().nullable(),
});
export type Person = z.infer<typeof PersonSchema>;

export const QuotaSchema = z.object({
  feature: z.string().min(1),
  value: z.string(),
  min: z.number().int().min(0),
  max: z.number().int().min(0),
  /** Sortition Foundation's min_flex/max_flex: how far a relaxation may go (optional). */
  minFlex: z.number().int().min(0).optional(),
  maxFlex: z.number().int().min(0).optional(),
});
export type Quota = z.infer<typeof QuotaSchema>;

export const InstanceSchema = z.object({
  people: z.array(PersonSchema),
  quotas: z.array(QuotaSchema),
  k: z.number().int().min(1),
});
export type Instance = z.infer<typeof InstanceSchema>;

/** One change of a quota bound that (with the others) makes the quotas feasible. */
export interface Relaxation {
  feature: string;
  value: string;
  /** The new minimum (only when the minimum must come down). */
  min?: number;
  /** The new maximum (only when the maximum must go up). */
  max?: number;
  /** The bounds as they were. */
  was: { min: number; max: number };
}

export type Feasibility =
  | { feasible: true }
  | {
      feasible: false;
      /** Smallest total change of bounds; empty when no change of quotas helps (pool or households too small). */
      relaxations: Relaxation[];
      /** Why: 'quotas' (fixable by relaxations) or 'pool' (fewer eligible people/households than k). */
      reason: 'quotas' | 'pool';
    };

export interface WeightedPanel {
  /** Person ids, sorted. */
  members: string[];
  weight: number;
}

export interface LeximinResult {
  algorithm: 'leximin';
  /** person id -> selection probability (sums to k). */
  probabilities: Record<string, number>;
  /** The lottery: panels with weights summing to 1 (people of one type rotate through the panels). */
  panels: WeightedPanel[];
  /** Compact form of the lottery over types (people with identical features, no household tie). */
  typeLottery: TypeLottery;
  /** How many LEXIMIN levels were fixed. */
  levelsFixed: number;
  /** True only when every person's probability is fixed: the result is exactly LEXIMIN (within tolerance). */
  final: boolean;
  minProbability: number;
  gini: number;
  seconds: number;
  /**
   * Solver figures, for the audit and the benchmark. `method`: split from LEXIMIN over the quotas'
   * LP relaxation (the usual road), or column generation when that optimum is out of reach.
   */
  stats: { method: 'relaxation' | 'columnGeneration'; types: number; columns: number; pricingSolves: number; lpSolves: number };
}

export interface TypeLottery {
  /** Person ids of each type (in input order). */
  types: string[][];
  /** Panels as counts per type: [typeIndex, count] pairs, with weights summing to 1. */
  panels: { counts: [number, number][]; weight: number }[];
}

export interface LegacyResult {
  algorithm: 'legacy';
  /** One panel drawn with the seed. */
  panel: string[];
  /** Estimated probabilities (share of successful draws in which the person was selected). */
  probabilities: Record<string, number>;
  draws: number;
  /** Draws that ran into a dead end and were retried (the legacy method can fail). */
  failedDraws: number;
  minProbability: number;
  gini: number;
  seconds: number;
  seed: string;
}

export interface Lottery {
  /** Number of tickets; a number 1..M drawn in public picks panel M. */
  m: number;
  seed: string;
  panels: string[][];
  /** Largest |share of tickets containing a person − their LEXIMIN probability|. */
  maxDeviation: number;
}

/** What the selection job and the CLI report (report.json). */
export interface SelectionReport {
  algorithm: SelectionAlgorithm;
  n: number;
  k: number;
  min_probability: number;
  gini: number;
  seconds: number;
  levels_fixed: number | null;
  final: boolean;
  seed: string | null;
  lottery_m: number | null;
  draw: number | null;
  lottery_max_deviation: number | null;
  selected: string[];
}

export const SelectionJobInputSchema = z.object({
  instance: InstanceSchema,
  algorithm: z.enum(SELECTION_ALGORITHMS),
  seed: z.string().optional(),
  draws: z.number().int().min(1).optional(),
  lottery: z.object({ m: z.number().int().min(1), draw: z.number().int().min(1).optional() }).optional(),
  timeLimitSeconds: z.number().positive().optional(),
});
export type SelectionJobInput = z.infer<typeof SelectionJobInputSchema>;

/** A problem found while reading sign-ups or quotas; row and column are 1-based as a spreadsheet shows them. */
export interface FormatProblem {
  code: 'missingColumn' | 'missingId' | 'duplicateId' | 'emptyFeature' | 'unknownValue' | 'badNumber' | 'minAboveMax' | 'duplicateQuota' | 'unparsable' | 'emptyFile';
  row: number | null;
  column: string | null;
  value?: string;
}
