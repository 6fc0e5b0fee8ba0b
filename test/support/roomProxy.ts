/**
 * The room's network, in tests: a loopback TCP proxy between a table page (or any client) and
 * the hub, which a test can cut or make drop packets silently, mid-session. Playwright's
 * `setOffline` does not touch open WebSockets; this does.
 *
 *   const proxy = await startRoomProxy({ listenHost: '127.0.0.2', targetHost: '127.0.0.2', targetPort: hubRoomPort });
 *   page.goto(`http://room.test:${proxy.port}/`)   // Chromium maps room.test → 127.0.0.2
 *   proxy.blackhole();  // Wi-Fi dies: sockets stay open, nothing arrives, no FIN/RST
 *   proxy.restore();
 *   proxy.cut();        // every connection reset now, new ones refused until restore()
 *
 * Network rule: both ends must be loopback (127.0.0.0/8 or ::1); anything else throws.
 */
import net from 'node:net';

export interface RoomProxyOptions {
  /** Loopback address to listen on (default 127.0.0.2, the "room" address tests use). */
  listenHost?: string;
  /** 0 (default) = any free port. */
  listenPort?: number;
  targetHost: string;
  targetPort: number;
}

export type RoomProxyState = 'open' | 'cut' | 'blackhole';

export interface BlackholeOptions {
  /**
   * 'drop' (default): bytes sent either way while the hole is open are lost for good.
   * 'hold': bytes are held and delivered on restore(), as TCP retransmission would do when
   * the Wi-Fi comes back before either end gives up.
   * Either way, a side that closes during the blackhole is not seen by the other side until
   * restore(), which passes on the held FIN (or resets the other side if the first one was
   * destroyed outright). A connection accepted during a 'drop' blackhole is reset on restore().
   */
  mode?: 'drop' | 'hold';
}

export interface RoomProxy {
  readonly host: string;
  readonly port: number;
  /** Open client connections (each with its upstream leg). */
  readonly connections: number;
  readonly state: RoomProxyState;
  /** Reset every open connection (both legs) and refuse new ones until restore(). */
  cut(): void;
  /** Keep sockets open but deliver nothing either way: no data, no FIN, no RST. */
  blackhole(options?: BlackholeOptions): void;
  /** Back to normal forwarding. */
  restore(): void;
  /** Stop listening and end every connection. */
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && m.slice(1).every((p) => Number(p) <= 255);
}

