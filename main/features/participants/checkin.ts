/**
 * The check-in desk: a participant marked present for a day, or the mark taken back. Marking
 * twice changes nothing and tells when the first mark was made; a desk that was offline sends
 * its marks later through its outbox (same command ids: each lands once) with the time Enter
 * was pressed.
 */
import { PuntariError } from '../../../shared/errors.js';
import type { CommandContext, CommandHandler } from '../context.js';
import { deviceTime } from '../deviceTime.js';
import { emitResults, readVote } from '../votes/store.js';

function checkDayAndPerson(ctx: CommandContext, dayId: string, participantId: string): void {
  if (!ctx.db.prepare('SELECT 1 FROM agenda_day WHERE id = ?').get(dayId)) throw new PuntariError('checkin.unknownDay', { id: dayId });
  if (!ctx.db.prepare('SELECT 1 FROM participant WHERE id = ?').get(participantId)) throw new PuntariError('checkin.unknownPerson', { id: participantId });
}

/** An open vote on the day counts who is present: its turnout base moves with the desk. */
function refreshVotes(ctx: CommandContext, dayId: string): void {
  for (const { id } of ctx.db.prepare("SELECT id FROM vote WHERE day_id = ? AND status = 'open'").all(dayId) as { id: string }[]) {
    const vote = readVote(ctx.db, id);
    if (vote) emitResults(ctx, vote);
  }
}

export const markPresent: CommandHandler<'checkin.mark'> = ({ dayId, participantId, at }, ctx) => {
  checkDayAndPerson(ctx, dayId, participantId);
  const existing = ctx.db.prepare('SELECT present_at FROM attendance WHERE day_id = ? AND participant_id = ?').get(dayId, participantId) as
    | { present_at: string }
    | undefined;
  if (existing) return { already: true, presentAt: existing.present_at };
  const presentAt = deviceTime(at, ctx.now);
  ctx.db.prepare('INSERT INTO attendance (day_id, participant_id, present_at) VALUES (?, ?, ?)').run(dayId, participantId, presentAt);
  ctx.change('attendance', `${dayId}:${participantId}`, { key: `${dayId}:${participantId}`, dayId, participantId, presentAt });
  refreshVotes(ctx, dayId);
  return { already: false, presentAt };
};

export const undoPresent: CommandHandler<'checkin.undo'> = ({ dayId, participantId }, ctx) => {
  checkDayAndPerson(ctx, dayId, participantId);
  const info = ctx.db.prepare('DELETE FROM attendance WHERE day_id = ? AND participant_id = ?').run(dayId, participantId);
  if (info.changes === 0) return { wasPresent: false };
  ctx.change('attendance', `${dayId}:${participantId}`, null);
  refreshVotes(ctx, dayId);
  return { wasPresent: true };
};
