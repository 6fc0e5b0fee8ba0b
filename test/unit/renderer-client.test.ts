import { IDBFactory } from 'fake-indexeddb';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createHubClient, type HubClient, type HubClientOptions, type SocketLike } from '../../renderer/hub/client.js';
import { HubError } from '../../renderer/hub/errors.js';
import { openOutbox } from '../../renderer/hub/outbox.js';
import { resetClock, useClock } from '../../renderer/stores/clock.js';
import { resetConnection, useConnection } from '../../renderer/stores/connection.js';
import { resetJobs, useJobs } from '../../renderer/stores/jobs.js';
import { resetTopics, useTopics } from '../../renderer/stores/topics.js';
import { CLOSE, type ClientMessage, type HubMessage } from '../../shared/protocol.js';
import type { Principal } from '../../shared/roles.js';

const secretary: Principal = { role: 'secretary', deviceId: 'dev-1', deviceName: 'Pöytä 3', tableNo: 3 };
const facilitator: Principal = { role: 'facilitator', deviceId: null, deviceName: 'Host', tableNo: null };

/** A tiny hub peer on loopback: records what the client sends, answers time and ping. */
class Peer {
  readonly server: WebSocketServer;
  readonly received: ClientMessage[] = [];
  sockets: WebSocket[] = [];
  connections = 0;
  hubAheadMs = 0;
  onHello: (ws: WebSocket, msg: ClientMessage) => void = () => undefined;
  private waiters: (() => void)[] = [];

