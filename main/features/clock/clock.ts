import type { AgendaItem } from '../../../shared/agenda.js';
import * as time from '../../../shared/clock.js';
import type { ClockState, ItemRun } from '../../../shared/clock.js';
import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { Db } from '../../store/sqlite.js';
import { agendaItemsTopic, agendaDaysTopic } from '../agenda/agenda.js';
import type { CommandContext, CommandHandler, TopicReader } from '../context.js';

interface ClockRow {
  item_id: string | null;
  started_at: number | null;
  paused_at: number | null;
  paused_ms: number;
  added_ms: number;
  message: string;
  message_visible: number;
  blackout: number;
  chime_muted: number;
}

export function readClock(db: Db): ClockState {
  const r = db.prepare('SELECT * FROM clock WHERE id = 1').get() as ClockRow;
  return {
    itemId: r.item_id,
    startedAt: r.started_at,
    pausedAt: r.paused_at,
    pausedMs: r.paused_ms,
    addedMs: r.added_ms,
    message: r.message,
    messageVisible: r.message_visible === 1,
    blackout: r.blackout === 1,
    chimeMuted: r.chime_muted === 1,
  };
}

function writeClock(ctx: CommandContext, s: ClockState): null {
  ctx.db
    .prepare(
      `UPDATE clock SET item_id = ?, started_at = ?, paused_at = ?, paused_ms = ?, added_ms = ?, message = ?,
        message_visible = ?, blackout = ?, chime_muted = ? WHERE id = 1`,
    )
    .run(s.itemId, s.startedAt, s.pausedAt, s.pausedMs, s.addedMs, s.message, s.messageVisible ? 1 : 0, s.blackout ? 1 : 0, s.chimeMuted ? 1 : 0);
  ctx.change('clock', 'clock', readClock(ctx.db));
  return null;
}

/** The whole programme in running order, across days. */
function programme(db: Db): AgendaItem[] {
  const ctx = { db, isConnected: () => false };
  return time.runningOrder(
    agendaDaysTopic(ctx).map((e) => e.value),
    agendaItemsTopic(ctx).map((e) => e.value),
  );
}

function itemOf(db: Db, id: string): AgendaItem {
  const item = programme(db).find((i) => i.id === id);
  if (!item) throw new PuntariError('agenda.notFound', { id });
  return item;
}

function emitRun(ctx: CommandContext, id: string): void {
  ctx.change('itemRuns', id, readRun(ctx.db, id));
}

/** Closes the item's open planned-versus-actual record; an item left without starting is logged as skipped. */
function endRun(ctx: CommandContext, s: ClockState, now: number, skipping: boolean): void {
  if (s.itemId === null) return;
  if (s.startedAt === null) {
    if (!skipping) return;
    const item = programme(ctx.db).find((i) => i.id === s.itemId);
    if (!item) return;
    const id = uuidv7();
    ctx.db
      .prepare('INSERT INTO item_run (id, item_id, day_id, title, planned_minutes, skipped) VALUES (?, ?, ?, ?, ?, 1)')
      .run(id, item.id, item.dayId, item.title, item.plannedMinutes);
    emitRun(ctx, id);
    return;
  }
  const open = ctx.db.prepare('SELECT id FROM item_run WHERE item_id = ? AND ended_at IS NULL AND skipped = 0').get(s.itemId) as { id: string } | undefined;
  if (!open) return;
  const paused = s.pausedMs + (s.pausedAt !== null ? now - s.pausedAt : 0);
  ctx.db.prepare('UPDATE item_run SET ended_at = ?, paused_ms = ?, added_ms = ? WHERE id = ?').run(now, paused, s.addedMs, open.id);
  emitRun(ctx, open.id);
}

