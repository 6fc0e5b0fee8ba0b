import type { AgendaDay, AgendaItem } from '../../../../shared/agenda.js';
import { forecastDay, MINUTE, runningOrder, type ClockState, type DayForecast, type ItemRun } from '../../../../shared/clock.js';
import { errorParts } from '../../../components/errorText.js';

/** The field a hub refusal names (protocol.badField), when it is one of the form's own fields. */
export function refusedField<F extends string>(error: unknown, fields: readonly F[]): F | null {
  if (!error) return null;
  const { code, params } = errorParts(error);
  if (code !== 'protocol.badField') return null;
  const field = String(params.field ?? '').split('.')[0];
  return (fields as readonly string[]).includes(field ?? '') ? (field as F) : null;
}

/** What the run console shows: the item on stage, the ones around it, its day. */
export interface RunView {
  order: AgendaItem[];
  current: AgendaItem | null;
  index: number;
  previous: AgendaItem | null;
  /** The item "next" would start: the first item when nothing is on stage yet. */
  next: AgendaItem | null;
  day: AgendaDay | null;
}

export function runView(days: Record<string, AgendaDay>, items: Record<string, AgendaItem>, clock: ClockState): RunView {
  const order = runningOrder(Object.values(days), Object.values(items));
  const index = clock.itemId ? order.findIndex((i) => i.id === clock.itemId) : -1;
  const current = index >= 0 ? order[index]! : null;
  return {
    order,
    current,
    index,
    previous: index > 0 ? order[index - 1]! : null,
    next: current ? (order[index + 1] ?? null) : (order[0] ?? null),
    day: current ? (days[current.dayId] ?? null) : null,
  };
}

/** Local calendar date as YYYY-MM-DD. */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local wall-clock HH:MM. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * The day's forecast. A day planned for another date (a rehearsal, the demo panel) is forecast
 * as if it ran today, so "behind" and "ends at" stay meaningful; `rehearsal` says so.
 */
export function dayForecast(day: AgendaDay, items: AgendaItem[], clock: ClockState, now: number): (DayForecast & { rehearsal: boolean }) | null {
  const today = isoDay(now);
  const rehearsal = day.date !== today;
  const asRun = rehearsal ? { ...day, date: today } : day;
  const forecast = forecastDay(asRun, items, clock, now);
  return forecast ? { ...forecast, rehearsal } : null;
}

/** Drift in whole minutes: positive behind, negative ahead; zero counts as on time. */
export function driftMinutes(driftMs: number): number {
  return Math.round(driftMs / MINUTE);
}

/** Planned-versus-actual of one record: actual time on stage, and its difference from the plan (seconds). */
export function runFigures(run: ItemRun): { actualSeconds: number | null; differenceSeconds: number | null } {
  if (run.skipped || !run.startedAt || !run.endedAt) return { actualSeconds: null, differenceSeconds: null };
  const actual = Math.max(0, Date.parse(run.endedAt) - Date.parse(run.startedAt) - run.pausedMs);
  const actualSeconds = Math.round(actual / 1000);
  return { actualSeconds, differenceSeconds: actualSeconds - run.plannedMinutes * 60 };
}

/** "+2:05" / "−0:45" / "0:00" */
export function signedDuration(seconds: number, format: (s: number) => string): string {
  if (seconds === 0) return format(0);
  return seconds > 0 ? `+${format(seconds)}` : format(seconds);
}
