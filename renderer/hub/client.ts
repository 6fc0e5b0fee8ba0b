import type { ErrorParams } from '../../shared/errors.js';
import { uuidv7 } from '../../shared/ids.js';
import {
  CLOSE,
  commands,
  isHostCommand,
  isQuery,
  type ClientMessage,
  type CommandInput,
  type CommandName,
  type CommandResult,
  type HubMessage,
} from '../../shared/protocol.js';
import type { Principal } from '../../shared/roles.js';
import { hubNow as storeHubNow, resetClock, useClock } from '../stores/clock.js';
import { resetConnection, useConnection, type EndReason } from '../stores/connection.js';
import { resetJobs, updateJob } from '../stores/jobs.js';
import { resetPresence, updatePresence } from '../stores/presence.js';
import { applyChanges, applySnapshot, resetTopics, useTopics } from '../stores/topics.js';
import { estimateOffset, sampleFrom, type ClockSample } from './clock.js';
import { HubError, wireErrorFrom } from './errors.js';
import { openOutbox, type OutboxEntry, type OutboxStorage } from './outbox.js';

/** The part of the WebSocket API the client uses (the browser's WebSocket and the `ws` package both fit). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface HubTiming {
  pingEveryMs: number;
  /** Nothing received for this long: the socket is half-open; drop it and reconnect. */
  deadAfterMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
  clockEveryMs: number;
  clockSamples: number;
  clockGapMs: number;
  /** How long clear() waits for the outbox to drain. */
  clearTimeoutMs: number;
}

export const DEFAULT_TIMING: HubTiming = {
  pingEveryMs: 5_000,
  deadAfterMs: 12_000,
  backoffMinMs: 500,
  backoffMaxMs: 15_000,
  clockEveryMs: 30_000,
  clockSamples: 8,
  clockGapMs: 100,
  clearTimeoutMs: 10_000,
};

export interface HubClientOptions {
  /** WebSocket URL; default ws(s)://<this page's host>/ws. */
  url?: () => string;
  createSocket?: (url: string) => SocketLike;
  /** IndexedDB factory for the outbox; null forces the in-memory outbox. Default: globalThis.indexedDB. */
  indexedDB?: IDBFactory | null;
  timing?: Partial<HubTiming>;
  /** 0..1, for the reconnect jitter. */
  random?: () => number;
}

export interface HubClient {
  /** Open the socket (and keep it open: reconnects until ended or cleared). Safe to call twice. */
  connect(): void;
  /** Close the socket and stop reconnecting; the outbox stays. */
  disconnect(): void;
  /**
   * Send a command. Host commands and the facilitator's commands go straight to the socket
   * (rejected with HubError('internal', {reason:'offline'}) when it is down). Everyone else's go
   * through the persistent outbox and are delivered exactly once, whenever the hub is reachable.
   */
  send<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResult<K>>;
  /**
   * End of day: wait for the outbox to drain (or the timeout), then delete the stored outbox,
   * clear every store and close the socket. Resolves with how many commands were still queued.
   */
  clear(timeoutMs?: number): Promise<{ dropped: number }>;
  /** Commands waiting in the outbox, oldest first. */
  queued(): OutboxEntry[];
  /** Resolves once a previous page's outbox has been loaded. */
  ready(): Promise<void>;
}

const OPEN = 1;
const FINAL_REASONS: readonly EndReason[] = ['revoked', 'rejected', 'unauthenticated'];
const MAX_CLOCK_SAMPLES = 24;

function closeReason(code: number): EndReason | null {
  for (const [reason, value] of Object.entries(CLOSE) as [EndReason, number][]) {
    if (value === code) return reason;
  }
  return null;
}

function defaultUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

function defaultSocket(url: string): SocketLike {
  return new WebSocket(url) as unknown as SocketLike;
}

/** Time on a clock that does not jump (rtt), in ms since the epoch. */
function preciseNow(): number {
  if (typeof performance !== 'undefined' && typeof performance.now === 'function' && performance.timeOrigin) {
    return performance.timeOrigin + performance.now();
  }
  return Date.now();
}

interface Pending {
  name: CommandName;
  direct: boolean;
  resolve(result: unknown): void;
  reject(error: HubError): void;
}

function isFacilitator(principal: Principal | null): boolean {
  return principal?.role === 'facilitator';
}

