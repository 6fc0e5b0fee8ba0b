import { create } from 'zustand';

export interface ClockState {
  /** hub time − local Date.now(), in milliseconds. */
  offsetMs: number;
  /** Round-trip time of the samples the offset came from. */
  rttMs: number;
  /** True once at least one sample came back from the hub. */
  synced: boolean;
}

const initial = (): ClockState => ({ offsetMs: 0, rttMs: 0, synced: false });

export const useClock = create<ClockState>()(() => initial());

export function resetClock(): void {
  useClock.setState(initial(), true);
}

/** The hub's clock, estimated: use this, never Date.now(), for anything the room sees together. */
export function hubNow(): number {
  return Date.now() + useClock.getState().offsetMs;
}
