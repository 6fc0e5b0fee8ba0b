/**
 * The end-of-item chime (resources/sounds/chime.wav, made by scripts/make-chime.mjs): played by
 * the projector and the facilitator's windows when the item on stage runs out, once per item run,
 * unless the facilitator muted it.
 *
 * Sound goes through one AudioContext per page. Browsers keep it suspended until the page has had
 * a user gesture; the projector then offers a small "enable sound" button (useAudioBlocked()).
 */
import { useEffect, useSyncExternalStore } from 'react';
import chimeUrl from '../../../resources/sounds/chime.wav?url';
import { phase, remainingMs } from '../../../shared/clock.js';
import { hubNow } from '../../stores/clock.js';
import { useTopics } from '../../stores/topics.js';

type AudioCtor = typeof AudioContext;

let ctx: AudioContext | null = null;
let decoded: Promise<AudioBuffer | null> | null = null;
let blocked = false;
const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

function setBlocked(value: boolean): void {
  if (blocked === value) return;
  blocked = value;
  notify();
}

function context(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor = (globalThis as { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor }).AudioContext ??
    (globalThis as { webkitAudioContext?: AudioCtor }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    ctx = new Ctor();
  } catch {
    return null;
  }
  ctx.addEventListener('statechange', () => setBlocked(ctx?.state === 'suspended'));
  return ctx;
}

function sound(c: AudioContext): Promise<AudioBuffer | null> {
  decoded ??= fetch(chimeUrl)
    .then((res) => res.arrayBuffer())
    .then((bytes) => c.decodeAudioData(bytes))
    .catch(() => null);
  return decoded;
}

/** Resume the context; browsers leave the promise pending without a gesture, so do not wait long. */
async function wake(c: AudioContext): Promise<boolean> {
  if (c.state === 'running') return true;
  const resumed = c.resume().catch(() => undefined);
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 300));
  await Promise.race([resumed, timeout]);
  // Judge by the state now, not by this attempt: a click may have started the sound meanwhile.
  const running = (c.state as string) === 'running';
  setBlocked(!running);
  return running;
}

/** Get ready to play: load the sound and find out whether the browser lets this page play it. */
export function primeAudio(): void {
  const c = context();
  if (!c) return;
  void sound(c);
  void wake(c);
}

/** Called from a click: browsers allow the context to start from a user gesture. */
export function enableAudio(): void {
  const c = context();
  if (!c) return;
  void c.resume().then(() => setBlocked(c.state !== 'running'));
}

/** Play the chime once. Resolves false when the browser refused (no user gesture yet). */
export async function playChime(): Promise<boolean> {
  const c = context();
  if (!c) {
    try {
      await new Audio(chimeUrl).play();
      return true;
    } catch {
      setBlocked(true);
      return false;
    }
  }
  const [buffer, awake] = await Promise.all([sound(c), wake(c)]);
  if (!buffer || !awake) return false;
  const source = c.createBufferSource();
  source.buffer = buffer;
  source.connect(c.destination);
  source.start();
  return true;
}

/** True while the browser keeps this page's sound off until someone clicks. */
export function useAudioBlocked(): boolean {
  return useSyncExternalStore(subscribe, () => blocked);
}

/** Item runs this page has seen running with time left, and those it has chimed for. */
const armed = new Set<string>();
const played = new Set<string>();
/** A crossing noticed later than this (a laptop waking from sleep) is not worth a chime. */
const STALE_MS = 10_000;

/** How many chimes this page has played (and how many the browser refused), for tests and tools. */
let chimeCount = { played: 0, refused: 0 };

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useChimeCount(): { played: number; refused: number } {
  return useSyncExternalStore(subscribe, () => chimeCount);
}

/**
 * Watch the clock and chime when the running item's remaining time crosses zero. Mount once per
 * page (the projector, the facilitator's windows).
 */
export function useChime(enabled = true): void {
  const state = useTopics((s) => s.data.clock.clock);
  const item = useTopics((s) => (state?.itemId ? s.data.agendaItems[state.itemId] : undefined));

  useEffect(() => {
    if (!enabled) return;
    primeAudio();
  }, [enabled]);

  useEffect(() => {
    if (!enabled || !state || !item || phase(state) !== 'running') return;
    const key = `${state.itemId}|${state.startedAt}`;
    if (played.has(key)) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = (): void => {
      timer = null;
      const now = useTopics.getState().data.clock.clock;
      if (!now || `${now.itemId}|${now.startedAt}` !== key || phase(now) !== 'running') return;
      const left = remainingMs(now, item.plannedMinutes, hubNow());
      if (left > 0) {
        armed.add(key);
        timer = setTimeout(check, Math.min(left + 20, 60_000));
        return;
      }
      if (!armed.has(key) || played.has(key) || left < -STALE_MS) return;
      played.add(key);
      if (now.chimeMuted) return;
      void playChime().then((ok) => {
        chimeCount = ok ? { ...chimeCount, played: chimeCount.played + 1 } : { ...chimeCount, refused: chimeCount.refused + 1 };
        notify();
      });
    };
    check();
    return () => {
      if (timer) clearTimeout(timer);
    };
  }, [enabled, state, item]);
}
