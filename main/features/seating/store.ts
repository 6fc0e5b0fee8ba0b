/** Seating records: rounds, seats, tables, settings (meta 'seating.settings'), pins, pairs kept apart, the shown round. */
import type { PanelTable, SeatingRound, SeatingSettings, SeatingShown } from '../../../shared/participants.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext, TopicReader } from '../context.js';

export const DEFAULT_ROUNDS = 2;

export function readRound(db: Db, id: string): SeatingRound | null {
  const r = db.prepare('SELECT id, name, position FROM seating_round WHERE id = ?').get(id) as { id: string; name: string; position: number } | undefined;
  if (!r) return null;
  const seats: Record<string, number> = {};
  for (const s of db.prepare('SELECT participant_id, table_no FROM seat WHERE round_id = ?').all(id) as { participant_id: string; table_no: number }[]) {
    seats[s.participant_id] = s.table_no;
  }
  return { id: r.id, name: r.name, position: r.position, seats };
}

export function listRounds(db: Db): SeatingRound[] {
  return (db.prepare('SELECT id FROM seating_round ORDER BY position').all() as { id: string }[]).map((r) => readRound(db, r.id)!);
}

export function readTables(db: Db): PanelTable[] {
  return (
    db.prepare('SELECT * FROM panel_table ORDER BY no').all() as { no: number; name: string; capacity: number; language: PanelTable['language']; accessible: number }[]
  ).map((r) => ({ no: r.no, name: r.name, capacity: r.capacity, language: r.language, accessible: r.accessible === 1 }));
}

export function readSettings(db: Db): SeatingSettings {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'seating.settings'").get() as { value: string } | undefined;
  const saved = row ? (JSON.parse(row.value) as Partial<SeatingSettings>) : {};
  const roundCount = (db.prepare('SELECT COUNT(*) AS n FROM seating_round').get() as { n: number }).n;
  const pins = (db.prepare('SELECT participant_id, round, table_no FROM seating_pin ORDER BY participant_id, round').all() as { participant_id: string; round: number; table_no: number }[]).map(
    (p) => ({ personId: p.participant_id, round: p.round < 0 ? null : p.round, tableNo: p.table_no }),
  );
  const keepApart = (db.prepare('SELECT a, b FROM seating_apart ORDER BY a, b').all() as { a: string; b: string }[]).map((r) => [r.a, r.b] as [string, string]);
  return { rounds: saved.rounds ?? Math.max(roundCount, DEFAULT_ROUNDS), diversify: saved.diversify ?? [], pins, keepApart };
}

export function writeSettings(db: Db, settings: Pick<SeatingSettings, 'rounds' | 'diversify'>): void {
  db.prepare("INSERT INTO meta (key, value) VALUES ('seating.settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify({ rounds: settings.rounds, diversify: settings.diversify }),
  );
}

export function readShown(db: Db): SeatingShown {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'seating.shown'").get() as { value: string } | undefined;
  const roundId = row ? (JSON.parse(row.value) as SeatingShown).roundId : null;
  // A round that was removed is not shown.
  return { roundId: roundId && readRound(db, roundId) ? roundId : null };
}

export function emitRound(ctx: CommandContext, id: string): void {
  ctx.change('seatingRounds', id, readRound(ctx.db, id));
}

export function emitSettings(ctx: CommandContext): void {
  ctx.change('seatingSettings', 'settings', readSettings(ctx.db));
}

export const seatingSettingsTopic: TopicReader<'seatingSettings'> = ({ db }) => [{ key: 'settings', value: readSettings(db), scope: null }];
export const seatingShownTopic: TopicReader<'seatingShown'> = ({ db }) => [{ key: 'shown', value: readShown(db), scope: null }];
