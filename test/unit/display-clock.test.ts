import { describe, expect, it } from 'vitest';
import type { AgendaDay, AgendaItem } from '../../shared/agenda.js';
import { IDLE_CLOCK, type ClockState } from '../../shared/clock.js';
import { computeRemaining, monotonicSeconds, msUntilNextSecond, nextUp } from '../../renderer/components/clock/remaining.js';

const day: AgendaDay = { id: 'd1', date: '2026-11-14', startsAt: '09:30', title: 'Päivä 1', position: 0 };
const day2: AgendaDay = { id: 'd2', date: '2026-11-21', startsAt: '09:00', title: 'Päivä 2', position: 1 };
function item(id: string, position: number, dayId = 'd1', plannedMinutes = 20): AgendaItem {
  return {
    id,
    dayId,
    position,
    kind: 'plenary',
    title: `Kohta ${id}`,
    plannedMinutes,
    question: '',
    facilitatorNotes: '',
    seatingRoundId: null,
    expertIds: [],
    warnSeconds: 120,
    showOvertime: true,
  };
}
const a = item('a', 0);
const b = item('b', 1, 'd1', 15);
const c = item('c', 0, 'd2', 30);
const T0 = 1_800_000_000_000;
const running: ClockState = { ...IDLE_CLOCK, itemId: 'a', startedAt: T0 };

describe('the room displays of the clock', () => {
  it('re-renders exactly when the displayed second changes', () => {
    expect(msUntilNextSecond(2500)).toBe(500);
    expect(msUntilNextSecond(2000)).toBe(1000);
    expect(msUntilNextSecond(1)).toBe(1);
    expect(msUntilNextSecond(0)).toBe(1000);
    expect(msUntilNextSecond(-1500)).toBe(500);
  });

  it('counts down, warns under the threshold, counts up in overtime', () => {
    expect(computeRemaining(running, a, T0 + 500, true)).toMatchObject({ phase: 'running', seconds: 1200, mode: 'normal' });
    expect(computeRemaining(running, a, T0 + 18 * 60_000 + 1, true)).toMatchObject({ seconds: 120, mode: 'warning' });
    expect(computeRemaining(running, a, T0 + 20 * 60_000, true)).toMatchObject({ seconds: 0, mode: 'overtime' });
    expect(computeRemaining(running, a, T0 + 22 * 60_000 + 15_000, true)).toMatchObject({ seconds: -135, mode: 'overtime' });
  });

  it('shows a paused item without needing the time, and a waiting one in full', () => {
    const paused = { ...running, pausedAt: T0 + 60_000 };
    expect(computeRemaining(paused, a, T0 + 999_999, false)).toMatchObject({ phase: 'paused', seconds: 1140 });
    expect(computeRemaining({ ...IDLE_CLOCK, itemId: 'a' }, a, T0, false)).toMatchObject({ phase: 'ready', seconds: 1200, mode: 'normal' });
    expect(computeRemaining(IDLE_CLOCK, null, T0, true)).toMatchObject({ phase: 'idle' });
  });

  it('never ticks back up for a small offset re-estimate, but shows a real correction', () => {
    const key = `test-${Math.random()}`;
    expect(monotonicSeconds(key, 600)).toBe(600);
    expect(monotonicSeconds(key, 601)).toBe(600);
    expect(monotonicSeconds(key, 599)).toBe(599);
    expect(monotonicSeconds(key, 640)).toBe(640);
  });

  it('tells what comes next and when it starts at this pace', () => {
    const r = computeRemaining(running, a, T0 + 60_000, true);
    const next = nextUp([day, day2], [a, b, c], r);
    expect(next).toMatchObject({ item: { id: 'b' }, laterDay: false, at: T0 + 20 * 60_000 });
    const onB = computeRemaining({ ...IDLE_CLOCK, itemId: 'b', startedAt: T0 }, b, T0, true);
    const after = nextUp([day, day2], [a, b, c], onB);
    expect(after).toMatchObject({ item: { id: 'c' }, laterDay: true, at: new Date(2026, 10, 21, 9, 0).getTime() });
    const onC = computeRemaining({ ...IDLE_CLOCK, itemId: 'c', startedAt: T0 }, c, T0, true);
    expect(nextUp([day, day2], [a, b, c], onC)).toBeNull();
  });
});
