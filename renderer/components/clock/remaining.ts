/**
 * What every screen in the room shows of the live clock, computed from the hub's timestamps
 * (shared/clock.ts) and the hub's time as this screen estimates it (hubNow()), never from this
 * device's own clock.
 */
import { useEffect, useReducer } from 'react';
import type { AgendaDay, AgendaItem } from '../../../shared/agenda.js';
import { plannedSchedule } from '../../../shared/agenda.js';
import {
  allowedMs,
  dayStartMs,
  displaySeconds,
  IDLE_CLOCK,
  isWarning,
  phase as clockPhase,
  remainingMs as clockRemainingMs,
  runningOrder,
  type ClockPhase,
  type ClockState,
} from '../../../shared/clock.js';
import { hubNow, useClock } from '../../stores/clock.js';
import { useTopic } from '../../stores/topics.js';

export type RemainingMode = 'normal' | 'warning' | 'overtime';

export interface Remaining {
  clock: ClockState;
  phase: ClockPhase;
  /** The item shown (the clock's current item unless another was asked for); null when idle. */
  item: AgendaItem | null;
  /** False until this screen has its first estimate of the hub's clock: no number is shown before. */
  synced: boolean;
  /** Remaining milliseconds at `now` (negative in overtime). */
  remainingMs: number;
  /** The second on display: counting down, negative in overtime; never goes up while running. */
  seconds: number;
  mode: RemainingMode;
  /** Hub time the figures were computed at. */
  now: number;
}

/** Milliseconds until `displaySeconds(remaining)` next changes, while the clock runs. */
export function msUntilNextSecond(remaining: number): number {
  if (remaining > 0) {
    const rest = remaining % 1000;
    return rest === 0 ? 1000 : rest;
  }
  return 1000 - (-remaining % 1000);
}

/** The running state of one item run: a new key means the display may legitimately jump. */
function runKey(state: ClockState, item: AgendaItem): string {
  return [state.itemId, state.startedAt, state.pausedAt, state.pausedMs, state.addedMs, item.plannedMinutes].join('|');
}

/**
 * The last second shown per run, shared by every display on the page. Small re-estimates of the
 * hub offset (a few ms, or one noisy sample) must never make a running countdown tick back up.
 */
const lastShown = new Map<string, number>();
/** A correction bigger than this is a real one (the first good estimate, a reconnect): show it. */
const MAX_HOLD_SECONDS = 2;

export function monotonicSeconds(key: string, computed: number): number {
  const last = lastShown.get(key);
  let shown = computed;
  if (last !== undefined && computed > last && computed - last <= MAX_HOLD_SECONDS) shown = last;
  if (last !== shown) {
    lastShown.set(key, shown);
    if (lastShown.size > 32) lastShown.delete(lastShown.keys().next().value as string);
  }
  return shown;
}

/** Pure: the figures for `item` under `state` at hub time `now`. */
export function computeRemaining(state: ClockState, item: AgendaItem | null, now: number, synced: boolean): Remaining {
  const current = item !== null && state.itemId === item.id;
  const p: ClockPhase = item === null ? 'idle' : current ? clockPhase(state) : 'ready';
  if (item === null) return { clock: state, phase: 'idle', item: null, synced, remainingMs: 0, seconds: 0, mode: 'normal', now };
  const remaining = current ? clockRemainingMs(state, item.plannedMinutes, now) : allowedMs(item.plannedMinutes, { addedMs: 0 });
  let seconds = displaySeconds(remaining);
  if (p === 'running' && synced) seconds = monotonicSeconds(runKey(state, item), seconds);
  const mode: RemainingMode = seconds <= 0 && remaining <= 0 && p !== 'ready' ? 'overtime' : isWarning(remaining, item.warnSeconds) && p !== 'ready' ? 'warning' : 'normal';
  return { clock: state, phase: p, item, synced, remainingMs: remaining, seconds, mode, now };
}

/**
 * The live remaining time of `itemId` (default: the clock's current item), re-rendered exactly
 * when the displayed second changes. Every screen flips at the same hub instant: the flips fall
 * on the run's own second boundaries (startedAt + pauses + k·1000 ms of hub time), and hubNow()
 * puts them at the same moment on every screen whatever its own clock says.
 */
export function useRemaining(itemId?: string | null): Remaining {
  const state = useTopic('clock').clock ?? IDLE_CLOCK;
  const items = useTopic('agendaItems');
  // Re-render when the offset estimate changes (first sample, re-estimates, reconnects).
  const synced = useClock((s) => s.synced);
  useClock((s) => s.offsetMs);
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const id = itemId === undefined ? state.itemId : itemId;
  const item = (id ? items[id] : undefined) ?? null;
  const r = computeRemaining(state, item, hubNow(), synced);

  const running = r.phase === 'running';
  const delay = running ? msUntilNextSecond(r.remainingMs) : 0;
  useEffect(() => {
    if (!running) return;
    // A few ms past the boundary, so the new second is there when the timer fires.
    const timer = setTimeout(tick, delay + 5);
    return () => clearTimeout(timer);
  });
  return r;
}

/** What comes after the item on stage, and when it is expected to start (hub ms). */
export interface NextUp {
  item: AgendaItem;
  /** Expected start in local wall-clock ms (hub time). */
  at: number;
  /** True when it is on a later day than the current item. */
  laterDay: boolean;
  day: AgendaDay | null;
}

export function nextUp(days: AgendaDay[], items: AgendaItem[], r: Remaining): NextUp | null {
  if (!r.item) return null;
  const order = runningOrder(days, items);
  const index = order.findIndex((i) => i.id === r.item!.id);
  const next = index >= 0 ? order[index + 1] : undefined;
  if (!next) return null;
  const day = days.find((d) => d.id === next.dayId) ?? null;
  if (next.dayId !== r.item.dayId) {
    // A later day: its planned start.
    if (!day) return null;
    const schedule = plannedSchedule(day, items.filter((i) => i.dayId === day.id));
    const start = schedule.find((s) => s.id === next.id)?.start ?? day.startsAt;
    return { item: next, at: dayStartMs({ date: day.date, startsAt: start }), laterDay: true, day };
  }
  // Today: when the item on stage ends at this pace.
  return { item: next, at: r.now + Math.max(0, r.remainingMs), laterDay: false, day };
}

export function useNextUp(r: Remaining): NextUp | null {
  const days = useTopic('agendaDays');
  const items = useTopic('agendaItems');
  return nextUp(Object.values(days), Object.values(items), r);
}
