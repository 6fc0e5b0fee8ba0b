/**
 * Every screen, scanned with axe (WCAG 2.0/2.1 A and AA) on the demo panel, with a screenshot of
 * each in .tmp/screens/ for a person to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPuntari, startHostProcess, type HostProcess } from '../support/hub.js';
import { ROOM_HOSTNAME } from '../support/browser.js';

const SCREENS = path.resolve('.tmp/screens');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let dir: string;
let host: HostProcess;
const violations: string[] = [];

async function scan(page: Page, name: string): Promise<void> {
  // Let fonts, the QR image and live regions settle before looking.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENS, `axe-${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  for (const v of results.violations) {
    violations.push(`${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
}

async function phone(context: BrowserContext, url: string, name: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await expect(page.locator('h1')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, `phone-${name}.png`), fullPage: true });
  await page.close();
}

test.beforeEach(async () => {
  violations.length = 0;
  dir = mkdtempSync(path.join(os.tmpdir(), 'puntari-axe-'));
  const panel = path.join(dir, 'demo.puntari');
  const made = await runPuntari(['demo', '--out', panel]);
  expect(made.code, made.stderr).toBe(0);
  host = await startHostProcess({ home: path.join(dir, 'home'), panel, roomBind: ['127.0.0.2'], roomHostnames: [ROOM_HOSTNAME] });
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('every screen passes an axe WCAG 2.1 AA scan', async ({ browser }) => {
  test.setTimeout(120_000);
  const facContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const fac = await facContext.newPage();

  // ---- the facilitator's screens on the demo panel
  await fac.goto(host.facilitatorUrl);
  await expect(fac.getByRole('heading', { level: 2, name: 'Ohjelma' })).toBeVisible();
  await expect(fac.locator('.agenda-item').first()).toBeVisible();
  await scan(fac, 'overview');

  await fac.goto(`${host.origin}/#/panel`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Paneelin perustiedot' })).toBeVisible();
  await fac.getByLabel('Nimi', { exact: true }).fill('');
  await fac.getByRole('button', { name: 'Tallenna' }).click();
  await expect(fac.getByText('Pakollinen tieto.')).toBeVisible();
  await scan(fac, 'panel-basics-invalid');
  await fac.getByRole('button', { name: 'Hylkää muutokset' }).click();

  await fac.goto(`${host.origin}/#/backups`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Varmuuskopiot' })).toBeVisible();
  await scan(fac, 'backups');

  await fac.goto(`${host.origin}/#/programme`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Ohjelma' })).toBeVisible();
  await expect(fac.locator('.pe-item').first()).toBeVisible();
  await scan(fac, 'programme');
  await fac.getByRole('button', { name: /^Muokkaa kohtaa / }).first().click();
  await fac.getByLabel('Kesto (min)').fill('0');
  await fac.getByRole('button', { name: 'Tallenna kohta' }).click();
  await expect(fac.getByText('Keston pitää olla kokonainen määrä minuutteja väliltä 1–600.')).toBeVisible();
  await scan(fac, 'programme-item-invalid');

  await fac.goto(`${host.origin}/#/run`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Kello' })).toBeVisible();
  await expect(fac.getByTestId('run-remaining')).toBeVisible();
  await scan(fac, 'run');

  await fac.goto(`${host.origin}/#/start`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Avaa tai luo paneeli' })).toBeVisible();
  await expect(fac.locator('.recent-item').first()).toBeVisible();
  await scan(fac, 'start');

  await fac.goto(`${host.origin}/#/room`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Sali' })).toBeVisible();
  await scan(fac, 'room-closed');
  await fac.getByRole('button', { name: 'Avaa sali' }).click();
  await expect(fac.getByRole('img', { name: /QR-koodi/ })).toBeVisible();
  await scan(fac, 'room-open');
  const pairingCode = (await fac.locator('.big-code').innerText()).trim();
  const viewCode = (await fac.locator('.medium-code').innerText()).trim();
  const roomPort = new URL((await fac.locator('.join-url').first().innerText()).trim()).port;
  const roomOrigin = `http://${ROOM_HOSTNAME}:${roomPort}`;

  // ---- a table laptop: join, waiting, table, no access
  const tableContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const table = await tableContext.newPage();
  await table.goto(`${roomOrigin}/`);
  await expect(table.getByRole('heading', { level: 1, name: 'Liity paneeliin' })).toBeVisible();
  await table.getByRole('button', { name: 'Liity' }).click();
  await expect(table.getByText('Tarkista koodi')).toBeVisible();
  await scan(table, 'join-invalid');
  await table.getByLabel('Parituskoodi').fill(pairingCode);
  await table.getByLabel('Tämän laitteen nimi').fill('Pöydän 2 kone');
  await table.getByLabel('Pöydän numero').fill('2');
  await table.getByRole('button', { name: 'Liity' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Odotetaan hyväksyntää' })).toBeVisible();
  await scan(table, 'waiting');

  await expect(fac.getByRole('button', { name: 'Hyväksy Pöydän 2 kone' })).toBeVisible();
  await scan(fac, 'room-pending-device');
  await fac.getByRole('button', { name: 'Hyväksy Pöydän 2 kone' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Pöytä 2' })).toBeVisible();
  await expect(table.locator('.clock-strip [data-remaining-seconds]')).toBeVisible();
  await scan(table, 'table');
  await fac.getByRole('button', { name: 'Vaihda laitteen Pöydän 2 kone rooli tai pöytä' }).click();
  await scan(fac, 'room-device-assign');
  await fac.getByRole('button', { name: 'Peruuta' }).click();
  await fac.getByRole('button', { name: 'Poista laitteen Pöydän 2 kone pääsy' }).click();
  await expect(fac.getByRole('dialog')).toBeVisible();
  await scan(fac, 'room-revoke-dialog');
  await fac.getByRole('dialog').getByRole('button', { name: 'Poista pääsy' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Tällä laitteella ei ole enää pääsyä' })).toBeVisible();
  await scan(table, 'no-access');
  await scan(fac, 'room-revoked-device');

  // ---- the read-only view with the view code
  const viewContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewer = await viewContext.newPage();
  await viewer.goto(`${roomOrigin}/#/view`);
  await expect(viewer.getByRole('heading', { level: 1, name: 'Seuraa paneelia' })).toBeVisible();
  await scan(viewer, 'view-code');
  await viewer.getByLabel('Katselukoodi').fill(viewCode);
  await viewer.getByRole('button', { name: 'Näytä' }).click();
  await expect(viewer.locator('.agenda-item').first()).toBeVisible();
  await expect(viewer.locator('.now-box [data-remaining-seconds]')).toBeVisible();
  await scan(viewer, 'viewer');
  await viewer.goto(`${roomOrigin}/#/speaker`);
  await expect(viewer.locator('.speaker [data-remaining-seconds]')).toBeVisible();
  await scan(viewer, 'speaker');

  // ---- the facilitator's windows on the other screens
  await fac.goto(`${host.origin}/#/projector`);
  await expect(fac.locator('.projector-live [data-remaining-seconds]')).toBeVisible();
  await scan(fac, 'projector-clock');
  await fac.goto(`${host.origin}/#/checkin`);
  await expect(fac.locator('.checkin-list li').first()).toBeVisible();
  await scan(fac, 'checkin');
  await fac.getByLabel('Hae nimellä').fill('zzzz');
  await expect(fac.getByText('Kukaan ei vastaa hakua.')).toBeVisible();

  // ---- no session, ballot, Swedish and English
  const strangerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const stranger = await strangerContext.newPage();
  await stranger.goto(`${host.origin}/`);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Avaa Puntari sen käynnistyskomennolla' })).toBeVisible();
  await scan(stranger, 'no-session');
  await stranger.goto(`${host.origin}/#/ballot`);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Äänestä' })).toBeVisible();
  await stranger.getByLabel('Äänestyskoodi').fill('ABCD2345');
  await stranger.getByRole('button', { name: 'Jatka' }).click();
  await expect(stranger.getByText('Äänestys ei ole auki.')).toBeVisible();
  await scan(stranger, 'ballot');

  await fac.goto(`${host.origin}/#/`);
  await fac.getByRole('button', { name: 'English' }).click();
  await expect(fac.getByRole('heading', { level: 2, name: 'Programme' })).toBeVisible();
  await expect(fac.locator('html')).toHaveAttribute('lang', 'en');
  await scan(fac, 'overview-en');
  await fac.getByRole('button', { name: 'Svenska' }).click();
  await fac.goto(`${host.origin}/#/room`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Sal' })).toBeVisible();
  await scan(fac, 'room-sv');

  // ---- a phone's width
  await phone(facContext, `${host.origin}/#/`, 'overview');
  await phone(facContext, `${host.origin}/#/room`, 'room');
  await phone(tableContext, `${roomOrigin}/`, 'join');

  expect(violations, violations.join('\n')).toEqual([]);

  await Promise.all([facContext.close(), tableContext.close(), viewContext.close(), strangerContext.close()]);
});
