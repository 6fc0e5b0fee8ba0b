import { z } from 'zod';
import type { FormatProblem, Quota, SelectionAlgorithm } from './selection.js';

/**
 * Recruitment and the panel's selection as the facilitator handles them (issue 7): the figures,
 * the imported pool, quotas, runs, the draw, reserves. The engine's own types are in selection.ts.
 *
 * The pool does not travel: names, contacts and addresses of the sign-ups live in a recruitment
 * file of their own next to the panel (`<panel>.recruitment.puntari`, same passphrase). The panel
 * file keeps what the audit needs (file hashes, each sign-up's pseudonymous id and features, a
 * salted household hash, the probabilities) and, after the draw, the selected people (as
 * participants) and the reserves.
 */

export interface SelectionSettings {
  panelSize: number;
  /** Quotas from population shares: ± this many people around share × panel size. */
  tolerance: number;
  /** Tickets in the transparent lottery (a number 1..M drawn in public picks a panel). */
  lotteryM: number;
  reserveCount: number;
}

export interface SelectionInputFile {
  id: string;
  kind: 'people' | 'quotas';
  name: string;
  sha256: string;
  rows: number;
  encoding: string;
  delimiter: string;
  /** File rows (1-based, header = 1) the user chose to leave out. */
  excludedRows: number[];
  importedAt: string;
}

export interface PoolSummary {
  n: number;
  households: number;
  /** feature key -> value -> sign-ups */
  counts: Record<string, Record<string, number>>;
  /** The recruitment file's name (next to the panel file); null once it is deleted. */
  recruitmentFile: string | null;
  recruitmentFileFound: boolean;
}

export interface RunSummary {
  id: string;
  algorithm: SelectionAlgorithm;
  finishedAt: string;
  n: number;
  k: number;
  seconds: number;
  minProbability: number;
  gini: number;
  /** LEXIMIN: levels fixed and whether every probability is fixed (exactly LEXIMIN). LEGACY: null / false. */
  levelsFixed: number | null;
  final: boolean;
  seed: string;
  /** LEGACY: draws behind the estimate. */
  draws: number | null;
  /** 20 bins over [0, 1]: sign-ups per bin of selection probability. */
  histogram: number[];
  /** Probabilities sorted ascending, sampled at ≤ 100 points (for the LEXIMIN against LEGACY chart). */
  curve: number[];
  lottery: { m: number; seed: string; maxDeviation: number } | null;
  /** The pool and quotas changed since this run: it can no longer be drawn from. */
  stale: boolean;
  engineVersion: string;
}

export interface SelectionReserve {
  rank: number;
  poolId: string;
  displayName: string;
  features: Record<string, string>;
  /** The participant this reserve became, once used. */
  participantId: string | null;
  /** The participant this reserve replaced. */
  replaced: string | null;
}

export interface SelectionOutcome {
  runId: string;
  method: 'number' | 'seed' | 'legacy';
  draw: number | null;
  seed: string;
  drawnAt: string;
  /** Drawn sign-ups and the participants they became. */
  panel: { poolId: string; participantId: string | null }[];
  reserves: SelectionReserve[];
  replacements: { dropped: string; replacement: string; source: 'reserve' | 'draw'; at: string }[];
}

/**
 * A backup folder that holds (or held) copies of the recruitment file. `notReached`: the last
 * attempt to forget the pool could not reach the folder (not there: an unplugged drive; no
 * access; another error), so copies may still be in it.
 */
export interface PoolCopyFolder {
  folder: string;
  notReached: 'missing' | 'denied' | 'failed' | null;
}

/** What forgetting the pool deleted, and the folders it could not reach (their copies remain). */
export interface ForgetPoolResult {
  removed: number;
  notReached: string[];
}

/** Topic 'selection', key 'selection' (facilitator only). */
export interface SelectionView {
  settings: SelectionSettings;
  invitations: { total: number | null; perValue: { feature: string; value: string; invitations: number }[] };
  inputs: SelectionInputFile[];
  pool: PoolSummary | null;
  quotas: Quota[];
  runs: RunSummary[];
  outcome: SelectionOutcome | null;
  /** Folders backups wrote copies of the recruitment file to, until forgetting the pool has deleted them. */
  poolCopies: PoolCopyFolder[];
}

// ---------------------------------------------------------------- commands

const key = z.string().trim().min(1).max(64);
const FACILITATOR = ['facilitator'] as const;

