/**
 * Seating commands on the hub: tables, rounds, settings, moving and swapping people, pins, pairs
 * kept apart, the need for an accessible table, and the round the projector shows. A generated
 * plan arrives through generate.ts (worker computes, the hub commits).
 */
import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import { agendaItemsTopic } from '../agenda/agenda.js';
import type { CommandContext, CommandHandler } from '../context.js';
import { takeProjector } from '../projector/projector.js';
import { participantScope } from '../participants/participants.js';
import { readParticipant, readRoster } from '../participants/roster.js';
import { emitRound, emitSettings, readRound, readSettings, readShown, readTables, writeSettings } from './store.js';

function requireRound(ctx: CommandContext, roundId: string) {
  const round = readRound(ctx.db, roundId);
  if (!round) throw new PuntariError('seating.notFound', { id: roundId });
  return round;
}

function requirePerson(ctx: CommandContext, id: string): void {
  if (!readParticipant(ctx.db, id)) throw new PuntariError('seating.unknownPerson', { id });
}

function requireTable(ctx: CommandContext, no: number): void {
  if (!ctx.db.prepare('SELECT 1 FROM panel_table WHERE no = ?').get(no)) throw new PuntariError('seating.unknownTable', { tableNo: no });
}

/** A person's seats changed: secretaries of their (new) tables get their display name. */
export function emitPersonScope(ctx: CommandContext, id: string): void {
  const p = readParticipant(ctx.db, id);
  if (p) ctx.change('participants', id, p, participantScope(ctx.db, id));
}

function emitTable(ctx: CommandContext, no: number): void {
  ctx.change('tables', String(no), readTables(ctx.db).find((t) => t.no === no) ?? null);
}

export const updateSeatingSettings: CommandHandler<'seating.settings'> = ({ rounds, diversify }, ctx) => {
  const now = readSettings(ctx.db);
  if (diversify) {
    const has = ctx.db.prepare('SELECT 1 FROM background_feature WHERE key = ?');
    for (const key of diversify) if (!has.get(key)) throw new PuntariError('roster.unknownFeature', { feature: key, value: '' });
  }
  writeSettings(ctx.db, { rounds: rounds ?? now.rounds, diversify: diversify ? [...new Set(diversify)] : now.diversify });
  emitSettings(ctx);
  return null;
};

export const setTable: CommandHandler<'seating.setTable'> = ({ no, name, capacity, language, accessible }, ctx) => {
  ctx.db.prepare("INSERT INTO panel_table (no, name, capacity, language, accessible) VALUES (?, '', ?, 'fi', 0) ON CONFLICT DO NOTHING").run(no, capacity ?? 8);
  if (name !== undefined) ctx.db.prepare('UPDATE panel_table SET name = ? WHERE no = ?').run(name, no);
  if (capacity !== undefined) ctx.db.prepare('UPDATE panel_table SET capacity = ? WHERE no = ?').run(capacity, no);
  if (language !== undefined) ctx.db.prepare('UPDATE panel_table SET language = ? WHERE no = ?').run(language, no);
  if (accessible !== undefined) ctx.db.prepare('UPDATE panel_table SET accessible = ? WHERE no = ?').run(accessible ? 1 : 0, no);
  emitTable(ctx, no);
  return null;
};

export const setTableCount: CommandHandler<'seating.setTableCount'> = ({ count, capacity }, ctx) => {
  const tables = readTables(ctx.db);
  for (let no = 1; no <= count; no++) {
    if (tables.some((t) => t.no === no)) continue;
    ctx.db.prepare("INSERT INTO panel_table (no, name, capacity, language, accessible) VALUES (?, '', ?, 'fi', 0)").run(no, capacity);
    emitTable(ctx, no);
  }
  const gone = tables.filter((t) => t.no > count).map((t) => t.no);
  if (gone.length > 0) {
    const marks = gone.map(() => '?').join(',');
    const seated = ctx.db.prepare(`SELECT DISTINCT round_id, participant_id FROM seat WHERE table_no IN (${marks})`).all(...gone) as { round_id: string; participant_id: string }[];
    ctx.db.prepare(`DELETE FROM seat WHERE table_no IN (${marks})`).run(...gone);
    ctx.db.prepare(`DELETE FROM seating_pin WHERE table_no IN (${marks})`).run(...gone);
    ctx.db.prepare(`DELETE FROM panel_table WHERE no IN (${marks})`).run(...gone);
    for (const no of gone) ctx.change('tables', String(no), null);
    for (const r of new Set(seated.map((s) => s.round_id))) emitRound(ctx, r);
    for (const p of new Set(seated.map((s) => s.participant_id))) emitPersonScope(ctx, p);
    emitSettings(ctx);
  }
  return null;
};