function beginRun(ctx: CommandContext, item: AgendaItem, now: number): void {
  const id = uuidv7();
  ctx.db
    .prepare('INSERT INTO item_run (id, item_id, day_id, title, planned_minutes, started_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, item.id, item.dayId, item.title, item.plannedMinutes, now);
  emitRun(ctx, id);
}

/** Two windows pressing next at once: the second press names an item that is no longer current. */
function checkCurrent(db: Db, s: ClockState, fromItemId: string | null): void {
  if (s.itemId !== fromItemId) {
    const current = s.itemId ? programme(db).find((i) => i.id === s.itemId) : undefined;
    throw new PuntariError('clock.stale', { current: current?.title ?? '' });
  }
}

function neighbour(db: Db, s: ClockState, step: 1 | -1): AgendaItem {
  const order = programme(db);
  if (order.length === 0) throw new PuntariError('clock.noItem');
  if (s.itemId === null) return order[0]!;
  const index = order.findIndex((i) => i.id === s.itemId);
  const target = order[index + step];
  if (!target) throw new PuntariError('clock.endOfProgramme');
  return target;
}

function startItem(ctx: CommandContext, s: ClockState, item: AgendaItem, now: number): null {
  endRun(ctx, s, now, false);
  beginRun(ctx, item, now);
  return writeClock(ctx, time.start(s, item.id, now));
}

function loadItem(ctx: CommandContext, s: ClockState, item: AgendaItem, now: number, skipping: boolean): null {
  endRun(ctx, s, now, skipping);
  return writeClock(ctx, { ...s, itemId: item.id, startedAt: null, pausedAt: null, pausedMs: 0, addedMs: 0 });
}

export const startClock: CommandHandler<'clock.start'> = ({ itemId }, ctx) => {
  const s = readClock(ctx.db);
  const now = ctx.now.getTime();
  const targetId = itemId ?? s.itemId ?? programme(ctx.db)[0]?.id;
  if (!targetId) throw new PuntariError('clock.noItem');
  const item = itemOf(ctx.db, targetId);
  if (item.id === s.itemId && time.phase(s) === 'running') return null;
  if (item.id === s.itemId && time.phase(s) === 'paused') return writeClock(ctx, time.resume(s, now));
  return startItem(ctx, s, item, now);
};

export const pauseClock: CommandHandler<'clock.pause'> = (_input, ctx) => writeClock(ctx, time.pause(readClock(ctx.db), ctx.now.getTime()));

export const resumeClock: CommandHandler<'clock.resume'> = (_input, ctx) => writeClock(ctx, time.resume(readClock(ctx.db), ctx.now.getTime()));

export const adjustClock: CommandHandler<'clock.adjust'> = ({ deltaSeconds }, ctx) => {
  const s = readClock(ctx.db);
  if (s.itemId === null) throw new PuntariError('clock.noItem');
  const item = itemOf(ctx.db, s.itemId);
  return writeClock(ctx, time.adjust(s, item.plannedMinutes, deltaSeconds * 1000, ctx.now.getTime()));
};

export const nextItem: CommandHandler<'clock.next'> = ({ fromItemId }, ctx) => {
  const s = readClock(ctx.db);
  checkCurrent(ctx.db, s, fromItemId);
  return startItem(ctx, s, neighbour(ctx.db, s, 1), ctx.now.getTime());
};

export const previousItem: CommandHandler<'clock.previous'> = ({ fromItemId }, ctx) => {
  const s = readClock(ctx.db);
  checkCurrent(ctx.db, s, fromItemId);
  return loadItem(ctx, s, neighbour(ctx.db, s, -1), ctx.now.getTime(), false);
};

export const skipItem: CommandHandler<'clock.skip'> = ({ fromItemId }, ctx) => {
  const s = readClock(ctx.db);
  checkCurrent(ctx.db, s, fromItemId);
  return loadItem(ctx, s, neighbour(ctx.db, s, 1), ctx.now.getTime(), true);
};

export const jumpTo: CommandHandler<'clock.jump'> = ({ itemId }, ctx) => {
  const s = readClock(ctx.db);
  if (s.itemId === itemId) return null;
  return loadItem(ctx, s, itemOf(ctx.db, itemId), ctx.now.getTime(), false);
};

export const stopClock: CommandHandler<'clock.stop'> = (_input, ctx) => {
  const s = readClock(ctx.db);
  endRun(ctx, s, ctx.now.getTime(), false);
  return writeClock(ctx, { ...s, itemId: null, startedAt: null, pausedAt: null, pausedMs: 0, addedMs: 0 });
};

export const setMessage: CommandHandler<'clock.message'> = ({ text, visible }, ctx) =>
  writeClock(ctx, { ...readClock(ctx.db), message: text, messageVisible: visible && text.length > 0 });

export const setBlackout: CommandHandler<'clock.blackout'> = ({ on }, ctx) => writeClock(ctx, { ...readClock(ctx.db), blackout: on });

export const setMuted: CommandHandler<'clock.mute'> = ({ muted }, ctx) => writeClock(ctx, { ...readClock(ctx.db), chimeMuted: muted });

interface RunRow {
  id: string;
  item_id: string;
  day_id: string;
  title: string;
  planned_minutes: number;
  started_at: number | null;
  ended_at: number | null;
  paused_ms: number;
  added_ms: number;
  skipped: number;
}

function toRun(r: RunRow): ItemRun {
  return {
    id: r.id,
    itemId: r.item_id,
    dayId: r.day_id,
    title: r.title,
    plannedMinutes: r.planned_minutes,
    startedAt: r.started_at === null ? null : new Date(r.started_at).toISOString(),
    endedAt: r.ended_at === null ? null : new Date(r.ended_at).toISOString(),
    pausedMs: r.paused_ms,
    addedMs: r.added_ms,
    skipped: r.skipped === 1,
  };
}

function readRun(db: Db, id: string): ItemRun | null {
  const r = db.prepare('SELECT * FROM item_run WHERE id = ?').get(id) as RunRow | undefined;
  return r ? toRun(r) : null;
}

export function readRuns(db: Db): ItemRun[] {
  return (db.prepare('SELECT * FROM item_run ORDER BY COALESCE(started_at, 0), id').all() as RunRow[]).map(toRun);
}

export const clockTopic: TopicReader<'clock'> = ({ db }) => [{ key: 'clock', value: readClock(db), scope: null }];

export const itemRunsTopic: TopicReader<'itemRuns'> = ({ db }) => readRuns(db).map((r) => ({ key: r.id, value: r, scope: null }));
