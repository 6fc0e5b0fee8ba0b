import { existsSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { PairRequestSchema } from '../../shared/devices.js';
import { PuntariError, type ErrorCode, type WireError } from '../../shared/errors.js';
import { normaliseCode, uuidv7 } from '../../shared/ids.js';
import {
  ClientMessageSchema,
  commands,
  isCommandName,
  isHostCommand,
  MAX_MESSAGE_BYTES,
  CLOSE,
  type ClientMessage,
} from '../../shared/protocol.js';
import type { PanelCommandName } from '../features/context.js';
import { insertPairingRequest, readDevice } from '../features/devices/devices.js';
import { newBucket, send, takeToken, type Client } from './clients.js';
import { runHostCommand } from './hostCommands.js';
import { isAllowedHost, isLoopbackHostname, isSameOrigin } from './hostCheck.js';
import { HostConfig } from './hostConfig.js';
import { Hub } from './hub.js';
import { registerExportRoutes } from './exportRoutes.js';
import { registerFileRoutes } from './fileRoutes.js';
import { identify } from './identify.js';
import { registerVoteRoutes } from './voteRoutes.js';
import { clearCookieHeader, cookieHeader, hashToken, newToken } from './tokens.js';

export interface HubOptions {
  /** Default 4700; 0 picks any free port. */
  port?: number;
  /** The host's own settings folder (recent panels, window sessions). */
  home?: string;
  panelPath?: string;
  passphrase?: string;
  /** Where the room listens when opened; default every non-internal IPv4 address. */
  roomBind?: string[];
  /** Host names besides IP literals and localhost that pages may use (tests: room.test). */
  roomHostnames?: string[];
  /** The built renderer. */
  staticDir?: string;
}

export interface RunningHub {
  port: number;
  loopbackUrl: string;
  /** A fresh one-time code for a facilitator window, as the address to open. */
  facilitatorUrl(route?: string): string;
  hub: Hub;
  close(): Promise<void>;
}

const DEFAULT_PORT = 4700;
const here = typeof import.meta.url === 'string' ? dirname(fileURLToPath(import.meta.url)) : process.cwd();

export function defaultHome(): string {
  return process.env.PUNTARI_HOME || join(homedir(), '.puntari');
}

function errorBody(error: WireError) {
  return { error };
}

function httpStatus(code: ErrorCode): number {
  if (code.startsWith('auth.')) return code === 'auth.rateLimited' ? 429 : code === 'auth.required' ? 401 : 403;
  if (code === 'protocol.tooLarge') return 413;
  if (code.startsWith('protocol.')) return 400;
  if (code === 'internal') return 500;
  return 409;
}

function fail(reply: FastifyReply, code: ErrorCode, params?: Record<string, string | number>) {
  return reply.code(httpStatus(code)).send(errorBody({ code, params }));
}

function zodField(error: z.ZodError): { field: string; issue: string } {
  const issue = error.issues[0];
  return { field: issue?.path.join('.') || '(root)', issue: issue?.code ?? 'invalid' };
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function startHub(options: HubOptions = {}): Promise<RunningHub> {
  const config = new HostConfig(options.home ?? defaultHome());
  const roomHostnames = (options.roomHostnames ?? []).map((h) => h.toLowerCase());
  const hub = new Hub(config, { roomBind: options.roomBind, roomHostnames });
  const staticDir = options.staticDir ?? process.env.PUNTARI_STATIC_DIR ?? resolve(here, '../../dist/renderer');

  const app = Fastify({ logger: false, bodyLimit: 64 * 1024, trustProxy: false });
  const isLan = (req: FastifyRequest) => hub.room.isLan(req.raw.socket as Socket);

  if (options.panelPath) hub.openPanel(options.panelPath, options.passphrase);

  await app.register(fastifyCookie);
  await app.register(rateLimit, {
    global: true,
    max: 600,
    timeWindow: '1 minute',
    errorResponseBuilder: () => ({ statusCode: 429, error: { code: 'auth.rateLimited' } }),
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_MESSAGE_BYTES * 4 } });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Content-Security-Policy', CSP);
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (!isAllowedHost(req.headers.host, roomHostnames)) return fail(reply, 'auth.forbiddenHost');
    if (req.method !== 'GET' && req.method !== 'HEAD' && !isSameOrigin(req.headers.origin, req.headers.host)) {
      return fail(reply, 'auth.forbiddenOrigin');
    }
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, _req, reply) => {
    if (error instanceof PuntariError) return fail(reply, error.code, error.params);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fail(reply, 'protocol.tooLarge');
    if (error.statusCode === 429) return fail(reply, 'auth.rateLimited');
    if (error.statusCode && error.statusCode < 500) return fail(reply, 'protocol.malformed');
    return fail(reply, 'internal');
  });

  const who = (req: FastifyRequest) => identify(hub, req);

  const strict = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } };

  app.get('/api/whoami', async (req) => {
    const w = who(req);
    const lan = isLan(req);
    if (!w || 'error' in w) return { principal: null, deviceStatus: null, lan, error: w && 'error' in w ? w.error : null };
    return {
      principal: w.resolved.principal,
      deviceStatus: w.resolved.kind === 'device' ? (w.resolved.pending ? 'pending' : 'approved') : null,
      lan,
      error: null,
    };
  });

  app.post('/api/session/facilitator', strict, async (req, reply) => {
    if (isLan(req) || !isLoopbackHostname(req.headers.host)) return fail(reply, 'auth.loopbackOnly');
    const body = z.object({ code: z.string().min(1).max(64) }).safeParse(req.body);
    if (!body.success) return fail(reply, 'protocol.badField', zodField(body.error));
    if (!hub.takeFacilitatorCode(normaliseCode(body.data.code))) return fail(reply, 'auth.badCode');
    const token = newToken();
    config.addFacilitatorToken(hashToken(token));
    reply.header('Set-Cookie', cookieHeader(token));
    return { role: 'facilitator' };
  });

  app.post('/api/pair', strict, async (req, reply) => {
    const body = PairRequestSchema.safeParse(req.body);
    if (!body.success) return fail(reply, 'protocol.badField', zodField(body.error));
    if (!hub.isRoomOpen || !hub.session) return fail(reply, 'auth.roomClosed');
    if (!hub.checkPairingCode(normaliseCode(body.data.pairingCode))) return fail(reply, 'auth.badCode');
    const token = newToken();
    const id = uuidv7();
    const { role, tableNo, name } = body.data;
    const principal = { role, deviceId: id, deviceName: name, tableNo: role === 'secretary' ? tableNo : null };
    hub.broadcast(
      hub.session.record(principal, 'device.pair', { role, tableNo, name }, (ctx) => {
        insertPairingRequest(ctx.db, {
          id,
          role,
          tableNo,
          name,
          tokenHash: hashToken(token),
          userAgent: String(req.headers['user-agent'] ?? ''),
          now: ctx.now,
        });
        ctx.change('devices', id, readDevice(ctx.db, id, (d) => hub.isConnected(d)));
      }),
    );
    reply.header('Set-Cookie', cookieHeader(token));
    return { deviceId: id, status: 'pending' };
  });

  app.post('/api/view', strict, async (req, reply) => {
    const body = z.object({ viewCode: z.string().min(1).max(32) }).safeParse(req.body);
    if (!body.success) return fail(reply, 'protocol.badField', zodField(body.error));
    if (!hub.isRoomOpen) return fail(reply, 'auth.roomClosed');
    if (!hub.checkViewCode(normaliseCode(body.data.viewCode))) return fail(reply, 'auth.badCode');
    const token = newToken();
    hub.addViewerToken(hashToken(token));
    reply.header('Set-Cookie', cookieHeader(token));
    return { role: 'viewer' };
  });

  app.post('/api/forget', async (req, reply) => {
    const w = who(req);
    reply.header('Set-Cookie', clearCookieHeader());
    if (!w || 'error' in w) return { forgotten: false };
    const hash = hashToken(w.token);
    if (w.resolved.kind === 'device' && w.resolved.principal.deviceId) hub.forgetDevice(w.resolved.principal.deviceId);
    else if (w.resolved.kind === 'viewer') hub.forgetViewer(hash);
    else config.removeFacilitatorToken(hash);
    return { forgotten: true };
  });

  registerFileRoutes(app, hub);
  registerExportRoutes(app, hub, { who });
  registerVoteRoutes(app, hub);

  app.register(async (scope) => {
    scope.addHook('preValidation', async (req, reply) => {
      if (!isSameOrigin(req.headers.origin, req.headers.host)) return fail(reply, 'auth.forbiddenOrigin');
    });
    scope.get('/ws', { websocket: true }, (ws: WebSocket, req) => {
      // A same-origin socket without a valid credential is told why and closed with a code the
      // client can act on (ask to pair again), rather than refused like a network failure.
      const w = who(req);
      if (!w || 'error' in w) {
        const error: WireError = w && 'error' in w ? w.error : { code: 'auth.required' };
        ws.send(JSON.stringify({ t: 'error', error }));
        const closeCode = error.code === 'auth.rejected' ? CLOSE.rejected : error.code === 'auth.revoked' ? CLOSE.revoked : CLOSE.unauthenticated;
        ws.close(closeCode, error.code);
        return;
      }
      const now = Date.now();
      const client: Client = {
        ws,
        kind: w.resolved.kind,
        principal: w.resolved.principal,
        tokenHash: hashToken(w.token),
        lan: isLan(req),
        pending: w.resolved.pending,
        helloDone: false,
        alive: true,
        lastTouch: 0,
        ...newBucket(now),
      };
      hub.clients.add(client);
      hub.touch(client, true);
      ws.on('pong', () => {
        client.alive = true;
      });
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        client.alive = true;
        void handleMessage(client, data, isBinary);
      });
      ws.on('close', () => {
        hub.clients.delete(client);
        hub.touch(client, true);
      });
      ws.on('error', () => ws.terminate());
    });
  });

  async function handleMessage(client: Client, data: Buffer, isBinary: boolean): Promise<void> {
    if (isBinary || data.length > MAX_MESSAGE_BYTES) {
      send(client, { t: 'error', error: { code: isBinary ? 'protocol.malformed' : 'protocol.tooLarge', params: { limit: MAX_MESSAGE_BYTES } } });
      return;
    }
    if (!takeToken(client, Date.now())) {
      send(client, { t: 'error', error: { code: 'auth.rateLimited' } });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      send(client, { t: 'error', error: { code: 'protocol.malformed' } });
      return;
    }
    const message = ClientMessageSchema.safeParse(parsed);
    if (!message.success) {
      const id = (parsed as { id?: unknown })?.id;
      const error: WireError = { code: 'protocol.malformed', params: zodField(message.error) };
      send(client, typeof id === 'string' && id.length <= 64 ? { t: 'reject', id, error } : { t: 'error', error });
      return;
    }
    hub.touch(client, false);
    const msg: ClientMessage = message.data;
    switch (msg.t) {
      case 'hello':
        hub.greet(client, msg.epoch, msg.seq);
        return;
      case 'time':
        send(client, { t: 'time', clientSent: msg.clientSent, hubTime: Date.now() });
        return;
      case 'ping':
        send(client, { t: 'pong' });
        return;
      case 'cmd':
        await handleCommand(client, msg);
        return;
      case 'presence':
        hub.reportPresence(client, msg.waiting, msg.rttMs);
        return;
      default:
        msg satisfies never;
    }
  }

  async function handleCommand(client: Client, msg: Extract<ClientMessage, { t: 'cmd' }>): Promise<void> {
    const reject = (error: WireError) => send(client, { t: 'reject', id: msg.id, error });
    if (!isCommandName(msg.name)) return reject({ code: 'protocol.unknownCommand', params: { name: msg.name.slice(0, 64) } });
    const def = commands[msg.name];
    if (client.pending || !(def.roles as readonly string[]).includes(client.principal.role)) {
      return reject({ code: 'scope.forbidden', params: { name: msg.name } });
    }
    const input = def.input.safeParse(msg.input);
    if (!input.success) return reject({ code: 'protocol.badField', params: zodField(input.error) });
    try {
      if (isHostCommand(msg.name)) {
        const result = await runHostCommand(hub, app.server, msg.name as never, input.data as never);
        send(client, { t: 'ack', id: msg.id, result });
        return;
      }
      const session = hub.session;
      if (!session) return reject({ code: 'panel.none' });
      const outcome = session.dispatch(msg.id, msg.name as PanelCommandName, input.data, client.principal);
      if (!outcome.ok) return reject(outcome.error);
      hub.broadcast(outcome.changes);
      send(client, { t: 'ack', id: msg.id, result: outcome.result });
      if (!outcome.duplicate && msg.name.startsWith('device.')) hub.reconcileDevice((input.data as { deviceId: string }).deviceId);
      if (!outcome.duplicate && msg.name === 'panel.update') hub.broadcastHostStatus();
    } catch (error) {
      if (error instanceof PuntariError) return reject(error.toWire());
      return reject({ code: 'internal', params: { detail: (error as Error).message.slice(0, 200) } });
    }
  }

  const indexHtml = join(staticDir, 'index.html');
  if (existsSync(indexHtml)) {
    // A table laptop that reloads while the Wi-Fi is down still has the app from its cache:
    // the hashed assets never change, and the page itself is kept for a day of sessions.
    await app.register(fastifyStatic, {
      root: staticDir,
      index: ['index.html'],
      wildcard: false,
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'private, max-age=43200');
      },
    });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) return fail(reply, 'protocol.unknownCommand', { name: req.url.slice(0, 64) });
      return reply.type('text/html').header('Cache-Control', 'private, max-age=43200').send(readFileSync(indexHtml));
    });
  } else {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/html')
        .send('<!doctype html><html lang="en"><title>Puntari</title><p>The screens are not built yet: run <code>npm run build</code>.</p></html>'),
    );
  }

  const heartbeat = setInterval(() => {
    for (const c of hub.clients) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }, 10_000);
  heartbeat.unref();

  const explicitPort = options.port !== undefined;
  let port = options.port ?? DEFAULT_PORT;
  for (let attempt = 0; ; attempt++) {
    try {
      await app.listen({ host: '127.0.0.1', port });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      if (explicitPort || attempt >= 10) {
        await hub.shutdown();
        throw new PuntariError('room.portInUse', { port, address: '127.0.0.1' });
      }
      port += 1;
    }
  }
  const address = app.server.address();
  hub.port = typeof address === 'object' && address ? address.port : port;
  await hub.resumeRoom(app.server);
  const loopbackUrl = `http://127.0.0.1:${hub.port}/`;

  return {
    port: hub.port,
    loopbackUrl,
    hub,
    facilitatorUrl(route = '') {
      return `${loopbackUrl}#${route}${route.includes('?') ? '&' : route ? '?' : ''}code=${hub.newFacilitatorCode()}`;
    },
    async close() {
      clearInterval(heartbeat);
      await hub.shutdown();
      await app.close();
    },
  };
}

