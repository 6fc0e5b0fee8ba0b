import { z } from 'zod';

/**
 * Votes on recommendations. A vote asks one question of several subjects (e.g. each of eight
 * recommendations on a four-point scale), or asks for approval, dots or a ranking over options.
 */
export const VOTE_METHODS = ['yesNoAbstain', 'scale4', 'scale5', 'approval', 'dots', 'ranking'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];

export const CAST_MODES = ['ballot', 'tally', 'paper'] as const;
/** ballot: a secret ballot on a kiosk or phone with a one-time code; tally: a table's show of hands; paper: counted by hand. */
export type CastMode = (typeof CAST_MODES)[number];

export const VOTE_STATUSES = ['draft', 'open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

/** What share the verdict is measured against: the ballots cast, or the participants present that day. */
export type VoteBase = 'cast' | 'present';

export const RANKING_COUNTS = ['borda', 'irv'] as const;
export type RankingCount = (typeof RANKING_COUNTS)[number];

/** A subject voted on: a recommendation (by id) or a free option. */
export interface VoteSubject {
  id: string;
  label: string;
  recommendationId: string | null;
}

/** A verdict reached when the supporting share is above `percent` (strictly). */
export interface Threshold {
  label: string;
  percent: number;
}

export interface Vote {
  id: string;
  title: string;
  method: VoteMethod;
  subjects: VoteSubject[];
  /** dots: how many dots each person has. */
  dots: number | null;
  rankingCount: RankingCount | null;
  thresholds: Threshold[];
  base: VoteBase;
  /** Agenda day whose attendance is the base (base 'present') and the turnout's reference. */
  dayId: string | null;
  modes: CastMode[];
  liveResults: boolean;
  status: VoteStatus;
  openedAt: string | null;
  closedAt: string | null;
  /** Ballots cast with codes, tallies and paper counts, as a number of people who voted. */
  turnout: number;
  codesIssued: number;
  /** SHA-256 over the sorted ballots and counts, fixed at close. */
  resultHash: string | null;
  reopenings: { at: string; reason: string; by: string }[];
}

/**
 * One person's answers. yesNoAbstain and scales: an answer per subject (null: left blank);
 * approval: the subjects approved; dots: dots per subject; ranking: subject ids, most preferred first.
 */
export type BallotContent =
  | { method: 'yesNoAbstain'; answers: Record<string, 'yes' | 'no' | 'abstain' | null> }
  | { method: 'scale4' | 'scale5'; answers: Record<string, number | null> }
  | { method: 'approval'; approved: string[] }
  | { method: 'dots'; dots: Record<string, number> }
  | { method: 'ranking'; ranking: string[] };

/** Counts a table secretary or the facilitator enters: per subject, how many people chose each answer. */
export type CountedAnswers = Record<string, Record<string, number>>;

export interface SubjectResult {
  subjectId: string;
  /** answer key → count: 'yes'|'no'|'abstain', '1'..'5' (scale level), 'approved', 'dots', or for ranking 'points' / 'round1'… */
  counts: Record<string, number>;
  /** People who answered this subject (blank answers excluded). */
  answered: number;
  /** The supporting share in percent of the base: yes, the agreeing levels, approvals, dots share. */
  supportPercent: number | null;
  /** The highest threshold passed, or null. */
  verdict: string | null;
}

export interface RankingRound {
  counts: Record<string, number>;
  eliminated: string[];
}

export interface VoteResult {
  voteId: string;
  base: number;
  ballots: number;
  subjects: SubjectResult[];
  /** ranking with irv: each round's first-preference counts and who went out; the winner. */
  rounds: RankingRound[] | null;
  winner: string | null;
  resultHash: string | null;
}

/** The agreeing levels of a scale: on four points the top two, on five the top two (the middle is neutral). */
export function agreeingLevels(method: 'scale4' | 'scale5'): number[] {
  return method === 'scale4' ? [3, 4] : [4, 5];
}

// ---------------------------------------------------------------- commands

const id = z.string().min(1).max(64);
const MANAGE = ['facilitator', 'cofacilitator'] as const;

export const ThresholdSchema = z.object({ label: z.string().trim().min(1).max(80), percent: z.number().min(0).max(100) });

export const VoteDefinitionSchema = z.object({
  title: z.string().trim().min(1).max(300),
  method: z.enum(VOTE_METHODS),
  subjects: z
    .array(z.object({ id: id, label: z.string().trim().min(1).max(300), recommendationId: id.nullable() }))
    .min(1)
    .max(100),
  dots: z.number().int().min(1).max(100).nullable(),
  rankingCount: z.enum(RANKING_COUNTS).nullable(),
  thresholds: z.array(ThresholdSchema).max(5),
  base: z.enum(['cast', 'present']),
  dayId: id.nullable(),
  modes: z.array(z.enum(CAST_MODES)).min(1),
  liveResults: z.boolean(),
});
export type VoteDefinition = z.infer<typeof VoteDefinitionSchema>;

const counts = z.record(z.string().max(64), z.record(z.string().max(16), z.number().int().min(0).max(100_000)));

export const voteCommands = {
  'votes.create': { input: VoteDefinitionSchema, roles: MANAGE },
  'votes.update': { input: VoteDefinitionSchema.partial().extend({ voteId: id }), roles: MANAGE },
  'votes.remove': { input: z.object({ voteId: id }), roles: MANAGE },
  'votes.open': { input: z.object({ voteId: id }), roles: MANAGE },
  'votes.close': { input: z.object({ voteId: id }), roles: MANAGE },
  /** Re-opening a closed vote needs a reason, which stays on the record. */
  'votes.reopen': { input: z.object({ voteId: id, reason: z.string().trim().min(3).max(500) }), roles: MANAGE },
  /** A table's show of hands: replaces that table's earlier tally for the vote. */
  'votes.tally': {
    input: z.object({ voteId: id, tableNo: z.number().int().min(1).max(200), counts }),
    roles: ['facilitator', 'cofacilitator', 'secretary'],
  },
  /** Paper ballots counted by hand: totals per answer; replaces the earlier paper count. */
  'votes.paperCounts': { input: z.object({ voteId: id, counts }), roles: MANAGE },
  /**
   * One paper ballot's ranking (ranking votes keep each paper ballot). Audited as the vote alone:
   * like a cast ballot, the log sees only that the turnout changed, never the ballot.
   */
  'votes.paperRanking': {
    input: z.object({ voteId: id, ballotId: z.string().min(1).max(64), ranking: z.array(id).min(1).max(100) }),
    roles: MANAGE,
    auditFields: ['voteId'],
  },
  'votes.showResults': { input: z.object({ voteId: id.nullable() }), roles: MANAGE },
} as const;

/** Casting a secret ballot happens over HTTP with its one-time code, not as a device command. */
export const BallotCastSchema = z.object({
  code: z.string().min(4).max(32),
  content: z.unknown(),
});