function reset(socket: net.Socket | null): void {
  if (!socket || socket.destroyed) return;
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

class Pair {
  upstream: net.Socket | null = null;
  upstreamConnected = false;
  /** bytes from the client that arrived before the upstream leg connected */
  pendingToUp: Buffer[] = [];
  heldToUp: Buffer[] = [];
  heldToClient: Buffer[] = [];
  /** FIN from the client not yet passed on */
  clientEndPending = false;
  upstreamEndPending = false;
  /** a leg that went away while the hole was open */
  clientGone = false;
  upstreamGone = false;
  finished = false;

  constructor(
    readonly client: net.Socket,
    private readonly proxy: ProxyCore,
  ) {
    client.setNoDelay(true);
    client.on('error', () => {});
    client.on('data', (buf: Buffer) => this.fromClient(buf));
    client.on('end', () => this.clientEnded());
    client.on('close', () => this.clientClosed());
  }

  connectUpstream(): void {
    const up = net.connect({ host: this.proxy.targetHost, port: this.proxy.targetPort, allowHalfOpen: true });
    this.upstream = up;
    up.setNoDelay(true);
    up.on('error', () => {});
    up.on('connect', () => {
      this.upstreamConnected = true;
      for (const b of this.pendingToUp) up.write(b);
      this.pendingToUp = [];
      if (this.clientEndPending && this.proxy.state === 'open') {
        this.clientEndPending = false;
        up.end();
      }
    });
    up.on('data', (buf: Buffer) => this.fromUpstream(buf));
    up.on('end', () => this.upstreamEnded());
    up.on('close', () => this.upstreamClosed());
  }

  private fromClient(buf: Buffer): void {
    const state = this.proxy.state;
    if (state === 'blackhole') {
      if (this.proxy.mode === 'hold') this.heldToUp.push(buf);
      return;
    }
    if (state !== 'open') return;
    if (this.upstream && this.upstreamConnected) this.upstream.write(buf);
    else this.pendingToUp.push(buf);
  }

  private fromUpstream(buf: Buffer): void {
    const state = this.proxy.state;
    if (state === 'blackhole') {
      if (this.proxy.mode === 'hold') this.heldToClient.push(buf);
      return;
    }
    if (state === 'open' && !this.client.destroyed) this.client.write(buf);
  }

  private clientEnded(): void {
    if (this.proxy.state === 'blackhole' || !this.upstreamConnected) {
      this.clientEndPending = true;
      return;
    }
    this.upstream?.end();
  }

  private upstreamEnded(): void {
    if (this.proxy.state === 'blackhole') {
      this.upstreamEndPending = true;
      return;
    }
    this.client.end();
  }

  private clientClosed(): void {
    if (this.proxy.state === 'blackhole') {
      this.clientGone = true;
      return;
    }
    // Give a half-closed upstream a moment to flush, then let it go.
    if (this.upstream && !this.upstream.destroyed) {
      if (this.upstream.writableEnded) this.upstream.destroySoon();
      else this.upstream.destroy();
    }
    this.finish();
  }

  private upstreamClosed(): void {
    if (this.proxy.state === 'blackhole') {
      this.upstreamGone = true;
      return;
    }
    if (!this.client.destroyed) {
      if (this.client.writableEnded) this.client.destroySoon();
      else this.client.destroy();
    }
    this.finish();
  }

  /** Leave the blackhole: deliver what was held, or reset a side whose peer went away. */
  restore(mode: 'drop' | 'hold'): void {
    if (this.clientGone || this.upstreamGone) {
      this.resetBoth();
      return;
    }
    if (!this.upstream) {
      // Accepted while the hole was open: its first bytes are lost in drop mode, so reset it
      // and let the client retry; in hold mode connect now and deliver.
      if (mode === 'drop') {
        this.resetBoth();
        return;
      }
      this.pendingToUp.push(...this.heldToUp);
      this.heldToUp = [];
      this.connectUpstream();
      return;
    }
    for (const b of this.heldToUp) {
      if (this.upstreamConnected) this.upstream.write(b);
      else this.pendingToUp.push(b);
    }
    for (const b of this.heldToClient) this.client.write(b);
    this.heldToUp = [];
    this.heldToClient = [];
    if (this.clientEndPending && this.upstreamConnected) {
      this.clientEndPending = false;
      this.upstream.end();
    }
    if (this.upstreamEndPending) {
      this.upstreamEndPending = false;
      this.client.end();
    }
  }

  resetBoth(): void {
    reset(this.client);
    reset(this.upstream);
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.proxy.pairs.delete(this);
  }
}

interface ProxyCore {
  state: RoomProxyState;
  mode: 'drop' | 'hold';
  targetHost: string;
  targetPort: number;
  pairs: Set<Pair>;
}

export async function startRoomProxy(options: RoomProxyOptions): Promise<RoomProxy> {
  const listenHost = options.listenHost ?? '127.0.0.2';
  if (!isLoopback(listenHost)) throw new Error(`room proxy: listenHost ${listenHost} is not loopback`);
  if (!isLoopback(options.targetHost)) throw new Error(`room proxy: targetHost ${options.targetHost} is not loopback`);

  const core: ProxyCore = {
    state: 'open',
    mode: 'drop',
    targetHost: options.targetHost,
    targetPort: options.targetPort,
    pairs: new Set(),
  };

  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    if (core.state === 'cut') {
      client.on('error', () => {});
      reset(client);
      return;
    }
    const pair = new Pair(client, core);
    core.pairs.add(pair);
    // While the hole is open a new connection is held without reaching the hub.
    if (core.state === 'open') pair.connectUpstream();
  });
  server.on('error', () => {});

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: listenHost, port: options.listenPort ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | null = null;
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('room proxy: no address');

  return {
    host: listenHost,
    port: address.port,
    get connections() {
      return core.pairs.size;
    },
    get state() {
      return core.state;
    },
    cut() {
      core.state = 'cut';
      for (const pair of [...core.pairs]) pair.resetBoth();
    },
    blackhole(opts?: BlackholeOptions) {
      core.mode = opts?.mode ?? 'drop';
      core.state = 'blackhole';
    },
    restore() {
      const was = core.state;
      core.state = 'open';
      if (was === 'blackhole') for (const pair of [...core.pairs]) pair.restore(core.mode);
    },
    close() {
      core.state = 'cut';
      for (const pair of [...core.pairs]) pair.resetBoth();
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}
