import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.js';
import type { HubMessage } from '../../shared/protocol.js';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { startHub, type RunningHub } from '../../main/hub/server.js';
import { facilitatorCookie, Peer, post } from './hubClient.js';

// The paper fallback and the planned-versus-actual log, through the real hub and the CLI.
// PDF text is compressed: pdftotext (poppler-utils, which .ci/run installs) reads it back.

const root = resolve(import.meta.dirname, '../..');
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const PANEL_NAME = 'Keski-Uudenmaan asukaspaneeli 2026: Palvelut lähellä ja etänä';
const NOTE = 'Sihteeri kirjaa pöydän yhteiset pelisäännöt.';

let dir: string;
let panelPath: string;
let running: RunningHub;

function pdfText(pdf: Buffer): string | null {
  if (!hasPdftotext) {
    console.warn('exports.test: pdftotext (poppler-utils) is missing, so the PDF text is not checked');
    return null;
  }
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
}

async function facilitator(): Promise<{ peer: Peer; origin: string; cookie: string }> {
  const { origin, cookie } = await facilitatorCookie(running.facilitatorUrl());
  const peer = await Peer.connect(origin, cookie);
  peer.send({ t: 'hello', epoch: null, seq: null });
  await peer.next('snapshot');
  return { peer, origin, cookie };
}

async function cmd(peer: Peer, name: string, input: unknown): Promise<Extract<HubMessage, { t: 'ack' | 'reject' }>> {
  const id = uuidv7();
  peer.send({ t: 'cmd', id, name, input });
  const reply = await Promise.race([peer.next('ack', (m) => m.id === id), peer.next('reject', (m) => m.id === id)]);
  expect(reply.t, JSON.stringify(reply)).toBe('ack');
  return reply;
}

async function openRoom(f: Peer): Promise<{ pairingCode: string; viewCode: string; lanOrigin: string }> {
  f.send({ t: 'cmd', id: uuidv7(), name: 'host.openRoom', input: {} });
  const host = await f.next('host', (m) => m.status.room.open);
  return { pairingCode: host.status.room.pairingCode!, viewCode: host.status.room.viewCode!, lanOrigin: `http://127.0.0.2:${running.port}` };
}

async function secretary(f: Peer, pairingCode: string, lanOrigin: string, tableNo: number, approve = true): Promise<string> {
  const res = await post(lanOrigin, '/api/pair', { pairingCode, role: 'secretary', tableNo, name: `Pöytä ${tableNo}` });
  expect(res.status).toBe(200);
  if (approve) await cmd(f, 'device.approve', { deviceId: res.body.deviceId as string });
  return res.cookie;
}

function get(origin: string, path: string, cookie?: string) {
  return fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {} });
}

