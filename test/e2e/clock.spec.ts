/**
 * The live clock on every screen in the room, to the same second: a facilitator window, a
 * projector, two table laptops (on http://room.test:PORT) and an expert's phone, each with its own
 * clock skewed by up to ±90 s (Playwright's page clock). The facilitator starts, pauses, extends,
 * resumes and advances (commands over the protocol, with the facilitator window's own session);
 * after each step every page shows the second the hub's timestamps say, sampled at the same
 * instant. Then the hub process is killed mid-item and started again on the same port and home:
 * every page shows the right remaining time after reconnecting. Screenshots of the projector
 * (normal, warning, overtime, message, blackout), the table strip and the speaker view go to
 * .tmp/screens/display-*.png.
 *
 * A screen that ignored the estimated hub offset and used its own Date.now() is off by its skew
 * (13 to 90 s here), so it fails every check below.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AgendaDay, AgendaItem } from '../../shared/agenda.js';
import { displaySeconds, phase, remainingMs, runningOrder, type ClockPhase, type ClockState } from '../../shared/clock.js';
import type { Device } from '../../shared/devices.js';
import { uuidv7 } from '../../shared/ids.js';
import type { HostStatus } from '../../shared/panel.js';
import { ROOM_HOSTNAME, sessionCookie } from '../support/browser.js';
import { runPuntari, startHostProcess, type HostProcess } from '../support/hub.js';
import { connectClient, type TestClient } from '../support/wsClient.js';

const SCREENS = path.resolve('.tmp/screens');

let dir: string;
let home: string;
let panel: string;
let host: HostProcess;

test.beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'puntari-clock-'));
  home = path.join(dir, 'home');
  panel = path.join(dir, 'demo.puntari');
  const made = await runPuntari(['demo', '--out', panel]);
  expect(made.code, made.stderr).toBe(0);
  host = await startHostProcess({ home, panel, roomBind: ['127.0.0.2'], roomHostnames: [ROOM_HOSTNAME] });
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- the facilitator's protocol view

/** What the test knows of the hub: the latest clock, items, devices and host status from the feed. */
class Feed {
  clock: ClockState | null = null;
  items = new Map<string, AgendaItem>();
  days = new Map<string, AgendaDay>();
  devices = new Map<string, Device>();
  hostStatus: HostStatus | null = null;
  seen = 0;

  constructor(public client: TestClient) {}

  /** Fold in every message received since the last call. */
  update(): void {
    const { messages } = this.client;
    for (; this.seen < messages.length; this.seen++) {
      const m = messages[this.seen]!;
      if (m.t === 'snapshot') {
        this.clock = (m.data.clock?.clock as ClockState | undefined) ?? null;
        this.items = new Map(Object.entries(m.data.agendaItems ?? {}) as [string, AgendaItem][]);
        this.days = new Map(Object.entries(m.data.agendaDays ?? {}) as [string, AgendaDay][]);
        this.devices = new Map(Object.entries(m.data.devices ?? {}) as [string, Device][]);
      } else if (m.t === 'changes') {
        for (const c of m.changes) {
          if (c.topic === 'clock') this.clock = c.value as ClockState;
          if (c.topic === 'agendaItems') {
            if (c.value === null) this.items.delete(c.key);
            else this.items.set(c.key, c.value as AgendaItem);
          }
          if (c.topic === 'devices') {
            if (c.value === null) this.devices.delete(c.key);
            else this.devices.set(c.key, c.value as Device);
          }
        }
      } else if (m.t === 'host') {
        this.hostStatus = m.status;
      }
    }
  }

  current(): { clock: ClockState; item: AgendaItem } {
    this.update();
    const clock = this.clock;
    const item = clock?.itemId ? this.items.get(clock.itemId) : undefined;
    if (!clock || !item) throw new Error('no item on stage');
    return { clock, item };
  }

  order(): AgendaItem[] {
    this.update();
    return runningOrder([...this.days.values()], [...this.items.values()]);
  }

