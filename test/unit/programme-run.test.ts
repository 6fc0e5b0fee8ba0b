/**
 * The facilitator's run console, its pure parts: the never-backwards countdown, the tick timing,
 * the keyboard map, the planned-versus-actual figures, the forecast of a rehearsal day.
 */
import { describe, expect, it } from 'vitest';
import type { AgendaDay, AgendaItem } from '../../shared/agenda.js';
import { IDLE_CLOCK, MINUTE } from '../../shared/clock.js';
import { dayForecast, driftMinutes, refusedField, runFigures, runView, signedDuration } from '../../renderer/views/facilitator/programme/model.js';
import { shortcutFor } from '../../renderer/views/facilitator/programme/useRunShortcuts.js';
import type { RunActions } from '../../renderer/views/facilitator/programme/useRunActions.js';

const day: AgendaDay = { id: 'd1', date: '2026-11-14', startsAt: '09:00', title: 'Päivä', position: 0 };
const item = (id: string, position: number, minutes: number): AgendaItem => ({
  id,
  dayId: 'd1',
  position,
  kind: 'plenary',
  title: id,
  plannedMinutes: minutes,
  question: '',
  facilitatorNotes: '',
  seatingRoundId: null,
  expertIds: [],
  warnSeconds: 120,
  showOvertime: true,
});

describe('keyboard shortcuts', () => {
  const calls: string[] = [];
  const actions: RunActions = {
    toggle: () => calls.push('toggle'),
    add: (m) => calls.push(`add${m}`),
    next: () => calls.push('next'),
    previous: () => calls.push('previous'),
    skip: () => calls.push('skip'),
    stop: () => calls.push('stop'),
    jump: () => calls.push('jump'),
    blackout: () => calls.push('blackout'),
    mute: () => calls.push('mute'),
  };
  const press = (key: string, code = '', shiftKey = false) => {
    calls.length = 0;
    shortcutFor({ key, code, shiftKey })?.(actions);
    return calls[0] ?? null;
  };
  it('maps the documented keys', () => {
    expect(press(' ', 'Space')).toBe('toggle');
    expect(press('n')).toBe('next');
    expect(press('N', 'KeyN', true)).toBe('next');
    expect(press('p')).toBe('previous');
    expect(press('s')).toBe('skip');
    expect(press('b')).toBe('blackout');
    expect(press('m')).toBe('mute');
    expect(press('-', 'Minus')).toBe('add-1');
    expect(press('x')).toBeNull();
  });
  it('adds a minute with + or =, five with Shift and + (US and Finnish keyboards, numpad)', () => {
    expect(press('+', 'Minus')).toBe('add1'); // Finnish "+" key
    expect(press('=', 'Equal')).toBe('add1'); // US "=" key
    expect(press('+', 'NumpadAdd')).toBe('add1');
    expect(press('+', 'Equal', true)).toBe('add5'); // US Shift+=
    expect(press('?', 'Minus', true)).toBe('add5'); // Finnish Shift++
    expect(press('+', 'NumpadAdd', true)).toBe('add5');
  });
});

describe('the run view and the forecast', () => {
  const items = { a: item('a', 0, 30), b: item('b', 1, 20) };
  it('names the item on stage, the next one, and the first one before the start', () => {
    expect(runView({ d1: day }, items, IDLE_CLOCK).next?.id).toBe('a');
    const view = runView({ d1: day }, items, { ...IDLE_CLOCK, itemId: 'a' });
    expect([view.current?.id, view.next?.id, view.previous, view.day?.id]).toEqual(['a', 'b', null, 'd1']);
  });
  it('forecasts a day planned for another date as if it ran today', () => {
    const now = new Date(2026, 10, 28, 9, 40).getTime();
    const clock = { ...IDLE_CLOCK, itemId: 'a', startedAt: new Date(2026, 10, 28, 9, 10).getTime() };
    const forecast = dayForecast(day, Object.values(items), clock, now)!;
    expect(forecast.rehearsal).toBe(true);
    // Started 10 minutes late: the day ends 10 minutes late.
    expect(driftMinutes(forecast.driftMs)).toBe(10);
    expect(forecast.projectedEnd - forecast.plannedEnd).toBe(10 * MINUTE);
  });
});

describe('planned versus actual', () => {
  it('takes pauses off the actual time and signs the difference', () => {
    const run = { id: 'r', itemId: 'a', dayId: 'd1', title: 'a', plannedMinutes: 20, startedAt: '2026-11-14T07:00:00.000Z', endedAt: '2026-11-14T07:25:00.000Z', pausedMs: 3 * MINUTE, addedMs: 0, skipped: false };
    expect(runFigures(run)).toEqual({ actualSeconds: 22 * 60, differenceSeconds: 120 });
    expect(runFigures({ ...run, skipped: true, startedAt: null, endedAt: null })).toEqual({ actualSeconds: null, differenceSeconds: null });
    expect(signedDuration(120, String)).toBe('+120');
    expect(signedDuration(-45, String)).toBe('-45');
  });
  it('reads the field of a refusal', () => {
    expect(refusedField({ code: 'protocol.badField', params: { field: 'plannedMinutes' } }, ['plannedMinutes', 'title'] as const)).toBe('plannedMinutes');
    expect(refusedField({ code: 'agenda.itemRunning', params: {} }, ['plannedMinutes'] as const)).toBeNull();
  });
});
