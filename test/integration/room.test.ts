import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.js';
import type { TableNote } from '../../shared/notes.js';
import type { HubMessage } from '../../shared/protocol.js';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { startHub, type RunningHub } from '../../main/hub/server.js';
import { facilitatorCookie, Peer, post } from './hubClient.js';

let dir: string;
let running: RunningHub;
let lanOrigin: string;
let pairingCode: string;
let viewCode: string;
let f: Peer;

async function cmd(peer: Peer, name: string, input: unknown, id = uuidv7()): Promise<Extract<HubMessage, { t: 'ack' | 'reject' }>> {
  peer.send({ t: 'cmd', id, name, input });
  return Promise.race([peer.next('ack', (m) => m.id === id), peer.next('reject', (m) => m.id === id)]);
}

async function pair(role: string, tableNo: number | null): Promise<{ peer: Peer; cookie: string; deviceId: string }> {
  const res = await post(lanOrigin, '/api/pair', { pairingCode, role, tableNo, name: `${role} ${tableNo ?? ''}` });
  const deviceId = res.body.deviceId as string;
  expect((await cmd(f, 'device.approve', { deviceId })).t).toBe('ack');
  const peer = await Peer.connect(lanOrigin, res.cookie);
  peer.send({ t: 'hello', epoch: null, seq: null });
  await peer.next('snapshot');
  return { peer, cookie: res.cookie, deviceId };
}

function note(tableNo: number, text: string, extra: Record<string, unknown> = {}) {
  return { noteId: uuidv7(), tableNo, itemId: 'item-1-06', kind: 'proposal', text, ...extra };
}