export const recruitmentCommands = {
  'selection.settings': {
    input: z.object({
      panelSize: z.number().int().min(1).max(1000).optional(),
      tolerance: z.number().int().min(0).max(100).optional(),
      lotteryM: z.number().int().min(1).max(100_000).optional(),
      reserveCount: z.number().int().min(0).max(500).optional(),
    }),
    roles: FACILITATOR,
  },
  /** Sets (upserts) quotas; `remove` takes quotas away. */
  'selection.setQuotas': {
    input: z.object({
      quotas: z
        .array(z.object({ feature: key, value: key, min: z.number().int().min(0).max(1000), max: z.number().int().min(0).max(1000) }))
        .max(1000),
      remove: z.array(z.object({ feature: key, value: key })).max(1000).optional(),
    }),
    roles: FACILITATOR,
  },
  /** Quotas for every value with a population share: share × panel size ± tolerance. */
  'selection.quotasFromShares': { input: z.object({}), roles: FACILITATOR },
  /** Population shares (fractions 0..1) of a feature's values; null clears one. */
  'selection.setShares': {
    input: z.object({ feature: key, shares: z.array(z.object({ value: key, share: z.number().min(0).max(1).nullable() })).max(200) }),
    roles: FACILITATOR,
  },
  /** Invitations sent: in total, and per feature value where known (null clears one). */
  'selection.setInvitations': {
    input: z.object({
      total: z.number().int().min(0).max(100_000_000).nullable().optional(),
      perValue: z.array(z.object({ feature: key, value: key, invitations: z.number().int().min(0).max(100_000_000).nullable() })).max(1000).optional(),
    }),
    roles: FACILITATOR,
  },
} as const;

export interface RecruitmentCommandResults {
  'selection.settings': null;
  'selection.setQuotas': null;
  'selection.quotasFromShares': { quotas: number };
  'selection.setShares': null;
  'selection.setInvitations': null;
}

// ---------------------------------------------------------------- HTTP bodies

const column = z.string().max(200);

/** How the columns of an uploaded sign-up file map to what the pool needs. */
export const PoolMappingSchema = z.object({
  /** null: row numbers are the ids (the replication format). */
  id: column.nullable(),
  name: column.nullable(),
  email: column.nullable(),
  phone: column.nullable(),
  /** Columns that together are the address (a household: at most one person per address on a panel). */
  address: z.array(column).max(6),
  postcode: column.nullable(),
  language: column.nullable(),
  features: z.array(z.object({ column, feature: key })).max(30),
});
export type PoolMapping = z.infer<typeof PoolMappingSchema>;

export const PoolValidateSchema = z.object({ uploadId: z.string().min(1).max(80), mapping: PoolMappingSchema });
/** A folder on the list of unreached ones to take off it (a drive gone for good); its copies, if any, are not touched. */
export const PoolCopyFolderDropSchema = z.object({ folder: z.string().min(1).max(4096) });

export const PoolImportSchema = PoolValidateSchema.extend({
  /** File rows to leave out; every problem must be on one of them. */
  excludeRows: z.array(z.number().int().min(2)).max(100_000).default([]),
});

export interface UploadedTable {
  uploadId: string;
  name: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string;
  header: string[];
  rows: number;
  preview: string[][];
  suggested: PoolMapping;
}

export interface PoolReport {
  rows: number;
  /** Rows that would be imported (no problem, not excluded). */
  ok: number;
  problems: FormatProblem[];
  /** Rows with a problem (file row numbers), for "exclude these rows". */
  problemRows: number[];
  /** Features not in the panel yet: created from the values the file has. */
  newFeatures: { feature: string; values: string[] }[];
  /** Whether the import may go ahead with these exclusions. */
  clean: boolean;
}

export const SelectionRunSchema = z.object({
  algorithm: z.enum(['leximin', 'legacy']),
  seed: z.string().trim().min(1).max(100).optional(),
  timeLimitSeconds: z.number().positive().max(3600).optional(),
  draws: z.number().int().min(10).max(100_000).optional(),
});

export const SelectionDrawSchema = z.object({
  runId: z.string().min(1).max(64),
  /** The number drawn in public, 1..M. */
  number: z.number().int().min(1).optional(),
  /** A seeded draw straight from the lottery (recorded). */
  seed: z.string().trim().min(1).max(100).optional(),
  /** Status of the people drawn. */
  status: z.enum(['invited', 'confirmed']).default('invited'),
});

/** `newDraw`: when no reserve keeps the quotas, draw the replacement from the pool (else refused with selection.noReserveFits). */
export const SelectionReplaceSchema = z.object({ participantId: z.string().min(1).max(64), newDraw: z.boolean().default(false) });

export interface PoolRow {
  poolId: string;
  row: number;
  name: string | null;
  features: Record<string, string>;
  leximin: number | null;
  legacy: number | null;
  outcome: 'panel' | 'reserve' | null;
}

/** Share × size ± tolerance, clipped to 0..size. */
export function quotaFromShare(share: number, size: number, tolerance: number): { min: number; max: number } {
  const target = share * size;
  return { min: Math.max(0, Math.floor(target + 1e-9) - tolerance), max: Math.min(size, Math.ceil(target - 1e-9) + tolerance) };
}

/** "Aino Korhonen" -> "Aino K." */
export function displayNameOf(fullName: string, fallback: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return fallback;
  if (parts.length === 1) return parts[0]!.slice(0, 80);
  return `${parts[0]} ${parts[parts.length - 1]![0]}.`.slice(0, 80);
}
