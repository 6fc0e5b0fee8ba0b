/**
 * A protocol client for tests and benchmarks: a `ws` socket with the page's cookie and Origin,
 * and a queue of parsed hub messages to wait on.
 */
import WebSocket from 'ws';
import type { ClientMessage, HubMessage } from '../../shared/protocol.js';

export interface TestClient {
  ws: WebSocket;
  /** every message received so far, in order */
  messages: HubMessage[];
  send(message: ClientMessage | Record<string, unknown>): void;
  /** the first message received from now on with this `t` that matches pred */
  next<T extends HubMessage['t']>(
    t: T,
    pred?: (m: Extract<HubMessage, { t: T }>) => boolean,
    timeoutMs?: number,
  ): Promise<Extract<HubMessage, { t: T }>>;
  /** resolves with the close code */
  closed: Promise<number>;
  close(): void;
}

export interface ConnectOptions {
  /** http://127.0.0.1:PORT or http://room.test:PORT (the Origin; the socket goes to host/port) */
  origin: string;
  /** `puntari=VALUE` */
  cookie?: string;
  /** connect to this address instead of origin's hostname (e.g. 127.0.0.2 for room.test) */
  address?: string;
  /** set Host header to origin's host (default true when address is given) */
  hostHeader?: string;
}

export function connectClient(options: ConnectOptions): Promise<TestClient> {
  const origin = new URL(options.origin);
  const target = new URL(options.origin);
  if (options.address) target.hostname = options.address;
  target.protocol = 'ws:';
  target.pathname = '/ws';
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.address || options.hostHeader) headers.host = options.hostHeader ?? origin.host;
  const ws = new WebSocket(target.toString(), { origin: origin.origin, headers, perMessageDeflate: false });
  const messages: HubMessage[] = [];
  const waiters = new Set<{ match: (m: HubMessage) => boolean; resolve: (m: HubMessage) => void }>();
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as HubMessage;
    messages.push(m);
    for (const w of waiters) {
      if (w.match(m)) {
        waiters.delete(w);
        w.resolve(m);
      }
    }
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const client: TestClient = {
    ws,
    messages,
    send: (message) => ws.send(JSON.stringify(message)),
    next: (t, pred, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const match = (m: HubMessage): boolean =>
          m.t === t && (!pred || pred(m as Extract<HubMessage, { t: typeof t }>));
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no '${t}' message within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = {
          match,
          resolve: (m: HubMessage) => {
            clearTimeout(timer);
            resolve(m as Extract<HubMessage, { t: typeof t }>);
          },
        };
        waiters.add(waiter);
      }),
    closed,
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`WebSocket upgrade refused: HTTP ${res.statusCode}`)));
  });
}