function notesIn(db = running.hub.session!.db): { id: string; table_no: number; text: string }[] {
  return db.prepare('SELECT id, table_no, text FROM table_note ORDER BY created_at').all() as { id: string; table_no: number; text: string }[];
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-room-'));
  const panelPath = join(dir, 'demo.puntari');
  writeDemoPanel(panelPath);
  running = await startHub({ port: 0, home: join(dir, 'home'), panelPath, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
  const { origin, cookie } = await facilitatorCookie(running.facilitatorUrl());
  f = await Peer.connect(origin, cookie);
  f.send({ t: 'hello', epoch: null, seq: null });
  await f.next('snapshot');
  await cmd(f, 'host.openRoom', {});
  const host = await f.next('host', (m) => m.status.room.open);
  pairingCode = host.status.room.pairingCode!;
  viewCode = host.status.room.viewCode!;
  lanOrigin = `http://127.0.0.2:${running.port}`;
});

afterEach(async () => {
  await running.close();
});

describe('the room', () => {
  it('keeps each table to its own scope: writes, reads and people', async () => {
    const t3 = await pair('secretary', 3);
    const t4 = await pair('secretary', 4);
    const projector = await pair('projector', null);
    expect((await cmd(t3.peer, 'notes.add', note(3, 'Liikkuva neuvola kylille'))).t).toBe('ack');
    const foreign = await cmd(t3.peer, 'notes.add', note(4, 'Toisen pöydän nimissä'));
    expect(foreign).toMatchObject({ t: 'reject', error: { code: 'scope.forbidden' } });
    expect((await cmd(projector.peer, 'notes.add', note(3, 'x'))).t).toBe('reject');

    const seen = await f.next('changes', (m) => m.changes.some((c) => c.topic === 'tableNotes'));
    expect(seen.changes[0]!.value).toMatchObject({ tableNo: 3, text: 'Liikkuva neuvola kylille', itemId: 'item-1-06' });
    await t3.peer.next('changes', (m) => m.changes.some((c) => c.topic === 'tableNotes'));
    await cmd(t4.peer, 'notes.add', note(4, 'Pöytä neljä'));
    await new Promise((r) => setTimeout(r, 200));
    const t3Notes = t3.peer.messages.flatMap((m) => (m.t === 'changes' ? m.changes : [])).filter((c) => c.topic === 'tableNotes');
    expect(t3Notes.every((c) => (c.value as TableNote).tableNo === 3)).toBe(true);
    expect(projector.peer.messages.some((m) => m.t === 'changes' && m.changes.some((c) => c.topic === 'tableNotes'))).toBe(false);

    const edit = await cmd(t4.peer, 'notes.edit', { noteId: notesIn()[0]!.id, baseVersion: 1, kind: 'proposal', text: 'kaapattu' });
    expect(edit).toMatchObject({ t: 'reject', error: { code: 'scope.forbidden' } });

    t3.peer.send({ t: 'hello', epoch: null, seq: null });
    const snap = await t3.peer.next('snapshot');
    expect(Object.values(snap.data.tableNotes ?? {}).map((n) => n.tableNo)).toEqual([3]);
    expect(snap.data.participantPersonal).toBeUndefined();
    expect(JSON.stringify(snap.data)).not.toMatch(/@example\.fi|\+358/);
  });

  it('applies a resent note once, after a dropped socket, even under a new command id', async () => {
    const t2 = await pair('secretary', 2);
    const n = note(2, 'Lähipalvelut säilytettävä');
    const commandId = uuidv7();
    t2.peer.send({ t: 'cmd', id: commandId, name: 'notes.add', input: n });
    t2.peer.ws.terminate();
    await new Promise((r) => setTimeout(r, 100));
    const again = await Peer.connect(lanOrigin, t2.cookie);
    again.send({ t: 'hello', epoch: null, seq: null });
    await again.next('snapshot');
    expect((await cmd(again, 'notes.add', n, commandId)).t).toBe('ack');
    expect((await cmd(again, 'notes.add', n)).t).toBe('ack');
    const clash = await cmd(again, 'notes.add', { ...n, text: 'eri teksti' });
    expect(clash).toMatchObject({ t: 'reject', error: { code: 'notes.idReused' } });
    expect(notesIn().filter((r) => r.id === n.noteId)).toHaveLength(1);
  });

  it('keeps the time a note was typed offline, within what the hub can believe', async () => {
    const t3 = await pair('secretary', 3);
    const typed = new Date(Date.now() - 10 * 60_000).toISOString();
    const early = note(3, 'Kirjoitettu katkon aikana', { writtenAt: typed });
    const future = note(3, 'Kello väärin', { writtenAt: new Date(Date.now() + 60 * 60_000).toISOString() });
    const garbled = note(3, 'Aika sotkussa', { writtenAt: 'eilen' });
    const before = Date.now();
    for (const n of [early, future, garbled]) expect((await cmd(t3.peer, 'notes.add', n)).t).toBe('ack');
    const created = (id: string) =>
      Date.parse((running.hub.session!.db.prepare('SELECT created_at FROM table_note WHERE id = ?').get(id) as { created_at: string }).created_at);
    expect(new Date(created(early.noteId)).toISOString()).toBe(typed);
    for (const n of [future, garbled]) {
      expect(created(n.noteId)).toBeGreaterThanOrEqual(before);
      expect(created(n.noteId)).toBeLessThanOrEqual(Date.now());
    }
    // The wall lists the offline note where it was typed, before the notes that landed with it.
    expect(notesIn().filter((r) => r.table_no === 3).map((r) => r.text)[0]).toBe('Kirjoitettu katkon aikana');
  });

  it('keeps both versions when two devices edit the same note, and resolves on request', async () => {
    const t5 = await pair('secretary', 5);
    const n = note(5, 'Alkuperäinen');
    await cmd(t5.peer, 'notes.add', n);
    expect(await cmd(f, 'notes.edit', { noteId: n.noteId, baseVersion: 1, kind: 'proposal', text: 'Fasilitaattorin korjaus' })).toMatchObject({
      t: 'ack',
      result: { conflict: false },
    });
    expect(await cmd(t5.peer, 'notes.edit', { noteId: n.noteId, baseVersion: 1, kind: 'keyPoint', text: 'Sihteerin versio' })).toMatchObject({
      t: 'ack',
      result: { conflict: true },
    });
    const db = running.hub.session!.db;
    expect(db.prepare('SELECT text, version FROM table_note WHERE id = ?').get(n.noteId)).toEqual({ text: 'Fasilitaattorin korjaus', version: 2 });
    f.send({ t: 'hello', epoch: null, seq: null });
    const current = (await f.next('snapshot')).data.tableNotes![n.noteId]!;
    expect(current.conflicts).toHaveLength(1);
    expect(current.conflicts[0]).toMatchObject({ text: 'Sihteerin versio', baseVersion: 1 });
    await cmd(t5.peer, 'notes.resolveConflict', { noteId: n.noteId, conflictId: current.conflicts[0]!.id, keep: 'conflict' });
    expect(db.prepare('SELECT text, kind, version FROM table_note WHERE id = ?').get(n.noteId)).toEqual({ text: 'Sihteerin versio', kind: 'keyPoint', version: 3 });
    const history = await cmd(t5.peer, 'notes.history', { noteId: n.noteId });
    expect((history as Extract<HubMessage, { t: 'ack' }>).result).toHaveLength(3);
    expect((await cmd(t5.peer, 'notes.delete', { noteId: n.noteId, baseVersion: 3 })).t).toBe('ack');
    expect(db.prepare('SELECT deleted, text FROM table_note WHERE id = ?').get(n.noteId)).toEqual({ deleted: 1, text: 'Sihteerin versio' });
  });

  it('queues, merges, projects and answers questions to experts', async () => {
    const t1 = await pair('secretary', 1);
    const t2 = await pair('secretary', 2);
    const [q1, q2, q3] = [uuidv7(), uuidv7(), uuidv7()];
    await cmd(t1.peer, 'questions.ask', { questionId: q1, tableNo: 1, itemId: 'item-1-07', expertId: 'expert-1', text: 'Miten palveluverkko muuttuu?' });
    await cmd(t2.peer, 'questions.ask', { questionId: q2, tableNo: 2, itemId: 'item-1-07', expertId: 'expert-1', text: 'Mitä palveluverkolle tapahtuu?' });
    await cmd(t2.peer, 'questions.ask', { questionId: q3, tableNo: 2, itemId: 'item-1-07', expertId: null, text: 'Entä kuljetukset?' });
    expect((await cmd(t1.peer, 'questions.ask', { questionId: uuidv7(), tableNo: 2, itemId: null, expertId: null, text: 'x' })).t).toBe('reject');
    await cmd(f, 'questions.merge', { questionIds: [q2], intoId: q1 });
    await cmd(f, 'questions.move', { questionId: q3, position: 0 });
    const demoVote = (running.hub.session!.db.prepare('SELECT id FROM vote LIMIT 1').get() as { id: string }).id;
    await cmd(f, 'votes.showResults', { voteId: demoVote });
    await cmd(f, 'questions.project', { questionId: q1 });
    f.send({ t: 'hello', epoch: null, seq: null });
    const snap = await f.next('snapshot');
    // Whatever went up on the projector last wins: the question took the results down.
    expect(snap.data.shownResults!.shown).toEqual({ voteId: null });
    expect(snap.data.projectedQuestion!.projected).toMatchObject({ questionId: q1, fromTables: [1, 2] });
    expect(snap.data.questions![q1]).toMatchObject({ status: 'asked', fromTables: [1, 2] });
    expect(snap.data.questions![q3]!.position).toBe(0);
    expect((await cmd(t2.peer, 'questions.answer', { questionId: q1, summary: 'Palvelupisteet säilyvät kaikissa kunnissa.' })).t).toBe('ack');
    const t3 = await pair('secretary', 3);
    expect((await cmd(t3.peer, 'questions.answer', { questionId: q1, summary: 'x' })).t).toBe('reject');
    t1.peer.send({ t: 'hello', epoch: null, seq: null });
    const s1 = await t1.peer.next('snapshot');
    expect(s1.data.questions![q1]).toMatchObject({ status: 'answered', answerSummary: 'Palvelupisteet säilyvät kaikissa kunnissa.' });
    expect(s1.data.questions![q3]).toBeUndefined();
  });

  it('stores a flip-chart photo with its note and serves it only to that table and the managers', async () => {
    const t6 = await pair('secretary', 6);
    const t1 = await pair('secretary', 1);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]).toString('base64');
    const n = note(6, 'Fläppitaulu', { photo: { mime: 'image/jpeg', data: jpeg } });
    expect((await cmd(t6.peer, 'notes.add', n)).t).toBe('ack');
    const photoId = (running.hub.session!.db.prepare('SELECT photo_id FROM table_note WHERE id = ?').get(n.noteId) as { photo_id: string }).photo_id;
    const own = await fetch(`${lanOrigin}/api/photos/${photoId}`, { headers: { cookie: t6.cookie } });
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).toString('base64')).toBe(jpeg);
    expect((await fetch(`${lanOrigin}/api/photos/${photoId}`, { headers: { cookie: t1.cookie } })).status).toBe(403);
    const big = await cmd(t6.peer, 'notes.add', note(6, 'iso', { photo: { mime: 'image/jpeg', data: 'A'.repeat(250_000) } }));
    expect(big).toMatchObject({ t: 'reject', error: { code: 'protocol.badField', params: { field: 'photo.data' } } });
  });

  it('shares experts’ materials with everyone in the room, view code included', async () => {
    const link = await cmd(f, 'materials.addLink', { expertId: 'expert-2', title: 'Tutkimusraportti', url: 'https://example.fi/raportti' });
    expect(link.t).toBe('ack');
    expect((await cmd(f, 'materials.addLink', { expertId: 'expert-2', title: 'x', url: 'javascript:alert(1)' })).t).toBe('reject');
    const origin = running.loopbackUrl.replace(/\/$/, '');
    const { cookie } = await facilitatorCookie(running.facilitatorUrl());
    const upload = await fetch(`${origin}/api/materials?expertId=expert-1&title=${encodeURIComponent('Diat')}&fileName=${encodeURIComponent('diat.pdf')}`, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/pdf' },
      body: Buffer.from('%PDF-1.4 demo'),
    });
    expect(upload.status).toBe(200);
    const { id } = (await upload.json()) as { id: string };
    const view = await post(lanOrigin, '/api/view', { viewCode });
    const file = await fetch(`${lanOrigin}/api/materials/${id}`, { headers: { cookie: view.cookie } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('diat.pdf');
    expect(await file.text()).toBe('%PDF-1.4 demo');
    const t1 = await pair('secretary', 1);
    const refused = await fetch(`${lanOrigin}/api/materials?expertId=expert-1&title=x&fileName=x.txt`, {
      method: 'POST',
      headers: { cookie: t1.cookie, origin: lanOrigin, 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(refused.status).toBe(403);
  });

  it('groups proposals from several tables into a draft recommendation that remembers them', async () => {
    const t1 = await pair('secretary', 1);
    const t2 = await pair('secretary', 2);
    const a = note(1, 'Terveysbussi kiertämään kyliä');
    const b = note(2, 'Liikkuvat palvelut haja-asutusalueille');
    await cmd(t1.peer, 'notes.add', a);
    await cmd(t2.peer, 'notes.add', b);
    const created = await cmd(f, 'recommendations.create', { title: 'Liikkuvat palvelut', text: '', noteIds: [a.noteId, b.noteId] });
    const { id } = (created as Extract<HubMessage, { t: 'ack' }>).result as { id: string };
    f.send({ t: 'hello', epoch: null, seq: null });
    const rec = (await f.next('snapshot')).data.recommendations![id]!;
    expect(rec.sourceNoteIds.sort()).toEqual([a.noteId, b.noteId].sort());
  });

  it('shows the managers how many notes each device still holds', async () => {
    const t4 = await pair('secretary', 4);
    t4.peer.send({ t: 'presence', waiting: 7, rttMs: 3 });
    const p = await f.next('presence');
    expect(p.presence).toMatchObject({ deviceId: t4.deviceId, waiting: 7, rttMs: 3 });
  });
});
