import type { WebSocket } from 'ws';
import type { HubMessage } from '../../shared/protocol.js';
import type { Principal } from '../../shared/roles.js';

export type ClientKind = 'facilitator' | 'device' | 'viewer';

/** One open WebSocket and who is on the other end. */
export interface Client {
  ws: WebSocket;
  kind: ClientKind;
  principal: Principal;
  tokenHash: string;
  /** Came in through the room's network listener. */
  lan: boolean;
  /** The device is paired but not yet approved: it gets nothing of the panel. */
  pending: boolean;
  helloDone: boolean;
  alive: boolean;
  lastTouch: number;
  tokens: number;
  tokensAt: number;
}

export function send(client: Client, message: HubMessage): void {
  if (client.ws.readyState === client.ws.OPEN) client.ws.send(JSON.stringify(message));
}

/** Per-socket token bucket: a catching-up outbox may burst, a runaway client may not flood. */
const BUCKET = 300;
const REFILL_PER_SECOND = 100;

export function takeToken(client: Client, now: number): boolean {
  client.tokens = Math.min(BUCKET, client.tokens + ((now - client.tokensAt) / 1000) * REFILL_PER_SECOND);
  client.tokensAt = now;
  if (client.tokens < 1) return false;
  client.tokens -= 1;
  return true;
}

export function newBucket(now: number): Pick<Client, 'tokens' | 'tokensAt'> {
  return { tokens: BUCKET, tokensAt: now };
}
