import type { SeatingShown } from '../../../shared/participants.js';
import type { StatementShown } from '../../../shared/statement.js';
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
  if (by !== 'seating') {
    const seating = takeDown<SeatingShown>(ctx, 'seating.shown', ['roundId']);
    if (seating) ctx.change('seatingShown', 'shown', seating);
  }
  if (by !== 'statement') {
    const statement = takeDown<StatementShown>(ctx, 'statement.shown', ['mode', 'blockId']);
    if (statement) ctx.change('statementShown', 'shown', { ...statement, language: statement.language ?? null });
  }
}

/**
 * Sets a meta row's `showing` fields to null when any of them shows something, keeping its other
 * fields (the statement's language stays chosen); the new value, or null when nothing was shown.
 */
function takeDown<T extends object>(ctx: CommandContext, key: string, showing: readonly (keyof T & string)[]): T | null {
  const row = ctx.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  const value = JSON.parse(row.value) as T;
  if (showing.every((field) => (value[field] ?? null) === null)) return null;
  const down = { ...value, ...Object.fromEntries(showing.map((field) => [field, null])) } as T;
  ctx.db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(JSON.stringify(down), key);
  return down;
}
