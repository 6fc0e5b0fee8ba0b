import { randomInt } from 'node:crypto';
import {
  BALLOT_CODE_ALPHABET,
  BALLOT_CODE_BODY,
  ballotCheckCharacter,
  isWellFormedBallotCode,
  normaliseBallotCode,
} from '../../../shared/ballotCode.js';
import { PuntariError } from '../../../shared/errors.js';
import { validateBallot } from '../../../shared/voteCounting.js';
import type { CastMode, Vote, VoteSubject } from '../../../shared/votes.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext } from '../context.js';
import { emitVote, randomBallotKey, requireVote, sha256Hex } from './store.js';

/**
 * Secret ballots: one-time codes (only their hashes are stored; the plaintext exists only in
 * the PDF of slips) and casting a ballot with a code, which consumes the code and stores the
 * ballot in one transaction. Nothing here writes to the audit log.
 */

export const MAX_CODES_PER_SHEET = 1000;

export function codeHash(code: string): string {
  return sha256Hex(`puntari-ballot-code:${code}`);
}

export function newBallotCode(): string {
  let body = '';
  for (let i = 0; i < BALLOT_CODE_BODY; i++) body += BALLOT_CODE_ALPHABET[randomInt(BALLOT_CODE_ALPHABET.length)];
  return body + ballotCheckCharacter(body);
}

/** Issues `count` new codes for a vote; returns the plaintext codes (for the slips only). */
export function issueCodes(ctx: Pick<CommandContext, 'db' | 'change'>, voteId: string, count: number): string[] {
  const vote = requireVote(ctx.db, voteId);
  if (vote.status === 'closed') throw new PuntariError('votes.notOpen', { id: voteId });
  if (!vote.modes.includes('ballot')) throw new PuntariError('votes.modeNotAllowed', { mode: 'ballot' });
  if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_SHEET) throw new PuntariError('votes.noCodes', { max: MAX_CODES_PER_SHEET });
  const insert = ctx.db.prepare('INSERT OR IGNORE INTO ballot_code (code_hash, vote_id, used) VALUES (?, ?, 0)');
  const codes: string[] = [];
  while (codes.length < count) {
    const code = newBallotCode();
    if (insert.run(codeHash(code), voteId).changes === 1) codes.push(code);
  }
  emitVote(ctx, voteId);
  return codes;
}

/** What a ballot needs of its vote (readVote would also count the turnout, for every ballot). */
export type BallotVote = Pick<Vote, 'id' | 'title' | 'method' | 'subjects' | 'dots' | 'rankingCount'>;

/** A code's vote, or the reason it cannot be used: mistyped, unknown, used, or the vote not open. */
export function voteForCode(db: Db, typed: string): { vote: BallotVote; hash: string } {
  const code = normaliseBallotCode(typed);
  if (!isWellFormedBallotCode(code)) throw new PuntariError('ballot.mistyped');
  const hash = codeHash(code);
  const row = db
    .prepare(
      `SELECT c.used, v.id, v.title, v.method, v.subjects, v.dots, v.ranking_count, v.status, v.modes
       FROM ballot_code c JOIN vote v ON v.id = c.vote_id WHERE c.code_hash = ?`,
    )
    .get(hash) as
    | { used: number; id: string; title: string; method: Vote['method']; subjects: string; dots: number | null; ranking_count: Vote['rankingCount']; status: Vote['status']; modes: string }
    | undefined;
  if (!row) throw new PuntariError('ballot.unknownCode');
  if (row.used === 1) throw new PuntariError('ballot.codeUsed');
  if (row.status !== 'open' || !(JSON.parse(row.modes) as CastMode[]).includes('ballot')) throw new PuntariError('ballot.voteClosed');
  const vote: BallotVote = {
    id: row.id,
    title: row.title,
    method: row.method,
    subjects: JSON.parse(row.subjects) as VoteSubject[],
    dots: row.dots,
    rankingCount: row.ranking_count,
  };
  return { vote, hash };
}

/** What the ballot page needs to show a vote. */
export function ballotView(vote: BallotVote) {
  return { id: vote.id, title: vote.title, method: vote.method, subjects: vote.subjects, dots: vote.dots, rankingCount: vote.rankingCount };
}

/**
 * Casts a ballot. Run inside one transaction (PanelSession.record): checks the code and the
 * content, consumes the code (only if still unused) and stores the ballot under a random key.
 * The only change for the feed is the vote's new turnout.
 */
export function castBallot(ctx: Pick<CommandContext, 'db' | 'change'>, typed: string, content: unknown, emit = true): string {
  const { vote, hash } = voteForCode(ctx.db, typed);
  const checked = validateBallot(vote, content);
  if (!checked.ok) throw new PuntariError(checked.problem.code, checked.problem.params);
  const consumed = ctx.db.prepare('UPDATE ballot_code SET used = 1 WHERE code_hash = ? AND used = 0').run(hash);
  if (consumed.changes !== 1) throw new PuntariError('ballot.codeUsed');
  ctx.db.prepare("INSERT INTO ballot (vote_id, key, content, source) VALUES (?, ?, ?, 'code')").run(vote.id, randomBallotKey(), JSON.stringify(checked.value));
  if (emit) emitVote(ctx, vote.id);
  return vote.id;
}

export type CastOutcome = { ok: true; voteId: string } | { ok: false; error: PuntariError };

/**
 * Casts several ballots in one transaction (one disk sync for all of them): each in a savepoint
 * of its own, so a refused one changes nothing and does not stop the others; each vote's new
 * turnout goes to the feed once. Returns an outcome per ballot, in order.
 */
export function castBallots(ctx: Pick<CommandContext, 'db' | 'change'>, ballots: readonly { code: string; content: unknown }[]): CastOutcome[] {
  const voted = new Set<string>();
  const outcomes = ballots.map((b): CastOutcome => {
    try {
      const voteId = ctx.db.transaction(() => castBallot(ctx, b.code, b.content, false))();
      voted.add(voteId);
      return { ok: true, voteId };
    } catch (error) {
      if (error instanceof PuntariError) return { ok: false, error };
      throw error;
    }
  });
  for (const id of voted) emitVote(ctx, id);
  return outcomes;
}
