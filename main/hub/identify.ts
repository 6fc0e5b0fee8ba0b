import type { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { WireError } from '../../shared/errors.js';
import type { Hub, Resolved } from './hub.js';
import { hashToken, readCookie } from './tokens.js';

export type Identified = { token: string; resolved: Resolved } | { error: WireError } | null;

/** Who sent this request, by its cookie and the listener it came in on; null when nobody. */
export function identify(hub: Hub, req: FastifyRequest): Identified {
  const token = readCookie(req.headers.cookie);
  if (!token) return null;
  const resolved = hub.resolve(hashToken(token), hub.room.isLan(req.raw.socket as Socket));
  if (!resolved) return null;
  if ('error' in resolved) return resolved;
  return { token, resolved };
}

export function isManagerPrincipal(resolved: Resolved): boolean {
  return !resolved.pending && (resolved.principal.role === 'facilitator' || resolved.principal.role === 'cofacilitator');
}
