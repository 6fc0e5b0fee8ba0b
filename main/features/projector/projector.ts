import type { CommandContext } from '../context.js';

/**
 * The projector shows one thing at a time besides the clock: a question to the experts or a
 * vote's results. Whichever the facilitator put up last wins; the other is taken down.
 */
export function takeProjector(ctx: CommandContext, by: 'question' | 'results'): void {
  if (by === 'question') {
    const shown = ctx.db.prepare('SELECT vote_id FROM shown_results WHERE id = 1').get() as { vote_id: string | null } | undefined;
    if (shown?.vote_id) {
      ctx.db.prepare('UPDATE shown_results SET vote_id = NULL WHERE id = 1').run();
      ctx.change('shownResults', 'shown', { voteId: null });
    }
  } else {
    const projected = ctx.db.prepare('SELECT question_id FROM projected_question WHERE id = 1').get() as { question_id: string | null };
    if (projected.question_id) {
      ctx.db.prepare('UPDATE projected_question SET question_id = NULL WHERE id = 1').run();
      ctx.change('projectedQuestion', 'projected', { questionId: null, text: '', expertId: null, fromTables: [] });
    }
  }
}
