/**
 * The statement (issue 6) from the demo panel: the facilitator drafts two recommendations in a
 * new section, saves a version, edits, compares the version with the draft (a word-level diff),
 * restores nothing yet; a table laptop reads the draft and proposes an amendment, which the
 * facilitator accepts; the table sees it accepted; the statement is approved and locked, the
 * authority's answer recorded, and the statement (DOCX, PDF) and its follow-up report (PDF) are
 * downloaded from the Export tab and read back. Screenshots go to .tmp/screens/statement-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type HostProcess, startDemoHost } from '../support/hub.js';
import { openRoomAndPairTable } from '../support/browser.js';
import { readZipEntry } from '../support/zip.js';
import { expectAccessible } from '../support/axe.js';

const SCREENS = path.resolve('.tmp/screens');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `statement-${name}.png`), fullPage: true });
}

let dir: string;
let host: HostProcess;

test.beforeEach(async () => {
  ({ dir, host } = await startDemoHost('statement'));
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the facilitator drafts, saves a version, edits and compares; a table proposes an amendment', async ({ browser }) => {
  test.setTimeout(300_000);
  const facContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const fac = await facContext.newPage();
  await fac.goto(host.facilitatorUrl);
  await fac.getByRole('navigation').getByRole('link', { name: 'Lausuma' }).click();
  await expect(fac.getByRole('heading', { level: 1, name: 'Lausuma' })).toBeVisible();
  // The demo's draft: three sections, eight recommendations.
  await expect(fac.getByRole('heading', { level: 2, name: '1. Lähipalvelut ja palveluverkko' })).toBeVisible();
  await expect(fac.locator('.statement-block.block-recommendation')).toHaveCount(8);
  await expect(fac.locator('.statement-block.block-minority')).toHaveCount(1);
  await shot(fac, '01-demo-draft');
  await expectAccessible(fac, 'statement-draft');

  // ---- a new section with two recommendations
  await fac.getByLabel('Uusi luku').fill('Kokeilut ja seuranta');
  await fac.getByRole('button', { name: 'Lisää luku' }).click();
  const section = fac.getByRole('region', { name: '4. Kokeilut ja seuranta' });
  await expect(section).toBeVisible();
  await expect(section.getByText('Luvussa ei ole vielä sisältöä.')).toBeVisible();
  for (const title of ['Palveluseteli kokeiluun', 'Vuosittainen seurantaraportti']) {
    await section.getByRole('button', { name: '+ Suositus' }).click();
    await section.getByLabel('Uuden suosituksen otsikko').fill(title);
    await section.getByRole('button', { name: 'Lisää', exact: true }).click();
    await expect(section.getByRole('heading', { name: new RegExp(title) })).toBeVisible();
  }
  await expect(fac.locator('.statement-block.block-recommendation')).toHaveCount(10);

  // Write the first one: text with the limited rich text, rationale; the preview shows it.
  const first = section.getByRole('listitem').filter({ has: fac.getByRole('heading', { name: /Suositus 9: Palveluseteli kokeiluun/ }) });
  await first.getByRole('button', { name: 'Muokkaa' }).click();
  await first.getByLabel('Teksti', { exact: true }).fill('Hyvinvointialue kokeilee **palveluseteliä** kahdessa kunnassa:\n\n- Mäntsälässä\n- Nurmijärvellä');
  await first.getByLabel('Perustelut').fill('Kokeilu näyttää, lyhentääkö seteli jonoja.');
  await expect(first.getByRole('region', { name: 'Esikatselu' }).locator('strong')).toHaveText('palveluseteliä');
  await expect(first.getByRole('region', { name: 'Esikatselu' }).getByRole('listitem')).toHaveCount(2);
  await shot(fac, '02-editing');
  await expectAccessible(fac, 'statement-editing');
  await first.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(first.getByRole('button', { name: 'Muokkaa' })).toBeVisible();
  await expect(first.locator('.rich-text strong')).toHaveText('palveluseteliä');

  // Reorder with the keyboard: the second new recommendation moves up.
  const second = section.getByRole('listitem').filter({ has: fac.getByRole('heading', { name: /Vuosittainen seurantaraportti/ }) });
  await second.getByRole('button', { name: /^Siirrä ylös: Suositus 10/ }).press('Enter');
  await expect(section.locator('.block-title').first()).toContainText('Vuosittainen seurantaraportti');

  // ---- save a version
  await fac.getByRole('button', { name: 'Versiot', exact: true }).click();
  await fac.getByLabel('Version nimi').fill('Luonnos 3. päivän lukukierrokselle');
  await fac.getByRole('button', { name: 'Tallenna versio' }).click();
  await expect(fac.getByText('Versio ”Luonnos 3. päivän lukukierrokselle” tallennettu.')).toBeVisible();
  await expect(fac.getByRole('rowheader', { name: 'Luonnos 3. päivän lukukierrokselle' })).toBeVisible();

  // ---- edit after the version
  await fac.getByRole('button', { name: 'Luonnos', exact: true }).click();
  const rec9 = fac.getByRole('listitem').filter({ has: fac.getByRole('heading', { name: /Palveluseteli kokeiluun/ }) });
  await rec9.getByRole('button', { name: 'Muokkaa' }).click();
  await rec9.getByLabel('Teksti', { exact: true }).fill('Hyvinvointialue kokeilee **palveluseteliä** kolmessa kunnassa:\n\n- Mäntsälässä\n- Nurmijärvellä\n- Tuusulassa');
  await rec9.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(rec9.getByRole('button', { name: 'Muokkaa' })).toBeVisible();

  // ---- compare the version with the current draft
  await fac.getByRole('button', { name: 'Versiot', exact: true }).click();
  await fac.getByRole('button', { name: 'Vertaa versiota ”Luonnos 3. päivän lukukierrokselle” nykyiseen luonnokseen' }).click();
  const diff = fac.getByRole('region', { name: /Muutokset: Luonnos 3\. päivän lukukierrokselle → Nykyinen luonnos/ });
  await expect(diff).toBeVisible();
  await expect(diff.getByText('Lisätty 0, poistettu 0, muutettu 1, siirretty 0.')).toBeVisible();
  await expect(diff.locator('del').filter({ hasText: 'kahdessa' })).toBeVisible();
  await expect(diff.locator('ins').filter({ hasText: 'kolmessa' })).toBeVisible();
  await expect(diff.locator('ins').filter({ hasText: 'Tuusulassa' })).toBeVisible();
  await shot(fac, '03-compare');
  await expectAccessible(fac, 'statement-compare');
  // And the demo's first-day version against the current draft.
  const older = fac.getByLabel('Vanhempi');
  const firstDay = await older.locator('option', { hasText: 'Luonnos 1. päivän jälkeen' }).getAttribute('value');
  await older.selectOption(firstDay!);
  await fac.getByRole('button', { name: 'Vertaa', exact: true }).click();
  await expect(fac.getByRole('region', { name: /Muutokset: Luonnos 1\. päivän jälkeen → Nykyinen luonnos/ })).toBeVisible();

  // ---- the translation view shows what is missing in Swedish
  await fac.getByRole('button', { name: 'Käännös', exact: true }).click();
  await expect(fac.getByText(/Kääntämättä \d+, vanhentuneita 1/)).toBeVisible();
  await shot(fac, '04-translation');
  await expectAccessible(fac, 'statement-translation');

  // ---- a table laptop pairs, reads the draft and proposes an amendment
  const { table, tableContext } = await openRoomAndPairTable(browser, fac, host.origin, 3);
  await table.getByRole('link', { name: 'Lausumaluonnos' }).click();
  await expect(table.getByRole('heading', { level: 2, name: /Keski-Uudenmaan asukaspaneelin lausuma/ })).toBeVisible();
  await expect(table.getByRole('button', { name: 'Muokkaa' })).toHaveCount(0);
  await table.getByRole('button', { name: 'Ehdota muutosta suositukseen 1', exact: true }).click();
  const form = table.getByRole('form', { name: 'Ehdota muutosta suositukseen 1', exact: true });
  await form.getByLabel('Ehdotettu teksti').fill('Hyvinvointialue laajentaa liikkuvia palveluja myös iltaisin ja viikonloppuisin.');
  await form.getByLabel('Perustelu (vapaaehtoinen)').fill('Työssäkäyvät eivät ehdi päivällä.');
  await form.getByRole('button', { name: 'Lähetä ehdotus' }).click();
  await expect(table.getByText('Odottaa', { exact: true })).toBeVisible();
  await shot(table, '05-table-draft');
  await expectAccessible(table, 'statement-table');

  // ---- the facilitator accepts it; the table sees it accepted and the new text
  await fac.getByRole('navigation').getByRole('link', { name: 'Lausuma' }).click();
  await fac.getByRole('button', { name: /Muutosehdotukset/ }).click();
  await expect(fac.getByRole('heading', { level: 2, name: '1 käsittelemätön muutosehdotus' })).toBeVisible();
  await expect(fac.getByText('Pöytä 3')).toBeVisible();
  await shot(fac, '06-amendment');
  await expectAccessible(fac, 'statement-amendments');
  await fac.getByRole('button', { name: 'Hyväksy', exact: true }).click();
  await expect(fac.getByText('Ei käsittelemättömiä muutosehdotuksia.')).toBeVisible();
  await expect(table.getByText('Hyväksytty', { exact: true })).toBeVisible();
  await expect(table.getByText('Hyvinvointialue laajentaa liikkuvia palveluja myös iltaisin ja viikonloppuisin.').first()).toBeVisible();

  // ---- approval record and the final lock: the checksum is shown, editing is gone
  await fac.getByRole('button', { name: 'Hyväksyntä ja seuranta' }).click();
  await fac.getByRole('radio', { name: 'Päätöksellä' }).check();
  await fac.getByLabel('Päätös tai kuvaus').fill('Hyväksytty yksimielisesti täysistunnossa.');
  await fac.getByLabel('Hyväksyjä').fill('Paneelin täysistunto');
  await fac.getByRole('button', { name: 'Tallenna hyväksymistiedot' }).click();
  await expect(fac.getByText('Hyväksymistiedot tallennettu.')).toBeVisible();
  await fac.getByRole('button', { name: 'Lukitse lopullinen versio' }).click();
  await fac.getByRole('dialog').getByRole('button', { name: 'Lukitse lopullinen versio' }).click();
  await expect(fac.locator('.checksum code')).toHaveText(/^[0-9a-f]{64}$/);
  await shot(fac, '07-final');
  await expectAccessible(fac, 'statement-final');
  await fac.getByRole('button', { name: 'Luonnos', exact: true }).click();
  await expect(fac.getByRole('button', { name: 'Muokkaa' })).toHaveCount(0);

  // ---- later, the authority's answer to the new recommendation is recorded
  await fac.getByRole('button', { name: 'Hyväksyntä ja seuranta' }).click();
  await fac.getByText('Viranomaisen vastaukset', { exact: true }).click();
  const answer = fac.getByRole('listitem').filter({ has: fac.getByRole('heading', { name: 'Suositus 10: Palveluseteli kokeiluun' }) });
  await answer.getByLabel('Tilanne').selectOption({ label: 'Suunnitteilla' });
  await answer.getByLabel('Vastauksen päivä').fill('2027-04-01');
  await answer.getByLabel('Perustelut').fill('Kokeilu alkaa Mäntsälässä ja Tuusulassa huhtikuussa 2027.');
  await answer.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(answer.getByText('Tallennettu.')).toBeVisible();

  // ---- export from the Export tab: the files the browser downloads hold the new recommendation
  await fac.getByRole('button', { name: 'Vienti', exact: true }).click();
  await expect(fac.getByText(/Vastattu 4 suositukseen 10:stä/)).toBeVisible();
  await shot(fac, '08-export');
  await expectAccessible(fac, 'statement-export');
  const download = async (link: string) => {
    const downloading = fac.waitForEvent('download', { timeout: 90_000 });
    await fac.getByRole('link', { name: link, exact: true }).click();
    const file = await downloading;
    const saved = path.join(dir, file.suggestedFilename());
    await file.saveAs(saved);
    return saved;
  };
  const docx = await download('Word (DOCX) hallituksen esityslistalle');
  expect(path.basename(docx)).toMatch(/-lausuma-\d{4}-\d{2}-\d{2}\.docx$/);
  const documentXml = readZipEntry(readFileSync(docx), 'word/document.xml').toString('utf8');
  expect(documentXml).toContain('Palveluseteli kokeiluun');
  expect(documentXml).toContain('Tuusulassa');
  const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const pdf = await download('PDF/A arkistoon ja verkkoon');
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdfText(pdf)).toContain('Suositus 10: Palveluseteli kokeiluun');
  const followUp = await download('Seurantaraportti PDF/A-muodossa');
  expect(path.basename(followUp)).toMatch(/-seurantaraportti-\d{4}-\d{2}-\d{2}\.pdf$/);
  const report = pdfText(followUp);
  expect(report).toContain('Kokeilu alkaa Mäntsälässä ja Tuusulassa huhtikuussa 2027.');
  expect(report).toContain('1.4.2027');

  await tableContext.close();
  await facContext.close();
});
