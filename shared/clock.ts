import { z } from 'zod';
import type { AgendaDay, AgendaItem } from './agenda.js';

/**
 * The running programme, as the hub stores it: timestamps (hub milliseconds), never a ticking
 * counter, so a restart, a reload or a laptop's sleep changes nothing about the time shown.
 */
export interface ClockState {
  /** The item on stage; null before the programme starts. */
  itemId: string | null;
  /** When the item was started (hub ms); null while it waits to be started. */
  startedAt: number | null;
  /** When it was paused (hub ms); null while running. */
  pausedAt: number | null;
  /** Pauses of this item so far, not counting one in progress. */
  pausedMs: number;
  /** Time added (+) or removed (−) for this item. */
  addedMs: number;
  /** A message to the room: shown over the projector and table screens while visible. */
  message: string;
  messageVisible: boolean;
  blackout: boolean;
  chimeMuted: boolean;
}

export const IDLE_CLOCK: ClockState = {
  itemId: null,
  startedAt: null,
  pausedAt: null,
  pausedMs: 0,
  addedMs: 0,
  message: '',
  messageVisible: false,
  blackout: false,
  chimeMuted: false,
};

export const MINUTE = 60_000;

/** The item's allowed duration with added time; never below zero. */
export function allowedMs(plannedMinutes: number, state: Pick<ClockState, 'addedMs'>): number {
  return Math.max(0, plannedMinutes * MINUTE + state.addedMs);
}

/** Time spent on the item so far: pauses do not count. */
export function elapsedMs(state: ClockState, now: number): number {
  if (state.startedAt === null) return 0;
  const until = state.pausedAt ?? now;
  return Math.max(0, until - state.startedAt - state.pausedMs);
}

/** Remaining time; negative once the item runs over. */
export function remainingMs(state: ClockState, plannedMinutes: number, now: number): number {
  return allowedMs(plannedMinutes, state) - elapsedMs(state, now);
}

export type ClockPhase = 'idle' | 'ready' | 'running' | 'paused';

export function phase(state: ClockState): ClockPhase {
  if (state.itemId === null) return 'idle';
  if (state.startedAt === null) return 'ready';
  return state.pausedAt === null ? 'running' : 'paused';
}

export function start(state: ClockState, itemId: string, now: number): ClockState {
  return { ...state, itemId, startedAt: now, pausedAt: null, pausedMs: 0, addedMs: 0 };
}

export function pause(state: ClockState, now: number): ClockState {
  if (phase(state) !== 'running') return state;
  return { ...state, pausedAt: now };
}

export function resume(state: ClockState, now: number): ClockState {
  if (phase(state) !== 'paused') return state;
  return { ...state, pausedMs: state.pausedMs + (now - state.pausedAt!), pausedAt: null };
}

/**
 * Adds or removes time. Removing never takes the item below what has already elapsed
 * beyond zero remaining: the display does not jump backwards past the present.
 */
export function adjust(state: ClockState, plannedMinutes: number, deltaMs: number, now: number): ClockState {
  const added = state.addedMs + deltaMs;
  if (deltaMs >= 0) return { ...state, addedMs: added };
  const floor = Math.min(state.addedMs, elapsedMs(state, now) - plannedMinutes * MINUTE);
  return { ...state, addedMs: Math.max(added, floor) };
}

/** How the displayed remaining time is rounded: a countdown shows 0:00 only when it is over. */
export function displaySeconds(remaining: number): number {
  return remaining >= 0 ? Math.ceil(remaining / 1000) : -Math.floor(-remaining / 1000);
}