export function createHubClient(options: HubClientOptions = {}): HubClient {
  const timing: HubTiming = { ...DEFAULT_TIMING, ...options.timing };
  const random = options.random ?? Math.random;
  const makeUrl = options.url ?? defaultUrl;
  const makeSocket = options.createSocket ?? defaultSocket;

  let socket: SocketLike | null = null;
  /** connect() was called and neither disconnect(), clear() nor a final close happened since. */
  let wanted = false;
  let everOpened = false;
  let attempt = 0;
  let lastReceived = 0;
  /** A snapshot arrived on the current socket: queued commands may go. */
  let synced = false;
  let resyncing = false;
  const sentOnSocket = new Set<string>();

  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let watchdogTimer: ReturnType<typeof setInterval> | null = null;
  let clockTimer: ReturnType<typeof setInterval> | null = null;
  let sampleTimers: ReturnType<typeof setTimeout>[] = [];

  const clockSent = new Map<number, { precise: number; wall: number }>();
  let clockSamples: ClockSample[] = [];

  const queue = new Map<string, OutboxEntry>();
  const pending = new Map<string, Pending>();
  let storage: Promise<OutboxStorage> | null = null;
  let loaded: Promise<void> | null = null;
  /** Outbox writes happen one after another, so commands are stored (and sent) in the order made. */
  let writes: Promise<unknown> = Promise.resolve();

  // ------------------------------------------------------------------ outbox

  function outbox(): Promise<OutboxStorage> {
    if (!storage) {
      const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
      storage = openOutbox(factory);
    }
    return storage;
  }

  function ready(): Promise<void> {
    if (!loaded) {
      loaded = outbox()
        .then((s) => s.all())
        .then((entries) => {
          for (const entry of entries) if (!queue.has(entry.id)) queue.set(entry.id, entry);
          updateWaiting();
        })
        .catch(() => undefined);
    }
    return loaded;
  }

  function sortedQueue(): OutboxEntry[] {
    return [...queue.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  function updateWaiting(): void {
    if (useConnection.getState().waiting !== queue.size) useConnection.setState({ waiting: queue.size });
    reportPresence();
  }

  /** A paired device tells the hub how many commands it still holds, at most once a second. */
  let presenceTimer: ReturnType<typeof setTimeout> | null = null;
  let presenceSentAt = 0;
  function reportPresence(): void {
    if (useConnection.getState().principal?.deviceId == null || presenceTimer !== null) return;
    const wait = Math.max(0, presenceSentAt + 1000 - Date.now());
    presenceTimer = setTimeout(() => {
      presenceTimer = null;
      presenceSentAt = Date.now();
      const { rttMs, synced: clockSynced } = useClock.getState();
      transmit({ t: 'presence', waiting: queue.size, rttMs: clockSynced ? Math.round(rttMs) : null });
    }, wait);
  }

  function chainWrite(write: (s: OutboxStorage) => Promise<void>): Promise<void> {
    const next = writes.then(() => outbox()).then(write);
    writes = next.catch(() => undefined);
    return next;
  }

  /** Send every queued command not yet sent on this socket, oldest first. */
  function flush(): void {
    if (!socket || socket.readyState !== OPEN || !synced) return;
    for (const entry of sortedQueue()) {
      if (sentOnSocket.has(entry.id)) continue;
      sentOnSocket.add(entry.id);
      transmit({ t: 'cmd', id: entry.id, name: entry.name, input: entry.input });
    }
  }

  function removeQueued(id: string): OutboxEntry | undefined {
    const entry = queue.get(id);
    if (!entry) return undefined;
    queue.delete(id);
    sentOnSocket.delete(id);
    updateWaiting();
    void chainWrite((s) => s.delete(id)).catch(() => undefined);
    return entry;
  }

  // ------------------------------------------------------------------ socket

  function transmit(message: ClientMessage): boolean {
    if (!socket || socket.readyState !== OPEN) return false;
    try {
      socket.send(JSON.stringify(message));
      return true;
    } catch {
      return false;
    }
  }

  function stopTimers(): void {
    if (pingTimer) clearInterval(pingTimer);
    if (watchdogTimer) clearInterval(watchdogTimer);
    if (clockTimer) clearInterval(clockTimer);
    for (const t of sampleTimers) clearTimeout(t);
    pingTimer = watchdogTimer = clockTimer = null;
    sampleTimers = [];
  }

  function open(): void {
    reconnectTimer = null;
    if (!wanted || socket) return;
    useConnection.setState({ status: everOpened ? 'reconnecting' : 'connecting' });
    let sock: SocketLike;
    try {
      sock = makeSocket(makeUrl());
    } catch {
      scheduleReconnect();
      return;
    }
    socket = sock;
    synced = false;
    resyncing = false;
    sentOnSocket.clear();
    lastReceived = Date.now();
    sock.onopen = () => {
      if (sock !== socket) return;
      everOpened = true;
      lastReceived = Date.now();
      useConnection.setState({ status: 'open' });
      const { epoch, seq } = useTopics.getState();
      transmit({ t: 'hello', epoch, seq: epoch === null ? null : seq });
      pingTimer = setInterval(() => transmit({ t: 'ping' }), timing.pingEveryMs);
      watchdogTimer = setInterval(
        () => {
          if (sock === socket && Date.now() - lastReceived > timing.deadAfterMs) dropSocket(sock, 0);
        },
        Math.min(1_000, timing.deadAfterMs / 4),
      );
      clockSamples = [];
      clockSent.clear();
      clockRound();
      clockTimer = setInterval(clockRound, timing.clockEveryMs);
    };
    sock.onmessage = (event) => {
      if (sock !== socket) return;
      lastReceived = Date.now();
      attempt = 0;
      let message: HubMessage;
      try {
        message = JSON.parse(typeof event.data === 'string' ? event.data : String(event.data)) as HubMessage;
      } catch {
        return;
      }
      if (message === null || typeof message !== 'object' || typeof message.t !== 'string') return;
      handle(message);
    };
    sock.onclose = (event) => dropSocket(sock, event.code);
    sock.onerror = () => {
      // A close event follows; nothing to do here.
    };
  }

  /** The socket is gone (closed by either side, or declared dead): clean up and maybe reconnect. */
  function dropSocket(sock: SocketLike, code: number): void {
    if (sock !== socket) return;
    socket = null;
    sock.onopen = sock.onmessage = sock.onclose = null;
    // keep a no-op error handler: aborting a socket that is still connecting reports an error
    sock.onerror = () => undefined;
    try {
      if (sock.readyState <= OPEN) sock.close(1000);
    } catch {
      // already closing
    }
    stopTimers();
    synced = false;
    sentOnSocket.clear();
    clockSent.clear();
    useConnection.setState({ synced: false });
    for (const [id, p] of pending) {
      if (p.direct) {
        pending.delete(id);
        p.reject(new HubError('internal', { reason: 'offline' }));
      }
    }
    const reason = closeReason(code);
    if (reason) useConnection.setState({ ended: reason });
    if (!wanted) {
      useConnection.setState({ status: 'idle' });
      return;
    }
    if (reason && FINAL_REASONS.includes(reason)) {
      wanted = false;
      useConnection.setState({ status: 'ended' });
      return;
    }
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (!wanted || reconnectTimer) return;
    useConnection.setState({ status: 'reconnecting' });
    const cap = Math.min(timing.backoffMaxMs, timing.backoffMinMs * 2 ** attempt);
    const delay = timing.backoffMinMs + random() * Math.max(0, cap - timing.backoffMinMs);
    attempt = Math.min(attempt + 1, 30);
    reconnectTimer = setTimeout(open, delay);
  }

  // ------------------------------------------------------------------ clock

  function clockRound(): void {
    for (let i = 0; i < timing.clockSamples; i++) {
      const timer = setTimeout(() => {
        sampleTimers = sampleTimers.filter((t) => t !== timer);
        const precise = preciseNow();
        clockSent.set(precise, { precise, wall: Date.now() });
        if (clockSent.size > 64) clockSent.delete(clockSent.keys().next().value as number);
        transmit({ t: 'time', clientSent: precise });
      }, i * timing.clockGapMs);
      sampleTimers.push(timer);
    }
  }

  function onTime(clientSent: number, hubTime: number): void {
    const sent = clockSent.get(clientSent);
    if (!sent) return;
    clockSent.delete(clientSent);
    // The round trip on the monotonic clock; the offset against Date.now(), which hubNow() uses.
    const rtt = preciseNow() - sent.precise;
    clockSamples.push(sampleFrom(sent.wall, sent.wall + rtt, hubTime));
    if (clockSamples.length > MAX_CLOCK_SAMPLES) clockSamples = clockSamples.slice(-MAX_CLOCK_SAMPLES);
    const estimate = estimateOffset(clockSamples);
    if (estimate) {
      useClock.setState({ offsetMs: estimate.offsetMs, rttMs: estimate.rttMs, synced: true });
      reportPresence();
    }
  }

  // ------------------------------------------------------------------ messages

  function settle(id: string, ok: boolean, result: unknown, error?: HubError): void {
    const entry = removeQueued(id);
    const p = pending.get(id);
    if (p) pending.delete(id);
    if (ok) {
      p?.resolve(result);
      return;
    }
    const err = error ?? new HubError('internal');
    if (entry || (p && !p.direct)) {
      const name = entry?.name ?? p!.name;
      useConnection.setState((s) => ({ rejected: [...s.rejected, { id, name, error: err.toWire(), at: Date.now() }] }));
    }
    p?.reject(err);
  }

  function principalState(principal: Principal) {
    return { principal, deviceStatus: principal.deviceId !== null ? ('approved' as const) : null };
  }

  function handle(msg: HubMessage): void {
    switch (msg.t) {
      case 'snapshot': {
        applySnapshot(msg);
        resyncing = false;
        synced = true;
        useConnection.setState({ ...principalState(msg.principal), noPanel: false, synced: true, ended: null });
        void ready().then(flush);
        reportPresence();
        break;
      }
      case 'changes': {
        if (applyChanges(msg.epoch, msg.changes) === 'mismatch') {
          if (!resyncing) {
            // Another epoch (a restored backup, a restarted hub): start over from a fresh snapshot.
            resyncing = true;
            useTopics.setState({ epoch: null, seq: 0 });
            transmit({ t: 'hello', epoch: null, seq: null });
          }
        } else if (!synced) {
          // A reconnect with a known epoch/seq is answered with the changes since (maybe none):
          // the topics are live again, so queued commands may go.
          synced = true;
          useConnection.setState({ noPanel: false, synced: true, ended: null });
          void ready().then(flush);
        }
        break;
      }
      case 'ack':
        settle(msg.id, true, msg.result);
        break;
      case 'reject':
        settle(msg.id, false, undefined, HubError.fromWire(wireErrorFrom(msg.error)));
        break;
      case 'error':
        useConnection.setState({ lastError: wireErrorFrom(msg.error) });
        break;
      case 'pending':
        synced = false;
        useConnection.setState({ principal: msg.principal, deviceStatus: 'pending', noPanel: false, ended: null });
        break;
      case 'noPanel':
        synced = false;
        resetTopics();
        useConnection.setState({ ...principalState(msg.principal), noPanel: true, synced: false, ended: null });
        break;
      case 'host':
        useConnection.setState({ host: msg.status });
        break;
      case 'job':
        updateJob(msg.job);
        break;
      case 'time':
        onTime(msg.clientSent, msg.hubTime);
        break;
      case 'pong':
        break;
      case 'presence':
        updatePresence(msg.presence);
        break;
      default:
        // A newer hub's message this client does not know: ignore it.
        msg satisfies never;
    }
  }

  // ------------------------------------------------------------------ API

  function connect(): void {
    if (wanted) return;
    wanted = true;
    attempt = 0;
    void ready();
    open();
  }

  function disconnect(): void {
    wanted = false;
    if (reconnectTimer) clearTimeout(reconnectTimer);
    reconnectTimer = null;
    if (socket) dropSocket(socket, 1000);
    useConnection.setState({ status: 'idle' });
  }

  function send<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResult<K>> {
    const schema = commands[name]?.input;
    if (!schema) return Promise.reject(new HubError('protocol.unknownCommand', { name }));
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const params: ErrorParams = { name };
      const path = parsed.error.issues[0]?.path;
      if (path && path.length > 0) params.field = path.map(String).join('.');
      return Promise.reject(new HubError('protocol.badField', params));
    }
    const id = uuidv7();
    // Reads change nothing, so they never wait in the outbox.
    const direct = isHostCommand(name) || isQuery(name) || isFacilitator(useConnection.getState().principal);
    return new Promise<CommandResult<K>>((resolve, reject) => {
      const p: Pending = { name, direct, resolve: resolve as (r: unknown) => void, reject };
      if (direct) {
        if (!transmit({ t: 'cmd', id, name, input })) {
          reject(new HubError('internal', { reason: 'offline' }));
          return;
        }
        pending.set(id, p);
        return;
      }
      pending.set(id, p);
      const entry: OutboxEntry = { id, name, input, createdAt: Date.now() };
      void ready()
        .then(() => chainWrite((s) => s.put(entry)))
        .catch(() => undefined)
        .then(() => {
          if (!pending.has(id)) return; // cleared meanwhile
          queue.set(id, entry);
          updateWaiting();
          flush();
        });
    });
  }

  async function clear(timeoutMs = timing.clearTimeoutMs): Promise<{ dropped: number }> {
    await ready();
    const deadline = Date.now() + timeoutMs;
    while (queue.size > 0 && Date.now() < deadline && wanted) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const dropped = queue.size;
    disconnect();
    await writes;
    const s = await outbox();
    await s.destroy().catch(() => undefined);
    storage = null;
    loaded = null;
    queue.clear();
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new HubError('internal', { reason: 'offline' }));
    }
    everOpened = false;
    resetTopics();
    resetJobs();
    resetPresence();
    resetClock();
    resetConnection();
    return { dropped };
  }

  return { connect, disconnect, send, clear, queued: sortedQueue, ready };
}

/** The one client every screen uses. Nothing happens until hub.connect(). */
export const hub = createHubClient();

/** The hub's clock, estimated from the time samples: use it for everything the room sees together. */
export function hubNow(): number {
  return storeHubNow();
}
