import type { AgendaItem, AgendaItemKind } from '../../../shared/agenda.js';
import { TEMPLATES } from '../../../shared/agendaTemplates.js';
import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext, CommandHandler, TopicReader } from '../context.js';

interface ItemRow {
  id: string;
  day_id: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  planned_minutes: number;
  question: string;
  facilitator_notes: string;
  seating_round_id: string | null;
  warn_seconds: number;
  show_overtime: number;
}

interface DayRow {
  id: string;
  date: string;
  starts_at: string;
  title: string;
  position: number;
}

function toItem(row: ItemRow, expertIds: string[]): AgendaItem {
  return {
    id: row.id,
    dayId: row.day_id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    plannedMinutes: row.planned_minutes,
    question: row.question,
    facilitatorNotes: row.facilitator_notes,
    seatingRoundId: row.seating_round_id,
    expertIds,
    warnSeconds: row.warn_seconds,
    showOvertime: row.show_overtime === 1,
  };
}

export function readItem(db: Db, id: string): AgendaItem | null {
  const row = db.prepare('SELECT * FROM agenda_item WHERE id = ?').get(id) as ItemRow | undefined;
  if (!row) return null;
  const experts = (db.prepare('SELECT expert_id FROM agenda_item_expert WHERE item_id = ? ORDER BY expert_id').all(id) as { expert_id: string }[]).map(
    (e) => e.expert_id,
  );
  return toItem(row, experts);
}

function readDay(db: Db, id: string) {
  const r = db.prepare('SELECT * FROM agenda_day WHERE id = ?').get(id) as DayRow | undefined;
  return r ? { id: r.id, date: r.date, startsAt: r.starts_at, title: r.title, position: r.position } : null;
}

function requireItem(db: Db, id: string): AgendaItem {
  const item = readItem(db, id);
  if (!item) throw new PuntariError('agenda.notFound', { id });
  return item;
}

function requireDay(db: Db, id: string) {
  const day = readDay(db, id);
  if (!day) throw new PuntariError('agenda.notFound', { id });
  return day;
}

function runningItemId(db: Db): string | null {
  return (db.prepare('SELECT item_id FROM clock WHERE id = 1').get() as { item_id: string | null }).item_id;
}

function checkDateFree(db: Db, date: string, exceptDayId: string | null): void {
  const clash = db.prepare('SELECT id FROM agenda_day WHERE date = ? AND id IS NOT ?').get(date, exceptDayId);
  if (clash) throw new PuntariError('agenda.dayOverlaps', { date });
}

function checkLinks(db: Db, expertIds: string[] | undefined, seatingRoundId: string | null | undefined): void {
  for (const e of expertIds ?? []) {
    if (!db.prepare('SELECT 1 FROM expert WHERE id = ?').get(e)) throw new PuntariError('agenda.unknownExpert', { id: e });
  }
  if (seatingRoundId && !db.prepare('SELECT 1 FROM seating_round WHERE id = ?').get(seatingRoundId)) {
    throw new PuntariError('agenda.unknownRound', { id: seatingRoundId });
  }
}

/** Renumbers a day's items 0..n-1 in their current order, with `moving` placed at `position`. */
function renumber(ctx: CommandContext, dayId: string, moving?: { id: string; position: number }): void {
  const ids = (ctx.db.prepare('SELECT id FROM agenda_item WHERE day_id = ? ORDER BY position, id').all(dayId) as { id: string }[])
    .map((r) => r.id)
    .filter((id) => id !== moving?.id);
  if (moving) ids.splice(Math.min(moving.position, ids.length), 0, moving.id);
  const update = ctx.db.prepare('UPDATE agenda_item SET position = ? WHERE id = ? AND position IS NOT ?');
  ids.forEach((id, position) => {
    if (update.run(position, id, position).changes > 0) ctx.change('agendaItems', id, readItem(ctx.db, id));
  });
}

