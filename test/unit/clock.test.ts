import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgendaDay, AgendaItem } from '../../shared/agenda.js';
import {
  adjust,
  dayStartMs,
  displaySeconds,
  elapsedMs,
  forecastDay,
  formatDuration,
  IDLE_CLOCK,
  isWarning,
  MINUTE,
  pause,
  phase,
  remainingMs,
  resume,
  start,
} from '../../shared/clock.js';

const T0 = Date.UTC(2026, 10, 21, 7, 30);
const day: AgendaDay = { id: 'd1', date: '2026-11-21', startsAt: '09:30', title: 'Päivä 1', position: 0 };
const item = (id: string, position: number, plannedMinutes: number): AgendaItem => ({
  id,
  dayId: 'd1',
  position,
  kind: 'other',
  title: id,
  plannedMinutes,
  question: '',
  facilitatorNotes: '',
  seatingRoundId: null,
  expertIds: [],
  warnSeconds: 120,
  showOvertime: true,
});

describe('clock arithmetic', () => {
  it('counts down while running and stands still while paused', () => {
    const s = start(IDLE_CLOCK, 'a', T0);
    expect(phase(s)).toBe('running');
    expect(remainingMs(s, 20, T0 + 5 * MINUTE)).toBe(15 * MINUTE);
    const p = pause(s, T0 + 5 * MINUTE);
    expect(phase(p)).toBe('paused');
    expect(remainingMs(p, 20, T0 + 50 * MINUTE)).toBe(15 * MINUTE);
    const r = resume(p, T0 + 10 * MINUTE);
    expect(r.pausedMs).toBe(5 * MINUTE);
    expect(remainingMs(r, 20, T0 + 11 * MINUTE)).toBe(14 * MINUTE);
    expect(pause(pause(s, T0 + 1000), T0 + 9000)).toEqual(pause(s, T0 + 1000));
    expect(resume(s, T0 + 1000)).toBe(s);
  });

  it('adds and removes time, never below what has already run', () => {
    const s = start(IDLE_CLOCK, 'a', T0);
    const plus = adjust(s, 20, 5 * MINUTE, T0);
    expect(remainingMs(plus, 20, T0)).toBe(25 * MINUTE);
    const minus = adjust(s, 20, -MINUTE, T0 + 10 * MINUTE);
    expect(remainingMs(minus, 20, T0 + 10 * MINUTE)).toBe(9 * MINUTE);
    const tooMuch = adjust(s, 20, -60 * MINUTE, T0 + 10 * MINUTE);
    expect(remainingMs(tooMuch, 20, T0 + 10 * MINUTE)).toBe(0);
  });

  it('shows overtime as negative remaining time, counted up', () => {
    const s = start(IDLE_CLOCK, 'a', T0);
    const over = remainingMs(s, 1, T0 + 90_500);
    expect(over).toBe(-30_500);
    expect(displaySeconds(over)).toBe(-30);
    expect(formatDuration(displaySeconds(over))).toBe('−0:30');
    expect(displaySeconds(500)).toBe(1);
    expect(displaySeconds(0)).toBe(0);
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(isWarning(60_000, 120)).toBe(true);
    expect(isWarning(-1, 120)).toBe(false);
  });

  it('survives sleep and restarts: the remaining time is a function of the timestamps only', () => {
    const s = pause(start(IDLE_CLOCK, 'a', T0), T0 + 3 * MINUTE);
    const restored = JSON.parse(JSON.stringify(s));
    expect(remainingMs(restored, 20, T0 + 8 * 3600_000)).toBe(17 * MINUTE);
    const running = start(IDLE_CLOCK, 'a', T0);
    expect(remainingMs(running, 20, T0 + 7 * MINUTE)).toBe(13 * MINUTE);
  });

  it('forecasts the end of the day: the welcome two minutes over makes the day two minutes late', () => {
    const items = [item('welcome', 0, 15), item('talk', 1, 20), item('rest', 2, 355)];
    const startOfDay = dayStartMs(day);
    const atNext = start(IDLE_CLOCK, 'talk', startOfDay + 17 * MINUTE);
    const f = forecastDay(day, items, atNext, startOfDay + 17 * MINUTE)!;
    expect(f.driftMs).toBe(2 * MINUTE);
    expect(new Date(f.projectedEnd).getHours()).toBe(16);
    expect(new Date(f.projectedEnd).getMinutes()).toBe(2);
    const early = start(IDLE_CLOCK, 'talk', startOfDay + 14 * MINUTE);
    expect(forecastDay(day, items, early, startOfDay + 14 * MINUTE)!.driftMs).toBe(-MINUTE);
    const overrun = start(IDLE_CLOCK, 'talk', startOfDay + 15 * MINUTE);
    expect(forecastDay(day, items, overrun, startOfDay + 40 * MINUTE)!.driftMs).toBe(5 * MINUTE);
    expect(forecastDay(day, items, IDLE_CLOCK, startOfDay)).toBeNull();
  });

  it('never shows time running backwards while an item runs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dt: fc.integer({ min: 0, max: 600_000 }), op: fc.constantFrom('pause', 'resume', 'plus', 'tick') }), { maxLength: 40 }),
        (steps) => {
          let now = T0;
          let s = start(IDLE_CLOCK, 'a', now);
          let lastElapsed = 0;
          for (const step of steps) {
            now += step.dt;
            if (step.op === 'pause') s = pause(s, now);
            if (step.op === 'resume') s = resume(s, now);
            if (step.op === 'plus') s = adjust(s, 20, MINUTE, now);
            const e = elapsedMs(s, now);
            if (e < lastElapsed) return false;
            lastElapsed = e;
          }
          return true;
        },
      ),
    );
  });
});
