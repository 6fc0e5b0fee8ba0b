import { useEffect, useRef, useState } from 'react';
import type { AgendaItem } from '../../../../shared/agenda.js';
import { displaySeconds, phase, remainingMs, type ClockState } from '../../../../shared/clock.js';
import { hubNow } from '../../../stores/clock.js';
import { monotonicSeconds, msUntilNextSecond } from './model.js';

export interface Countdown {
  /** Whole seconds left, as displayed; negative in overtime. */
  seconds: number;
  /** Past the item's time. */
  overtime: boolean;
}

/**
 * The item's remaining time in hub time, re-rendered when the displayed second changes (checked
 * at least every 200 ms, so a new offset estimate shows soon), never ticking backwards while running.
 */
export function useCountdown(clock: ClockState, item: AgendaItem | null): Countdown | null {
  const [value, setValue] = useState<Countdown | null>(null);
  const last = useRef<{ key: string; seconds: number } | null>(null);
  const planned = item?.plannedMinutes ?? 0;
  const key = `${clock.itemId}|${clock.startedAt}|${clock.pausedAt}|${clock.pausedMs}|${clock.addedMs}|${planned}`;
  const running = phase(clock) === 'running';

  useEffect(() => {
    if (!item) {
      setValue(null);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const remaining = remainingMs(clock, planned, hubNow());
      const seconds = monotonicSeconds(displaySeconds(remaining), last.current, key, running);
      last.current = { key, seconds };
      const overtime = remaining < 0;
      setValue((v) => (v && v.seconds === seconds && v.overtime === overtime ? v : { seconds, overtime }));
      if (running) timer = setTimeout(tick, Math.min(200, msUntilNextSecond(remaining) + 5));
    };
    tick();
    return () => clearTimeout(timer);
    // `key` carries every clock field the countdown depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, running, Boolean(item)]);

  return value;
}

/** Hub time, refreshed on every whole second (for forecasts and "ends at"). */
export function useHubSecond(): number {
  const [now, setNow] = useState(() => hubNow());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = hubNow();
      setNow(t);
      timer = setTimeout(tick, 1000 - (t % 1000) + 5);
    };
    timer = setTimeout(tick, 1000 - (hubNow() % 1000) + 5);
    return () => clearTimeout(timer);
  }, []);
  return now;
}
