/**
 * 09:00 and 13:00 of ../shared/SCENARIO.md on the demo panel. A laptop at the door pairs as the
 * check-in desk on room.test and checks in five residents by keyboard alone (two letters, arrows,
 * Enter), one of them twice ("already checked in at …"), while the facilitator's roster shows the
 * count going up. The desk never receives full names or contacts. Then seating: a plan is
 * generated in a worker, one person is dragged to another table and the score changes, the round
 * is shown on the projector as "find your table", and the printouts answer with PDFs.
 *
 * Screenshots: .tmp/screens/checkin-*.png, people-*.png, seating-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ROOM_HOSTNAME } from '../support/browser.js';
import { type HostProcess, startDemoHost } from '../support/hub.js';
import { axeViolations } from '../support/axe.js';

const SCREENS = path.resolve('.tmp/screens');

let dir: string;
let host: HostProcess;
const violations: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

test.beforeEach(async () => {
  violations.length = 0;
  ({ dir, host } = await startDemoHost('checkin'));
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the door checks in five people by keyboard while the facilitator watches; a seating plan is generated, moved by drag and drop, shown and printed', async ({ browser }) => {
  test.setTimeout(180_000);
  const facContext = await browser.newContext({ viewport: { width: 1400, height: 950 } });
  const fac = await facContext.newPage();
  await fac.goto(host.facilitatorUrl);
  await expect(fac.getByRole('heading', { level: 2, name: 'Ohjelma' })).toBeVisible();

  // ---- open the room; the door's laptop pairs as the check-in desk
  await fac.goto(`${host.origin}/#/room`);
  await fac.getByRole('button', { name: 'Avaa sali' }).click();
  const pairingCode = (await fac.locator('.big-code').innerText()).trim();
  const roomPort = new URL((await fac.locator('.join-url').first().innerText()).trim()).port;
  const roomOrigin = `http://${ROOM_HOSTNAME}:${roomPort}`;
  const deskContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const desk = await deskContext.newPage();
  await desk.goto(`${roomOrigin}/`);
  await desk.getByLabel('Parituskoodi').fill(pairingCode);
  await desk.getByLabel('Tämän laitteen nimi').fill('Ovi');
  await desk.getByLabel('Rooli').selectOption('checkin');
  await desk.getByRole('button', { name: 'Liity' }).click();
  await fac.getByRole('button', { name: 'Hyväksy Ovi' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: 'Ilmoittautuminen' })).toBeVisible();
  // The search box has the focus on arrival.
  const search = desk.getByRole('combobox', { name: /Hae nimellä/ });
  await expect(search).toBeFocused();

  // The demo's day is all checked in already: the desk takes six marks back (undo), by name.
  const arrived = desk.locator('section[aria-labelledby="checkin-arrived"] .checkin-name');
  await expect(arrived.first()).toBeVisible();
  for (let i = 0; i < 6; i++) {
    const name = (await arrived.first().innerText()).trim();
    await desk.getByRole('button', { name: `Peru saapuminen: ${name}` }).click();
    await expect(desk.locator('.checkin-notice')).toContainText(`Merkintä peruttu: ${name}`);
  }

  // ---- the facilitator watches the roster
  await fac.goto(`${host.origin}/#/people`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Osallistujat' })).toBeVisible();
  const facCount = fac.locator('.people-present');
  const before = Number(await facCount.getAttribute('data-present'));
  const deskCount = desk.locator('.checkin-count');
  const deskBefore = Number(await deskCount.getAttribute('data-present'));
  expect(deskBefore).toBe(before);
  await shot(fac, 'people-roster');
  violations.push(...(await axeViolations(fac, 'people')));

  // The desk has display names only: nothing of the personal data topic reached it.
  const missing = (await desk.locator('section[aria-labelledby="checkin-missing"] .checkin-name').allInnerTexts()).map((s) => s.trim());
  expect(missing.length).toBeGreaterThanOrEqual(5);
  await shot(desk, 'checkin-desk-empty');
  violations.push(...(await axeViolations(desk, 'checkin-desk')));

  // ---- five people, by keyboard: two letters, arrows to the right one if needed, Enter
  const targets = missing.slice(0, 5);
  for (const [i, name] of targets.entries()) {
    await search.pressSequentially(name.slice(0, 2));
    const options = desk.locator('li[role=option]');
    await expect(options.first()).toBeVisible();
    const texts = (await desk.locator('[role=option] .checkin-name').allInnerTexts()).map((s) => s.trim());
    const at = texts.indexOf(name);
    expect(at, `${name} in ${texts.join(', ')}`).toBeGreaterThanOrEqual(0);
    for (let k = 0; k < at; k++) await search.press('ArrowDown');
    await expect(desk.locator('[role=option][aria-selected=true] .checkin-name')).toHaveText(name);
    if (i === 0) await shot(desk, 'checkin-desk-search');
    await search.press('Enter');
    await expect(desk.locator('.checkin-notice')).toContainText(`${name} merkitty saapuneeksi`);
    await expect(search).toHaveValue('');
    await expect(search).toBeFocused();
    await expect(deskCount).toHaveAttribute('data-present', String(deskBefore + i + 1));
  }
  // The facilitator saw it arrive.
  await expect(facCount).toHaveAttribute('data-present', String(before + 5));
  await fac.getByLabel('Näytä').selectOption('present');
  for (const name of targets) await expect(fac.locator('.people-table').getByText(name, { exact: true })).toBeVisible();
  await shot(fac, 'people-roster-present');

  // Twice is once: the desk says when.
  await search.pressSequentially(targets[0]!.slice(0, 2));
  const texts = (await desk.locator('[role=option] .checkin-name').allInnerTexts()).map((s) => s.trim());
  for (let k = 0; k < texts.indexOf(targets[0]!); k++) await search.press('ArrowDown');
  await search.press('Enter');
  await expect(desk.locator('.checkin-notice')).toContainText(/on jo merkitty saapuneeksi klo \d{1,2}[.:]\d{2}/);
  await expect(deskCount).toHaveAttribute('data-present', String(deskBefore + 5));
  await shot(desk, 'checkin-desk-five');
  violations.push(...(await axeViolations(desk, 'checkin-desk-five')));

  // The facilitator's own desk window searches full names too.
  await fac.goto(`${host.origin}/#/checkin`);
  await expect(fac.getByRole('combobox', { name: /Hae nimellä/ })).toBeFocused();
  await shot(fac, 'checkin-facilitator');

  // ---- seating: a plan in a worker, one drag, the score moves, the projector, the printouts
  await fac.goto(`${host.origin}/#/seating`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Pöytäjako' })).toBeVisible();
  const features = fac.locator('.seating-features input[type=checkbox]');
  for (let i = 0; i < (await features.count()); i++) await features.nth(i).check();
  await fac.getByRole('button', { name: 'Luo jako' }).click();
  await expect(fac.locator('.generate-state')).toContainText('Valmis', { timeout: 30_000 });
  const score = fac.getByTestId('seating-score');
  await expect(score).toBeVisible();
  const deviation = await score.getAttribute('data-deviation');
  await shot(fac, 'seating-generated');
  violations.push(...(await axeViolations(fac, 'seating')));

  // Drag the first person at table 1 onto table 2.
  const table1 = fac.locator('[data-drop="table-1"]');
  const table2 = fac.locator('[data-drop="table-2"]');
  const chip = table1.locator('.seat-chip').first();
  const moved = (await chip.getAttribute('data-person'))!;
  // Both tables mid-screen, so the drag does not scroll the page on its way.
  await table1.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const from = (await chip.boundingBox())!;
  const to = (await table2.boundingBox())!;
  await fac.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await fac.mouse.down();
  await fac.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 3 });
  await fac.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await fac.mouse.up();
  await expect(table2.locator(`[data-person="${moved}"]`)).toBeVisible();
  await expect(score).not.toHaveAttribute('data-deviation', deviation!);
  await shot(fac, 'seating-after-drag');

  // And back by keyboard: arrow left moves the person to the previous table.
  await table2.locator(`[data-person="${moved}"]`).focus();
  await fac.keyboard.press('ArrowLeft');
  await expect(table1.locator(`[data-person="${moved}"]`)).toBeVisible();
  await expect(table1.locator(`[data-person="${moved}"]`)).toBeFocused();

  // "Find your table" on the projector.
  await fac.getByRole('button', { name: 'Näytä valkokankaalla "Etsi pöytäsi"' }).click();
  await expect(fac.getByRole('button', { name: 'Piilota valkokankaalta' })).toBeVisible();
  const projector = await facContext.newPage();
  await projector.setViewportSize({ width: 1600, height: 900 });
  await projector.goto(`${host.origin}/#/projector`);
  await expect(projector.getByRole('heading', { level: 1, name: 'Etsi pöytäsi' })).toBeVisible();
  await expect(projector.locator('.find-list li').first()).toBeVisible();
  await shot(projector, 'seating-find-your-table');
  violations.push(...(await axeViolations(projector, 'find-your-table')));

  // Printouts.
  const roundHref = await fac.locator('a[data-print="tables"]').getAttribute('href');
  for (const url of [roundHref!, '/api/print/name-cards.pdf?lang=fi', '/api/print/seating-overview.pdf?lang=fi']) {
    const res = await fac.request.get(`${host.origin}${url}`);
    expect(res.status(), url).toBe(200);
    expect((await res.body()).subarray(0, 4).toString()).toBe('%PDF');
  }

  // ---- the roster: edit a person; import a CSV with problems (nothing imported), then a clean one
  await fac.goto(`${host.origin}/#/people`);
  await fac.getByRole('button', { name: `Muokkaa: ${targets[0]}` }).click();
  await expect(fac.getByRole('heading', { level: 2, name: `Muokkaa: ${targets[0]}` })).toBeFocused();
  await fac.getByLabel('Palkkio maksettu').check();
  await shot(fac, 'people-edit');
  violations.push(...(await axeViolations(fac, 'people-edit')));
  await fac.getByRole('button', { name: 'Tallenna' }).click();
  await expect(fac.getByRole('heading', { level: 2, name: `Muokkaa: ${targets[0]}` })).toBeHidden();

  await fac.getByRole('button', { name: 'Tuo CSV-tiedostosta' }).click();
  const bad = 'displayName,fullName,email,language\nUusi A.,Uusi Aalto,uusi@example.fi,fi\nUusi A.,,uusi@example.fi,de\n';
  await fac.getByLabel('CSV-tiedosto (UTF-8)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(fac.getByText('Tiedostossa bad.csv on 4 virhettä.', { exact: false })).toBeVisible();
  await expect(fac.locator('.import-problems tbody tr')).toHaveCount(4);
  await expect(fac.getByRole('button', { name: /^Tuo \d+ osallistuja/ })).toBeDisabled();
  await shot(fac, 'people-import-problems');
  violations.push(...(await axeViolations(fac, 'people-import')));
  const good = 'displayName,fullName,email,language\nUusi A.,Uusi Aalto,uusi@example.fi,fi\nUusi B.,Uusi Berg,,sv\n';
  await fac.getByLabel('CSV-tiedosto (UTF-8)').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await fac.getByRole('button', { name: 'Tuo 2 osallistujaa' }).click();
  await expect(fac.getByText('2 osallistujaa tuotu.')).toBeVisible();
  await expect(fac.locator('.people-table').getByText('Uusi Berg')).toBeVisible();

  expect(violations).toEqual([]);
});
