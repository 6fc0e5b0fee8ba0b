import WebSocket from 'ws';
import type { HubMessage } from '../../shared/protocol.js';
import { uuidv7 } from '../../shared/ids.js';

/** A bare protocol peer for integration tests: real WebSocket, real cookies, no app code. */
export class Peer {
  readonly messages: HubMessage[] = [];
  private waiters: { pred: (m: HubMessage) => boolean; resolve: (m: HubMessage) => void }[] = [];
  closeCode: number | null = null;
  readonly closed: Promise<number>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as HubMessage;
      this.messages.push(msg);
      this.waiters = this.waiters.filter((w) => {
        if (w.pred(msg)) {
          w.resolve(msg);
          return false;
        }
        return true;
      });
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
  }

  static async connect(origin: string, cookie: string, extraHeaders: Record<string, string> = {}): Promise<Peer> {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, { headers: { Cookie: cookie, Origin: origin, ...extraHeaders } });
    const peer = new Peer(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
    return peer;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  next<T extends HubMessage['t']>(t: T, pred: (m: Extract<HubMessage, { t: T }>) => boolean = () => true, timeoutMs = 5000): Promise<Extract<HubMessage, { t: T }>> {
    const existing = this.messages.find((m) => m.t === t && pred(m as Extract<HubMessage, { t: T }>));
    if (existing) {
      this.messages.splice(this.messages.indexOf(existing), 1);
      return Promise.resolve(existing as Extract<HubMessage, { t: T }>);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${t}`)), timeoutMs);
      this.waiters.push({
        pred: (m) => m.t === t && pred(m as Extract<HubMessage, { t: T }>),
        resolve: (m) => {
          clearTimeout(timer);
          this.messages.splice(this.messages.indexOf(m), 1);
          resolve(m as Extract<HubMessage, { t: T }>);
        },
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}

export async function post(origin: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...headers },
    body: JSON.stringify(body),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, cookie };
}

export async function facilitatorCookie(facilitatorUrl: string): Promise<{ origin: string; cookie: string }> {
  const url = new URL(facilitatorUrl);
  const code = new URLSearchParams(url.hash.replace(/^#[^?]*\?/, '').replace(/^#/, '')).get('code')!;
  const origin = url.origin;
  const res = await post(origin, '/api/session/facilitator', { code });
  if (res.status !== 200) throw new Error(`exchange failed ${res.status} ${JSON.stringify(res.body)}`);
  return { origin, cookie: res.cookie };
}

/** Sends a command and waits for its answer: the result when acknowledged; throws when refused. */
export async function sendCommand(peer: Peer, name: string, input: unknown): Promise<unknown> {
  const id = uuidv7();
  peer.send({ t: 'cmd', id, name, input });
  const res = (await Promise.race([peer.next('ack', (m) => m.id === id), peer.next('reject', (m) => m.id === id)])) as Extract<HubMessage, { t: 'ack' | 'reject' }>;
  if (res.t !== 'ack') throw new Error(`${name} rejected: ${JSON.stringify(res.error)}`);
  return res.result;
}

/** An HTTP request with the facilitator's cookie: JSON (or raw bytes) in, JSON or bytes out. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON or bytes, checked by each test
export async function facilitatorRequest(origin: string, cookie: string, method: 'GET' | 'POST', path: string, body?: unknown, raw?: Uint8Array): Promise<{ status: number; body: any }> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { cookie, origin, ...(raw ? { 'content-type': 'application/octet-stream' } : body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: raw ? Buffer.from(raw) : body !== undefined ? JSON.stringify(body) : undefined,
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer()) };
}
