/**
 * The afternoon read-through (the scenario's 15:00): the facilitator puts the demo's draft
 * statement on the projector, one part at a time and then the whole draft scrolled to where she
 * is, and takes it down again; in a bilingual municipality she shows the Swedish version too.
 * Screenshots go to .tmp/screens/statement-projector-*.png and .tmp/screens/projlang-*.png.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { type HostProcess, startDemoHost } from '../support/hub.js';
import { expectAccessible } from '../support/axe.js';

const SCREENS = path.resolve('.tmp/screens');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `statement-projector-${name}.png`) });
}

let dir: string;
let host: HostProcess;

test.beforeEach(async () => {
  ({ dir, host } = await startDemoHost('statement-projector'));
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The facilitator on the statement screen (1280 px) and the projector page (1920×1080), in one context. */
async function statementAndProjector(browser: Browser): Promise<{ context: BrowserContext; fac: Page; projector: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const fac = await context.newPage();
  await fac.goto(host.facilitatorUrl);
  await fac.getByRole('navigation').getByRole('link', { name: 'Lausuma' }).click();
  await expect(fac.getByRole('heading', { level: 1, name: 'Lausuma' })).toBeVisible();
  const projector = await context.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`${host.origin}/#/projector`);
  await expect(projector.locator('main#main')).toBeVisible();
  return { context, fac, projector };
}

test('the facilitator steps through the draft on the projector, one part at a time and scrolling', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, fac, projector } = await statementAndProjector(browser);
  await expect(projector.locator('.projected-statement')).toHaveCount(0);

  // ---- one part at a time: the statement's start, then recommendation 1
  const controls = fac.getByRole('region', { name: 'Projektori' });
  await controls.getByLabel('Näytä projektorilla').selectOption({ label: 'Yksi kohta kerrallaan' });
  await expect(controls.getByText('Projektorilla nyt: Alku: otsikko ja tiivistelmä')).toBeVisible();
  await expect(projector.getByText('Alku: otsikko ja tiivistelmä')).toBeVisible();
  await expect(projector.getByRole('heading', { level: 2, name: /Keski-Uudenmaan asukaspaneelin lausuma/ })).toBeVisible();
  await controls.getByRole('button', { name: 'Seuraava ›' }).click();
  await expect(projector.getByRole('heading', { level: 2, name: 'Suositus 1: Liikkuvat palvelut haja-asutusalueille' })).toBeVisible();
  await expect(projector.getByText('1. Lähipalvelut ja palveluverkko')).toBeVisible();
  await expect(projector.getByText('2 / 11')).toBeVisible();
  await expect(projector.getByText('Perustelut')).toBeVisible();
  await shot(projector, 'one');
  await expectAccessible(projector, 'projector-statement-one');
  await shot(fac, 'controls');
  await expectAccessible(fac, 'statement-projector-controls');

  // A long part still fits: the text shrinks rather than running off the screen.
  await controls.getByLabel('Kohta').selectOption({ label: 'Suositus 2: Yhden luukun palvelupiste jokaiseen kuntaan' });
  const stage = projector.locator('.ps-stage');
  await expect(stage.getByRole('heading', { name: /Suositus 2: / })).toBeVisible();
  await expect.poll(() => stage.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);

  // ---- the whole draft, scrolled to the part the facilitator is at
  await controls.getByLabel('Näytä projektorilla').selectOption({ label: 'Koko luonnos vierittäen' });
  await controls.getByLabel('Kohta').selectOption({ label: 'Suositus 6: Esteettömät palvelupisteet' });
  const current = projector.locator('.ps-block[aria-current="step"]');
  await expect(current.getByRole('heading', { level: 3 })).toHaveText('Suositus 6: Esteettömät palvelupisteet');
  await expect(current).toBeInViewport();
  // Scrolled to the top of the screen (the scroll is smooth, so wait for it to end).
  await expect.poll(async () => (await current.boundingBox())?.y ?? Infinity, { timeout: 15_000 }).toBeLessThan(200);
  await expect(projector.getByRole('heading', { level: 2, name: '2. Saavutettavuus ja liikkuminen' })).toHaveCount(1);
  await shot(projector, 'scroll');
  await expectAccessible(projector, 'projector-statement-scroll');

  // ---- taken down: the projector's own screen is back
  await controls.getByLabel('Näytä projektorilla').selectOption({ label: 'Ei näytetä' });
  await expect(projector.locator('.projected-statement')).toHaveCount(0);
  await expect(controls.getByText('Luonnos ei ole projektorilla.')).toBeVisible();
  await context.close();
});

