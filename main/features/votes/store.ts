import { createHash, randomBytes } from 'node:crypto';
import { PuntariError } from '../../../shared/errors.js';
import { canonicalRows, countVote, hashMaterial, headCount, type CanonicalRow } from '../../../shared/voteCounting.js';
import type { BallotContent, CastMode, CountedAnswers, Threshold, Vote, VoteResult, VoteSubject } from '../../../shared/votes.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext } from '../context.js';

/** Reading votes, their ballots and counts; emitting a vote's records to the feed. */

interface VoteRow {
  id: string;
  title: string;
  method: Vote['method'];
  subjects: string;
  dots: number | null;
  ranking_count: Vote['rankingCount'];
  thresholds: string;
  base: Vote['base'];
  day_id: string | null;
  modes: string;
  live_results: number;
  status: Vote['status'];
  opened_at: string | null;
  closed_at: string | null;
  result_hash: string | null;
  position: number;
  created_at: string;
}

function turnoutOf(db: Db, row: VoteRow): number {
  const ballots = (db.prepare('SELECT COUNT(*) AS n FROM ballot WHERE vote_id = ?').get(row.id) as { n: number }).n;
  const shape = { method: row.method, subjects: JSON.parse(row.subjects) as VoteSubject[], dots: row.dots };
  let heads = 0;
  for (const counts of countsOf(db, row.id)) heads += headCount(shape, counts);
  return ballots + heads;
}

function toVote(db: Db, row: VoteRow): Vote {
  const reopenings = db.prepare('SELECT at, reason, by FROM vote_reopening WHERE vote_id = ? ORDER BY seq').all(row.id) as Vote['reopenings'];
  const codesIssued = (db.prepare('SELECT COUNT(*) AS n FROM ballot_code WHERE vote_id = ?').get(row.id) as { n: number }).n;
  return {
    id: row.id,
    title: row.title,
    method: row.method,
    subjects: JSON.parse(row.subjects) as VoteSubject[],
    dots: row.dots,
    rankingCount: row.ranking_count,
    thresholds: JSON.parse(row.thresholds) as Threshold[],
    base: row.base,
    dayId: row.day_id,
    modes: JSON.parse(row.modes) as CastMode[],
    liveResults: row.live_results === 1,
    status: row.status,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    turnout: turnoutOf(db, row),
    codesIssued,
    resultHash: row.result_hash,
    reopenings,
  };
}

export function readVote(db: Db, id: string): Vote | null {
  const row = db.prepare('SELECT * FROM vote WHERE id = ?').get(id) as VoteRow | undefined;
  return row ? toVote(db, row) : null;
}

export function requireVote(db: Db, id: string): Vote {
  const vote = readVote(db, id);
  if (!vote) throw new PuntariError('votes.notFound', { id });
  return vote;
}

export function listVotes(db: Db): Vote[] {
  return (db.prepare('SELECT * FROM vote ORDER BY position').all() as VoteRow[]).map((r) => toVote(db, r));
}

export interface StoredBallot {
  source: 'code' | 'paper';
  content: BallotContent;
}

/** Every ballot of a vote, in storage order (the order of their random keys). */
export function ballotsOf(db: Db, voteId: string): StoredBallot[] {
  return (db.prepare('SELECT content, source FROM ballot WHERE vote_id = ? ORDER BY key').all(voteId) as { content: string; source: 'code' | 'paper' }[]).map(
    (r) => ({ source: r.source, content: JSON.parse(r.content) as BallotContent }),
  );
}

export interface StoredTally {
  voteId: string;
  tableNo: number;
  counts: CountedAnswers;
  at: string;
}

export function talliesOf(db: Db, voteId: string): StoredTally[] {
  return (db.prepare('SELECT vote_id, table_no, counts, at FROM tally WHERE vote_id = ? ORDER BY table_no').all(voteId) as {
    vote_id: string;
    table_no: number;
    counts: string;
    at: string;
  }[]).map((r) => ({ voteId: r.vote_id, tableNo: r.table_no, counts: JSON.parse(r.counts) as CountedAnswers, at: r.at }));
}

export function paperOf(db: Db, voteId: string): CountedAnswers | null {
  const row = db.prepare('SELECT counts FROM paper_count WHERE vote_id = ?').get(voteId) as { counts: string } | undefined;
  return row ? (JSON.parse(row.counts) as CountedAnswers) : null;
}

/** Tallies and paper totals: the entered counts that add to the ballots. */
function countsOf(db: Db, voteId: string): CountedAnswers[] {
  const paper = paperOf(db, voteId);
  return [...talliesOf(db, voteId).map((t) => t.counts), ...(paper ? [paper] : [])];
}

/**
 * The participants present for a vote: those checked in on the vote's day. Without a day, or
 * when nobody was checked in that day (check-in not used), the codes issued stand in; null
 * when there are none either.
 */
export function presentFor(db: Db, vote: Pick<Vote, 'dayId' | 'codesIssued'>): number | null {
  if (vote.dayId) {
    const n = (db.prepare('SELECT COUNT(*) AS n FROM attendance WHERE day_id = ?').get(vote.dayId) as { n: number }).n;
    if (n > 0) return n;
  }
  return vote.codesIssued > 0 ? vote.codesIssued : null;
}

export function resultsOf(db: Db, vote: Vote): VoteResult {
  return countVote({
    vote,
    ballots: ballotsOf(db, vote.id).map((b) => b.content),
    counts: countsOf(db, vote.id),
    present: presentFor(db, vote),
    resultHash: vote.resultHash,
  });
}

/** Whether the room may see a vote's results now. */
export function isPublished(vote: Vote): boolean {
  return vote.status === 'closed' || (vote.status === 'open' && vote.liveResults);
}

/** The canonical record of a vote (see canonicalRows in shared/voteCounting.ts). */
export function canonicalRecord(db: Db, vote: Vote): CanonicalRow[] {
  return canonicalRows({
    voteId: vote.id,
    method: vote.method,
    rankingCount: vote.rankingCount,
    ballots: ballotsOf(db, vote.id),
    tallies: talliesOf(db, vote.id),
    paper: paperOf(db, vote.id),
  });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function resultHashOf(db: Db, vote: Vote): string {
  return sha256Hex(hashMaterial(canonicalRecord(db, vote)));
}

/** A ballot's storage key: random, so storage order says nothing about casting order. */
export function randomBallotKey(): string {
  return randomBytes(16).toString('hex');
}

// ------------------------------------------------------------ the feed

export function emitVote(ctx: Pick<CommandContext, 'db' | 'change'>, voteId: string): Vote | null {
  const vote = readVote(ctx.db, voteId);
  ctx.change('votes', voteId, vote);
  return vote;
}

/**
 * Emits a vote's results: always to the managers (voteResults), to the room (publishedResults)
 * when allowed, and withdraws the room's copy when `withdraw` (a closed vote re-opened without
 * live results). Earlier result rows of the vote are dropped from the change log first: the log
 * keeps only the latest results, so no sequence of stored results retraces the ballots one by one.
 */
export function emitResults(ctx: Pick<CommandContext, 'db' | 'change'>, vote: Vote, withdraw = false): VoteResult | null {
  if (vote.status === 'draft') return null;
  ctx.db.prepare("DELETE FROM change_log WHERE topic IN ('voteResults', 'publishedResults') AND key = ?").run(vote.id);
  const result = resultsOf(ctx.db, vote);
  ctx.change('voteResults', vote.id, result);
  if (isPublished(vote)) ctx.change('publishedResults', vote.id, result);
  else if (withdraw) ctx.change('publishedResults', vote.id, null);
  return result;
}
