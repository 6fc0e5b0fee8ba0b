/**
 * The room at 11:00 (../shared/SCENARIO.md): three table laptops on room.test, each behind its own
 * cuttable proxy, record notes during a table discussion. Table 3's Wi-Fi is cut (connections
 * reset), table 5's goes silent (packets dropped, nothing closes). Both keep typing and see how
 * many notes wait; table 3's page is closed and reopened while still offline and still shows its
 * queued notes; the facilitator moves the programme on meanwhile. When the network returns, every
 * note reaches the hub exactly once, under the item on stage when it was WRITTEN, and the waiting
 * counts go to 0. Then the secretary screen's other parts: a conflict, inline edit with history,
 * delete, a flip-chart photo, questions to experts with the projected question and the answer's
 * gist, the experts' materials, and "end of day" offline and online.
 *
 * Screenshots of the secretary screen go to .tmp/screens/notes-*.png.
 *
 * Reopening a page while offline needs the app shell from somewhere: with no service worker on a
 * non-secure origin, a real browser has only its HTTP cache. While table 3's page is closed, its
 * proxy gives way to a stand-in for that cache on the same address (see offlineCache), and comes
 * back on the same port when the network returns.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Device } from '../../shared/devices.js';
import { uuidv7 } from '../../shared/ids.js';
import type { TableNote } from '../../shared/notes.js';
import type { HostStatus } from '../../shared/panel.js';
import type { ExpertQuestion } from '../../shared/questions.js';
import { ROOM_HOSTNAME, sessionCookie } from '../support/browser.js';
import { type HostProcess, startDemoHost } from '../support/hub.js';
import { startRoomProxy, type RoomProxy } from '../support/roomProxy.js';
import { connectClient, type TestClient } from '../support/wsClient.js';

const SCREENS = path.resolve('.tmp/screens');
const DIST = path.resolve('dist/renderer');
/** Pöytäkeskustelu 1 in the demo panel, and the item after it. */
const DISCUSSION = 'item-1-06';

let dir: string;
let host: HostProcess;
const proxies: RoomProxy[] = [];

test.beforeEach(async () => {
  ({ dir, host } = await startDemoHost('room-e2e'));
});

test.afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- the facilitator's protocol view

/** The facilitator's feed over the protocol, with the window's own session cookie. */
class Feed {
  hostStatus: HostStatus | null = null;
  devices = new Map<string, Device>();
  seen = 0;
  constructor(public client: TestClient) {}

  update(): void {
    const { messages } = this.client;
    for (; this.seen < messages.length; this.seen++) {
      const m = messages[this.seen]!;
      if (m.t === 'snapshot') this.devices = new Map(Object.entries(m.data.devices ?? {}) as [string, Device][]);
      else if (m.t === 'changes') {
        for (const c of m.changes) {
          if (c.topic !== 'devices') continue;
          if (c.value === null) this.devices.delete(c.key);
          else this.devices.set(c.key, c.value as Device);
        }
      } else if (m.t === 'host') this.hostStatus = m.status;
    }
  }

  async cmd(name: string, input: unknown): Promise<unknown> {
    const id = uuidv7();
    this.client.send({ t: 'cmd', id, name, input });
    const reply = await Promise.race([this.client.next('ack', (m) => m.id === id, 10_000), this.client.next('reject', (m) => m.id === id, 10_000)]);
    if (reply.t === 'reject') throw new Error(`${name} refused: ${JSON.stringify(reply.error)}`);
    await new Promise((r) => setTimeout(r, 50));
    this.update();
    return reply.result;
  }