function emitDay(ctx: CommandContext, id: string): void {
  ctx.change('agendaDays', id, readDay(ctx.db, id));
}

function setExperts(db: Db, itemId: string, expertIds: string[]): void {
  db.prepare('DELETE FROM agenda_item_expert WHERE item_id = ?').run(itemId);
  const insert = db.prepare('INSERT INTO agenda_item_expert (item_id, expert_id) VALUES (?, ?)');
  for (const e of new Set(expertIds)) insert.run(itemId, e);
}

export const addDay: CommandHandler<'agenda.addDay'> = (input, ctx) => {
  checkDateFree(ctx.db, input.date, null);
  const id = uuidv7();
  const position = (ctx.db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS p FROM agenda_day').get() as { p: number }).p;
  ctx.db.prepare('INSERT INTO agenda_day (id, date, starts_at, title, position) VALUES (?, ?, ?, ?, ?)').run(id, input.date, input.startsAt, input.title, position);
  emitDay(ctx, id);
  return { id };
};

export const updateDay: CommandHandler<'agenda.updateDay'> = (input, ctx) => {
  const day = requireDay(ctx.db, input.dayId);
  if (input.date !== undefined) checkDateFree(ctx.db, input.date, day.id);
  ctx.db
    .prepare('UPDATE agenda_day SET date = ?, starts_at = ?, title = ? WHERE id = ?')
    .run(input.date ?? day.date, input.startsAt ?? day.startsAt, input.title ?? day.title, day.id);
  reorderDays(ctx);
  emitDay(ctx, day.id);
  return null;
};

/** Days run in date order. */
function reorderDays(ctx: CommandContext): void {
  const days = ctx.db.prepare('SELECT id, position FROM agenda_day ORDER BY date, position').all() as { id: string; position: number }[];
  days.forEach((d, i) => {
    if (d.position !== i) {
      ctx.db.prepare('UPDATE agenda_day SET position = ? WHERE id = ?').run(i, d.id);
      emitDay(ctx, d.id);
    }
  });
}

export const removeDay: CommandHandler<'agenda.removeDay'> = ({ dayId }, ctx) => {
  requireDay(ctx.db, dayId);
  const running = runningItemId(ctx.db);
  const items = (ctx.db.prepare('SELECT id FROM agenda_item WHERE day_id = ?').all(dayId) as { id: string }[]).map((r) => r.id);
  if (running && items.includes(running)) throw new PuntariError('agenda.itemRunning', { id: running });
  ctx.db.prepare('DELETE FROM agenda_day WHERE id = ?').run(dayId);
  for (const id of items) ctx.change('agendaItems', id, null);
  ctx.change('agendaDays', dayId, null);
  return null;
};

export const addItem: CommandHandler<'agenda.addItem'> = (input, ctx) => {
  requireDay(ctx.db, input.dayId);
  checkLinks(ctx.db, input.expertIds, input.seatingRoundId);
  const id = uuidv7();
  const end = (ctx.db.prepare('SELECT COUNT(*) AS n FROM agenda_item WHERE day_id = ?').get(input.dayId) as { n: number }).n;
  ctx.db
    .prepare(
      `INSERT INTO agenda_item (id, day_id, position, kind, title, planned_minutes, question, facilitator_notes,
        seating_round_id, warn_seconds, show_overtime) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, input.dayId, end, input.kind, input.title, input.plannedMinutes, input.question, input.facilitatorNotes, input.seatingRoundId, input.warnSeconds, input.showOvertime ? 1 : 0);
  setExperts(ctx.db, id, input.expertIds);
  ctx.change('agendaItems', id, readItem(ctx.db, id));
  if (input.position !== undefined && input.position < end) renumber(ctx, input.dayId, { id, position: input.position });
  return { id };
};

export const updateItem: CommandHandler<'agenda.updateItem'> = (input, ctx) => {
  const item = requireItem(ctx.db, input.itemId);
  checkLinks(ctx.db, input.expertIds, input.seatingRoundId);
  const next = { ...item, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as AgendaItem;
  ctx.db
    .prepare(
      `UPDATE agenda_item SET kind = ?, title = ?, planned_minutes = ?, question = ?, facilitator_notes = ?,
        seating_round_id = ?, warn_seconds = ?, show_overtime = ? WHERE id = ?`,
    )
    .run(next.kind, next.title, next.plannedMinutes, next.question, next.facilitatorNotes, next.seatingRoundId, next.warnSeconds, next.showOvertime ? 1 : 0, item.id);
  if (input.expertIds) setExperts(ctx.db, item.id, input.expertIds);
  ctx.change('agendaItems', item.id, readItem(ctx.db, item.id));
  return null;
};

export const removeItem: CommandHandler<'agenda.removeItem'> = ({ itemId }, ctx) => {
  const item = requireItem(ctx.db, itemId);
  if (runningItemId(ctx.db) === itemId) throw new PuntariError('agenda.itemRunning', { id: itemId, title: item.title });
  ctx.db.prepare('DELETE FROM agenda_item WHERE id = ?').run(itemId);
  ctx.change('agendaItems', itemId, null);
  renumber(ctx, item.dayId);
  return null;
};

export const moveItem: CommandHandler<'agenda.moveItem'> = ({ itemId, dayId, position }, ctx) => {
  const item = requireItem(ctx.db, itemId);
  requireDay(ctx.db, dayId);
  if (item.dayId !== dayId) {
    ctx.db.prepare('UPDATE agenda_item SET day_id = ?, position = ? WHERE id = ?').run(dayId, 100_000, itemId);
    ctx.change('agendaItems', itemId, readItem(ctx.db, itemId));
    renumber(ctx, item.dayId);
  }
  renumber(ctx, dayId, { id: itemId, position });
  return null;
};

export const applyTemplate: CommandHandler<'agenda.applyTemplate'> = ({ template, firstDate, language }, ctx) => {
  const days = TEMPLATES[template];
  const first = new Date(`${firstDate}T12:00:00Z`);
  const dayIds: string[] = [];
  days.forEach((day, i) => {
    const date = new Date(first.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const { id } = addDay({ date, startsAt: day.startsAt, title: day.title[language] }, ctx);
    dayIds.push(id);
    for (const item of day.items) {
      addItem(
        {
          dayId: id,
          kind: item.kind,
          title: item.title[language],
          plannedMinutes: item.minutes,
          question: item.question?.[language] ?? '',
          facilitatorNotes: '',
          expertIds: [],
          seatingRoundId: null,
          warnSeconds: 120,
          showOvertime: true,
        },
        ctx,
      );
    }
  });
  reorderDays(ctx);
  return { dayIds };
};

export const agendaDaysTopic: TopicReader<'agendaDays'> = ({ db }) =>
  (db.prepare('SELECT * FROM agenda_day ORDER BY position').all() as DayRow[]).map((r) => ({
    key: r.id,
    value: { id: r.id, date: r.date, startsAt: r.starts_at, title: r.title, position: r.position },
    scope: null,
  }));

export const agendaItemsTopic: TopicReader<'agendaItems'> = ({ db }) => {
  const experts = db.prepare('SELECT item_id, expert_id FROM agenda_item_expert ORDER BY expert_id').all() as {
    item_id: string;
    expert_id: string;
  }[];
  return (db.prepare('SELECT * FROM agenda_item ORDER BY day_id, position').all() as ItemRow[]).map((r) => ({
    key: r.id,
    value: toItem(
      r,
      experts.filter((e) => e.item_id === r.id).map((e) => e.expert_id),
    ),
    scope: null,
  }));
};

export const expertsTopic: TopicReader<'experts'> = ({ db }) =>
  (db.prepare('SELECT * FROM expert ORDER BY name').all() as {
    id: string;
    name: string;
    title: string;
    organisation: string;
    topic: string;
  }[]).map((r) => ({ key: r.id, value: { ...r }, scope: null }));
