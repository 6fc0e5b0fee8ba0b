import { takeProjector } from '../projector/projector.js';
import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import { headCount, validateBallot, validateCounts } from '../../../shared/voteCounting.js';
import type { CastMode, Vote, VoteDefinition } from '../../../shared/votes.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext, CommandHandler, TopicReader } from '../context.js';
import {
  emitResults,
  emitVote,
  isPublished,
  listVotes,
  paperOf,
  readVote,
  requireVote,
  resultHashOf,
  resultsOf,
  sha256Hex,
  talliesOf,
} from './store.js';

// ------------------------------------------------------------ definitions

/** A definition's rules beyond its schema; returns it in normal form (dots/rankingCount only where they apply). */
function checkDefinition(db: Db, d: VoteDefinition): VoteDefinition {
  const fail = (reason: string) => {
    throw new PuntariError('votes.badDefinition', { reason });
  };
  const ids = d.subjects.map((s) => s.id);
  if (new Set(ids).size !== ids.length) fail('duplicateSubject');
  if (d.method === 'dots' && !d.dots) fail('dots');
  if (d.method === 'ranking' && !d.rankingCount) fail('rankingCount');
  if (d.method === 'ranking' && d.subjects.length < 2) fail('subjects');
  if (d.method === 'ranking' && d.modes.includes('tally')) fail('tallyRanking');
  if (new Set(d.modes).size !== d.modes.length) fail('modes');
  if (d.base === 'present' && !d.dayId) fail('day');
  if (d.dayId && !db.prepare('SELECT 1 FROM agenda_day WHERE id = ?').get(d.dayId)) throw new PuntariError('agenda.notFound', { id: d.dayId });
  for (const s of d.subjects) {
    if (s.recommendationId && !db.prepare('SELECT 1 FROM draft_recommendation WHERE id = ?').get(s.recommendationId)) {
      throw new PuntariError('recommendations.notFound', { id: s.recommendationId });
    }
  }
  return {
    ...d,
    dots: d.method === 'dots' ? d.dots : null,
    rankingCount: d.method === 'ranking' ? d.rankingCount : null,
    thresholds: [...d.thresholds].sort((a, b) => b.percent - a.percent),
  };
}

function writeDefinition(db: Db, id: string, d: VoteDefinition): void {
  db.prepare(
    `UPDATE vote SET title = ?, method = ?, subjects = ?, dots = ?, ranking_count = ?, thresholds = ?, base = ?, day_id = ?,
       modes = ?, live_results = ? WHERE id = ?`,
  ).run(
    d.title,
    d.method,
    JSON.stringify(d.subjects),
    d.dots,
    d.rankingCount,
    JSON.stringify(d.thresholds),
    d.base,
    d.dayId,
    JSON.stringify(d.modes),
    d.liveResults ? 1 : 0,
    id,
  );
}

/** Inserts a vote as a draft; the demo panel uses it too. */
export function insertVote(db: Db, d: VoteDefinition, now: Date, id = uuidv7()): string {
  const def = checkDefinition(db, d);
  const position = (db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS p FROM vote').get() as { p: number }).p;
  db.prepare("INSERT INTO vote (id, title, method, subjects, base, modes, position, created_at) VALUES (?, '', ?, '[]', 'cast', '[]', ?, ?)").run(
    id,
    def.method,
    position,
    now.toISOString(),
  );
  writeDefinition(db, id, def);
  return id;
}

function definitionOf(v: Vote): VoteDefinition {
  return {
    title: v.title,
    method: v.method,
    subjects: v.subjects,
    dots: v.dots,
    rankingCount: v.rankingCount,
    thresholds: v.thresholds,
    base: v.base,
    dayId: v.dayId,
    modes: v.modes,
    liveResults: v.liveResults,
  };
}

function requireDraft(db: Db, id: string): Vote {
  const v = requireVote(db, id);
  if (v.status !== 'draft') throw new PuntariError('votes.notDraft', { id });
  return v;
}

function requireOpen(db: Db, id: string, mode: CastMode | null): Vote {
  const v = requireVote(db, id);
  if (v.status !== 'open') throw new PuntariError('votes.notOpen', { id });
  if (mode && !v.modes.includes(mode)) throw new PuntariError('votes.modeNotAllowed', { mode });
  return v;
}

/** After any change to what is counted: the vote (its turnout) and its results. */
function emitAll(ctx: CommandContext, id: string, withdraw = false): void {
  const vote = emitVote(ctx, id);
  if (vote) emitResults(ctx, vote, withdraw);
}

// ------------------------------------------------------------ commands

export const createVote: CommandHandler<'votes.create'> = (input, ctx) => {
  const id = insertVote(ctx.db, input, ctx.now);
  emitVote(ctx, id);
  return { id };
};

export const updateVote: CommandHandler<'votes.update'> = ({ voteId, ...changes }, ctx) => {
  const v = requireDraft(ctx.db, voteId);
  const merged = { ...definitionOf(v), ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) } as VoteDefinition;
  writeDefinition(ctx.db, voteId, checkDefinition(ctx.db, merged));
  emitVote(ctx, voteId);
  return null;
};

