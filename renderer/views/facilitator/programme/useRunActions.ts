import { useMemo } from 'react';
import { phase, type ClockState } from '../../../../shared/clock.js';
import type { useCommand } from '../../../components/useCommand.js';
import type { RunView } from './model.js';

export interface RunActions {
  /** Start the item (or the first one), pause it, or resume it: one key for all three. */
  toggle: () => void;
  add: (minutes: 1 | 5 | -1) => void;
  next: () => void;
  previous: () => void;
  skip: () => void;
  stop: () => void;
  jump: (itemId: string) => void;
  blackout: () => void;
  mute: () => void;
}

/**
 * Every control of the run console as one function each. next/previous/skip name the item this
 * screen shows as current: if another window moved on meanwhile, the hub refuses (clock.stale).
 */
export function useRunActions(clock: ClockState, view: RunView, run: ReturnType<typeof useCommand>['run']): RunActions {
  const current = view.current;
  return useMemo(() => {
    const from = current?.id ?? null;
    return {
      toggle: () => {
        const p = phase(clock);
        if (p === 'running') void run('clock.pause', {});
        else if (p === 'paused') void run('clock.resume', {});
        else void run('clock.start', current ? { itemId: current.id } : {});
      },
      add: (minutes) => void run('clock.adjust', { deltaSeconds: minutes * 60 }),
      next: () => void run('clock.next', { fromItemId: from }),
      previous: () => void run('clock.previous', { fromItemId: from }),
      skip: () => void run('clock.skip', { fromItemId: from }),
      stop: () => void run('clock.stop', {}),
      jump: (itemId) => void run('clock.jump', { itemId }),
      blackout: () => void run('clock.blackout', { on: !clock.blackout }),
      mute: () => void run('clock.mute', { muted: !clock.chimeMuted }),
    };
  }, [clock, current, run]);
}
