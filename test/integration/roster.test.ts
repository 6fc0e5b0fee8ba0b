/**
 * Issue 8 on a real hub: the roster (personal data kept out of the audit log and off paired
 * devices, imports refused until clean), the check-in desk (twice is once, an offline desk's
 * resent command lands once), seating (a plan generated in a worker and committed by the hub,
 * moves, pins, the projector's round), printing, purging personal data and one person's export.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.js';
import type { HubMessage } from '../../shared/protocol.js';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { DEMO_PANEL } from '../../main/features/demo/demoData.js';
import { startHub, type RunningHub } from '../../main/hub/server.js';
import { facilitatorCookie, Peer, post } from './hubClient.js';

let dir: string;
let panelPath: string;
let running: RunningHub;
let origin: string;
let cookie: string;
let f: Peer;

async function cmd(peer: Peer, name: string, input: unknown, id = uuidv7()): Promise<Extract<HubMessage, { t: 'ack' | 'reject' }>> {
  peer.send({ t: 'cmd', id, name, input });
  return Promise.race([peer.next('ack', (m) => m.id === id), peer.next('reject', (m) => m.id === id)]);
}

async function ok(peer: Peer, name: string, input: unknown, id?: string): Promise<unknown> {
  const res = await cmd(peer, name, input, id);
  if (res.t !== 'ack') throw new Error(`${name} rejected: ${JSON.stringify(res.error)}`);
  return res.result;
}

const db = () => running.hub.session!.db;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-roster-'));
  panelPath = join(dir, 'demo.puntari');
  writeDemoPanel(panelPath);
  running = await startHub({ port: 0, home: join(dir, 'home'), panelPath, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
  ({ origin, cookie } = await facilitatorCookie(running.facilitatorUrl()));
  f = await Peer.connect(origin, cookie);
  f.send({ t: 'hello', epoch: null, seq: null });
  await f.next('snapshot');
});

afterEach(async () => {
  await running.close();
});

async function pairCheckin(): Promise<Peer> {
  await cmd(f, 'host.openRoom', {});
  const host = await f.next('host', (m) => m.status.room.open);
  const lan = `http://127.0.0.2:${running.port}`;
  const res = await post(lan, '/api/pair', { pairingCode: host.status.room.pairingCode, role: 'checkin', tableNo: null, name: 'Ovi' });
  await ok(f, 'device.approve', { deviceId: res.body.deviceId });
  const peer = await Peer.connect(lan, res.cookie);
  peer.send({ t: 'hello', epoch: null, seq: null });
  const snap = await peer.next('snapshot');
  expect(snap.data.participants && Object.keys(snap.data.participants).length).toBeGreaterThan(30);
  // Names and contacts, roster fields and background never reach the desk.
  expect(snap.data.participantPersonal).toBeUndefined();
  expect(snap.data.participantRoster).toBeUndefined();
  expect(snap.data.participantBackground).toBeUndefined();
  return peer;
}

describe('the roster', () => {
  it('adds and edits people; names and contacts stay out of the audit log', async () => {
    const { id } = (await ok(f, 'roster.add', {
      displayName: 'Testi T.',
      fullName: 'Testi Testinen',
      email: 'testi@example.fi',
      phone: '040 123 4567',
      language: 'sv',
      consentAt: '2026-10-01',
      privacyNoticeVersion: '2026-09',
      features: { municipality: 'tuusula' },
    })) as { id: string };
    await ok(f, 'roster.update', { participantId: id, compensationPaid: true, dietaryNeeds: 'vegaani', status: 'confirmed' });
    const personal = db().prepare('SELECT * FROM participant_personal WHERE participant_id = ?').get(id) as Record<string, string>;
    expect(personal).toMatchObject({ full_name: 'Testi Testinen', email: 'testi@example.fi', dietary_needs: 'vegaani' });
    expect(db().prepare('SELECT compensation_paid, consent_at FROM participant_roster WHERE participant_id = ?').get(id)).toEqual({ compensation_paid: 1, consent_at: '2026-10-01' });
    const audit = (db().prepare("SELECT detail FROM audit_log WHERE command LIKE 'roster.%'").all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(audit).toContain(id);
    expect(audit).not.toMatch(/Testinen|example\.fi|040 123|vegaani/);
    // Display names are unique (the desk finds people by them).
    const dup = await cmd(f, 'roster.add', { displayName: 'testi t.' });
    expect(dup.t === 'reject' && dup.error.code).toBe('roster.duplicate');
  });

  it('imports nothing until the file is clean, and then everything', async () => {
    const before = (db().prepare('SELECT COUNT(*) AS n FROM participant').get() as { n: number }).n;
    const bad = await cmd(f, 'roster.import', {
      rows: [
        { displayName: 'Uusi A.', fullName: 'Uusi Aalto', email: 'a@example.fi', municipality: 'tuusula' },
        { displayName: 'Uusi A.', fullName: '', email: 'a@example.fi', municipality: 'atlantis' },
      ],
    });
    expect(bad.t === 'reject' && bad.error).toMatchObject({ code: 'roster.importInvalid', params: { row: 2 } });
    expect((db().prepare('SELECT COUNT(*) AS n FROM participant').get() as { n: number }).n).toBe(before);
    const good = (await ok(f, 'roster.import', {
      rows: [
        { displayName: 'Uusi A.', fullName: 'Uusi Aalto', email: 'a@example.fi', municipality: 'tuusula', compensationPaid: 'kyllä' },
        { displayName: 'Uusi B.', fullName: 'Uusi Berg', language: 'sv' },
      ],
    })) as { ids: string[] };
    expect(good.ids).toHaveLength(2);
    expect((db().prepare('SELECT COUNT(*) AS n FROM participant').get() as { n: number }).n).toBe(before + 2);
  });

  it('purges personal data with a typed confirmation, keeping features and attendance; exports one person', async () => {
    const someone = 'p-01';
    const res = await fetch(`${origin}/api/roster/person/${someone}.json`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const person = (await res.json()) as { personal: { fullName: string }; background: Record<string, string>; attendance: unknown[] };
    expect(person.personal.fullName.length).toBeGreaterThan(3);
    expect(Object.keys(person.background).length).toBeGreaterThan(0);

    const csv = await (await fetch(`${origin}/api/export/roster.csv`, { headers: { cookie } })).text();
    expect(csv).not.toContain(person.personal.fullName);
    const csvPersonal = await (await fetch(`${origin}/api/export/roster.csv?personal=1`, { headers: { cookie } })).text();
    expect(csvPersonal).toContain(person.personal.fullName);

    // A roster spanning many pages, so that free pages after the purge could still hold names.
    const many = Array.from({ length: 150 }, (_, i) => ({ displayName: `Lisä ${i}.`, fullName: `Lisähenkilö Numero${String(i).padStart(3, '0')} Pitkänimi-Esimerkkinen` }));
    await ok(f, 'roster.import', { rows: many });
    const features = (db().prepare('SELECT COUNT(*) AS n FROM participant_feature').get() as { n: number }).n;
    const attendance = (db().prepare('SELECT COUNT(*) AS n FROM attendance').get() as { n: number }).n;
    const wrong = await cmd(f, 'roster.purge', { confirm: 'poista' });
    expect(wrong.t === 'reject' && wrong.error.code).toBe('roster.purgeConfirm');
    await ok(f, 'roster.purge', { confirm: DEMO_PANEL.name });
    expect((db().prepare('SELECT COUNT(*) AS n FROM participant_personal').get() as { n: number }).n).toBe(0);
    expect((db().prepare('SELECT COUNT(*) AS n FROM participant_feature').get() as { n: number }).n).toBe(features);
    expect((db().prepare('SELECT COUNT(*) AS n FROM attendance').get() as { n: number }).n).toBe(attendance);
    expect(db().prepare("SELECT value FROM meta WHERE key = 'roster.purged'").get()).toBeTruthy();
    expect(db().prepare("SELECT 1 FROM audit_log WHERE command = 'roster.purge'").get()).toBeTruthy();
    const log = (db().prepare("SELECT COALESCE(value, '') AS v FROM change_log").all() as { v: string }[]).map((r) => r.v).join('\n');
    expect(log).not.toContain(person.personal.fullName);
    const names = (db().prepare('SELECT display_name FROM participant').all() as { display_name: string }[]).map((r) => r.display_name);
    expect(names.every((n) => n.startsWith('#'))).toBe(true);
    // Nor do the file's free pages keep it once the panel is closed.
    await running.close();
    const files = [panelPath, `${panelPath}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file));
    expect(files.some((bytes) => bytes.includes(Buffer.from('SQLite format 3')))).toBe(true);
    for (const bytes of files) {
      expect(bytes.includes(Buffer.from(person.personal.fullName))).toBe(false);
      expect(bytes.includes(Buffer.from('Pitkänimi-Esimerkkinen'))).toBe(false);
    }
  });
});

describe('the check-in desk', () => {
  it('marks present once, says when, lands a resent command once, and the facilitator sees it live', async () => {
    const desk = await pairCheckin();
    const day = 'day-2';
    db().prepare('DELETE FROM attendance WHERE day_id = ?').run(day);
    const id = uuidv7();
    const first = (await ok(desk, 'checkin.mark', { dayId: day, participantId: 'p-02', at: new Date(Date.now() - 60_000).toISOString() }, id)) as {
      already: boolean;
      presentAt: string;
    };
    expect(first.already).toBe(false);
    const seen = await f.next('changes', (m) => m.changes.some((c) => c.topic === 'attendance' && c.key === `${day}:p-02`));
    expect(seen.changes.find((c) => c.topic === 'attendance')!.value).toMatchObject({ participantId: 'p-02' });
    // The outbox resends the same command after a lost ack: the same answer, one row.
    expect(await ok(desk, 'checkin.mark', { dayId: day, participantId: 'p-02', at: new Date().toISOString() }, id)).toEqual(first);
    // Another press on the same person: already there since the first time.
    expect(await ok(desk, 'checkin.mark', { dayId: day, participantId: 'p-02' })).toEqual({ already: true, presentAt: first.presentAt });
    expect((db().prepare('SELECT COUNT(*) AS n FROM attendance WHERE day_id = ?').get(day) as { n: number }).n).toBe(1);
    expect(await ok(desk, 'checkin.undo', { dayId: day, participantId: 'p-02' })).toEqual({ wasPresent: true });
    const bad = await cmd(desk, 'checkin.mark', { dayId: 'no-such-day', participantId: 'p-02' });
    expect(bad.t === 'reject' && bad.error.code).toBe('checkin.unknownDay');
    // The desk may not touch the roster.
    const forbidden = await cmd(desk, 'roster.update', { participantId: 'p-02', displayName: 'X' });
    expect(forbidden.t === 'reject' && forbidden.error.code).toBe('scope.forbidden');
  });
});

describe('seating', () => {
  it('generates a plan in a worker, commits it, and lets the facilitator move, swap, pin and show', async () => {
    const confirmed = (db().prepare("SELECT id FROM participant WHERE status = 'confirmed' AND language = 'fi' ORDER BY id").all() as { id: string }[]).map((r) => r.id);
    const [a, b, pinned] = confirmed as [string, string, string];
    await ok(f, 'seating.settings', { rounds: 3, diversify: ['municipality', 'ageGroup', 'gender'] });
    await ok(f, 'seating.keepApart', { a, b, apart: true });
    await ok(f, 'seating.pin', { participantId: pinned, round: null, tableNo: 2 });
    const res = await post(origin, '/api/seating/generate', { keepRounds: 1, seed: 7, timeLimitMs: 500, roundLabel: 'Kierros' }, { cookie });
    expect(res.status).toBe(202);
    const jobId = res.body.jobId as string;
    const job = await f.next('job', (m) => m.job.id === jobId && m.job.state !== 'running', 20_000);
    expect(job.job.state).toBe('done');
    await f.next('changes', (m) => m.changes.some((c) => c.topic === 'seatingRounds'), 5000);
    const rounds = db().prepare('SELECT id, name FROM seating_round ORDER BY position').all() as { id: string; name: string }[];
    expect(rounds.map((r) => r.name)).toEqual(['Aamupäivä', 'Iltapäivä', 'Kierros 3']);
    const seat = (round: string, p: string) => (db().prepare('SELECT table_no FROM seat WHERE round_id = ? AND participant_id = ?').get(round, p) as { table_no: number } | undefined)?.table_no;
    for (const r of rounds.slice(1)) {
      expect(seat(r.id, pinned)).toBe(2);
      expect(seat(r.id, a)).not.toBe(seat(r.id, b));
    }
    expect(db().prepare("SELECT 1 FROM audit_log WHERE command = 'seating.generate'").get()).toBeTruthy();

    const r3 = rounds[2]!.id;
    await ok(f, 'seating.move', { roundId: r3, participantId: pinned, tableNo: 4 });
    expect(seat(r3, pinned)).toBe(4);
    const other = (db().prepare('SELECT participant_id FROM seat WHERE round_id = ? AND table_no = 1 AND participant_id <> ? LIMIT 1').get(r3, pinned) as { participant_id: string }).participant_id;
    await ok(f, 'seating.swap', { roundId: r3, a: pinned, b: other });
    expect([seat(r3, pinned), seat(r3, other)]).toEqual([1, 4]);
    await ok(f, 'seating.show', { roundId: r3 });
    expect(running.hub.session!.snapshot({ role: 'projector', deviceId: 'x', deviceName: 'p', tableNo: null }).data.seatingShown).toEqual({ shown: { roundId: r3 } });

    for (const path of [`/api/print/seating-tables.pdf?round=${r3}`, '/api/print/name-cards.pdf', '/api/print/seating-overview.pdf?lang=sv']) {
      const pdf = await fetch(`${origin}${path}`, { headers: { cookie } });
      expect(pdf.status, path).toBe(200);
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
    }
  });
});
