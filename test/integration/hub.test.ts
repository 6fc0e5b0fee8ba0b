import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.js';
import { CLOSE } from '../../shared/protocol.js';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { startHub, type RunningHub } from '../../main/hub/server.js';
import { facilitatorCookie, Peer, post } from './hubClient.js';

let dir: string;
let running: RunningHub;
let panelPath: string;

async function start(): Promise<RunningHub> {
  return startHub({ port: 0, home: join(dir, 'home'), panelPath, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
}

async function facilitator(): Promise<{ peer: Peer; origin: string; cookie: string }> {
  const { origin, cookie } = await facilitatorCookie(running.facilitatorUrl());
  const peer = await Peer.connect(origin, cookie);
  peer.send({ t: 'hello', epoch: null, seq: null });
  await peer.next('snapshot');
  return { peer, origin, cookie };
}

async function openRoom(f: Peer): Promise<{ pairingCode: string; viewCode: string; lanOrigin: string }> {
  f.send({ t: 'cmd', id: uuidv7(), name: 'host.openRoom', input: {} });
  const host = await f.next('host', (m) => m.status.room.open);
  return { pairingCode: host.status.room.pairingCode!, viewCode: host.status.room.viewCode!, lanOrigin: `http://127.0.0.2:${running.port}` };
}

async function pairSecretary(pairingCode: string, lanOrigin: string, tableNo = 3) {
  const res = await post(lanOrigin, '/api/pair', { pairingCode, role: 'secretary', tableNo, name: `Pöytä ${tableNo}` });
  expect(res.status).toBe(200);
  const peer = await Peer.connect(lanOrigin, res.cookie);
  peer.send({ t: 'hello', epoch: null, seq: null });
  await peer.next('pending');
  return { peer, cookie: res.cookie, deviceId: res.body.deviceId as string };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-hub-'));
  panelPath = join(dir, 'demo.puntari');
  writeDemoPanel(panelPath);
  running = await start();
});

afterEach(async () => {
  await running.close();
});

describe('hub', () => {
  it('serves the facilitator a snapshot and applies a command once, even when resent', async () => {
    const { peer } = await facilitator();
    const other = await facilitator();
    const id = uuidv7();
    const cmd = { t: 'cmd', id, name: 'panel.update', input: { venue: 'Hyvinkään lukio' } };
    peer.send(cmd);
    expect((await peer.next('ack', (m) => m.id === id)).result).toBeNull();
    const seen = await other.peer.next('changes');
    expect(seen.changes[0]).toMatchObject({ topic: 'panel', key: 'panel', value: { venue: 'Hyvinkään lukio' } });
    peer.send(cmd);
    await peer.next('ack', (m) => m.id === id);
    const db = running.hub.session!.db;
    expect((db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE command = 'panel.update'").get() as { n: number }).n).toBe(1);
    expect((db.prepare('SELECT COUNT(*) AS n FROM command_receipt').get() as { n: number }).n).toBe(1);
  });

  it('answers malformed, oversized, unknown and invalid messages with errors and stays up', async () => {
    const { peer } = await facilitator();
    peer.send('{not json');
    expect((await peer.next('error')).error.code).toBe('protocol.malformed');
    peer.send({ t: 'cmd', id: uuidv7(), name: 'panel.explode', input: {} });
    expect((await peer.next('reject')).error.code).toBe('protocol.unknownCommand');
    peer.send({ t: 'cmd', id: uuidv7(), name: 'panel.update', input: { languages: ['de'] } });
    expect((await peer.next('reject')).error).toMatchObject({ code: 'protocol.badField', params: { field: 'languages.0' } });
    peer.send({ t: 'cmd', id: 'not-a-uuid', name: 'panel.update', input: {} });
    expect((await peer.next('reject')).error.code).toBe('protocol.malformed');
    peer.send({ t: 'cmd', id: uuidv7(), name: 'panel.update', input: { mandate: 'x'.repeat(300_000) } });
    expect((await peer.next('error')).error.code).toBe('protocol.tooLarge');
    const reused = uuidv7();
    peer.send({ t: 'cmd', id: reused, name: 'panel.update', input: { venue: 'A' } });
    await peer.next('ack');
    peer.send({ t: 'cmd', id: reused, name: 'device.approve', input: { deviceId: 'x' } });
    expect((await peer.next('reject')).error.code).toBe('protocol.idReused');
    peer.send({ t: 'ping' });
    await peer.next('pong');
  });

  it('refuses requests without a credential, from a foreign origin or under a foreign host name', async () => {
    const origin = running.loopbackUrl.replace(/\/$/, '');
    const anonymous = await Peer.connect(origin, '');
    expect(await anonymous.closed).toBe(CLOSE.unauthenticated);
    expect((await anonymous.next('error')).error.code).toBe('auth.required');
    const { cookie } = await facilitatorCookie(running.facilitatorUrl());
    await expect(Peer.connect(origin, cookie, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${origin}/api/whoami`, { headers: { Host: `evil.example:${running.port}` } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    const used = await post(origin, '/api/session/facilitator', { code: 'AAAAAAAAAAAAAAAA' });
    expect(used.body).toEqual({ error: { code: 'auth.badCode' } });
    const cross = await post(origin, '/api/session/facilitator', { code: 'X' }, { origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
  });

  it('listens on the room network only while the room is open', async () => {
    const { peer } = await facilitator();
    await expect(fetch(`http://127.0.0.2:${running.port}/api/whoami`)).rejects.toThrow();
    const { lanOrigin } = await openRoom(peer);
    expect((await fetch(`${lanOrigin}/api/whoami`)).status).toBe(200);
    peer.send({ t: 'cmd', id: uuidv7(), name: 'host.closeRoom', input: {} });
    await peer.next('host', (m) => !m.status.room.open);
    await expect(fetch(`${lanOrigin}/api/whoami`)).rejects.toThrow();
  });

  it('pairs a table laptop: pending, approved with a filtered snapshot, moved, revoked', async () => {
    const { peer: f } = await facilitator();
    const { pairingCode, lanOrigin } = await openRoom(f);
    const wrong = await post(lanOrigin, '/api/pair', { pairingCode: 'ZZZZZZ', role: 'secretary', tableNo: 3, name: 'x' });
    expect(wrong.body).toEqual({ error: { code: 'auth.badCode' } });
    const noTable = await post(lanOrigin, '/api/pair', { pairingCode, role: 'secretary', tableNo: null, name: 'x' });
    expect(noTable.body).toMatchObject({ error: { code: 'protocol.badField', params: { field: 'tableNo' } } });
    const facCode = running.facilitatorUrl().split('code=')[1]!;
    expect((await post(lanOrigin, '/api/session/facilitator', { code: facCode })).body).toEqual({ error: { code: 'auth.loopbackOnly' } });

    const table = await pairSecretary(pairingCode, lanOrigin, 3);
    const pending = await f.next('changes', (m) => m.changes.some((c) => c.topic === 'devices'));
    expect(pending.changes[0]!.value).toMatchObject({ status: 'pending', role: 'secretary', tableNo: 3 });
    table.peer.send({ t: 'cmd', id: uuidv7(), name: 'device.approve', input: { deviceId: table.deviceId } });
    expect((await table.peer.next('reject')).error.code).toBe('scope.forbidden');

    f.send({ t: 'cmd', id: uuidv7(), name: 'device.approve', input: { deviceId: table.deviceId } });
    const snap = await table.peer.next('snapshot');
    expect(snap.principal).toMatchObject({ role: 'secretary', tableNo: 3 });
    const seatedAt3 = running.hub.session!.db.prepare('SELECT DISTINCT participant_id AS id FROM seat WHERE table_no = 3 ORDER BY id').all() as { id: string }[];
    expect(Object.keys(snap.data.participants ?? {}).sort()).toEqual(seatedAt3.map((r) => r.id));
    expect(seatedAt3.length).toBeGreaterThan(5);
    expect(seatedAt3.length).toBeLessThan(20);
    expect(snap.data.participantPersonal).toBeUndefined();
    expect(snap.data.participantBackground).toBeUndefined();
    expect(snap.data.devices).toBeUndefined();
    expect(JSON.stringify(snap)).not.toContain('@example.fi');

    table.peer.send({ t: 'cmd', id: uuidv7(), name: 'panel.update', input: { venue: 'x' } });
    expect((await table.peer.next('reject')).error.code).toBe('scope.forbidden');

    f.send({ t: 'cmd', id: uuidv7(), name: 'device.assign', input: { deviceId: table.deviceId, role: 'secretary', tableNo: 5 } });
    expect((await table.peer.next('snapshot')).principal.tableNo).toBe(5);

    f.send({ t: 'cmd', id: uuidv7(), name: 'device.revoke', input: { deviceId: table.deviceId } });
    expect(await table.peer.closed).toBe(CLOSE.revoked);
    const after = await Peer.connect(lanOrigin, table.cookie);
    expect(await after.closed).toBe(CLOSE.revoked);
    const who = await (await fetch(`${lanOrigin}/api/whoami`, { headers: { Cookie: table.cookie } })).json();
    expect(who).toMatchObject({ principal: null, error: { code: 'auth.revoked' } });
  });

  it('ends every LAN session when the room closes, and gives view-code viewers read-only public data', async () => {
    const { peer: f } = await facilitator();
    const { pairingCode, viewCode, lanOrigin } = await openRoom(f);
    const table = await pairSecretary(pairingCode, lanOrigin, 2);
    f.send({ t: 'cmd', id: uuidv7(), name: 'device.approve', input: { deviceId: table.deviceId } });
    await table.peer.next('snapshot');

    const view = await post(lanOrigin, '/api/view', { viewCode });
    const viewer = await Peer.connect(lanOrigin, view.cookie);
    viewer.send({ t: 'hello', epoch: null, seq: null });
    const vs = await viewer.next('snapshot');
    expect(Object.keys(vs.data).sort()).toEqual([
      'agendaDays',
      'agendaItems',
      'clock',
      'experts',
      'materials',
      'panel',
      'projectedQuestion',
      'publishedResults',
      'shownResults',
      'votes',
    ]);
    viewer.send({ t: 'cmd', id: uuidv7(), name: 'panel.update', input: { venue: 'x' } });
    expect((await viewer.next('reject')).error.code).toBe('scope.forbidden');

    f.send({ t: 'cmd', id: uuidv7(), name: 'host.closeRoom', input: {} });
    expect(await table.peer.closed).toBe(CLOSE.roomClosed);
    expect(await viewer.closed).toBe(CLOSE.roomClosed);
    const devices = running.hub.session!.db.prepare('SELECT status FROM device').all();
    expect(devices).toEqual([{ status: 'ended' }]);
  });

  it('opens the room again with the same codes after the hub restarts, and the tables reconnect', async () => {
    const { peer: f } = await facilitator();
    const { pairingCode, lanOrigin } = await openRoom(f);
    const table = await pairSecretary(pairingCode, lanOrigin, 4);
    f.send({ t: 'cmd', id: uuidv7(), name: 'device.approve', input: { deviceId: table.deviceId } });
    await table.peer.next('snapshot');
    const port = running.port;
    await running.close();
    running = await startHub({ port, home: join(dir, 'home'), panelPath, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
    expect(running.hub.status().room).toMatchObject({ open: true, pairingCode });
    const back = await Peer.connect(lanOrigin, table.cookie);
    back.send({ t: 'hello', epoch: null, seq: null });
    expect((await back.next('snapshot')).principal).toMatchObject({ role: 'secretary', tableNo: 4 });
    back.close();
  });

  it('replays only missed changes on reconnect, and keeps everything across a hub restart', async () => {
    const { peer, origin, cookie } = await facilitator();
    const snap1 = running.hub.session!.epoch;
    peer.send({ t: 'cmd', id: uuidv7(), name: 'panel.update', input: { recordNumber: 'KEUSOTE/1/2026' } });
    const first = await peer.next('changes');
    peer.close();
    const again = await Peer.connect(origin, cookie);
    again.send({ t: 'hello', epoch: snap1, seq: first.changes[0]!.seq - 1 });
    const replay = await again.next('changes');
    expect(replay.changes.map((c) => c.seq)).toEqual([first.changes[0]!.seq]);
    again.close();

    await running.close();
    running = await start();
    const restarted = await Peer.connect(running.loopbackUrl.replace(/\/$/, ''), cookie);
    restarted.send({ t: 'hello', epoch: snap1, seq: first.changes[0]!.seq });
    const nothingMissed = await restarted.next('changes');
    expect(nothingMissed.changes).toEqual([]);
    restarted.send({ t: 'hello', epoch: null, seq: null });
    const snap = await restarted.next('snapshot');
    expect(snap.data.panel?.panel?.recordNumber).toBe('KEUSOTE/1/2026');
    restarted.close();
  });

  it('backs up, restores into a new epoch, and keeps the replaced file', async () => {
    const { peer } = await facilitator();
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    peer.send({ t: 'cmd', id: uuidv7(), name: 'host.setBackups', input: { folder: usb, intervalMinutes: 5, keep: 3 } });
    await peer.next('ack');
    const backupId = uuidv7();
    peer.send({ t: 'cmd', id: backupId, name: 'host.backupNow', input: {} });
    const backup = (await peer.next('ack', (m) => m.id === backupId)).result as { path: string };
    const oldEpoch = running.hub.session!.epoch;
    peer.send({ t: 'cmd', id: uuidv7(), name: 'panel.update', input: { venue: 'after backup' } });
    await peer.next('changes');
    peer.send({ t: 'cmd', id: uuidv7(), name: 'host.restoreBackup', input: { path: backup.path } });
    const snap = await peer.next('snapshot');
    expect(snap.epoch).not.toBe(oldEpoch);
    expect(snap.data.panel?.panel?.venue).not.toBe('after backup');
    // The demo panel has a recruitment file: it was backed up and restored with the panel, and
    // the files they replaced are both kept.
    const kept = readdirSync(dir).filter((n: string) => n.includes('before-restore'));
    expect(kept.map((n: string) => n.replace(/-\d{8}T\d{6}Z$/, '')).sort()).toEqual(['demo.puntari.before-restore', 'demo.recruitment.puntari.before-restore']);
  });

  it('exports the audit log in a worker thread with progress', async () => {
    const { peer } = await facilitator();
    peer.send({ t: 'cmd', id: uuidv7(), name: 'panel.update', input: { venue: 'Audit' } });
    await peer.next('changes');
    const out = join(dir, 'audit.csv');
    const id = uuidv7();
    peer.send({ t: 'cmd', id, name: 'host.exportAuditLog', input: { path: out } });
    const { jobId } = (await peer.next('ack', (m) => m.id === id)).result as { jobId: string };
    const done = await peer.next('job', (m) => m.job.id === jobId && m.job.state !== 'running', 15_000);
    expect(done.job, JSON.stringify(done.job)).toMatchObject({ state: 'done', progress: 1 });
    const csv = readFileSync(out, 'utf8') as string;
    expect(csv).toContain('panel.update');
    expect(csv).toContain('"{""venue"":""Audit""}"');
  });
});