/** Display names seated at a table in the demo's first seating round. */
function seatedNames(tableNo: number): string[] {
  return (
    running.hub.session!.db
      .prepare(
        `SELECT p.display_name AS name FROM seat s JOIN participant p ON p.id = s.participant_id
         WHERE s.round_id = 'round-1' AND s.table_no = ? AND p.status NOT IN ('declined','droppedOut','replaced')`,
      )
      .all(tableNo) as { name: string }[]
  ).map((r) => r.name);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-exports-'));
  panelPath = join(dir, 'demo.puntari');
  writeDemoPanel(panelPath);
  running = await startHub({ port: 0, home: join(dir, 'home'), panelPath, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
});

afterEach(async () => {
  await running.close();
});

describe('printed programme', () => {
  it('gives a manager the room version and any table version, without facilitator notes', async () => {
    const { origin, cookie } = await facilitator();
    const res = await get(origin, '/api/print/programme.pdf?lang=fi', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(
      /^inline; filename="keski-uudenmaan-asukaspaneeli-2026-palvelut-lahella-ja-etana-ohjelma-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text !== null) {
      expect(text).toContain(PANEL_NAME);
      expect(text).toContain('Järvenpää-talo');
      expect(text).toContain('Tervetuloa ja paneelin tehtävä');
      expect(text).toContain('Asiantuntija: Marjut Halonen');
      expect(text).toContain('Kertokaa vuorotellen nimenne');
      expect(text).toMatch(/Sivu 1\/\d/);
      expect(text).not.toContain(NOTE);
      expect(text).not.toContain('Pöytä 4');
    }

    const table = await get(origin, '/api/print/programme.pdf?lang=sv&table=4', cookie);
    expect(table.status).toBe(200);
    expect(table.headers.get('content-disposition')).toMatch(/-program-bord-4-\d{4}-\d{2}-\d{2}\.pdf"/);
    const tableText = pdfText(Buffer.from(await table.arrayBuffer()));
    if (tableText !== null) {
      expect(tableText).toContain('Pöytä 4');
      expect(tableText).toContain('Diskussionsfråga');
      for (const name of seatedNames(4)) expect(tableText).toContain(name);
      expect(tableText).not.toContain(NOTE);
    }

    expect((await get(origin, '/api/print/programme.pdf?table=99', cookie)).status).toBe(400);
    expect((await get(origin, '/api/print/programme.pdf?lang=de', cookie)).status).toBe(400);
  });

  it('lets a table laptop print its own table and the room, not another table; refuses viewers and strangers', async () => {
    const f = await facilitator();
    const { pairingCode, viewCode, lanOrigin } = await openRoom(f.peer);
    const table2 = await secretary(f.peer, pairingCode, lanOrigin, 2);

    const own = await get(lanOrigin, '/api/print/programme.pdf?table=2', table2);
    expect(own.status).toBe(200);
    const ownText = pdfText(Buffer.from(await own.arrayBuffer()));
    if (ownText !== null) {
      expect(ownText).toContain('Pöytä 2');
      for (const name of seatedNames(2)) expect(ownText).toContain(name);
    }
    expect((await get(lanOrigin, '/api/print/programme.pdf', table2)).status).toBe(200);
    const other = await get(lanOrigin, '/api/print/programme.pdf?table=3', table2);
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: { code: 'scope.forbidden' } });
    expect((await get(lanOrigin, '/api/export/actual-log.csv', table2)).status).toBe(403);

    const pending = await secretary(f.peer, pairingCode, lanOrigin, 5, false);
    const waiting = await get(lanOrigin, '/api/print/programme.pdf?table=5', pending);
    expect(waiting.status).toBe(403);
    expect(await waiting.json()).toMatchObject({ error: { code: 'auth.pending' } });

    const view = await post(lanOrigin, '/api/view', { viewCode });
    expect(view.status).toBe(200);
    expect((await get(lanOrigin, '/api/print/programme.pdf', view.cookie)).status).toBe(403);
    expect((await get(lanOrigin, '/api/export/actual-log.csv', view.cookie)).status).toBe(403);

    const nobody = await get(lanOrigin, '/api/print/programme.pdf');
    expect(nobody.status).toBe(401);
    expect((await get(f.origin, '/api/export/actual-log.csv')).status).toBe(401);
  });
});

describe('planned-versus-actual log', () => {
  it('exports every item run as semicolon CSV with a BOM, in the asked language', async () => {
    const { peer, origin, cookie } = await facilitator();
    const header = 'Päivä;Ohjelmakohta;Tyyppi;Suunniteltu (min);Alkoi;Päättyi;Toteutunut (min);Ero (min);Lisätty aika (min);Tauolla (min);Ohitettu';
    const before = await get(origin, '/api/export/actual-log.csv', cookie);
    expect(before.status).toBe(200);
    const beforeBody = Buffer.from(await before.arrayBuffer());
    expect([...beforeBody.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const beforeLines = beforeBody.toString('utf8').slice(1).split('\r\n');
    expect(beforeLines[0]).toBe(header);
    // the demo's first day as it was run: one row per item
    expect(beforeLines).toHaveLength(1 + 13 + 1);
    expect(beforeLines[1]).toMatch(/^2026-11-14;Tervetuloa ja paneelin tehtävä;Tervetuloa;20;\d{2}:\d{2};\d{2}:\d{2};22,0;2,0;0,0;0,0;ei$/);

    await cmd(peer, 'clock.start', {});
    const first = (running.hub.session!.db.prepare('SELECT item_id FROM clock').get() as { item_id: string }).item_id;
    await cmd(peer, 'clock.pause', {});
    await cmd(peer, 'clock.adjust', { deltaSeconds: 300 });
    await cmd(peer, 'clock.resume', {});
    await cmd(peer, 'clock.next', { fromItemId: first });
    const second = (running.hub.session!.db.prepare('SELECT item_id FROM clock').get() as { item_id: string }).item_id;
    await cmd(peer, 'clock.skip', { fromItemId: second });
    const third = (running.hub.session!.db.prepare('SELECT item_id FROM clock').get() as { item_id: string }).item_id;
    await cmd(peer, 'clock.skip', { fromItemId: third });

    const res = await get(origin, '/api/export/actual-log.csv?lang=fi', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="keski-uudenmaan-.*-toteutunut-aikataulu-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(';'));
    expect(rows).toHaveLength(1 + 13 + 3);
    const hhmm = /^\d{2}:\d{2}$/;
    const [welcome, presentation, work] = rows.slice(-3);
    expect(welcome).toHaveLength(11);
    expect(welcome!.slice(0, 4)).toEqual(['2026-11-21', 'Aamun avaus ja ensimmäisen päivän kertaus', 'Tervetuloa', '20']);
    expect(welcome![4]).toMatch(hhmm);
    expect(welcome![5]).toMatch(hhmm);
    expect(welcome![6]).toBe('0,0');
    expect(welcome![7]).toBe('-20,0');
    expect(welcome![8]).toBe('5,0');
    expect(welcome![10]).toBe('ei');
    // the second item started with "next" and ended when skipped away from: a run, not a skip
    expect(presentation!.slice(0, 4)).toEqual(['2026-11-21', 'Luonnossuositusten esittely', 'Yhteinen keskustelu', '25']);
    expect(presentation![5]).toMatch(hhmm);
    expect(presentation![10]).toBe('ei');
    // the third was loaded but never started, then skipped
    expect(work).toEqual(['2026-11-21', 'Suositusten työstäminen pöydissä', 'Kannanoton työstäminen', '70', '', '', '', '', '0,0', '0,0', 'kyllä']);

    const en = await (await get(origin, '/api/export/actual-log.csv?lang=en', cookie)).text();
    expect(en.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Day;Item;Kind;Planned (min);Started;Ended;Actual (min);Difference (min);Added time (min);Paused (min);Skipped',
    );
    expect(en).toContain(';-20.0;5.0;');
  });
});

describe('CLI', () => {
  it('writes the programme PDF and the log CSV from a panel file', async () => {
    await running.close();
    const pdf = join(dir, 'ohjelma.pdf');
    const csv = join(dir, 'loki.csv');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(root, 'bin', 'puntari.mjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, PUNTARI_LANG: 'fi' } });
    const a = run(['programme', '--panel', panelPath, '--out', pdf, '--table', '3', '--lang', 'fi']);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout.trim()).toBe(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(readFileSync(pdf));
    if (text !== null) expect(text).toContain('Pöytä 3');

    const b = run(['actual-log', '--panel', panelPath, '--out', csv]);
    expect(b.status, b.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^\uFEFFPäivä;Ohjelmakohta;/);

    const bad = run(['programme', '--panel', panelPath, '--out', join(dir, 'x.pdf'), '--table', '42']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^puntari: .*--table/);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    // afterEach closes the hub again: start one so it has something to close
    running = await startHub({ port: 0, home: join(dir, 'home') });
  });
});