export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '−' : '';
  const s = Math.abs(totalSeconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${sign}${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/** Minutes since local midnight for a day's "HH:MM" start. */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Local wall-clock time of a day's planned start, in ms. Days are planned in the venue's
 * local time; the hub and screens share a timezone in one room.
 */
export function dayStartMs(day: Pick<AgendaDay, 'date' | 'startsAt'>): number {
  const [y, mo, d] = day.date.split('-').map(Number) as [number, number, number];
  const mins = minutesOfDay(day.startsAt);
  return new Date(y, mo - 1, d, Math.floor(mins / 60), mins % 60).getTime();
}

export interface DayForecast {
  /** Planned end of the day (local ms). */
  plannedEnd: number;
  /** End of the day if the rest runs as planned from now (local ms). */
  projectedEnd: number;
  /** Positive: behind schedule; negative: ahead (ms). */
  driftMs: number;
}

/**
 * How far the day is ahead or behind, and when it will end at this pace: the item on stage
 * ends when its remaining time runs out (or now, if over), the items after it take their
 * planned time.
 */
export function forecastDay(day: AgendaDay, items: AgendaItem[], state: ClockState, now: number): DayForecast | null {
  const ordered = items.filter((i) => i.dayId === day.id).sort((a, b) => a.position - b.position);
  const plannedEnd = dayStartMs(day) + ordered.reduce((sum, i) => sum + i.plannedMinutes * MINUTE, 0);
  const index = ordered.findIndex((i) => i.id === state.itemId);
  if (index < 0) return null;
  const current = ordered[index]!;
  const currentEnd = state.startedAt === null ? now + allowedMs(current.plannedMinutes, state) : now + Math.max(0, remainingMs(state, current.plannedMinutes, now));
  const rest = ordered.slice(index + 1).reduce((sum, i) => sum + i.plannedMinutes * MINUTE, 0);
  const projectedEnd = currentEnd + rest;
  return { plannedEnd, projectedEnd, driftMs: projectedEnd - plannedEnd };
}

/** The programme in running order, across days. */
export function runningOrder(days: AgendaDay[], items: AgendaItem[]): AgendaItem[] {
  const dayPos = new Map(days.map((d) => [d.id, d.position]));
  return [...items].sort((a, b) => (dayPos.get(a.dayId) ?? 0) - (dayPos.get(b.dayId) ?? 0) || a.position - b.position);
}

/** An item's warning threshold: the countdown turns to a warning with this much left. */
export function isWarning(remaining: number, warnSeconds: number): boolean {
  return remaining >= 0 && remaining <= warnSeconds * 1000;
}

// ---------------------------------------------------------------- commands

const itemId = z.string().min(1).max(64);
/** The item the sender's screen showed as current: two windows pressing next at once move one step, not two. */
const fromItemId = itemId.nullable();
const MANAGE = ['facilitator', 'cofacilitator'] as const;

export const clockCommands = {
  'clock.start': { input: z.object({ itemId: itemId.optional() }), roles: MANAGE },
  'clock.pause': { input: z.object({}), roles: MANAGE },
  'clock.resume': { input: z.object({}), roles: MANAGE },
  'clock.adjust': {
    input: z.object({ deltaSeconds: z.number().int().min(-3600).max(3600).refine((n) => n !== 0, 'zero') }),
    roles: MANAGE,
  },
  'clock.next': { input: z.object({ fromItemId }), roles: MANAGE },
  'clock.previous': { input: z.object({ fromItemId }), roles: MANAGE },
  'clock.skip': { input: z.object({ fromItemId }), roles: MANAGE },
  'clock.jump': { input: z.object({ itemId }), roles: MANAGE },
  'clock.stop': { input: z.object({}), roles: MANAGE },
  'clock.message': { input: z.object({ text: z.string().trim().max(280), visible: z.boolean() }), roles: MANAGE },
  'clock.blackout': { input: z.object({ on: z.boolean() }), roles: MANAGE },
  'clock.mute': { input: z.object({ muted: z.boolean() }), roles: MANAGE },
} as const;

/** One item's planned-versus-actual record, for the process description in the statement. */
export interface ItemRun {
  id: string;
  itemId: string;
  dayId: string;
  title: string;
  plannedMinutes: number;
  startedAt: string | null;
  endedAt: string | null;
  pausedMs: number;
  addedMs: number;
  skipped: boolean;
}
