import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.js';
import type { HubMessage } from '../../shared/protocol.js';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { startHub, type RunningHub } from '../../main/hub/server.js';
import { facilitatorCookie, Peer, post } from './hubClient.js';

// The paper fallback for table notes: blank note sheets, one A4 page per table, for an item.
// PDF text is compressed: pdftotext/pdfinfo (poppler-utils) read it back when installed.

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;

let dir: string;
let running: RunningHub;

function pdfText(pdf: Buffer): string | null {
  if (!hasPoppler) {
    console.warn('sheets.test: pdftotext (poppler-utils) is missing, so the PDF text is not checked');
    return null;
  }
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
}

function pageCount(pdf: Buffer): number | null {
  if (!hasPoppler) return null;
  const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

async function cmd(peer: Peer, name: string, input: unknown): Promise<Extract<HubMessage, { t: 'ack' | 'reject' }>> {
  const id = uuidv7();
  peer.send({ t: 'cmd', id, name, input });
  const reply = await Promise.race([peer.next('ack', (m) => m.id === id), peer.next('reject', (m) => m.id === id)]);
  expect(reply.t, JSON.stringify(reply)).toBe('ack');
  return reply;
}

async function facilitator(): Promise<{ peer: Peer; origin: string; cookie: string }> {
  const { origin, cookie } = await facilitatorCookie(running.facilitatorUrl());
  const peer = await Peer.connect(origin, cookie);
  peer.send({ t: 'hello', epoch: null, seq: null });
  await peer.next('snapshot');
  return { peer, origin, cookie };
}

async function secretaryCookie(f: Peer, tableNo: number): Promise<{ lanOrigin: string; cookie: string }> {
  f.send({ t: 'cmd', id: uuidv7(), name: 'host.openRoom', input: {} });
  const host = await f.next('host', (m) => m.status.room.open);
  const lanOrigin = `http://127.0.0.2:${running.port}`;
  const res = await post(lanOrigin, '/api/pair', { pairingCode: host.status.room.pairingCode!, role: 'secretary', tableNo, name: `Pöytä ${tableNo}` });
  expect(res.status).toBe(200);
  await cmd(f, 'device.approve', { deviceId: res.body.deviceId as string });
  return { lanOrigin, cookie: res.cookie };
}

const get = (origin: string, path: string, cookie?: string) => fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {} });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-sheets-'));
  const panelPath = join(dir, 'demo.puntari');
  writeDemoPanel(panelPath);
  running = await startHub({ port: 0, home: join(dir, 'home'), panelPath, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
});

afterEach(async () => {
  await running.close();
});

describe('blank note sheets', () => {
  it('gives a manager one page per table for the item on stage, with the kinds and the transcription line', async () => {
    const { origin, cookie } = await facilitator();
    const res = await get(origin, '/api/print/note-sheets.pdf?lang=fi', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="keski-uudenmaan-asukaspaneeli-2026-palvelut-lahella-ja-etana-muistiinpanopohjat\.pdf"/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const tables = (running.hub.session!.db.prepare('SELECT COUNT(*) AS n FROM panel_table').get() as { n: number }).n;
    const pages = pageCount(pdf);
    if (pages !== null) expect(pages).toBe(tables);
    const text = pdfText(pdf);
    if (text !== null) {
      // The demo's clock has day 2's first item ready.
      const item = running.hub.session!.db.prepare("SELECT title FROM agenda_item WHERE id = 'item-2-01'").get() as { title: string };
      expect(text).toContain(item.title);
      expect(text).toContain('Pöytä 1');
      expect(text).toContain('Pöytä 6 – på svenska');
      for (const kind of ['Keskeinen ajatus', 'Perustelu puolesta', 'Perustelu vastaan', 'Ehdotus', 'Erimielisyys', 'Kysymys asiantuntijoille']) expect(text).toContain(kind);
      expect(text).toContain('Kirjoitettu puhtaaksi:');
      expect(text).toContain('(nimi)');
    }
  });

  it('prints one table for a chosen item with its question, in Swedish', async () => {
    const { origin, cookie } = await facilitator();
    const item = running.hub.session!.db.prepare("SELECT id, title, question FROM agenda_item WHERE question <> '' ORDER BY id LIMIT 1").get() as {
      id: string;
      title: string;
      question: string;
    };
    const res = await get(origin, `/api/print/note-sheets.pdf?lang=sv&table=3&item=${item.id}`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/-anteckningsmallar-bord-3\.pdf"/);
    const pdf = Buffer.from(await res.arrayBuffer());
    if (pageCount(pdf) !== null) expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    if (text !== null) {
      expect(text).toContain(item.title);
      expect(text).toContain(item.question.replace(/\s+/g, ' ').slice(0, 30));
      expect(text).toContain('Diskussionsfråga');
      expect(text).toContain('Förslag');
      expect(text).toContain('Renskrivet av:');
      expect(text).not.toContain('Pöytä 4');
    }
  });

  it('refuses unknown items and tables, strangers, and another table for a secretary', async () => {
    const { peer, origin, cookie } = await facilitator();
    expect((await get(origin, '/api/print/note-sheets.pdf?item=nope', cookie)).status).toBe(404);
    const badTable = await get(origin, '/api/print/note-sheets.pdf?table=77', cookie);
    expect(badTable.status).toBe(400);
    expect(((await badTable.json()) as { error: { code: string } }).error.code).toBe('protocol.badField');
    expect((await get(origin, '/api/print/note-sheets.pdf')).status).toBe(401);

    const sec = await secretaryCookie(peer, 2);
    const own = await get(sec.lanOrigin, '/api/print/note-sheets.pdf?lang=fi', sec.cookie);
    expect(own.status).toBe(200);
    const ownPdf = Buffer.from(await own.arrayBuffer());
    if (pageCount(ownPdf) !== null) expect(pageCount(ownPdf)).toBe(1);
    const text = pdfText(ownPdf);
    if (text !== null) expect(text).toContain('Pöytä 2');
    const other = await get(sec.lanOrigin, '/api/print/note-sheets.pdf?table=3', sec.cookie);
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('scope.forbidden');
  });
});
