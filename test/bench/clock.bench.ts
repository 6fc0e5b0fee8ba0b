/**
 * `npm run bench -- clock [--screens N] [--rounds N] [--keypresses N]`
 *
 * 40 screens connect to `puntari host` (the demo panel), each with its own clock skewed by up to
 * ±90 s, and estimate their offset to the hub with the renderer's own NTP-style code
 * (renderer/hub/clock.ts). Then the facilitator starts, pauses and extends the running item.
 *
 * spread_p99_ms    For each change, every screen computes the remaining time it would display
 *                  from the hub's timestamps and its estimated hub time; the spread is max − min
 *                  across the 40 screens at one real instant. p99 over all changes. Target < 100 ms.
 * keypress_p99_ms  From the facilitator's command leaving its socket to the change reaching the
 *                  last of the 40 screens. p99 over all keypresses. Target < 10 ms.
 *
 * Loopback only.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { remainingMs, type ClockState } from '../../shared/clock.js';
import { uuidv7 } from '../../shared/ids.js';
import type { AgendaItem } from '../../shared/agenda.js';
import type { HubMessage } from '../../shared/protocol.js';
import { estimateOffset, sampleFrom, type ClockSample } from '../../renderer/hub/clock.js';
import { facilitatorCookie, runPuntari, startHostProcess } from '../support/hub.js';
import { median, nowMs, percentile, round, sleep, writeResults } from './support.js';

const { values: args } = parseArgs({
  options: {
    screens: { type: 'string', default: '40' },
    rounds: { type: 'string', default: '40' },
    keypresses: { type: 'string', default: '200' },
  },
});
const SCREENS = Number(args.screens);
const ROUNDS = Number(args.rounds);
const KEYPRESSES = Number(args.keypresses);
const MAX_SKEW_MS = 90_000;

interface Screen {
  ws: WebSocket;
  skewMs: number;
  offsetMs: number;
  clock: ClockState | null;
  items: Record<string, AgendaItem>;
  /** resolves the next clock change this screen receives, with the real (hrtime) instant */
  waiters: ((at: number) => void)[];
  timeWaiters: ((m: { clientSent: number; hubTime: number }) => void)[];
}

function localNow(screen: Screen): number {
  return Date.now() + screen.skewMs;
}

async function connect(port: number, cookie: string, skewMs: number): Promise<Screen> {
  const origin = `http://127.0.0.1:${port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { origin, headers: { cookie }, perMessageDeflate: false });
  const screen: Screen = { ws, skewMs, offsetMs: 0, clock: null, items: {}, waiters: [], timeWaiters: [] };
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const snapshot = new Promise<void>((resolve) => {
    ws.on('message', (data) => {
      const at = nowMs();
      const m = JSON.parse(data.toString()) as HubMessage;
      if (m.t === 'snapshot') {
        screen.clock = m.data.clock?.clock ?? null;
        screen.items = m.data.agendaItems ?? {};
        resolve();
      } else if (m.t === 'changes') {
        const change = m.changes.find((c) => c.topic === 'clock');
        if (change) {
          screen.clock = change.value as ClockState;
          for (const w of screen.waiters.splice(0)) w(at);
        }
      } else if (m.t === 'time') {
        screen.timeWaiters.shift()?.(m);
      }
    });
  });
  ws.send(JSON.stringify({ t: 'hello', epoch: null, seq: null }));
  await snapshot;
  return screen;
}

/** The renderer's clock sync: 8 round trips ~100 ms apart, offset from the best three. */
async function estimate(screen: Screen): Promise<void> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < 8; i++) {
    const sent = localNow(screen);
    const reply = new Promise<{ clientSent: number; hubTime: number }>((resolve) => screen.timeWaiters.push(resolve));
    screen.ws.send(JSON.stringify({ t: 'time', clientSent: sent }));
    const m = await reply;
    samples.push(sampleFrom(m.clientSent, localNow(screen), m.hubTime));
    await sleep(100);
  }
  screen.offsetMs = estimateOffset(samples)!.offsetMs;
}

function send(ws: WebSocket, name: string, input: unknown): void {
  ws.send(JSON.stringify({ t: 'cmd', id: uuidv7(), name, input }));
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'puntari-bench-clock-'));
  const panel = path.join(work, 'demo.puntari');
  const home = path.join(work, 'home');
  mkdirSync(home);
  await runPuntari(['demo', '--out', path.join(work, 'seed.puntari')]);
  copyFileSync(path.join(work, 'seed.puntari'), panel);
  const host = await startHostProcess({ panel, home, port: 0 });
  try {
    const cookie = await facilitatorCookie(host.facilitatorUrl);
    const controller = await connect(host.port, cookie, 0);
    const screens: Screen[] = [];
    for (let i = 0; i < SCREENS; i++) {
      const skew = Math.round((i / Math.max(1, SCREENS - 1)) * 2 * MAX_SKEW_MS - MAX_SKEW_MS);
      screens.push(await connect(host.port, cookie, skew));
    }
    await Promise.all(screens.map(estimate));
    const offsetErrors = screens.map((s) => Math.abs(s.offsetMs + s.skewMs));

    /** Sends a command and resolves when every screen has the change: the key-press delay. */
    const press = async (name: string, input: unknown): Promise<number> => {
      const arrivals = Promise.all(screens.map((s) => new Promise<number>((resolve) => s.waiters.push(resolve))));
      const t0 = nowMs();
      send(controller.ws, name, input);
      const at = await arrivals;
      return Math.max(...at) - t0;
    };

    /** What each screen displays at this one real instant, from its own clock and offset. */
    const spreadNow = (): number => {
      const realNow = Date.now();
      const shown = screens.map((s) => {
        const item = s.items[s.clock!.itemId!]!;
        return remainingMs(s.clock!, item.plannedMinutes, realNow + s.skewMs + s.offsetMs);
      });
      return Math.max(...shown) - Math.min(...shown);
    };

    const spreads: number[] = [];
    const keypress: number[] = [];
    await press('clock.start', {});
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, input] of [
        ['clock.pause', {}],
        ['clock.adjust', { deltaSeconds: 60 }],
        ['clock.resume', {}],
      ] as const) {
        keypress.push(await press(name, input));
        spreads.push(spreadNow());
        await sleep(5);
      }
    }
    while (keypress.length < KEYPRESSES) {
      keypress.push(await press('clock.adjust', { deltaSeconds: keypress.length % 2 ? 60 : -60 }));
      await sleep(5);
    }

    const figures = {
      spread_p99_ms: round(percentile(spreads, 99)),
      spread_p50_ms: round(median(spreads)),
      keypress_p99_ms: round(percentile(keypress, 99)),
      keypress_p50_ms: round(median(keypress)),
      offset_error_max_ms: round(Math.max(...offsetErrors)),
      screens: SCREENS,
      changes_measured: spreads.length,
      keypresses_measured: keypress.length,
      max_skew_ms: MAX_SKEW_MS,
    };
    console.log(figures);
    writeResults('clock', figures, { panel: 'demo', hub: 'puntari host (separate process)' });
    for (const s of [controller, ...screens]) s.ws.close();
  } finally {
    await host.stop();
  }
}

await main();