  async waitFor<T>(what: string, get: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.update();
      const value = get();
      if (value !== undefined && value !== null && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A fresh snapshot's table notes and questions (what the hub holds now). */
  async snapshot(): Promise<{ notes: TableNote[]; questions: ExpertQuestion[] }> {
    this.client.send({ t: 'hello', epoch: null, seq: null });
    const snap = await this.client.next('snapshot', undefined, 10_000);
    return { notes: Object.values(snap.data.tableNotes ?? {}), questions: Object.values(snap.data.questions ?? {}) };
  }
}

// ---------------------------------------------------------------- the table laptops

interface TableLaptop {
  no: number;
  proxy: RoomProxy;
  origin: string;
  context: BrowserContext;
  page: Page;
}

async function laptop(browser: Browser, feed: Feed, no: number, hubPort: number): Promise<TableLaptop> {
  const proxy = await startRoomProxy({ listenHost: '127.0.0.2', targetHost: '127.0.0.2', targetPort: hubPort });
  proxies.push(proxy);
  const origin = `http://${ROOM_HOSTNAME}:${proxy.port}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const name = `Pöydän ${no} kone`;
  const pairingCode = await feed.waitFor('the pairing code', () => feed.hostStatus?.room.pairingCode);
  await page.goto(`${origin}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Liity paneeliin' })).toBeVisible();
  await page.getByLabel('Parituskoodi').fill(pairingCode);
  await page.getByLabel('Tämän laitteen nimi').fill(name);
  await page.getByLabel('Rooli').selectOption('secretary');
  await page.getByLabel('Pöydän numero').fill(String(no));
  await page.getByRole('button', { name: 'Liity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Odotetaan hyväksyntää' })).toBeVisible();
  const device = await feed.waitFor(`${name} pending`, () => [...feed.devices.values()].find((d) => d.name === name && d.status === 'pending'));
  await feed.cmd('device.approve', { deviceId: device.id });
  await expect(page.getByRole('heading', { level: 1, name: `Pöytä ${no}` })).toBeVisible();
  return { no, proxy, origin, context, page };
}

/**
 * The table laptop's browser cache, while its Wi-Fi is down: the app shell (static files) loads
 * on the room's address, but /api/* and the WebSocket fail as a dead network would. With no
 * service worker on a non-secure origin, a real browser has only its HTTP cache for this; a real
 * server on the same address keeps the page's origin and network address as they were.
 */
async function offlineCache(listenHost: string, port: number): Promise<{ close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png', '.mp3': 'audio/mpeg', '.wav': 'audio/wav' };
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(DIST, pathname === '/' ? 'index.html' : pathname);
    if (pathname.startsWith('/api/') || !file.startsWith(DIST) || !existsSync(file)) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  server.on('upgrade', (_req, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen({ host: listenHost, port }, resolve));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function noteField(page: Page) {
  return page.getByLabel(/^Kirjoita muistiinpano/);
}

/** Type a note the way a secretary does: kind with Alt+digit, text, Enter. The field clears and keeps focus. */
async function typeNote(page: Page, text: string, kindKey?: number): Promise<void> {
  const field = noteField(page);
  if (!(await field.evaluate((el) => el === document.activeElement))) await field.focus();
  if (kindKey) await page.keyboard.press(`Alt+${kindKey}`);
  await expect(field).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
}

async function expectWaiting(page: Page, count: number, timeout = 10_000): Promise<void> {
  const text = count === 0 ? 'Kaikki on lähetetty.' : count === 1 ? '1 muistiinpano odottaa lähetystä' : `${count} muistiinpanoa odottaa lähetystä`;
  await expect(page.locator('.send-count')).toHaveText(text, { timeout });
}

/** The secretary never scrolls sideways: nothing reaches past the window's right edge. */
async function noSideScroll(page: Page, what: string): Promise<void> {
  const wide = await page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
  });
  expect(wide, `${what}: nothing wider than the window`).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `notes-${name}.png`), fullPage: true });
}

// ---------------------------------------------------------------- the test

