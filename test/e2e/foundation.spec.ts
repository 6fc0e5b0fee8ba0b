/**
 * The path a new user walks: create a passphrase-protected panel, edit its basics, switch to
 * Swedish, reload and find it all there; close and reopen it with its passphrase; open the room;
 * a table laptop on http://room.test:PORT (a non-secure context, like a LAN address) pairs as the
 * secretary of table 3, is approved, shows "Table 3", is revoked and loses access.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/hub.js';
import { ROOM_HOSTNAME } from '../support/browser.js';

const SCREENS = path.resolve('.tmp/screens');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

let dir: string;
let host: HostProcess;

test.beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'puntari-e2e-'));
  host = await startHostProcess({ home: path.join(dir, 'home'), roomBind: ['127.0.0.2'], roomHostnames: [ROOM_HOSTNAME] });
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a new user creates a panel, edits it in Swedish, opens the room, and a table pairs and is revoked', async ({ browser }) => {
  const facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const fac = await facilitatorContext.newPage();
  const panelFile = path.join(dir, 'hyvinvointi.puntari');

  // ---- no panel yet: the start screen, in Finnish
  await fac.goto(host.facilitatorUrl);
  await expect(fac.getByRole('heading', { level: 1, name: 'Avaa tai luo paneeli' })).toBeVisible();
  await expect(fac.locator('html')).toHaveAttribute('lang', 'fi');
  expect(fac.url()).not.toContain('code=');

  // ---- create a panel with a passphrase (a mismatch first)
  const newPanel = fac.getByRole('region', { name: 'Uusi paneeli' });
  await newPanel.getByLabel('Tiedoston polku').fill(panelFile);
  await newPanel.getByLabel('Paneelin nimi').fill('Hyvinvointialueen asukaspaneeli');
  await newPanel.getByLabel('Salalause', { exact: true }).fill('kolme pientä sanaa');
  await newPanel.getByLabel('Salalause uudelleen').fill('kolme pientä');
  await newPanel.getByRole('button', { name: 'Luo paneeli' }).click();
  await expect(newPanel.getByText('Salalauseet eivät täsmää.')).toBeVisible();
  await newPanel.getByLabel('Salalause uudelleen').fill('kolme pientä sanaa');
  await newPanel.getByRole('button', { name: 'Luo paneeli' }).click();

  // ---- edit its basics
  await expect(fac.getByRole('heading', { level: 1, name: 'Paneelin perustiedot' })).toBeVisible();
  await expect(fac.getByLabel('Nimi', { exact: true })).toHaveValue('Hyvinvointialueen asukaspaneeli');
  await fac.getByLabel('Nimi', { exact: true }).fill('');
  await fac.getByRole('button', { name: 'Tallenna' }).click();
  await expect(fac.getByText('Pakollinen tieto.')).toBeVisible();
  await fac.getByLabel('Nimi', { exact: true }).fill('Keski-Uudenmaan asukaspaneeli');
  await fac.getByLabel('Kysymys tai tehtävä').fill('Miten sosiaali- ja terveyspalvelut järjestetään alueella?');
  await fac.getByLabel('Järjestäjä').fill('Keski-Uudenmaan hyvinvointialue');
  await fac.getByLabel('Alue', { exact: true }).fill('Keski-Uusimaa');
  await fac.getByLabel('Kunnat').fill('Hyvinkää, Järvenpää\nKerava');
  await fac.getByRole('checkbox', { name: 'ruotsi' }).check();
  await fac.getByLabel('Ensimmäinen päivä').fill('2025-03-08');
  await fac.getByLabel('Viimeinen päivä').fill('2025-03-09');
  await fac.getByLabel('Paikka').fill('Järvenpää-talo');
  await fac.getByLabel('Diaarinumero').fill('KUHA/123/2025');
  await fac.getByRole('button', { name: 'Tallenna' }).click();
  await expect(fac.getByRole('status').filter({ hasText: 'Tallennettu.' })).toBeVisible();
  await expect(fac.locator('.panel-name')).toHaveText('Keski-Uudenmaan asukaspaneeli');
  await shot(fac, 'foundation-01-basics-fi');

  // ---- switch to Swedish, reload, find it all there, in Swedish
  await fac.getByRole('button', { name: 'Svenska' }).click();
  await expect(fac.getByRole('heading', { level: 1, name: 'Panelens grunduppgifter' })).toBeVisible();
  await expect(fac.locator('html')).toHaveAttribute('lang', 'sv');
  await fac.reload();
  await expect(fac.getByRole('heading', { level: 1, name: 'Panelens grunduppgifter' })).toBeVisible();
  await expect(fac.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(fac.getByLabel('Namn', { exact: true })).toHaveValue('Keski-Uudenmaan asukaspaneeli');
  await expect(fac.getByLabel('Fråga eller uppdrag')).toHaveValue('Miten sosiaali- ja terveyspalvelut järjestetään alueella?');
  await expect(fac.getByLabel('Arrangör')).toHaveValue('Keski-Uudenmaan hyvinvointialue');
  await expect(fac.getByLabel('Kommuner')).toHaveValue('Hyvinkää\nJärvenpää\nKerava');
  await expect(fac.getByRole('checkbox', { name: 'svenska' })).toBeChecked();
  await expect(fac.getByRole('checkbox', { name: 'finska' })).toBeChecked();
  await expect(fac.getByRole('checkbox', { name: 'engelska' })).not.toBeChecked();
  await expect(fac.getByLabel('Första dagen')).toHaveValue('2025-03-08');
  await expect(fac.getByLabel('Sista dagen')).toHaveValue('2025-03-09');
  await expect(fac.getByLabel('Plats')).toHaveValue('Järvenpää-talo');
  await expect(fac.getByLabel('Diarienummer')).toHaveValue('KUHA/123/2025');
  await shot(fac, 'foundation-02-basics-sv-after-reload');

  // ---- close the panel and open it again: the passphrase is asked for, a wrong one refused
  await fac.getByRole('button', { name: 'Stäng panelen' }).click();
  await fac.getByRole('dialog').getByRole('button', { name: 'Stäng panelen' }).click();
  await expect(fac.getByRole('heading', { level: 1, name: 'Öppna eller skapa en panel' })).toBeVisible();
  // The recent list carries the name the panel was renamed to.
  await fac.getByRole('button', { name: 'Öppna Keski-Uudenmaan asukaspaneeli' }).click();
  const openForm = fac.getByRole('region', { name: 'Öppna en panelfil' });
  await expect(openForm.getByLabel('Lösenfras')).toBeFocused();
  await openForm.getByLabel('Lösenfras').fill('väärä');
  await openForm.getByRole('button', { name: 'Öppna panel' }).click();
  await expect(openForm.getByRole('alert')).toContainText('Fel lösenfras');
  await shot(fac, 'foundation-03-wrong-passphrase');
  await openForm.getByLabel('Lösenfras').fill('kolme pientä sanaa');
  await openForm.getByRole('button', { name: 'Öppna panel' }).click();
  await expect(fac.getByRole('heading', { level: 1, name: 'Keski-Uudenmaan asukaspaneeli' })).toBeVisible();
  await expect(fac.getByText('Miten sosiaali- ja terveyspalvelut järjestetään alueella?')).toBeVisible();
  await expect(fac.getByText('Hyvinkää, Järvenpää, Kerava')).toBeVisible();

  // ---- open the room
  await fac.getByRole('link', { name: 'Sal', exact: true }).click();
  await expect(fac.getByRole('heading', { level: 1, name: 'Sal' })).toBeVisible();
  await fac.getByRole('button', { name: 'Öppna salen' }).click();
  await expect(fac.getByRole('heading', { name: 'Salen är öppen' })).toBeVisible();
  await expect(fac.getByRole('img', { name: /QR-kod/ })).toBeVisible();
  const pairingCode = (await fac.locator('.big-code').innerText()).trim();
  expect(pairingCode).toMatch(/^[0-9A-Z]{4,16}$/);
  const joinUrl = new URL((await fac.locator('.join-url').first().innerText()).trim());
  expect(joinUrl.hostname).toBe('127.0.0.2');
  await shot(fac, 'foundation-04-room-open');

  // ---- a table laptop on the room's network pairs as the secretary of table 3
  const tableContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const table = await tableContext.newPage();
  const roomOrigin = `http://${ROOM_HOSTNAME}:${joinUrl.port}`;
  await table.goto(`${roomOrigin}/`);
  await expect(table.getByRole('heading', { level: 1, name: 'Liity paneeliin' })).toBeVisible();
  expect(await table.evaluate(() => window.isSecureContext)).toBe(false);
  await table.getByLabel('Parituskoodi').fill(pairingCode.toLowerCase());
  await table.getByLabel('Tämän laitteen nimi').fill('Pöydän 3 kone');
  await table.getByLabel('Rooli').selectOption('secretary');
  await table.getByLabel('Pöydän numero').fill('3');
  await shot(table, 'foundation-05-join');
  await table.getByRole('button', { name: 'Liity' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Odotetaan hyväksyntää' })).toBeVisible();
  await shot(table, 'foundation-06-waiting');

  // ---- the facilitator approves it
  const device = fac.getByRole('listitem').filter({ has: fac.getByRole('heading', { name: 'Pöydän 3 kone' }) });
  await expect(device).toContainText('Väntar på godkännande');
  await expect(device).toContainText('bord 3');
  await shot(fac, 'foundation-07-room-pending');
  await fac.getByRole('button', { name: 'Godkänn Pöydän 3 kone' }).click();
  await expect(device).toContainText('Godkänd');

  await expect(table.getByRole('heading', { level: 1, name: 'Pöytä 3' })).toBeVisible();
  await expect(table.getByText('Keski-Uudenmaan asukaspaneeli')).toBeVisible();
  await expect(device).toContainText('ansluten');
  await shot(table, 'foundation-08-table');
  await shot(fac, 'foundation-09-room-approved');

  // ---- the facilitator revokes it: the table page loses access, and keeps it lost after a reload
  await fac.getByRole('button', { name: 'Ta bort åtkomsten för Pöydän 3 kone' }).click();
  await fac.getByRole('dialog').getByRole('button', { name: 'Ta bort åtkomst' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Tällä laitteella ei ole enää pääsyä' })).toBeVisible();
  await expect(table.getByRole('alert')).toContainText('Fasilitaattori poisti tämän laitteen pääsyn.');
  await shot(table, 'foundation-10-no-access');
  await expect(fac.getByRole('button', { name: 'Godkänn Pöydän 3 kone' })).toHaveCount(0);

  // "Join again" forgets the device and reloads the page itself.
  await Promise.all([table.waitForEvent('load'), table.getByRole('button', { name: 'Liity uudelleen' }).click()]);
  await expect(table.getByRole('heading', { level: 1, name: 'Liity paneeliin' })).toBeVisible();
  await table.reload();
  await expect(table.getByRole('heading', { level: 1, name: 'Liity paneeliin' })).toBeVisible();

  // ---- it may pair again (the name is remembered); at the end of the day it gives up its access
  await expect(table.getByLabel('Tämän laitteen nimi')).toHaveValue('Pöydän 3 kone');
  await table.getByLabel('Parituskoodi').fill(pairingCode);
  await table.getByLabel('Pöydän numero').fill('3');
  await table.getByRole('button', { name: 'Liity' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Odotetaan hyväksyntää' })).toBeVisible();
  await fac.getByRole('button', { name: 'Godkänn Pöydän 3 kone' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Pöytä 3' })).toBeVisible();
  await table.getByRole('button', { name: 'Päätä päivä' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Voit sulkea selaimen' })).toBeVisible();
  await shot(table, 'foundation-11-goodbye');
  await expect(fac.getByRole('button', { name: 'Ta bort åtkomsten för Pöydän 3 kone' })).toHaveCount(0);
  await table.reload();
  await expect(table.getByRole('heading', { level: 1, name: 'Liity paneeliin' })).toBeVisible();

  await tableContext.close();
  await facilitatorContext.close();
});
