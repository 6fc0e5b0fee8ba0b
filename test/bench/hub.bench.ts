/**
 * `npm run bench -- hub [--runs N] [--clients N] [--iterations N] [--in-process]`
 *
 * start_ms       spawn `puntari host --panel DEMO` → first 200 for GET / (median of 5 fresh starts,
 *                each with its own copy of the demo panel and a fresh home folder)
 * fanout_*_ms    one `panel.update` sent by one client → the `changes` message arriving at each of
 *                40 other authenticated WebSocket clients; p50/p99 over every (iteration × client)
 *                sample. By default the hub runs as `puntari host` in its own process, as it does
 *                in a room; `--in-process` runs startHub() inside the bench process instead.
 *
 * Targets (issue 2): start under 1 s, fan-out p99 under 10 ms. Loopback only.
 * The panel files live under TMPDIR (a real disk by default: each change waits for its fsync,
 * synchronous=FULL); first_client_* (commit + one send) and spread_* (the fan-out itself) split
 * the figure so a slow disk and a slow broadcast can be told apart.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { uuidv7 } from '../../shared/ids.js';
import type { HubMessage } from '../../shared/protocol.js';
import { facilitatorCookie, runPuntari, startHostProcess, type HostProcess } from '../support/hub.js';
import { median, nowMs, percentile, REPO_ROOT, round, sleep, writeResults } from './support.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    clients: { type: 'string', default: '40' },
    iterations: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    'in-process': { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const CLIENTS = Number(args.clients);
const ITERATIONS = Number(args.iterations);
const WARMUP = Number(args.warmup);
const IN_PROCESS = Boolean(args['in-process']);

const work = mkdtempSync(path.join(os.tmpdir(), 'puntari-bench-hub-'));
const demoFile = path.join(work, 'demo.puntari');

/** A fresh home folder and a fresh copy of the demo panel for one hub start. */
function freshDemo(tag: string): { panel: string; home: string } {
  const dir = path.join(work, tag);
  const home = path.join(dir, 'home');
  const panel = path.join(dir, 'demo.puntari');
  mkdirSync(home, { recursive: true });
  copyFileSync(demoFile, panel);
  return { panel, home };
}

// ------------------------------------------------------------------ start_ms

async function firstPage(port: number, deadline: number): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (nowMs() > deadline) throw new Error('no 200 for GET / in time');
    await sleep(2);
  }
}

async function measureStart(): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { panel, home } = freshDemo(`start-${run}`);
    const t0 = nowMs();
    const host = await startHostProcess({ panel, home, port: 0, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
    try {
      await firstPage(host.port, t0 + 30_000);
      const ms = nowMs() - t0;
      samples.push(ms);
      console.log(`  start run ${run + 1}/${RUNS}: ${ms.toFixed(1)} ms`);
    } finally {
      await host.stop();
    }
  }
  return samples;
}

// ------------------------------------------------------------------ fan-out

interface BenchSocket {
  ws: WebSocket;
  /** resolvers waiting for the change carrying a given venue */
  waiting: Map<string, (at: number) => void>;
}