  async cmd(name: string, input: unknown): Promise<unknown> {
    const id = uuidv7();
    this.client.send({ t: 'cmd', id, name, input });
    const reply = await Promise.race([
      this.client.next('ack', (m) => m.id === id, 10_000),
      this.client.next('reject', (m) => m.id === id, 10_000),
    ]);
    if (reply.t === 'reject') throw new Error(`${name} refused: ${JSON.stringify(reply.error)}`);
    // The change that command made arrives with (or just before) its ack.
    await new Promise((r) => setTimeout(r, 50));
    this.update();
    return reply.result;
  }

  async waitFor<T>(what: string, get: () => T | undefined | null, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.update();
      const value = get();
      if (value !== undefined && value !== null && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function facilitatorFeed(origin: string, cookie: string): Promise<Feed> {
  const client = await connectClient({ origin, cookie });
  client.send({ t: 'hello', epoch: null, seq: null });
  await client.next('snapshot', undefined, 10_000);
  const feed = new Feed(client);
  feed.update();
  return feed;
}

// ---------------------------------------------------------------- the pages

interface Screen {
  name: string;
  page: Page;
  context: BrowserContext;
  skewMs: number;
  /** the second the page shows: negative in overtime; null when it shows none */
  read(): Promise<number | null>;
  /** the phase the page shows (null where the page does not say) */
  phase(): Promise<string | null>;
}

/** "12:34" → 754, "+2:15" → -135, "1:02:03" → 3723; anything else → null. */
function secondsOf(text: string): number | null {
  const m = /^\s*([+−-]?)(?:(\d+):)?(\d+):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const total = Number(m[2] ?? 0) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return m[1] ? -total : total;
}

/** A context whose clock runs `skewMs` ahead (or behind) the real one, and keeps running. */
async function skewedContext(browser: Browser, skewMs: number, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.clock.install({ time: Date.now() + skewMs });
  return context;
}

function roomScreen(name: string, page: Page, context: BrowserContext, skewMs: number): Screen {
  const timer = page.locator('[data-remaining-seconds]');
  return {
    name,
    page,
    context,
    skewMs,
    read: async () => {
      const v = await timer.getAttribute('data-remaining-seconds', { timeout: 2_000 }).catch(() => null);
      return v === null ? null : Number(v);
    },
    phase: () => page.locator('.remaining').getAttribute('data-phase', { timeout: 2_000 }).catch(() => null),
  };
}

function facilitatorScreen(page: Page, context: BrowserContext, skewMs: number): Screen {
  // The run console (#/run) shows its own big countdown.
  const timer = page.getByTestId('run-remaining');
  return {
    name: 'facilitator',
    page,
    context,
    skewMs,
    read: async () => secondsOf((await timer.textContent({ timeout: 2_000 }).catch(() => null)) ?? ''),
    phase: async () => null,
  };
}

/** A laptop on the room's network pairs with the UI, and the facilitator approves it. */
async function pair(feed: Feed, page: Page, roomOrigin: string, name: string, role: 'projector' | 'secretary', tableNo?: number): Promise<void> {
  const pairingCode = await feed.waitFor('the pairing code', () => feed.hostStatus?.room.pairingCode);
  await page.goto(`${roomOrigin}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Liity paneeliin' })).toBeVisible();
  await page.getByLabel('Parituskoodi').fill(pairingCode);
  await page.getByLabel('Tämän laitteen nimi').fill(name);
  await page.getByLabel('Rooli').selectOption(role);
  if (tableNo !== undefined) await page.getByLabel('Pöydän numero').fill(String(tableNo));
  await page.getByRole('button', { name: 'Liity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Odotetaan hyväksyntää' })).toBeVisible();
  const device = await feed.waitFor(`${name} pending`, () => [...feed.devices.values()].find((d) => d.name === name && d.status === 'pending'));
  await feed.cmd('device.approve', { deviceId: device.id });
}

// ---------------------------------------------------------------- the checks

/** The second every screen must show at hub time `now` (the hub runs on this machine's clock). */
function expectedAt(clock: ClockState, item: AgendaItem, now: number): number {
  return displaySeconds(remainingMs(clock, item.plannedMinutes, now));
}

/** Screens may show the new second this much after the hub's boundary (timer and render). */
const RENDER_LAG_MS = 250;

/**
 * Every screen shows the hub's second. First each screen settles (its value within
 * [expected now, expected RENDER_LAG_MS ago]); then, at a moment well inside a displayed second,
 * all screens are read at once and must show exactly the same value, the one the hub's
 * timestamps give.
 */
async function expectSameSecond(feed: Feed, screens: Screen[], step: string, expectPhase: ClockPhase): Promise<number> {
  const { clock, item } = feed.current();
  expect(phase(clock), step).toBe(expectPhase);
  for (const s of screens) {
    await expect
      .poll(
        async () => {
          if (expectPhase !== 'running' || s.name === 'facilitator') {
            const p = await s.phase();
            if (p !== null && p !== expectPhase) return `phase ${p}`;
          }
          const before = Date.now();
          const shown = await s.read();
          const after = Date.now();
          const lo = expectedAt(clock, item, after);
          const hi = expectedAt(clock, item, before - RENDER_LAG_MS);
          return shown !== null && shown >= lo && shown <= hi ? 'ok' : `shows ${shown}, hub says ${lo}..${hi}`;
        },
        { message: `${step}: ${s.name} (clock skewed ${s.skewMs / 1000} s)`, timeout: 20_000, intervals: [100, 200, 250] },
      )
      .toBe('ok');
  }
  // Read every screen at one instant (in the middle of a displayed second while running); a
  // machine too busy to read them within 400 ms tries again rather than compare across a flip.
  let values: (number | null)[] = [];
  let before = 0;
  let after = Infinity;
  for (let attempt = 0; attempt < 8 && after - before >= 400; attempt++) {
    if (expectPhase === 'running') {
      const r = remainingMs(clock, item.plannedMinutes, Date.now());
      const untilFlip = r > 0 ? r % 1000 || 1000 : 1000 - (-r % 1000);
      await new Promise((res) => setTimeout(res, (untilFlip + 500) % 1000));
    }
    before = Date.now();
    values = await Promise.all(screens.map((s) => s.read()));
    after = Date.now();
  }
  const expected = expectedAt(clock, item, (before + after) / 2);
  expect(after - before, `${step}: sampling took too long to be one instant`).toBeLessThan(400);
  expect(Object.fromEntries(screens.map((s, i) => [s.name, values[i]])), `${step}: every screen at one instant`).toEqual(
    Object.fromEntries(screens.map((s) => [s.name, expected])),
  );
  return expected;
}

async function noScrollbars(page: Page, what: string): Promise<void> {
  const size = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return {
      page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
      viewport: [window.innerWidth, window.innerHeight],
      // main clips (overflow: hidden): nothing may be cut off inside it either
      main: [main.scrollWidth, main.scrollHeight],
      mainBox: [main.clientWidth, main.clientHeight],
    };
  });
  expect(size.page, `${what}: no scrollbars`).toEqual(size.viewport);
  expect(size.main, `${what}: nothing cut off`).toEqual(size.mainBox);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `display-${name}.png`) });
}

// ---------------------------------------------------------------- the test

test('every screen in the room shows the same second, with skewed clocks, through start, pause, extend, next and a hub restart', async ({ browser }) => {
  test.setTimeout(240_000);

  // ---- the facilitator's window (its clock 37 s behind) opens the run console
  const facContext = await skewedContext(browser, -37_000, { width: 1280, height: 800 });
  const facPage = await facContext.newPage();
  await facPage.goto(host.facilitatorUrl);
  await expect(facPage.locator('h1')).toBeVisible();
  const facCookie = await sessionCookie(facContext, host.origin);
  let feed = await facilitatorFeed(host.origin, facCookie);
  await facPage.goto(`${host.origin}/#/run`);
  const fac = facilitatorScreen(facPage, facContext, -37_000);

  // ---- the room opens; a projector and two tables pair from room.test, an expert opens the speaker view
  await feed.cmd('host.openRoom', {});
  const status = await feed.waitFor('the room', () => (feed.hostStatus?.room.open ? feed.hostStatus : null));
  const roomPort = new URL(status.room.joinUrls[0]!).port;
  expect(Number(roomPort)).toBe(host.port);
  const roomOrigin = `http://${ROOM_HOSTNAME}:${roomPort}`;

  const projContext = await skewedContext(browser, 90_000, { width: 1920, height: 1080 });
  const projPage = await projContext.newPage();
  await pair(feed, projPage, roomOrigin, 'Salin projektori', 'projector');
  await expect(projPage.locator('.projector h1')).toBeVisible();
  const projector = roomScreen('projector', projPage, projContext, 90_000);

  const t1Context = await skewedContext(browser, -90_000, { width: 1280, height: 800 });
  const t1Page = await t1Context.newPage();
  await pair(feed, t1Page, roomOrigin, 'Pöydän 1 kone', 'secretary', 1);
  await expect(t1Page.getByRole('heading', { level: 1, name: 'Pöytä 1' })).toBeVisible();
  const table1 = roomScreen('table 1', t1Page, t1Context, -90_000);

  const t2Context = await skewedContext(browser, 45_000, { width: 1280, height: 800 });
  const t2Page = await t2Context.newPage();
  await pair(feed, t2Page, roomOrigin, 'Pöydän 2 kone', 'secretary', 2);
  await expect(t2Page.getByRole('heading', { level: 1, name: 'Pöytä 2' })).toBeVisible();
  const table2 = roomScreen('table 2', t2Page, t2Context, 45_000);

  const speakerContext = await skewedContext(browser, 13_000, { width: 390, height: 844 });
  const speakerPage = await speakerContext.newPage();
  await speakerPage.goto(`${roomOrigin}/#/speaker`);
  await expect(speakerPage.getByRole('heading', { level: 1, name: 'Puhujan ajastin' })).toBeVisible();
  await speakerPage.getByLabel('Katselukoodi').fill(status.room.viewCode!);
  await speakerPage.getByRole('button', { name: 'Näytä' }).click();
  await expect(speakerPage.locator('.speaker h1')).toBeVisible();
  expect(speakerPage.url()).toContain('#/speaker');
  const speaker = roomScreen('speaker', speakerPage, speakerContext, 13_000);

  // Each page's own clock really is skewed.
  for (const s of [fac, projector, table1, table2, speaker]) {
    const pageNow = await s.page.evaluate(() => Date.now());
    expect(Math.abs(pageNow - Date.now() - s.skewMs), `${s.name}'s clock`).toBeLessThan(2_000);
  }

  const screens = [fac, projector, table1, table2, speaker];
  const [first, second] = feed.order();

  // ---- start
  await feed.cmd('clock.start', { itemId: first!.id });
  expect(feed.current().item.id).toBe(first!.id);
  await expectSameSecond(feed, screens, 'start', 'running');
  await expect(projPage.locator('.projector-title')).toHaveText(first!.title);
  await expect(t1Page.locator('.strip-title')).toHaveText(first!.title);

  // ---- pause
  await feed.cmd('clock.pause', {});
  const paused = await expectSameSecond(feed, screens, 'pause', 'paused');
  await expect(projPage.locator('.projector-status')).toHaveText('Pysäytetty');
  await noScrollbars(projPage, 'projector paused');
  await shot(projPage, 'projector-paused');

  // ---- extend (+5 min) while paused: exactly five minutes more, on every screen
  await feed.cmd('clock.adjust', { deltaSeconds: 300 });
  expect(await expectSameSecond(feed, screens, 'extend', 'paused')).toBe(paused + 300);

  // ---- resume, then extend while running
  await feed.cmd('clock.resume', {});
  await expectSameSecond(feed, screens, 'resume', 'running');
  await feed.cmd('clock.adjust', { deltaSeconds: 60 });
  await expectSameSecond(feed, screens, 'extend while running', 'running');

  // ---- next: the second item starts
  await feed.cmd('clock.next', { fromItemId: first!.id });
  expect(feed.current().item.id).toBe(second!.id);
  await expectSameSecond(feed, screens, 'next', 'running');
  await expect(t2Page.locator('.strip-title')).toHaveText(second!.title);
  await expect(t2Page.locator('.strip-question')).toHaveText(second!.question);
  await expect(projPage.locator('.projector-question')).toHaveText(second!.question);
  await expect(projPage.locator('.projector-next')).toContainText('Seuraavaksi:');
  await noScrollbars(projPage, 'projector 1920×1080');
  await shot(projPage, 'projector-normal');
  await shot(t1Page, 'table-strip');
  await shot(speakerPage, 'speaker');

  // ---- the hub dies mid-item and comes back on the same port and home: the panel keeps the clock
  const before = feed.current().clock;
  feed.client.close();
  host.process.kill('SIGKILL');
  await host.stop();
  await expect(t1Page.locator('.connection-reconnecting, .connection-connecting')).toBeVisible();
  host = await startHostProcess({ home, panel, port: host.port, roomBind: ['127.0.0.2'], roomHostnames: [ROOM_HOSTNAME] });
  feed = await facilitatorFeed(host.origin, facCookie);
  expect(feed.current().clock).toEqual(before);
  // Table laptops and the projector come back once the room's listener is open again.
  await feed.cmd('host.openRoom', {});
  await feed.waitFor('the room', () => feed.hostStatus?.room.open);
  await expectSameSecond(feed, screens, 'after the hub restart', 'running');
  // Every screen is really back on the new hub: a change made now reaches them all.
  await feed.cmd('clock.adjust', { deltaSeconds: 60 });
  await expectSameSecond(feed, screens, 'extend after the restart', 'running');
  // A reloaded table laptop shows the same.
  await t1Page.reload();
  await expect(t1Page.getByRole('heading', { level: 1, name: 'Pöytä 1' })).toBeVisible();
  await expectSameSecond(feed, screens, 'table 1 reloaded', 'running');

  // ---- the projector at the hall's end: warning, overtime (with the chime), message, blackout
  const left = remainingMs(feed.current().clock, second!.plannedMinutes, Date.now());
  const warnTarget = Math.min(second!.warnSeconds, 120) * 1000 - 30_000;
  await feed.cmd('clock.adjust', { deltaSeconds: -Math.round((left - warnTarget) / 1000) });
  await expect(projPage.locator('.remaining')).toHaveAttribute('data-mode', 'warning');
  await expect(t1Page.locator('.remaining')).toHaveAttribute('data-mode', 'warning');
  await expectSameSecond(feed, screens, 'warning', 'running');
  await noScrollbars(projPage, 'projector warning');
  await shot(projPage, 'projector-warning');

  const left2 = remainingMs(feed.current().clock, second!.plannedMinutes, Date.now());
  await feed.cmd('clock.adjust', { deltaSeconds: -Math.round((left2 - 2_500) / 1000) });
  await expect(projPage.locator('.remaining')).toHaveAttribute('data-mode', 'overtime', { timeout: 10_000 });
  await expect(projPage.locator('.remaining-digits')).toHaveText(/^\+0:0[1-9]$/, { timeout: 10_000 });
  await expectSameSecond(feed, screens, 'overtime', 'running');
  // The chime played once on the projector and in the facilitator's window, not on the tables.
  await expect(projPage.locator('.chime-state')).toHaveAttribute('data-chimes-played', '1');
  await expect(facPage.locator('.chime-state')).toHaveAttribute('data-chimes-played', '1');
  await expect(t1Page.locator('.chime-state')).toHaveCount(0);
  await expect(projPage.getByRole('button', { name: 'Ota äänimerkki käyttöön' })).toHaveCount(0);
  await noScrollbars(projPage, 'projector overtime');
  await shot(projPage, 'projector-overtime');
  await shot(speakerPage, 'speaker-overtime');

  await projPage.setViewportSize({ width: 1280, height: 720 });
  await noScrollbars(projPage, 'projector 1280×720');
  await shot(projPage, 'projector-overtime-720p');
  await projPage.setViewportSize({ width: 1920, height: 1080 });

  await feed.cmd('clock.message', { text: 'Palatkaa paikoillenne, jatketaan kahden minuutin päästä.', visible: true });
  await expect(projPage.locator('.room-message-overlay')).toContainText('Palatkaa paikoillenne');
  await expect(t1Page.locator('.room-message-banner')).toContainText('Palatkaa paikoillenne');
  await noScrollbars(projPage, 'projector message');
  await shot(projPage, 'projector-message');
  await shot(t1Page, 'table-strip-message');
  await feed.cmd('clock.message', { text: 'Palatkaa paikoillenne, jatketaan kahden minuutin päästä.', visible: false });
  await expect(projPage.locator('.room-message-overlay')).toBeHidden();

  await feed.cmd('clock.blackout', { on: true });
  await expect(projPage.locator('.projector-blackout')).toBeVisible();
  await expect(projPage.locator('.remaining')).toHaveCount(0);
  await expect(t1Page.locator('.strip-blackout-notice')).toBeVisible();
  await shot(projPage, 'projector-blackout');
  await shot(t1Page, 'table-strip-blackout');
  const blackPixels = await projPage.evaluate(() => getComputedStyle(document.querySelector('main')!).backgroundColor);
  expect(blackPixels).toBe('rgb(0, 0, 0)');
  await feed.cmd('clock.blackout', { on: false });
  await expect(projPage.locator('.projector-title')).toHaveText(second!.title);

  feed.client.close();
  await Promise.all([facContext, projContext, t1Context, t2Context, speakerContext].map((c) => c.close()));
});

test('a projector whose browser blocks sound until a click offers a small button, and the chime plays after it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // A browser that keeps Web Audio suspended until the page is clicked, as a kiosk browser opened
  // at boot does (Playwright's own navigations carry a user activation, so the real policy cannot
  // be seen here).
  await context.addInitScript(() => {
    const Real = window.AudioContext;
    let clicked = false;
    window.addEventListener('click', () => (clicked = true), true);
    class UntilClicked extends Real {
      override get state(): AudioContextState {
        return clicked ? super.state : 'suspended';
      }
      override resume(): Promise<void> {
        return clicked ? super.resume().then(() => void this.dispatchEvent(new Event('statechange'))) : new Promise(() => undefined);
      }
    }
    window.AudioContext = UntilClicked;
  });
  const page = await context.newPage();
  await page.goto(host.facilitatorUrl);
  await expect(page.locator('h1')).toBeVisible();
  const feed = await facilitatorFeed(host.origin, await sessionCookie(context, host.origin));
  await page.goto(`${host.origin}/#/projector`);
  const enable = page.getByRole('button', { name: 'Ota äänimerkki käyttöön' });
  await expect(enable).toBeVisible();
  await noScrollbars(page, 'projector with the sound button');
  await shot(page, 'projector-enable-sound');
  await enable.click();
  await expect(enable).toHaveCount(0);

  // The item runs out: one chime, now that sound is allowed.
  const [first] = feed.order();
  await feed.cmd('clock.start', { itemId: first!.id });
  // The chime rings for a run the screen saw running: let it see the item run, then shorten it.
  await expect(page.locator('.remaining')).toHaveAttribute('data-phase', 'running');
  await feed.cmd('clock.adjust', { deltaSeconds: -(first!.plannedMinutes * 60 - 3) });
  await expect(page.locator('.remaining')).toHaveAttribute('data-mode', 'overtime', { timeout: 10_000 });
  await expect(page.locator('.chime-state')).toHaveAttribute('data-chimes-played', '1');
  await expect(page.locator('.chime-state')).toHaveAttribute('data-chimes-refused', '0');

  // Muted: the next item's end passes without a sound.
  await feed.cmd('clock.mute', { muted: true });
  await feed.cmd('clock.next', { fromItemId: first!.id });
  const second = feed.current().item;
  // The projector has moved on to the fresh second item (the first one was over time).
  await expect(page.locator('.remaining')).toHaveAttribute('data-mode', 'normal');
  await expect(page.locator('.remaining')).toHaveAttribute('data-phase', 'running');
  await feed.cmd('clock.adjust', { deltaSeconds: -(second.plannedMinutes * 60 - 3) });
  await expect(page.locator('.remaining')).toHaveAttribute('data-mode', 'overtime', { timeout: 10_000 });
  await expect(page.locator('.chime-state')).toHaveAttribute('data-chimes-played', '1');
  feed.client.close();
  await context.close();
});