export const removeVote: CommandHandler<'votes.remove'> = ({ voteId }, ctx) => {
  requireDraft(ctx.db, voteId);
  const shown = shownVoteId(ctx.db);
  ctx.db.prepare('DELETE FROM vote WHERE id = ?').run(voteId);
  ctx.change('votes', voteId, null);
  if (shown === voteId) ctx.change('shownResults', 'shown', { voteId: null });
  return null;
};

export const openVote: CommandHandler<'votes.open'> = ({ voteId }, ctx) => {
  requireDraft(ctx.db, voteId);
  ctx.db.prepare("UPDATE vote SET status = 'open', opened_at = ? WHERE id = ?").run(ctx.now.toISOString(), voteId);
  emitAll(ctx, voteId);
  return null;
};

/** Closing fixes the result hash over the sorted ballots and the counts. */
export const closeVote: CommandHandler<'votes.close'> = ({ voteId }, ctx) => {
  const v = requireOpen(ctx.db, voteId, null);
  ctx.db.prepare("UPDATE vote SET status = 'closed', closed_at = ?, result_hash = ? WHERE id = ?").run(ctx.now.toISOString(), resultHashOf(ctx.db, v), voteId);
  emitAll(ctx, voteId);
  return null;
};

export const reopenVote: CommandHandler<'votes.reopen'> = ({ voteId, reason }, ctx) => {
  const v = requireVote(ctx.db, voteId);
  if (v.status !== 'closed') throw new PuntariError('votes.notClosed', { id: voteId });
  ctx.db.prepare('INSERT INTO vote_reopening (vote_id, at, reason, by) VALUES (?, ?, ?, ?)').run(voteId, ctx.now.toISOString(), reason, ctx.principal.deviceName);
  ctx.db.prepare("UPDATE vote SET status = 'open', closed_at = NULL, result_hash = NULL WHERE id = ?").run(voteId);
  emitAll(ctx, voteId, true);
  return null;
};

/**
 * The people a table's tally may stand for: those seated at the table in the latest seating
 * round; without seating, those present on the vote's day; without either, the table's capacity.
 */
export function tableSize(db: Db, tableNo: number, dayId: string | null): number | null {
  const round = db.prepare('SELECT r.id FROM seating_round r WHERE EXISTS (SELECT 1 FROM seat s WHERE s.round_id = r.id) ORDER BY r.position DESC LIMIT 1').get() as
    | { id: string }
    | undefined;
  if (round) return (db.prepare('SELECT COUNT(*) AS n FROM seat WHERE round_id = ? AND table_no = ?').get(round.id, tableNo) as { n: number }).n;
  if (dayId) {
    const present = (db.prepare('SELECT COUNT(*) AS n FROM attendance WHERE day_id = ?').get(dayId) as { n: number }).n;
    if (present > 0) return present;
  }
  const table = db.prepare('SELECT capacity FROM panel_table WHERE no = ?').get(tableNo) as { capacity: number } | undefined;
  return table ? table.capacity : null;
}

export const tallyVote: CommandHandler<'votes.tally'> = ({ voteId, tableNo, counts }, ctx) => {
  if (ctx.principal.role === 'secretary' && ctx.principal.tableNo !== tableNo) throw new PuntariError('scope.forbidden', { name: 'votes.tally' });
  const v = requireOpen(ctx.db, voteId, 'tally');
  const checked = validateCounts(v, counts);
  if (!checked.ok) throw new PuntariError(checked.problem.code, checked.problem.params);
  const max = tableSize(ctx.db, tableNo, v.dayId);
  const people = headCount(v, checked.value);
  if (max !== null && people > max) throw new PuntariError('votes.tallyTooLarge', { tableNo, count: people, max });
  const at = ctx.now.toISOString();
  ctx.db
    .prepare(
      `INSERT INTO tally (vote_id, table_no, counts, at, device) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (vote_id, table_no) DO UPDATE SET counts = excluded.counts, at = excluded.at, device = excluded.device`,
    )
    .run(voteId, tableNo, JSON.stringify(checked.value), at, ctx.principal.deviceId ?? ctx.principal.deviceName);
  ctx.change('tallies', `${voteId}:${tableNo}`, { voteId, tableNo, counts: checked.value, at }, `table:${tableNo}`);
  emitAll(ctx, voteId);
  return null;
};