function openSocket(port: number, cookie: string, onMessage?: (m: HubMessage, at: number) => void): Promise<BenchSocket> {
  const origin = `http://127.0.0.1:${port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { origin, headers: { cookie }, perMessageDeflate: false });
  const sock: BenchSocket = { ws, waiting: new Map() };
  ws.on('message', (data) => {
    const at = nowMs();
    const m = JSON.parse(data.toString()) as HubMessage;
    if (m.t === 'changes' && sock.waiting.size > 0) {
      for (const ch of m.changes) {
        if (ch.topic !== 'panel' || !ch.value) continue;
        const venue = (ch.value as { venue?: string }).venue;
        const done = venue === undefined ? undefined : sock.waiting.get(venue);
        if (done) {
          sock.waiting.delete(venue!);
          done(at);
        }
      }
    }
    onMessage?.(m, at);
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(sock));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
  });
}

function helloAndSnapshot(sock: BenchSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no snapshot within 10 s')), 10_000);
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as HubMessage;
      if (m.t === 'snapshot') {
        clearTimeout(timer);
        sock.ws.off('message', onMessage);
        resolve();
      } else if (m.t === 'noPanel' || m.t === 'error' || m.t === 'pending') {
        clearTimeout(timer);
        sock.ws.off('message', onMessage);
        reject(new Error(`expected a snapshot, got ${JSON.stringify(m).slice(0, 200)}`));
      }
    };
    sock.ws.on('message', onMessage);
    sock.ws.send(JSON.stringify({ t: 'hello', epoch: null, seq: null }));
  });
}

interface FanoutTarget {
  port: number;
  facilitatorUrl: () => Promise<string>;
  close(): Promise<void>;
}

async function hubForFanout(): Promise<FanoutTarget> {
  const { panel, home } = freshDemo('fanout');
  if (IN_PROCESS) {
    const { startHub } = await import('../../main/hub/server.js');
    const hub = await startHub({ port: 0, home, panelPath: panel, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
    return { port: hub.port, facilitatorUrl: async () => hub.facilitatorUrl(), close: () => hub.close() };
  }
  const host: HostProcess = await startHostProcess({ panel, home, port: 0, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
  let used = false;
  return {
    port: host.port,
    facilitatorUrl: async () => {
      if (used) throw new Error('the host process printed one code only');
      used = true;
      return host.facilitatorUrl;
    },
    close: async () => {
      await host.stop();
    },
  };
}

async function measureFanout(): Promise<{ samples: number[]; acks: number[]; first: number[]; spread: number[] }> {
  const target = await hubForFanout();
  const sockets: BenchSocket[] = [];
  try {
    // One facilitator session (a code is one-time; the cookie it buys serves every window).
    const cookie = await facilitatorCookie(await target.facilitatorUrl());
    for (let i = 0; i < CLIENTS; i++) sockets.push(await openSocket(target.port, cookie));
    await Promise.all(sockets.map(helloAndSnapshot));
    const acks = new Map<string, (at: number) => void>();
    const sender = await openSocket(target.port, cookie, (m, at) => {
      if (m.t === 'ack' || m.t === 'reject') {
        const done = acks.get(m.id);
        if (m.t === 'reject') console.error('  rejected:', JSON.stringify(m.error));
        if (done) {
          acks.delete(m.id);
          done(at);
        }
      }
    });
    await helloAndSnapshot(sender);
    console.log(`  ${CLIENTS} clients connected; ${WARMUP} warm-up + ${ITERATIONS} changes`);

    const samples: number[] = [];
    const ackTimes: number[] = [];
    const first: number[] = [];
    const spread: number[] = [];
    const tag = Math.random().toString(36).slice(2, 8);
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const venue = `X${i}-${tag}`;
      const id = uuidv7();
      const arrivals = sockets.map(
        (s) =>
          new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`change ${i} did not arrive within 10 s`)), 10_000);
            s.waiting.set(venue, (at) => {
              clearTimeout(timer);
              resolve(at);
            });
          }),
      );
      const acked = new Promise<number>((resolve) => acks.set(id, resolve));
      const t0 = nowMs();
      sender.ws.send(JSON.stringify({ t: 'cmd', id, name: 'panel.update', input: { venue } }));
      const times = await Promise.all(arrivals);
      const ackAt = await acked;
      if (i >= WARMUP) {
        for (const at of times) samples.push(at - t0);
        ackTimes.push(ackAt - t0);
        first.push(Math.min(...times) - t0);
        spread.push(Math.max(...times) - Math.min(...times));
      }
      // Stay under the hub's per-socket command budget (100/s sustained) without idling long.
      await sleep(5);
    }
    sender.ws.close();
    return { samples, acks: ackTimes, first, spread };
  } finally {
    for (const s of sockets) s.ws.close();
    await target.close();
  }
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  if (!existsSync(path.join(REPO_ROOT, 'main', 'hub', 'server.ts'))) throw new Error('main/hub/server.ts does not exist yet');
  const demo = await runPuntari(['demo', '--out', demoFile]);
  if (demo.code !== 0) throw new Error(`puntari demo failed: ${demo.stderr || demo.stdout}`);

  console.log(`hub start (${RUNS} runs)`);
  const start = await measureStart();
  console.log(`fan-out (${IN_PROCESS ? 'hub in process' : 'hub as `puntari host`'})`);
  const { samples, acks, first, spread } = await measureFanout();

  const startMs = median(start);
  const p99 = percentile(samples, 99);
  writeResults(
    'hub',
    {
      start_ms: round(startMs, 1),
      fanout_p50_ms: round(percentile(samples, 50)),
      fanout_p99_ms: round(p99),
      fanout_max_ms: round(Math.max(...samples)),
      ack_p50_ms: round(percentile(acks, 50)),
      first_client_p50_ms: round(percentile(first, 50)),
      first_client_p99_ms: round(percentile(first, 99)),
      spread_p50_ms: round(percentile(spread, 50)),
      spread_p99_ms: round(percentile(spread, 99)),
      start_target_met: startMs < 1000,
      fanout_target_met: p99 < 10,
    },
    {
      start_runs_ms: start.map((x) => round(x, 1)),
      start_definition: 'spawn `node bin/puntari.mjs host --port 0 --panel DEMO` → first HTTP 200 for GET /; median',
      renderer_built: existsSync(path.join(REPO_ROOT, 'dist', 'renderer', 'index.html')),
      clients: CLIENTS,
      iterations: ITERATIONS,
      warmup: WARMUP,
      samples: samples.length,
      hub: IN_PROCESS ? 'in-process startHub()' : 'child process `puntari host`',
      fanout_definition:
        'send panel.update from one client → `changes` received by each of N facilitator-session clients; percentiles over iteration×client',
      first_client_definition: 'send → the earliest of the N clients receives the change (commit + one send)',
      spread_definition: 'earliest → latest of the N clients within one change (the fan-out itself)',
      panel_dir: os.tmpdir(),
      panel_dir_note: 'the panel file lives under TMPDIR; synchronous=FULL makes each change wait for fsync there',
      load_average: os.loadavg().map((x) => round(x, 2)),
      targets: { start_ms: '< 1000', fanout_p99_ms: '< 10' },
    },
  );
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
