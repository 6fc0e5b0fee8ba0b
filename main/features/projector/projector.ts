import type { CommandContext } from '../context.js';

/**
 * The projector shows one thing at a time besides the clock: a question to the experts, a vote's
 * results, a seating round ("find your table") or the draft statement. Whichever the facilitator
 * put up last wins; the others are taken down.
 */
export function takeProjector(ctx: CommandContext, by: 'question' | 'results' | 'seating' | 'statement'): void {
  if (by !== 'results') {
    const shown = ctx.db.prepare('SELECT vote_id FROM shown_results WHERE id = 1').get() as { vote_id: string | null } | undefined;
    if (shown?.vote_id) {
      ctx.db.prepare('UPDATE shown_results SET vote_id = NULL WHERE id = 1').run();
      ctx.change('shownResults', 'shown', { voteId: null });
    }
  }
  if (by !== 'question') {
    const projected = ctx.db.prepare('SELECT question_id FROM projected_question WHERE id = 1').get() as { question_id: string | null };
    if (projected.question_id) {
      ctx.db.prepare('UPDATE projected_question SET question_id = NULL WHERE id = 1').run();
      ctx.change('projectedQuestion', 'projected', { questionId: null, text: '', expertId: null, fromTables: [] });
    }
  }
  if (by !== 'seating' && takeDown(ctx, 'seating.shown', { roundId: null })) ctx.change('seatingShown', 'shown', { roundId: null });
  if (by !== 'statement' && takeDown(ctx, 'statement.shown', { mode: null, blockId: null })) ctx.change('statementShown', 'shown', { mode: null, blockId: null });
}

/** Replaces a meta row that shows something (any non-null field) with `empty`; true when it did. */
function takeDown(ctx: CommandContext, key: string, empty: Record<string, null>): boolean {
  const row = ctx.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row || Object.values(JSON.parse(row.value) as Record<string, unknown>).every((v) => v === null)) return false;
  ctx.db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(JSON.stringify(empty), key);
  return true;
}