/** The next round's position. */
function nextPosition(ctx: CommandContext): number {
  return (ctx.db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS n FROM seating_round').get() as { n: number }).n;
}

export const addRound: CommandHandler<'seating.addRound'> = ({ name }, ctx) => {
  const id = uuidv7();
  const position = nextPosition(ctx);
  ctx.db.prepare('INSERT INTO seating_round (id, name, position) VALUES (?, ?, ?)').run(id, name ?? `#${position + 1}`, position);
  emitRound(ctx, id);
  const settings = readSettings(ctx.db);
  const count = (ctx.db.prepare('SELECT COUNT(*) AS n FROM seating_round').get() as { n: number }).n;
  if (count > settings.rounds) writeSettings(ctx.db, { rounds: count, diversify: settings.diversify });
  emitSettings(ctx);
  return { id };
};

export const renameRound: CommandHandler<'seating.renameRound'> = ({ roundId, name }, ctx) => {
  requireRound(ctx, roundId);
  ctx.db.prepare('UPDATE seating_round SET name = ? WHERE id = ?').run(name, roundId);
  emitRound(ctx, roundId);
  return null;
};

export const removeRound: CommandHandler<'seating.removeRound'> = ({ roundId }, ctx) => {
  const round = requireRound(ctx, roundId);
  const shown = readShown(ctx.db).roundId === roundId;
  const linked = ctx.db.prepare('SELECT id FROM agenda_item WHERE seating_round_id = ?').all(roundId) as { id: string }[];
  ctx.db.prepare('DELETE FROM seating_round WHERE id = ?').run(roundId);
  ctx.change('seatingRounds', roundId, null);
  for (const id of Object.keys(round.seats)) emitPersonScope(ctx, id);
  if (shown) ctx.change('seatingShown', 'shown', readShown(ctx.db));
  if (linked.length > 0) {
    // Table discussions that named the round follow no round now (the programme shows it).
    const items = agendaItemsTopic({ db: ctx.db, isConnected: ctx.isConnected });
    for (const l of linked) {
      const entry = items.find((e) => e.key === l.id);
      if (entry) ctx.change('agendaItems', l.id, entry.value, entry.scope);
    }
  }
  return null;
};

export const moveSeat: CommandHandler<'seating.move'> = ({ roundId, participantId, tableNo }, ctx) => {
  const round = requireRound(ctx, roundId);
  requirePerson(ctx, participantId);
  if (tableNo === null) {
    if (round.seats[participantId] === undefined) return null;
    ctx.db.prepare('DELETE FROM seat WHERE round_id = ? AND participant_id = ?').run(roundId, participantId);
  } else {
    requireTable(ctx, tableNo);
    if (round.seats[participantId] === tableNo) return null;
    ctx.db
      .prepare('INSERT INTO seat (round_id, participant_id, table_no) VALUES (?, ?, ?) ON CONFLICT(round_id, participant_id) DO UPDATE SET table_no = excluded.table_no')
      .run(roundId, participantId, tableNo);
  }
  emitRound(ctx, roundId);
  emitPersonScope(ctx, participantId);
  return null;
};

export const swapSeats: CommandHandler<'seating.swap'> = ({ roundId, a, b }, ctx) => {
  if (a === b) throw new PuntariError('seating.samePerson', { id: a });
  const round = requireRound(ctx, roundId);
  const ta = round.seats[a];
  const tb = round.seats[b];
  if (ta === undefined) throw new PuntariError('seating.unknownPerson', { id: a });
  if (tb === undefined) throw new PuntariError('seating.unknownPerson', { id: b });
  const set = ctx.db.prepare('UPDATE seat SET table_no = ? WHERE round_id = ? AND participant_id = ?');
  set.run(tb, roundId, a);
  set.run(ta, roundId, b);
  emitRound(ctx, roundId);
  emitPersonScope(ctx, a);
  emitPersonScope(ctx, b);
  return null;
};

export const pinSeat: CommandHandler<'seating.pin'> = ({ participantId, round, tableNo }, ctx) => {
  requirePerson(ctx, participantId);
  const key = round ?? -1;
  if (tableNo === null) {
    ctx.db.prepare('DELETE FROM seating_pin WHERE participant_id = ? AND round = ?').run(participantId, key);
  } else {
    requireTable(ctx, tableNo);
    // A pin for every round replaces the person's pins for single rounds, and the other way round.
    if (key === -1) ctx.db.prepare('DELETE FROM seating_pin WHERE participant_id = ?').run(participantId);
    else ctx.db.prepare('DELETE FROM seating_pin WHERE participant_id = ? AND round = -1').run(participantId);
    ctx.db
      .prepare('INSERT INTO seating_pin (participant_id, round, table_no) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET table_no = excluded.table_no')
      .run(participantId, key, tableNo);
  }
  emitSettings(ctx);
  return null;
};

export const keepApart: CommandHandler<'seating.keepApart'> = ({ a, b, apart }, ctx) => {
  if (a === b) throw new PuntariError('seating.samePerson', { id: a });
  requirePerson(ctx, a);
  requirePerson(ctx, b);
  const [x, y] = a < b ? [a, b] : [b, a];
  if (apart) ctx.db.prepare('INSERT INTO seating_apart (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING').run(x, y);
  else ctx.db.prepare('DELETE FROM seating_apart WHERE a = ? AND b = ?').run(x, y);
  emitSettings(ctx);
  return null;
};

export const needsAccessible: CommandHandler<'seating.needsAccessible'> = ({ participantId, needs }, ctx) => {
  requirePerson(ctx, participantId);
  ctx.db.prepare('INSERT INTO participant_roster (participant_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(participantId, ctx.now.toISOString());
  ctx.db.prepare('UPDATE participant_roster SET needs_accessible_table = ?, updated_at = ? WHERE participant_id = ?').run(needs ? 1 : 0, ctx.now.toISOString(), participantId);
  ctx.change('participantRoster', participantId, readRoster(ctx.db, participantId));
  return null;
};

export const showRound: CommandHandler<'seating.show'> = ({ roundId }, ctx) => {
  if (roundId !== null) {
    requireRound(ctx, roundId);
    takeProjector(ctx, 'seating');
  }
  ctx.db.prepare("INSERT INTO meta (key, value) VALUES ('seating.shown', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify({ roundId }));
  ctx.change('seatingShown', 'shown', readShown(ctx.db));
  return null;
};