test('the facilitator shows the draft in Swedish: translated parts in Swedish, the rest marked, kept over a reload', async ({ browser }) => {
  test.setTimeout(150_000);
  const { context, fac, projector } = await statementAndProjector(browser);

  const controls = fac.getByRole('region', { name: 'Projektori' });
  const language = controls.getByLabel('Kieli');
  await expect(language).toHaveValue('fi');
  await controls.getByLabel('Näytä projektorilla').selectOption({ label: 'Yksi kohta kerrallaan' });
  await language.selectOption({ label: 'ruotsi (käännös)' });
  await expect(controls.getByText('Projektorilla nyt ruotsiksi: Alku: otsikko ja tiivistelmä')).toBeVisible();

  // ---- the start and recommendation 1 have a Swedish version: the projector's own words follow it
  const main = projector.locator('main.projected-statement');
  await expect(main).toHaveAttribute('lang', 'sv');
  await expect(projector.getByText('Utkast till utlåtande', { exact: false })).toBeVisible();
  await expect(projector.getByRole('heading', { level: 2, name: /Utlåtande från Mellersta Nylands invånarpanel/ })).toBeVisible();
  await controls.getByRole('button', { name: 'Seuraava ›' }).click();
  const rec1 = projector.locator('.ps-block[data-block="st-rec-1"]');
  await expect(rec1.getByRole('heading', { level: 2, name: 'Rekommendation 1: Mobila tjänster till glesbygden' })).toBeVisible();
  await expect(rec1).toHaveAttribute('lang', 'sv');
  await expect(rec1.getByText('Motivering')).toBeVisible();
  await expect(projector.getByText('1. Närservice och servicenätet')).toBeVisible();
  await expect(rec1.locator('.ps-note')).toHaveCount(0);
  await projector.screenshot({ path: path.join(SCREENS, 'projlang-one-1920.png') });
  await expectAccessible(projector, 'projector-statement-swedish');
  await shot(fac, 'language-controls');
  await expectAccessible(fac, 'statement-projector-language-controls');

  // ---- recommendation 3 is not translated yet: its Finnish text, with a note in Swedish
  await controls.getByLabel('Kohta').selectOption({ label: 'Suositus 3: Lasten ja perheiden palvelut säilyvät lähellä' });
  const rec3 = projector.locator('.ps-block[data-block="st-rec-6"]');
  await expect(rec3.getByRole('heading', { level: 2, name: 'Suositus 3: Lasten ja perheiden palvelut säilyvät lähellä' })).toBeVisible();
  await expect(rec3).toHaveAttribute('lang', 'fi');
  const note = rec3.locator('.ps-note');
  await expect(note).toHaveText('Den här delen är inte översatt ännu: texten visas på finska.');
  await expect(note).toHaveAttribute('lang', 'sv');
  await expect(controls.getByRole('status')).toContainText('Tätä kohtaa ei ole vielä käännetty: teksti näkyy suomeksi.');
  await projector.screenshot({ path: path.join(SCREENS, 'projlang-untranslated-1920.png') });

  // ---- a reload (or a projector that reconnects) keeps Swedish and the part
  await projector.reload();
  await expect(main).toHaveAttribute('lang', 'sv');
  await expect(rec3.locator('.ps-note')).toHaveText('Den här delen är inte översatt ännu: texten visas på finska.');
  await controls.getByRole('button', { name: '‹ Edellinen' }).click();
  await controls.getByRole('button', { name: '‹ Edellinen' }).click();
  const rec2 = projector.locator('.ps-block[data-block="st-rec-4"]');
  await expect(rec2.getByRole('heading', { level: 2, name: 'Rekommendation 2: En servicepunkt för alla ärenden i varje kommun' })).toBeVisible();
  // Its translation predates the last edit of the Finnish text: shown, and said so.
  await expect(rec2.locator('.ps-note')).toHaveText('Översättningen gäller en tidigare version av texten.');

  // ---- a smaller projector; then the whole draft, scrolled
  await projector.setViewportSize({ width: 1280, height: 720 });
  await controls.getByLabel('Kohta').selectOption({ label: 'Suositus 1: Liikkuvat palvelut haja-asutusalueille' });
  await expect(rec1.getByRole('heading', { level: 2, name: 'Rekommendation 1: Mobila tjänster till glesbygden' })).toBeVisible();
  const stage = projector.locator('.ps-stage');
  await expect.poll(() => stage.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  await projector.screenshot({ path: path.join(SCREENS, 'projlang-one-1280.png') });
  await controls.getByLabel('Näytä projektorilla').selectOption({ label: 'Koko luonnos vierittäen' });
  await expect(projector.getByRole('heading', { level: 1, name: /Utlåtande från Mellersta Nylands invånarpanel/ })).toBeVisible();
  await expect(projector.getByRole('heading', { level: 2, name: '1. Närservice och servicenätet' })).toBeVisible();
  // Section 2 has no Swedish title yet: its Finnish one, marked as Finnish.
  await expect(projector.getByRole('heading', { level: 2, name: '2. Saavutettavuus ja liikkuminen' }).locator('span')).toHaveAttribute('lang', 'fi');
  const current = projector.locator('.ps-block[aria-current="step"]');
  await expect(current.getByRole('heading', { level: 3 })).toHaveText('Rekommendation 1: Mobila tjänster till glesbygden');
  await expect.poll(async () => (await current.boundingBox())?.y ?? Infinity, { timeout: 15_000 }).toBeLessThan(200);
  await projector.screenshot({ path: path.join(SCREENS, 'projlang-scroll-1280.png') });
  await expectAccessible(projector, 'projector-statement-swedish-scroll');

  // ---- back to Finnish
  await language.selectOption({ label: 'suomi (pääkieli)' });
  await expect(main).toHaveAttribute('lang', 'fi');
  await expect(current.getByRole('heading', { level: 3 })).toHaveText('Suositus 1: Liikkuvat palvelut haja-asutusalueille');
  await expect(projector.locator('.ps-note')).toHaveCount(0);
  await expect(controls.getByText('Projektorilla nyt: Suositus 1: Liikkuvat palvelut haja-asutusalueille')).toBeVisible();
  await context.close();
});