export const paperCounts: CommandHandler<'votes.paperCounts'> = ({ voteId, counts }, ctx) => {
  const v = requireOpen(ctx.db, voteId, 'paper');
  const checked = validateCounts(v, counts);
  if (!checked.ok) throw new PuntariError(checked.problem.code, checked.problem.params);
  ctx.db
    .prepare('INSERT INTO paper_count (vote_id, counts) VALUES (?, ?) ON CONFLICT (vote_id) DO UPDATE SET counts = excluded.counts')
    .run(voteId, JSON.stringify(checked.value));
  ctx.change('paperCounts', voteId, { voteId, counts: checked.value });
  emitAll(ctx, voteId);
  return null;
};

/**
 * One paper ballot's ranking. Stored like any ballot; its key is derived from the vote and the
 * client's ballot id (so entering the same paper ballot again corrects it rather than adding one),
 * hashed so the key carries no entry order.
 */
export const paperRanking: CommandHandler<'votes.paperRanking'> = ({ voteId, ballotId, ranking }, ctx) => {
  const v = requireOpen(ctx.db, voteId, 'paper');
  if (v.method !== 'ranking') throw new PuntariError('votes.modeNotAllowed', { mode: 'paperRanking' });
  const checked = validateBallot(v, { method: 'ranking', ranking });
  if (!checked.ok) throw new PuntariError(checked.problem.code, checked.problem.params);
  ctx.db
    .prepare(
      `INSERT INTO ballot (vote_id, key, content, source) VALUES (?, ?, ?, 'paper')
       ON CONFLICT (vote_id, key) DO UPDATE SET content = excluded.content`,
    )
    .run(voteId, sha256Hex(`paper:${voteId}:${ballotId}`), JSON.stringify(checked.value));
  emitAll(ctx, voteId);
  return null;
};

function shownVoteId(db: Db): string | null {
  return (db.prepare('SELECT vote_id FROM shown_results WHERE id = 1').get() as { vote_id: string | null } | undefined)?.vote_id ?? null;
}

export const showResults: CommandHandler<'votes.showResults'> = ({ voteId }, ctx) => {
  if (voteId !== null) requireVote(ctx.db, voteId);
  if (voteId !== null) takeProjector(ctx, 'results');
  ctx.db.prepare('UPDATE shown_results SET vote_id = ? WHERE id = 1').run(voteId);
  ctx.change('shownResults', 'shown', { voteId });
  return null;
};

// ------------------------------------------------------------ topics

export const votesTopic: TopicReader<'votes'> = ({ db }) => listVotes(db).map((v) => ({ key: v.id, value: v, scope: null }));

export const voteResultsTopic: TopicReader<'voteResults'> = ({ db }) =>
  listVotes(db)
    .filter((v) => v.status !== 'draft')
    .map((v) => ({ key: v.id, value: resultsOf(db, v), scope: null }));

export const publishedResultsTopic: TopicReader<'publishedResults'> = ({ db }) =>
  listVotes(db)
    .filter(isPublished)
    .map((v) => ({ key: v.id, value: resultsOf(db, v), scope: null }));

export const shownResultsTopic: TopicReader<'shownResults'> = ({ db }) => [{ key: 'shown', value: { voteId: shownVoteId(db) }, scope: null }];

export const talliesTopic: TopicReader<'tallies'> = ({ db }) =>
  listVotes(db).flatMap((v) =>
    talliesOf(db, v.id).map((t) => ({ key: `${v.id}:${t.tableNo}`, value: t, scope: `table:${t.tableNo}` as const })),
  );

export const paperCountsTopic: TopicReader<'paperCounts'> = ({ db }) =>
  listVotes(db).flatMap((v) => {
    const counts = paperOf(db, v.id);
    return counts ? [{ key: v.id, value: { voteId: v.id, counts }, scope: null }] : [];
  });

export { readVote };