  constructor() {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server.on('connection', (ws) => {
      this.connections++;
      this.sockets.push(ws);
      ws.on('message', (raw) => {
        const msg = JSON.parse(String(raw)) as ClientMessage;
        this.received.push(msg);
        if (msg.t === 'time') this.send(ws, { t: 'time', clientSent: msg.clientSent, hubTime: Date.now() + this.hubAheadMs });
        if (msg.t === 'ping') this.send(ws, { t: 'pong' });
        if (msg.t === 'hello') this.onHello(ws, msg);
        for (const w of this.waiters.splice(0)) w();
      });
    });
  }
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/ws`;
  }
  get last(): WebSocket {
    return this.sockets[this.sockets.length - 1]!;
  }
  send(ws: WebSocket, msg: HubMessage): void {
    ws.send(JSON.stringify(msg));
  }
  of<T extends ClientMessage['t']>(t: T): Extract<ClientMessage, { t: T }>[] {
    return this.received.filter((m): m is Extract<ClientMessage, { t: T }> => m.t === t);
  }
  async until(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > end) throw new Error('timed out');
      await Promise.race([new Promise<void>((r) => this.waiters.push(r)), new Promise((r) => setTimeout(r, 20))]);
    }
  }
  close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    return new Promise((r) => this.server.close(() => r()));
  }
}

async function until(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const snapshot = (principal: Principal, epoch = 'e1', seq = 5): HubMessage => ({
  t: 'snapshot',
  epoch,
  seq,
  principal,
  data: { tables: { t1: { no: 1, name: 'Pöytä 1', capacity: 6, language: 'fi', accessible: true } } },
});

let peer: Peer;
let clients: HubClient[] = [];
let idb: IDBFactory;

function client(extra: Pick<HubClientOptions, 'timing'> = {}): HubClient {
  const c = createHubClient({
    url: () => peer.url,
    createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    indexedDB: idb,
    random: () => 0.5,
    timing: { backoffMinMs: 10, backoffMaxMs: 40, clockSamples: 0, ...extra.timing },
  });
  clients.push(c);
  return c;
}

beforeEach(async () => {
  peer = new Peer();
  await new Promise((r) => peer.server.once('listening', r));
  idb = new IDBFactory();
  resetTopics();
  resetConnection();
  resetClock();
  resetJobs();
});

afterEach(async () => {
  for (const c of clients) c.disconnect();
  clients = [];
  await peer.close();
});

describe('hub client: outbox', () => {
  it('stores commands made offline, sends them in order after the snapshot, removes them on ack', async () => {
    const c = client();
    const results: unknown[] = [];
    const p1 = c.send('panel.update', { name: 'Yksi' }).then((r) => results.push(['1', r]));
    const p2 = c.send('panel.update', { name: 'Kaksi' }).then((r) => results.push(['2', r]));
    const p3 = c.send('panel.update', { name: 'Kolme' }).then((r) => results.push(['3', r]));
    await until(() => useConnection.getState().waiting === 3);
    // persisted before anything was sent
    const stored = await (await openOutbox(idb)).all();
    expect(stored.map((e) => (e.input as { name: string }).name)).toEqual(['Yksi', 'Kaksi', 'Kolme']);

    peer.onHello = (ws) => peer.send(ws, snapshot(secretary));
    c.connect();
    await peer.until(() => peer.of('cmd').length === 3);
    expect(peer.of('hello')[0]).toEqual({ t: 'hello', epoch: null, seq: null });
    // nothing was sent before the hello
    expect(peer.received.findIndex((m) => m.t === 'hello')).toBeLessThan(peer.received.findIndex((m) => m.t === 'cmd'));
    const cmds = peer.of('cmd');
    expect(cmds.map((m) => (m.input as { name: string }).name)).toEqual(['Yksi', 'Kaksi', 'Kolme']);
    expect([...cmds.map((m) => m.id)].sort()).toEqual(cmds.map((m) => m.id));

    for (const cmd of cmds) peer.send(peer.last, { t: 'ack', id: cmd.id, result: null });
    await Promise.all([p1, p2, p3]);
    expect(results).toEqual([['1', null], ['2', null], ['3', null]]);
    expect(useConnection.getState().waiting).toBe(0);
    await until(() => c.queued().length === 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(await (await openOutbox(idb)).all()).toEqual([]);
    expect(useConnection.getState().principal).toEqual(secretary);
    expect(useConnection.getState().deviceStatus).toBe('approved');
    expect(useTopics.getState().data.tables.t1?.name).toBe('Pöytä 1');
  });

  it('a reject rejects the promise, removes the command and records it for the screen', async () => {
    const c = client();
    peer.onHello = (ws) => peer.send(ws, snapshot(secretary));
    c.connect();
    await until(() => useConnection.getState().synced);
    const promise = c.send('panel.update', { name: 'Kielletty' });
    await peer.until(() => peer.of('cmd').length === 1);
    const id = peer.of('cmd')[0]!.id;
    peer.send(peer.last, { t: 'reject', id, error: { code: 'scope.forbidden', params: { role: 'secretary' } } });
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect(error).toMatchObject({ code: 'scope.forbidden', params: { role: 'secretary' } });
    const { rejected, waiting } = useConnection.getState();
    expect(waiting).toBe(0);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ id, name: 'panel.update', error: { code: 'scope.forbidden' } });
    useConnection.getState().dismissRejected(id);
    expect(useConnection.getState().rejected).toEqual([]);
  });

  it('commands left by a previous page are resent by a re-created client; their acks just remove them', async () => {
    const first = client();
    void first.send('panel.update', { name: 'A' }).catch(() => undefined);
    void first.send('panel.update', { name: 'B' }).catch(() => undefined);
    await until(() => first.queued().length === 2);
    first.disconnect();
    resetConnection();

    const second = client(); // "after a reload": same IndexedDB, fresh memory
    await second.ready();
    expect(useConnection.getState().waiting).toBe(2);
    peer.onHello = (ws) => peer.send(ws, snapshot(secretary));
    second.connect();
    await peer.until(() => peer.of('cmd').length === 2);
    expect(peer.of('cmd').map((m) => (m.input as { name: string }).name)).toEqual(['A', 'B']);
    for (const cmd of peer.of('cmd')) peer.send(peer.last, { t: 'ack', id: cmd.id, result: null });
    await until(() => useConnection.getState().waiting === 0);
  });

  it('resends unacknowledged commands after a reconnect, once per socket, in order', async () => {
    const c = client();
    // like the real hub: a hello with the current epoch/seq is answered with the changes since (none)
    peer.onHello = (ws, msg) =>
      peer.send(ws, msg.t === 'hello' && msg.epoch === 'e1' ? { t: 'changes', epoch: 'e1', changes: [] } : snapshot(secretary));
    c.connect();
    await until(() => useConnection.getState().synced);
    const done = c.send('panel.update', { name: 'Matkalla' });
    await peer.until(() => peer.of('cmd').length === 1);
    peer.last.terminate(); // Wi-Fi drops before the ack
    await peer.until(() => peer.connections === 2 && peer.of('cmd').length === 2);
    const [a, b] = peer.of('cmd');
    expect(b!.id).toBe(a!.id);
    expect(peer.of('hello')[1]).toEqual({ t: 'hello', epoch: 'e1', seq: 5 });
    expect(useTopics.getState().data.tables.t1).toBeDefined();
    peer.send(peer.last, { t: 'ack', id: b!.id, result: null });
    await expect(done).resolves.toBeNull();
  });

  it("the facilitator's commands and host commands go directly; offline they fail at once", async () => {
    const c = client();
    await expect(c.send('host.recentPanels', {})).rejects.toMatchObject({ code: 'internal', params: { reason: 'offline' } });
    expect(useConnection.getState().waiting).toBe(0);
    peer.onHello = (ws) => peer.send(ws, { t: 'noPanel', principal: facilitator });
    c.connect();
    await until(() => useConnection.getState().noPanel);
    const recent = c.send('host.recentPanels', {});
    await peer.until(() => peer.of('cmd').length === 1);
    expect(useConnection.getState().waiting).toBe(0);
    peer.send(peer.last, { t: 'ack', id: peer.of('cmd')[0]!.id, result: [] });
    await expect(recent).resolves.toEqual([]);
  });

  it('refuses invalid input before queueing it', async () => {
    const c = client();
    await expect(c.send('panel.update', { name: '' })).rejects.toMatchObject({ code: 'protocol.badField', params: { field: 'name' } });
    expect(useConnection.getState().waiting).toBe(0);
  });

  it('clear() waits for the outbox to drain, then deletes it and resets the stores', async () => {
    const c = client();
    peer.onHello = (ws) => peer.send(ws, snapshot(secretary));
    c.connect();
    await until(() => useConnection.getState().synced);
    void c.send('panel.update', { name: 'Viimeinen' });
    await peer.until(() => peer.of('cmd').length === 1);
    const cleared = c.clear(2000);
    await new Promise((r) => setTimeout(r, 100));
    peer.send(peer.last, { t: 'ack', id: peer.of('cmd')[0]!.id, result: null });
    await expect(cleared).resolves.toEqual({ dropped: 0 });
    expect(useTopics.getState().epoch).toBeNull();
    expect(useConnection.getState()).toMatchObject({ status: 'idle', principal: null, waiting: 0 });
    const dbs = await idb.databases();
    expect(dbs.map((d) => d.name)).not.toContain('puntari');
  });
});

describe('hub client: feed and connection', () => {
  it('applies changes, and on an epoch mismatch says hello again with nulls', async () => {
    const c = client();
    peer.onHello = (ws, msg) => {
      if (msg.t !== 'hello') return;
      peer.send(ws, msg.epoch === null && peer.of('hello').length > 1 ? snapshot(secretary, 'e2', 1) : snapshot(secretary));
    };
    c.connect();
    await until(() => useConnection.getState().synced);
    peer.send(peer.last, {
      t: 'changes',
      epoch: 'e1',
      changes: [
        { seq: 6, topic: 'tables', key: 't2', value: { no: 2, name: 'Pöytä 2', capacity: 6, language: 'sv', accessible: false } },
        { seq: 7, topic: 'tables', key: 't1', value: null },
      ],
    });
    await until(() => useTopics.getState().seq === 7);
    expect(Object.keys(useTopics.getState().data.tables)).toEqual(['t2']);

    peer.send(peer.last, { t: 'changes', epoch: 'e2', changes: [{ seq: 3, topic: 'tables', key: 'x', value: null }] });
    await peer.until(() => peer.of('hello').length === 2);
    expect(peer.of('hello')[1]).toEqual({ t: 'hello', epoch: null, seq: null });
    await until(() => useTopics.getState().epoch === 'e2');
    expect(useTopics.getState().seq).toBe(1);
    expect(peer.connections).toBe(1);
  });

  it('routes host, job, pending and error messages to their stores', async () => {
    const c = client();
    peer.onHello = (ws) => peer.send(ws, { t: 'pending', principal: secretary });
    c.connect();
    await until(() => useConnection.getState().deviceStatus === 'pending');
    const host = {
      panel: null,
      room: { open: false, joinUrls: [], pairingCode: null, viewCode: null },
      backups: { folder: null, intervalMinutes: 10, keep: 20, lastBackupAt: null, lastError: null },
    };
    peer.send(peer.last, { t: 'host', status: host });
    peer.send(peer.last, { t: 'job', job: { id: 'j1', kind: 'export', state: 'running', progress: 0.5, error: null, result: null } });
    peer.send(peer.last, { t: 'error', error: { code: 'protocol.malformed' } });
    await until(() => useConnection.getState().lastError !== null);
    expect(useConnection.getState().host).toEqual(host);
    expect(useJobs.getState().j1?.progress).toBe(0.5);
    expect(useConnection.getState().lastError).toEqual({ code: 'protocol.malformed', params: {} });
  });

  it('noPanel clears the topics', async () => {
    const c = client();
    peer.onHello = (ws) => peer.send(ws, snapshot(secretary));
    c.connect();
    await until(() => useConnection.getState().synced);
    expect(Object.keys(useTopics.getState().data.tables)).toHaveLength(1);
    peer.send(peer.last, { t: 'noPanel', principal: secretary });
    await until(() => useConnection.getState().noPanel);
    expect(useTopics.getState().data.tables).toEqual({});
  });

  it('revoked, rejected and unauthenticated end the connection for good', async () => {
    for (const reason of ['revoked', 'rejected', 'unauthenticated'] as const) {
      resetConnection();
      const before = peer.connections;
      const c = client();
      peer.onHello = (ws) => ws.close(CLOSE[reason]);
      c.connect();
      await until(() => useConnection.getState().status === 'ended');
      expect(useConnection.getState().ended).toBe(reason);
      await new Promise((r) => setTimeout(r, 150));
      expect(peer.connections).toBe(before + 1);
    }
  });

  it('roomClosed is reported but the client keeps reconnecting, and clears it on success', async () => {
    const c = client();
    let closes = 1;
    peer.onHello = (ws) => {
      if (closes-- > 0) ws.close(CLOSE.roomClosed);
      else peer.send(ws, snapshot(secretary));
    };
    c.connect();
    await until(() => useConnection.getState().ended === 'roomClosed');
    await until(() => useConnection.getState().synced);
    expect(useConnection.getState().ended).toBeNull();
    expect(peer.connections).toBe(2);
  });

  it('drops a silent (half-open) socket and reconnects', async () => {
    const c = client({ timing: { pingEveryMs: 50, deadAfterMs: 200 } });
    peer.onHello = (ws) => {
      peer.send(ws, snapshot(secretary));
      if (peer.connections === 1) ws.removeAllListeners('message'); // goes silent: no pongs
    };
    c.connect();
    await until(() => peer.connections === 2, 3000);
    await until(() => useConnection.getState().synced);
    // the new socket is kept alive by pings and pongs
    await peer.until(() => peer.of('ping').length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(peer.connections).toBe(2);
  });

  it('estimates the hub clock from time samples', async () => {
    peer.hubAheadMs = 60_000;
    const c = client({ timing: { clockSamples: 8, clockGapMs: 5 } });
    c.connect();
    await until(() => useClock.getState().synced && peer.of('time').length === 8);
    await new Promise((r) => setTimeout(r, 50));
    const { offsetMs, rttMs } = useClock.getState();
    expect(Math.abs(offsetMs - 60_000)).toBeLessThan(50);
    expect(rttMs).toBeGreaterThanOrEqual(0);
  });
});