test('three tables keep writing through a cut and a silent network, a closed page and a moved programme; every note lands once under its item', async ({ browser }) => {
  test.setTimeout(300_000);

  // ---- the facilitator's window opens the room
  const facContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const facPage = await facContext.newPage();
  await facPage.goto(host.facilitatorUrl);
  await expect(facPage.locator('h1')).toBeVisible();
  const facCookie = await sessionCookie(facContext, host.origin);
  const client = await connectClient({ origin: host.origin, cookie: facCookie });
  client.send({ t: 'hello', epoch: null, seq: null });
  await client.next('snapshot', undefined, 10_000);
  const feed = new Feed(client);
  await feed.cmd('host.openRoom', {});
  await feed.waitFor('the room', () => feed.hostStatus?.room.open);

  // ---- three table laptops, each behind its own proxy
  const t1 = await laptop(browser, feed, 1, host.port);
  const t3 = await laptop(browser, feed, 3, host.port);
  const t5 = await laptop(browser, feed, 5, host.port);
  const tables = [t1, t3, t5];

  // ---- the table discussion starts; the tables show it, with their people for its seating round
  await feed.cmd('clock.start', { itemId: DISCUSSION });
  for (const t of tables) {
    await expect(t.page.locator('.strip-title')).toHaveText(/Pöytäkeskustelu 1/);
    await expect(t.page.getByRole('heading', { level: 2, name: /Tämän pöydän osallistujat/ })).toBeVisible();
    await expect(t.page.locator('.name-grid li').first()).toBeVisible();
  }

  // ---- online: each note shows at once and lands
  await typeNote(t1.page, 'Pöytä 1: terveysasema pitää säilyttää lähellä');
  await typeNote(t1.page, 'Pöytä 1: liikkuva neuvola kylille', 4);
  await typeNote(t3.page, 'Pöytä 3: ajanvaraus puhelimella on vaikeaa', 1);
  await typeNote(t5.page, 'Pöytä 5: kuljetuspalvelu toimii hyvin', 2);
  for (const t of tables) await expectWaiting(t.page, 0);
  await expect(t1.page.locator('.note-card')).toHaveCount(2);
  await expect(t1.page.getByRole('heading', { level: 3, name: /Ehdotukset/ })).toBeVisible();
  await expect(t1.page.locator('.pending-badge')).toHaveCount(0);
  await noSideScroll(t1.page, 'table 1 online');
  await shot(t1.page, 'online');

  // ---- table 3's Wi-Fi is cut; table 5's goes silent
  t3.proxy.cut();
  t5.proxy.blackhole();
  await expect(t3.page.locator('.connection-reconnecting, .connection-connecting')).toBeVisible({ timeout: 10_000 });

  const kinds = [1, 2, 3, 4, 5, 6, 4];
  const t3Texts = kinds.map((_, i) => `Pöytä 3: katkon aikana ${i + 1}`);
  const t5Texts = [1, 2, 3, 4, 5].map((i) => `Pöytä 5: hiljaisen verkon aikana ${i}`);
  for (const [i, text] of t3Texts.entries()) await typeNote(t3.page, text, kinds[i]);
  for (const [i, text] of t5Texts.entries()) await typeNote(t5.page, text, kinds[i]);
  await expectWaiting(t3.page, 7);
  await expectWaiting(t5.page, 5);
  await expect(t3.page.locator('.note-card.pending-add')).toHaveCount(7);
  await expect(t3.page.locator('.pending-badge').first()).toHaveText('Odottaa lähetystä');
  await expect(t3.page.locator('.send-offline-text')).toBeVisible();
  // Table 1 is unaffected.
  await typeNote(t1.page, 'Pöytä 1: palveluseteli on hyvä lisä', 2);
  await expectWaiting(t1.page, 0);
  await shot(t3.page, 'offline');

  // ---- table 3's page is closed, and reopened while still offline: the notes still wait
  await t3.page.close();
  // Meanwhile the programme moves on: lunch.
  await feed.cmd('clock.next', { fromItemId: DISCUSSION });
  for (const t of [t1]) await expect(t.page.locator('.strip-title')).toHaveText('Lounas');
  // The browser's cache stands in on the room's address: the app shell loads, the hub does not answer.
  await t3.proxy.close();
  const cache = await offlineCache('127.0.0.2', t3.proxy.port);
  t3.page = await t3.context.newPage();
  await t3.page.goto(`${t3.origin}/`);
  await expect(t3.page.getByRole('heading', { level: 1, name: 'Pöytä 3' })).toBeVisible();
  await expectWaiting(t3.page, 7);
  await expect(t3.page.locator('.note-card.pending-add')).toHaveCount(7);
  await expect(t3.page.locator('.connection-reconnecting, .connection-connecting')).toBeVisible();
  await expect(noteField(t3.page)).toBeFocused();
  await shot(t3.page, 'reopened-offline');

  // Table 5's client notices the silence (no pong) and starts reconnecting, still into the hole.
  await expect(t5.page.locator('.connection-reconnecting')).toBeVisible({ timeout: 30_000 });
  await expectWaiting(t5.page, 5);
  // Its screen still shows the discussion: the hub's "next" never reached it.
  await expect(t5.page.locator('.strip-title')).toHaveText(/Pöytäkeskustelu 1/);

  // ---- the network returns
  await cache.close();
  t3.proxy = await startRoomProxy({ listenHost: '127.0.0.2', listenPort: t3.proxy.port, targetHost: '127.0.0.2', targetPort: host.port });
  proxies.push(t3.proxy);
  t5.proxy.restore();
  await expectWaiting(t3.page, 0, 45_000);
  await expectWaiting(t5.page, 0, 45_000);
  await expect(t3.page.locator('.connection-open')).toBeVisible();
  await expect(t3.page.locator('.strip-title')).toHaveText('Lounas');
  await expect(t5.page.locator('.strip-title')).toHaveText('Lounas');

  // Every note once at the hub, under the item on stage when it was written.
  const { notes } = await feed.snapshot();
  const byText = new Map<string, TableNote[]>();
  for (const n of notes) byText.set(n.text, [...(byText.get(n.text) ?? []), n]);
  const offline = [...t3Texts.map((text) => ({ text, table: 3 })), ...t5Texts.map((text) => ({ text, table: 5 }))];
  for (const { text, table } of offline) {
    const found = byText.get(text) ?? [];
    expect(found.length, `"${text}" arrived once`).toBe(1);
    expect(found[0]!.tableNo).toBe(table);
    expect(found[0]!.itemId, `"${text}" under the item it was written under`).toBe(DISCUSSION);
  }
  expect(notes.filter((n) => n.tableNo === 3)).toHaveLength(8);
  expect(notes.filter((n) => n.tableNo === 5)).toHaveLength(6);
  expect(notes.filter((n) => n.tableNo === 1)).toHaveLength(3);
  expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length);
  const t3Kinds = t3Texts.map((text) => byText.get(text)![0]!.kind);
  expect(t3Kinds).toEqual(['keyPoint', 'argumentFor', 'argumentAgainst', 'proposal', 'disagreement', 'questionForExperts', 'proposal']);

  // The table sees its earlier item's notes through the selector: now on lunch, the discussion is "earlier".
  await expect(t3.page.locator('.note-card')).toHaveCount(0);
  await t3.page.getByRole('combobox', { name: 'Ohjelmakohta' }).selectOption(DISCUSSION);
  await expect(t3.page.locator('.note-card')).toHaveCount(8);
  await expect(t3.page.locator('.pending-badge')).toHaveCount(0);

  // ---- a conflict: the facilitator edits a table 3 note twice from the same version
  const target = byText.get(t3Texts[0]!)![0]!;
  await feed.cmd('notes.edit', { noteId: target.id, baseVersion: 1, kind: 'keyPoint', text: 'Fasilitaattorin korjaama versio' });
  await feed.cmd('notes.edit', { noteId: target.id, baseVersion: 1, kind: 'keyPoint', text: 'Toinen samanaikainen versio' });
  const conflict = t3.page.locator('.conflict-box');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Fasilitaattorin korjaama versio');
  await expect(conflict).toContainText('Toinen samanaikainen versio');
  await conflict.scrollIntoViewIfNeeded();
  await shot(t3.page, 'conflict');
  await conflict.getByRole('button', { name: 'Kirjoita yhdistetty teksti' }).click();
  await t3.page.getByLabel('Yhdistetty teksti').fill('Yhdistetty: ajanvaraus on vaikeaa');
  await t3.page.getByRole('button', { name: 'Tallenna yhdistetty' }).click();
  await expect(t3.page.locator('.conflict-box')).toHaveCount(0);
  await expect(t3.page.locator('.note-text-shown', { hasText: 'Yhdistetty: ajanvaraus on vaikeaa' })).toBeVisible();

  // ---- edit inline (Esc cancels, Enter saves with its version), history, delete with confirm
  const card = t1.page.locator('.note-card', { hasText: 'Pöytä 1: terveysasema pitää säilyttää lähellä' });
  await t1.page.getByRole('combobox', { name: 'Ohjelmakohta' }).selectOption(DISCUSSION);
  await card.getByRole('button', { name: 'Muokkaa' }).click();
  const edit = t1.page.getByLabel('Muokkaa muistiinpanoa');
  await expect(edit).toBeFocused();
  await edit.fill('ei tallennu');
  await t1.page.keyboard.press('Escape');
  await expect(t1.page.locator('.note-text-shown', { hasText: 'ei tallennu' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Muokkaa' }).click();
  await t1.page.getByLabel('Muokkaa muistiinpanoa').fill('Pöytä 1: terveysasema ja hammashoitola lähellä');
  await t1.page.keyboard.press('Enter');
  const edited = t1.page.locator('.note-card', { hasText: 'hammashoitola' });
  await expect(edited).toContainText('muokattu (versio 2)');
  await edited.getByRole('button', { name: 'Historia' }).click();
  await expect(edited.locator('.history li')).toHaveCount(2);
  await expect(edited.locator('.history')).toContainText('terveysasema pitää säilyttää lähellä');
  const doomed = t1.page.locator('.note-card', { hasText: 'palveluseteli' });
  await doomed.getByRole('button', { name: 'Poista' }).click();
  await t1.page.getByRole('dialog').getByRole('button', { name: 'Poista' }).click();
  await expect(doomed).toHaveCount(0);
  const after = await feed.snapshot();
  expect(after.notes.find((n) => n.text === 'Pöytä 1: palveluseteli on hyvä lisä')?.deleted).toBe(true);

  // ---- a flip-chart photo: scaled down in the browser, sent with its text
  await t1.page.getByRole('combobox', { name: 'Ohjelmakohta' }).selectOption(DISCUSSION);
  await feed.cmd('clock.jump', { itemId: DISCUSSION });
  await feed.cmd('clock.start', { itemId: DISCUSSION });
  await expect(t1.page.locator('.strip-title')).toHaveText(/Pöytäkeskustelu 1/);
  await t1.page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const ctx = canvas.getContext('2d')!;
    const g = ctx.createLinearGradient(0, 0, 4000, 3000);
    g.addColorStop(0, '#fdfdf8');
    g.addColorStop(1, '#e8e4d8');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 4000, 3000);
    ctx.fillStyle = '#1a3a8a';
    ctx.font = 'bold 160px sans-serif';
    for (let i = 0; i < 12; i++) ctx.fillText(`Ehdotus ${i + 1}: lähipalvelut`, 200, 300 + i * 220);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const files = new DataTransfer();
    files.items.add(new File([blob], 'flappi.png', { type: 'image/png' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const photoText = t1.page.getByLabel('Kuvan teksti');
  await expect(photoText).toHaveValue('Fläppitaulu');
  await expect(t1.page.locator('.photo-draft .hint')).toContainText('1600 × 1200 px');
  await photoText.fill('Fläppitaulu: pöydän ehdotukset');
  await t1.page.getByRole('button', { name: 'Tallenna kuva' }).click();
  const photoCard = t1.page.locator('.note-card', { hasText: 'Fläppitaulu: pöydän ehdotukset' });
  await expect(photoCard.locator('img.photo-thumb')).toBeVisible();
  await expect.poll(() => photoCard.locator('img.photo-thumb').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);

  // ---- questions to experts: asked from table 3, projected, answered
  await t3.page.getByLabel('Kysymys', { exact: true }).fill('Miten kuljetuspalvelu järjestetään haja-asutusalueella?');
  await t3.page.getByLabel('Kenelle').selectOption('expert-3');
  await t3.page.getByRole('button', { name: 'Lähetä kysymys' }).click();
  const question = t3.page.locator('.question-row', { hasText: 'haja-asutusalueella' });
  await expect(question.locator('.question-status')).toHaveText('Jonossa');
  const { questions } = await feed.snapshot();
  const q = questions.find((x) => x.text.includes('haja-asutusalueella'))!;
  expect(q).toMatchObject({ tableNo: 3, expertId: 'expert-3', itemId: DISCUSSION, status: 'queued' });
  await feed.cmd('questions.project', { questionId: q.id });
  await expect(t3.page.locator('.projected-banner')).toContainText('haja-asutusalueella');
  await expect(t1.page.locator('.projected-banner')).toContainText('haja-asutusalueella');
  await expect(question.locator('.question-status')).toHaveText('Kysytty');
  await t3.page.getByLabel('Kysymys', { exact: true }).fill('Säilyykö Pornaisten terveysasema?');
  await question.scrollIntoViewIfNeeded();
  await shot(t3.page, 'questions');
  await question.getByLabel('Vastauksen ydin').fill('Kutsuliikenne laajenee kaikkiin kuntiin vuonna 2027.');
  await question.getByRole('button', { name: 'Tallenna vastaus' }).click();
  await expect(question.locator('.question-status')).toHaveText('Vastattu');
  await expect(question).toContainText('Kutsuliikenne laajenee');

  // ---- the experts' materials, read-only: a link opens in a new tab
  await feed.cmd('materials.addLink', { expertId: 'expert-1', title: 'Palveluverkkoselvitys 2026', url: 'https://example.org/palveluverkko' });
  const link = t3.page.getByRole('link', { name: /Palveluverkkoselvitys 2026/ });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // A file: uploaded by the facilitator, downloaded by the table from the hub.
  const upload = await fetch(`${host.origin}/api/materials?expertId=expert-1&title=${encodeURIComponent('Esityksen kalvot')}&fileName=kalvot.pdf`, {
    method: 'POST',
    headers: { cookie: facCookie, origin: host.origin, 'content-type': 'application/pdf' },
    body: '%PDF-1.4 kalvot',
  });
  expect(upload.status).toBe(200);
  const fileLink = t3.page.getByRole('link', { name: 'Esityksen kalvot' });
  await expect(fileLink).toHaveAttribute('download', 'kalvot.pdf');
  const href = (await fileLink.getAttribute('href'))!;
  expect(await t3.page.evaluate(async (url) => (await fetch(url)).text(), href)).toBe('%PDF-1.4 kalvot');

  // ---- end of day, offline: the secretary is told how many notes would be lost, and can wait
  t1.proxy.cut();
  await expect(t1.page.locator('.connection-reconnecting, .connection-connecting')).toBeVisible({ timeout: 10_000 });
  await typeNote(t1.page, 'Pöytä 1: viimeinen ajatus ennen kotiinlähtöä');
  await t1.page.getByRole('button', { name: 'Päätä päivä' }).click();
  await expect(t1.page.locator('.end-stuck')).toContainText('1 muistiinpano ei ole vielä päässyt perille');
  await expect(t1.page.getByRole('button', { name: 'Pyyhi silti (1 muistiinpano menetetään)' })).toBeVisible();
  await shot(t1.page, 'end-of-day-offline');
  // Waiting: the network returns, the note goes, and the day ends by itself.
  t1.proxy.restore();
  await expect(t1.page.getByRole('heading', { level: 1, name: 'Voit sulkea selaimen' })).toBeVisible({ timeout: 45_000 });
  const final = await feed.snapshot();
  expect(final.notes.filter((n) => n.text === 'Pöytä 1: viimeinen ajatus ennen kotiinlähtöä')).toHaveLength(1);
  // Nothing of the panel stays in the browser.
  const stored = await t1.page.evaluate(async () => ({ dbs: (await indexedDB.databases()).map((d) => d.name), table: localStorage.getItem('puntari.table') }));
  expect(stored).toEqual({ dbs: [], table: null });
  await t1.page.reload();
  await expect(t1.page.getByRole('heading', { level: 1, name: 'Liity paneeliin' })).toBeVisible();

  // ---- end of day, offline and wiped anyway
  t5.proxy.cut();
  await expect(t5.page.locator('.connection-reconnecting, .connection-connecting')).toBeVisible({ timeout: 10_000 });
  await typeNote(t5.page, 'Pöytä 5: tämä jää lähettämättä');
  await t5.page.getByRole('button', { name: 'Päätä päivä' }).click();
  await t5.page.getByRole('button', { name: 'Pyyhi silti (1 muistiinpano menetetään)' }).click();
  await expect(t5.page.getByRole('heading', { level: 1, name: 'Voit sulkea selaimen' })).toBeVisible({ timeout: 20_000 });
  expect(await t5.page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);

  client.close();
  await Promise.all([facContext, t1.context, t3.context, t5.context].map((c) => c.close()));
});
