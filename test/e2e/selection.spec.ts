/**
 * "Before: choosing the panel" of ../shared/SCENARIO.md: the coordinator opens the survey tool's
 * export (semicolons, Windows-1252) with two problems, sees them by row and column, fixes the file
 * and imports it again; quotas come from population shares; a too-large minimum is shown with the
 * smallest fix and fixed with a button; LEXIMIN and LEGACY run in the hub's worker; the report
 * shows every sign-up's chance; a number drawn in public picks the panel. Also the demo panel's
 * selection, and axe on every state.
 *
 * Screenshots: .tmp/screens/selection-*.png, and forgetting the pool: .tmp/screens/forget-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signupCsv, signupRow, syntheticSignups } from '../../main/features/selection/demoPool.js';
import { openPanelFile } from '../../main/store/panelFile.js';
import { createFeaturePanel } from '../support/featurePanel.js';
import { ROOM_HOSTNAME } from '../support/browser.js';
import { runPuntari, startHostProcess, type HostProcess } from '../support/hub.js';
import { axeViolations } from '../support/axe.js';

const SCREENS = path.resolve('.tmp/screens');

let dir: string;
let host: HostProcess | null = null;
const violations: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `selection-${name}.png`), fullPage: true });
}

test.beforeEach(() => {
  violations.length = 0;
  dir = mkdtempSync(path.join(os.tmpdir(), 'puntari-selection-e2e-'));
});

test.afterEach(async () => {
  await host?.stop();
  host = null;
  rmSync(dir, { recursive: true, force: true });
});

test('import with errors, fix, quotas with the smallest fix, LEXIMIN and LEGACY, the report, the public draw', async ({ browser }) => {
  test.setTimeout(240_000);
  const panelPath = path.join(dir, 'keski.puntari');
  createFeaturePanel(panelPath, 'Keski-Uudenmaan asukaspaneeli');
  host = await startHostProcess({ home: path.join(dir, 'home'), panel: panelPath, roomBind: ['127.0.0.2'], roomHostnames: [ROOM_HOSTNAME] });

  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(host.facilitatorUrl);
  await expect(page.getByRole('link', { name: 'Paneelin valinta' })).toBeVisible();
  await page.getByRole('link', { name: 'Paneelin valinta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rekrytointi ja paneelin valinta' })).toBeVisible();
  await shot(page, 'start');
  violations.push(...(await axeViolations(page, 'start')));

  // ---- the survey tool's export: a duplicate id and an empty age group
  const signups = syntheticSignups(212, 7);
  const rows = signups.map(signupRow);
  const broken = rows.map((r) => [...r]);
  broken[8]![0] = broken[7]![0]!; // row 10
  broken[20]![7] = ''; // row 22
  const fileInput = page.getByLabel('Ilmoittautuneiden tiedosto (CSV tai XLSX)');
  await fileInput.setInputFiles({ name: 'ilmoittautuneet.csv', mimeType: 'text/csv', buffer: Buffer.from(signupCsv(broken)) });
  await expect(page.getByText(/ilmoittautuneet\.csv: 212 riviä, merkistö windows-1252, erotin ;/)).toBeVisible();
  await expect(page.getByLabel('Tunniste', { exact: true })).toHaveValue('Vastaajanumero');
  await page.getByRole('button', { name: 'Tarkista tiedosto' }).click();
  const problems = page.getByRole('table', { name: /Ongelmat riveittäin/ });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('row', { name: /10 Vastaajanumero Sama tunniste/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /22 Ikäryhmä Taustatieto puuttuu/ })).toBeVisible();
  // Nothing can be imported until the file is clean or the rows are explicitly left out.
  await expect(page.getByRole('button', { name: /^Tuo \d+ ilmoittautunutta$/ })).toBeDisabled();
  await shot(page, 'import-errors');
  await page.locator('section', { has: page.getByRole('heading', { name: 'Ilmoittautuneet', exact: true }) }).screenshot({ path: path.join(SCREENS, 'selection-import-section.png') });
  violations.push(...(await axeViolations(page, 'import-errors')));

  // ---- fixed in the file and opened again
  await fileInput.setInputFiles({ name: 'ilmoittautuneet-korjattu.csv', mimeType: 'text/csv', buffer: Buffer.from(signupCsv(rows)) });
  await page.getByRole('button', { name: 'Tarkista tiedosto' }).click();
  await expect(page.getByText('Ei ongelmia: 212 ilmoittautunutta voidaan tuoda.')).toBeVisible();
  await page.getByRole('button', { name: 'Tuo 212 ilmoittautunutta' }).click();
  await expect(page.getByText('212 ilmoittautunutta tuotu.')).toBeVisible();
  await expect(page.getByText(/Tuotu 212 ilmoittautunutta tiedostosta ilmoittautuneet-korjattu\.csv/)).toBeVisible();

  // ---- quotas from population shares for a panel of 40
  await page.getByLabel('Kutsuja lähetetty yhteensä').fill('5000');
  await page.getByRole('button', { name: 'Tallenna luvut' }).click();
  await expect(page.getByText('Vastausprosentti').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Paneelin koko', exact: true }).fill('40');
  await page.getByRole('button', { name: 'Laske kiintiöt väestöosuuksista' }).click();
  await expect(page.getByText('18 kiintiötä tallennettu.')).toBeVisible();
  await expect(page.getByLabel('Vähintään: Mäntsälä')).toHaveValue('2');
  // Too many from Mäntsälä: infeasible, and the smallest fix is named.
  await page.getByLabel('Vähintään: Mäntsälä').fill('30');
  await page.getByLabel('Enintään: Mäntsälä').fill('32');
  await page.getByRole('button', { name: 'Tallenna kiintiöt' }).click();
  await expect(page.getByText('18 kiintiötä tallennettu.')).toBeVisible();
  await page.getByRole('button', { name: 'Tarkista, voiko kiintiöt täyttää' }).click();
  // The check runs in a worker (HiGHS loads there first): on a busy machine it takes a while.
  await expect(page.getByText(/Mikään paneeli ei täytä kaikkia kiintiöitä/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Kotikunta: Mäntsälä: vähintään 30 →/)).toBeVisible();
  await shot(page, 'infeasible');
  violations.push(...(await axeViolations(page, 'infeasible')));
  await page.getByRole('button', { name: 'Tee nämä muutokset' }).click();
  await expect(page.getByText('Kiintiöt voidaan täyttää: ainakin yksi paneeli täyttää ne kaikki.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Vähintään: Mäntsälä')).not.toHaveValue('30');
  // (Every sign-up from Mäntsälä on the panel would leave no one to replace a drop-out: back to 2–5.)
  await page.getByLabel('Vähintään: Mäntsälä').fill('2');
  await page.getByLabel('Enintään: Mäntsälä').fill('5');
  await page.getByRole('button', { name: 'Tallenna kiintiöt' }).click();
  await expect(page.getByLabel('Enintään: Mäntsälä')).toHaveValue('5');

  // ---- LEXIMIN in the hub's worker, then LEGACY for comparison
  await page.getByRole('button', { name: 'Laske LEXIMIN' }).click();
  await expect(page.getByText('LEXIMIN, valmis')).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Laske LEGACY vertailuksi' }).click();
  await expect(page.getByText('LEGACY: Gini')).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Näytä jokaisen todennäköisyys' }).click();
  await expect(page.getByRole('table', { name: /212 ilmoittautunutta, epätodennäköisimmät ensin/ })).toBeVisible();
  await shot(page, 'report');
  await page.locator('section', { has: page.getByRole('heading', { name: 'Arvonnan laskenta' }) }).screenshot({ path: path.join(SCREENS, 'selection-run-section.png') });
  await page.locator('section', { has: page.getByRole('heading', { name: 'Paneelin koko ja kiintiöt' }) }).screenshot({ path: path.join(SCREENS, 'selection-quotas-section.png') });
  violations.push(...(await axeViolations(page, 'report')));

  // ---- the number drawn in public picks the panel
  await page.getByLabel('Arvottu luku (1–1000)').fill('137');
  await page.getByRole('button', { name: 'Valitse paneeli tällä luvulla' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Arvo paneeli' }).click();
  await expect(page.getByText(/Paneeli valittiin julkisesti arvotulla luvulla 137 \/ 1000/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Paneeli: 40 valittua' })).toBeVisible();
  await expect(page.locator('.sel-reserves li')).toHaveCount(10);
  // A drop-out is replaced, keeping the quotas.
  await page.getByRole('table', { name: 'Paneeli: 40 valittua' }).getByRole('button', { name: 'Korvaa' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Korvaa' }).click();
  // The first reserve who keeps every quota; if none does, the facilitator is told and may draw anew.
  const replaced = page.getByText(/Korvattu (varasijalta|uudella arvonnalla)/);
  const noReserve = page.getByRole('button', { name: 'Arvo korvaaja ilmoittautuneista' });
  await expect(replaced.or(noReserve)).toBeVisible();
  if (await noReserve.isVisible()) await noReserve.click();
  await expect(replaced).toBeVisible();
  await shot(page, 'drawn');
  await page.locator('section', { has: page.getByRole('heading', { name: 'Julkinen arvonta, varasijat ja korvaajat' }) }).screenshot({ path: path.join(SCREENS, 'selection-draw-section.png') });
  violations.push(...(await axeViolations(page, 'drawn')));
  const pdf = await page.request.get(`${host.origin}/api/print/selection-audit.pdf?lang=fi`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect(violations).toEqual([]);
  await context.close();
});

test('the demo panel shows how its panel was chosen', async ({ browser }) => {
  test.setTimeout(120_000);
  const panel = path.join(dir, 'demo.puntari');
  const made = await runPuntari(['demo', '--out', panel]);
  expect(made.code, made.stderr).toBe(0);
  host = await startHostProcess({ home: path.join(dir, 'home'), panel, roomBind: ['127.0.0.2'], roomHostnames: [ROOM_HOSTNAME] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(host.facilitatorUrl);
  await page.getByRole('link', { name: 'Paneelin valinta' }).click();
  await expect(page.getByText(/Paneeli valittiin julkisesti arvotulla luvulla 314 \/ 1000/)).toBeVisible();
  await expect(page.getByText('LEXIMIN, valmis')).toBeVisible();
  await expect(page.getByText(/Tuotu 212 ilmoittautunutta/)).toBeVisible();
  await expect(page.getByText(/Suurin muutos pyöristettäessä 1\s000 paneeliin/)).toBeVisible();
  await shot(page, 'demo');
  violations.push(...(await axeViolations(page, 'demo')));
  expect(violations).toEqual([]);
  await context.close();
});

test('a drop-out no reserve can replace: the facilitator is told and draws from the sign-ups; the pool is backed up with the panel, and forgetting it reaches every backup folder', async ({ browser }) => {
  test.setTimeout(120_000);
  const panel = path.join(dir, 'demo.puntari');
  const made = await runPuntari(['demo', '--out', panel]);
  expect(made.code, made.stderr).toBe(0);
  // Every reserve already used: none is left to keep the quotas.
  const file = openPanelFile(panel);
  file.db.prepare('DELETE FROM selection_reserve').run();
  file.close();
  host = await startHostProcess({ home: path.join(dir, 'home'), panel, roomBind: ['127.0.0.2'], roomHostnames: [ROOM_HOSTNAME] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(host.facilitatorUrl);
  await page.getByRole('link', { name: 'Paneelin valinta' }).click();
  const drawSection = page.locator('section', { has: page.getByRole('heading', { name: 'Julkinen arvonta, varasijat ja korvaajat' }) });
  const panelTable = page.getByRole('table', { name: /^Paneeli: \d+ valittua/ });
  const first = (await panelTable.getByRole('row').nth(1).getByRole('rowheader').textContent())!;
  await panelTable.getByRole('button', { name: 'Korvaa' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Korvaa' }).click();
  await expect(page.getByRole('alert').filter({ hasText: `Kukaan varasijoilta ei voi korvata henkilöä ${first}` })).toBeVisible();
  await drawSection.screenshot({ path: path.join(SCREENS, 'selection-no-reserve.png') });
  violations.push(...(await axeViolations(page, 'no-reserve')));
  await page.getByRole('button', { name: 'Arvo korvaaja ilmoittautuneista' }).click();
  await expect(page.getByText('Korvattu uudella arvonnalla ilmoittautuneista; kiintiöt täyttyvät.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Kukaan varasijoilta' })).toHaveCount(0);

  // The backup has the sign-up pool beside it, and restoring it says what happened to the pool.
  const usb = path.join(dir, 'usb');
  mkdirSync(usb);
  await page.goto(`${host.origin}/#/backups`);
  await page.getByLabel('Varmuuskopiokansio').fill(usb);
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await expect(page.getByText('Varmuuskopioasetukset tallennettu.')).toBeVisible();
  await page.getByRole('button', { name: 'Varmuuskopioi nyt' }).click();
  await expect(page.getByRole('cell', { name: /mukana ilmoittautuneet/ })).toBeVisible();
  await page.getByRole('button', { name: /^Palauta / }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Palauta' }).click();
  await expect(page.getByText(/palautettu\. Ilmoittautuneiden rekrytointitiedosto palautettiin sen mukana\. Edellinen rekrytointitiedosto säilytettiin nimellä demo\.recruitment\.puntari\.before-restore-/)).toBeVisible();
  await shot(page, 'backups-pool');
  violations.push(...(await axeViolations(page, 'backups-pool')));

  const copies = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.recruitment.puntari'));
  // A second stick gets a backup too; it will be wiped before the pool is forgotten.
  const stick = path.join(dir, 'stick');
  mkdirSync(stick);
  await page.getByLabel('Varmuuskopiokansio').fill(stick);
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await expect(page.getByText('Varmuuskopioasetukset tallennettu.')).toBeVisible();
  await page.getByRole('button', { name: 'Varmuuskopioi nyt' }).click();
  await expect.poll(() => copies(stick), { timeout: 30_000 }).toHaveLength(1);

  // Backups move to another folder; the stick with the first one is unplugged when the pool is forgotten.
  const office = path.join(dir, 'office');
  mkdirSync(office);
  await page.getByLabel('Varmuuskopiokansio').fill(office);
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await expect(page.getByText('Varmuuskopioasetukset tallennettu.')).toBeVisible();
  await page.getByRole('button', { name: 'Varmuuskopioi nyt' }).click();
  await expect(page.getByRole('cell', { name: /mukana ilmoittautuneet/ })).toBeVisible();
  const unplugged = path.join(dir, 'usb-away');
  renameSync(usb, unplugged);
  rmSync(stick, { recursive: true });

  await page.getByRole('link', { name: 'Paneelin valinta' }).click();
  await page.getByRole('button', { name: 'Poista rekrytointitiedosto' }).click();
  await expect(page.getByRole('dialog')).toContainText(`Kopiot poistetaan näistä kansioista: ${usb}, ${stick}, ${office}.`);
  await page.getByRole('dialog').screenshot({ path: path.join(SCREENS, 'forget-confirm.png') });
  await page.getByRole('dialog').getByRole('button', { name: 'Poista rekrytointitiedosto' }).click();
  await expect(page.getByText('2 varmuuskopiokansioon ei päästy, joten niiden kopiot ovat yhä tallessa. Katso luettelo alta.')).toBeVisible();
  const left = drawSection.locator('.sel-copies-left');
  await expect(left.getByRole('heading', { name: 'Ilmoittautuneiden henkilötietojen kopioita on yhä jäljellä' })).toBeVisible();
  await expect(left.getByRole('listitem')).toHaveText([`${usb}: kansiota ei löydy (onko asema liitetty?) Ota pois luettelosta`, `${stick}: kansiota ei löydy (onko asema liitetty?) Ota pois luettelosta`]);
  expect(copies(office)).toEqual([]);
  expect(copies(unplugged)).toHaveLength(1);
  await drawSection.screenshot({ path: path.join(SCREENS, 'forget-unreachable.png') });
  violations.push(...(await axeViolations(page, 'forget-unreachable')));

  // The wiped stick is gone for good: taken off the list, with a word that Puntari deletes nothing there.
  await left.getByRole('button', { name: `Ota pois luettelosta: ${stick}` }).click();
  await expect(page.getByRole('dialog')).toContainText(`Kansio ${stick} otetaan pois`);
  await expect(page.getByRole('dialog')).toContainText('Puntari ei poista kansiosta mitään');
  await page.getByRole('dialog').screenshot({ path: path.join(SCREENS, 'forget-drop-confirm.png') });
  violations.push(...(await axeViolations(page, 'forget-drop-confirm')));
  await page.getByRole('dialog').getByRole('button', { name: 'Ota pois luettelosta' }).click();
  await expect(page.getByText('Kansio otettiin pois luettelosta. Siitä ei poistettu mitään.')).toBeVisible();
  await expect(left.getByRole('listitem')).toHaveText([`${usb}: kansiota ei löydy (onko asema liitetty?) Ota pois luettelosta`]);
  await drawSection.screenshot({ path: path.join(SCREENS, 'forget-dropped.png') });
  violations.push(...(await axeViolations(page, 'forget-dropped')));

  // The stick is back: forgetting again deletes what was left, and the list is gone.
  renameSync(unplugged, usb);
  await page.getByRole('button', { name: 'Poista jäljelle jääneet kopiot' }).click();
  await expect(page.getByRole('dialog')).toContainText(`näistä kansioista: ${usb}.`);
  await page.getByRole('dialog').getByRole('button', { name: 'Poista jäljelle jääneet kopiot' }).click();
  await expect(page.getByText('Rekrytointitiedosto ja kaikki sen kopiot on poistettu.')).toBeVisible();
  await expect(left).toHaveCount(0);
  await expect(drawSection.getByRole('button', { name: /^Poista / })).toHaveCount(0);
  expect(copies(usb)).toEqual([]);
  await drawSection.screenshot({ path: path.join(SCREENS, 'forget-done.png') });
  violations.push(...(await axeViolations(page, 'forget-done')));
  expect(violations).toEqual([]);
  await context.close();
});
