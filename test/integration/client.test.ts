/**
 * The renderer's hub client against the real hub (main/hub/server.ts) in this process: a
 * facilitator window and a co-facilitator laptop, each with its own copy of the client and stores.
 */
import { IDBFactory } from 'fake-indexeddb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { SocketLike } from '../../renderer/hub/client.js';
import type { RunningHub } from '../../main/hub/server.js';

import type * as clientNs from '../../renderer/hub/client.js';
import type * as sessionNs from '../../renderer/hub/session.js';
import type * as connectionNs from '../../renderer/stores/connection.js';
import type * as topicsNs from '../../renderer/stores/topics.js';
import type * as clockNs from '../../renderer/stores/clock.js';

type ClientModule = typeof clientNs;
type SessionModule = typeof sessionNs;
type ConnectionModule = typeof connectionNs;
type TopicsModule = typeof topicsNs;
type ClockModule = typeof clockNs;

interface World {
  hub: ReturnType<ClientModule['createHubClient']>;
  session: ReturnType<SessionModule['createSession']>;
  connection: ConnectionModule['useConnection'];
  topics: TopicsModule['useTopics'];
  clock: ClockModule['useClock'];
  cookie(): string;
}

/** One browser page: its own module instances (stores), cookie jar, Origin and IndexedDB. */
async function world(origin: string, idb: IDBFactory): Promise<World> {
  vi.resetModules();
  const clientMod: ClientModule = await import('../../renderer/hub/client.js');
  const sessionMod: SessionModule = await import('../../renderer/hub/session.js');
  const connectionMod: ConnectionModule = await import('../../renderer/stores/connection.js');
  const topicsMod: TopicsModule = await import('../../renderer/stores/topics.js');
  const clockMod: ClockModule = await import('../../renderer/stores/clock.js');
  let jar = '';
  const pageFetch = (async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('origin', origin);
    if (jar) headers.set('cookie', jar);
    const response = await fetch(url, { ...init, headers });
    for (const c of response.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      jar = pair.endsWith('=') ? '' : pair;
    }
    return response;
  }) as typeof fetch;
  const wsUrl = origin.replace(/^http/, 'ws') + '/ws';
  return {
    hub: clientMod.createHubClient({
      url: () => wsUrl,
      createSocket: (url) => new WebSocket(url, { headers: { origin, cookie: jar } }) as unknown as SocketLike,
      indexedDB: idb,
      timing: { backoffMinMs: 20, backoffMaxMs: 100, clockGapMs: 5 },
    }),
    session: sessionMod.createSession(origin, pageFetch),
    connection: connectionMod.useConnection,
    topics: topicsMod.useTopics,
    clock: clockMod.useClock,
    cookie: () => jar,
  };
}

async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

let running: RunningHub;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-renderer-'));
  const { startHub } = await import('../../main/hub/server.js');
  running = await startHub({ port: 0, home: join(dir, 'home'), roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
});

afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hub client against the real hub', () => {
  it('facilitator and a co-facilitator laptop: session, snapshot, direct and queued commands, revoke', async () => {
    const origin = running.loopbackUrl.replace(/\/$/, '');
    const f = await world(origin, new IDBFactory());

    // facilitator: exchange the one-time code, then the socket
    const code = new URL(running.facilitatorUrl()).hash.replace('#code=', '');
    await expect(f.session.whoami()).resolves.toMatchObject({ principal: null, lan: false });
    await f.session.exchangeFacilitatorCode(code);
    await expect(f.session.exchangeFacilitatorCode(code)).rejects.toMatchObject({ code: 'auth.badCode' });
    expect((await f.session.whoami()).principal?.role).toBe('facilitator');
    f.hub.connect();
    await until(() => f.connection.getState().noPanel && f.connection.getState().host !== null);
    expect(f.connection.getState().principal?.role).toBe('facilitator');

    await f.hub.send('host.createPanel', { path: join(dir, 'testi.puntari'), name: 'Testipaneeli' });
    await until(() => f.connection.getState().synced);
    expect(Object.values(f.topics.getState().data.panel)[0]?.name).toBe('Testipaneeli');
    await expect(f.hub.send('panel.update', { mandate: 'Tehtävänanto' })).resolves.toBeNull();
    await until(() => Object.values(f.topics.getState().data.panel)[0]?.mandate === 'Tehtävänanto');
    expect(f.connection.getState().waiting).toBe(0); // the facilitator sends directly

    // clock: same machine, so the offset is about zero
    await until(() => f.clock.getState().synced);
    expect(Math.abs(f.clock.getState().offsetMs)).toBeLessThan(50);

    // open the room; a laptop pairs through the LAN listener
    await f.hub.send('host.openRoom', {});
    await until(() => f.connection.getState().host?.room.pairingCode != null);
    const pairingCode = f.connection.getState().host!.room.pairingCode!;
    const lanOrigin = `http://127.0.0.2:${running.port}`;
    const c = await world(lanOrigin, new IDBFactory());
    await expect(c.session.pair({ pairingCode: 'WRONG9', role: 'cofacilitator', tableNo: null, name: 'Kofa' })).rejects.toMatchObject({
      code: 'auth.badCode',
    });
    await c.session.pair({ pairingCode, role: 'cofacilitator', tableNo: null, name: 'Kofa' });
    expect(await c.session.whoami()).toMatchObject({ deviceStatus: 'pending', lan: true });
    c.hub.connect();
    await until(() => c.connection.getState().deviceStatus === 'pending');

    // approve it from the facilitator window
    await until(() => Object.values(f.topics.getState().data.devices).some((d) => d.status === 'pending'));
    const device = Object.values(f.topics.getState().data.devices).find((d) => d.status === 'pending')!;
    await f.hub.send('device.approve', { deviceId: device.id });
    await until(() => c.connection.getState().synced, 5000);
    expect(c.connection.getState()).toMatchObject({ deviceStatus: 'approved', principal: { role: 'cofacilitator' } });

    // a queued command while online
    await expect(c.hub.send('panel.update', { venue: 'Kirjasto' })).resolves.toBeNull();
    await until(() => Object.values(f.topics.getState().data.panel)[0]?.venue === 'Kirjasto');

    // offline: the command waits in the outbox, then lands once after reconnecting
    c.hub.disconnect();
    const later = c.hub.send('panel.update', { area: 'Pohjois-Savo' });
    await until(() => c.connection.getState().waiting === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(Object.values(f.topics.getState().data.panel)[0]?.area).not.toBe('Pohjois-Savo');
    c.hub.connect();
    await expect(later).resolves.toBeNull();
    await until(() => Object.values(f.topics.getState().data.panel)[0]?.area === 'Pohjois-Savo');
    expect(c.connection.getState().waiting).toBe(0);
    expect(Object.values(c.topics.getState().data.panel)[0]?.area).toBe('Pohjois-Savo');

    // a command the hub refuses is recorded for the screen
    await expect(c.hub.send('device.assign', { deviceId: device.id, role: 'projector', tableNo: null })).rejects.toMatchObject({
      code: 'scope.forbidden',
    });
    expect(c.connection.getState().rejected.map((r) => r.name)).toEqual(['device.assign']);

    // revoked: the laptop's connection ends for good
    await f.hub.send('device.revoke', { deviceId: device.id });
    await until(() => c.connection.getState().status === 'ended');
    expect(c.connection.getState().ended).toBe('revoked');

    c.hub.disconnect();
    f.hub.disconnect();
  });
});
