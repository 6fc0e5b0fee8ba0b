/**
 * A vote from start to finish on the demo panel: the facilitator creates a four-point-scale vote
 * on two draft recommendations, cast by secret ballot and by table tally, opens it and prints
 * three code slips (the codes are read back from the PDF with pdftotext, as a person reads the
 * slip). Two ballot pages on the room's network (http://room.test:PORT/#/ballot, no pairing, a
 * phone's width) cast ballots, one by keyboard alone; a mistyped code, an unknown code and a used
 * code each get their own message; a ballot that cannot reach the hub says plainly that it was not
 * cast. A paired table laptop enters its show of hands (too many hands first). The facilitator
 * closes the vote, sees the results and the hash, and shows them on the projector.
 *
 * Screenshots: .tmp/screens/votes-*.png. axe scans every ballot step and the vote screens.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { BALLOT_CODE_ALPHABET, ballotCheckCharacter } from '../../shared/ballotCode.js';
import { openRoomAndPairTable } from '../support/browser.js';
import { type HostProcess, startDemoHost } from '../support/hub.js';
import { axeViolations } from '../support/axe.js';

const SCREENS = path.resolve('.tmp/screens');
const TITLE = 'Kuinka vahvasti tuet suositusta?';

let dir: string;
let host: HostProcess;
const violations: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `votes-${name}.png`), fullPage: true });
}

/** Press Tab until the focused element matches; fails if it takes more than `max` presses. */
async function tabTo(page: Page, matches: (el: Element) => boolean, max = 40): Promise<void> {
  const source = `(${matches.toString()})(document.activeElement)`;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(source)) return;
  }
  throw new Error(`Tab did not reach ${matches.toString()}`);
}

/** A well-formed code (right check character) that was never issued. */
function unknownCode(): string {
  const body = 'Q'.repeat(4) + 'R'.repeat(4);
  return body + ballotCheckCharacter(body);
}

test.beforeEach(async () => {
  violations.length = 0;
  ({ dir, host } = await startDemoHost('votes'));
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a vote with codes cast from two ballot pages and a table tally, closed and shown on the projector', async ({ browser }) => {
  test.setTimeout(180_000);
  const facContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const fac = await facContext.newPage();
  await fac.goto(host.facilitatorUrl);
  await expect(fac.getByRole('heading', { level: 2, name: 'Ohjelma' })).toBeVisible();

  // ---- open the room; a table laptop pairs as the secretary of table 2
  const { table, tableContext, roomOrigin } = await openRoomAndPairTable(browser, fac, host.origin, 2);

  // ---- the votes list (the demo's closed vote is there), then a new vote
  await fac.getByRole('link', { name: 'Äänestykset' }).click();
  await expect(fac.getByRole('heading', { level: 1, name: 'Äänestykset' })).toBeVisible();
  await expect(fac.locator('.vote-row').first()).toBeVisible();
  violations.push(...(await axeViolations(fac, 'votes-list')));
  await fac.getByRole('link', { name: 'Uusi äänestys' }).click();
  await expect(fac.getByRole('heading', { level: 1, name: 'Uusi äänestys' })).toBeVisible();
  // Nothing chosen: the form says what is missing.
  await fac.getByRole('button', { name: 'Luo äänestys' }).click();
  await expect(fac.getByText('Pakollinen tieto.')).toBeVisible();
  await expect(fac.getByText('Valitse tai kirjoita vähintään yksi kohta.')).toBeVisible();
  violations.push(...(await axeViolations(fac, 'vote-form-invalid')));
  await fac.getByLabel('Kysymys tai otsikko').fill(TITLE);
  await fac.getByRole('radio', { name: /Nelportainen asteikko/ }).check();
  const picks = fac.locator('.subject-picks input[type=checkbox]');
  await picks.nth(0).check();
  await picks.nth(1).check();
  const subjects = [(await fac.locator('.subject-picks label').nth(0).innerText()).trim(), (await fac.locator('.subject-picks label').nth(1).innerText()).trim()];
  await expect(fac.getByLabel('Raja 1: nimi')).toHaveValue('Vahvasti tuettu');
  await expect(fac.getByLabel('Raja 1: yli %')).toHaveValue('75');
  await fac.getByRole('checkbox', { name: /Pöytien käsiäänestys/ }).check();
  await shot(fac, 'facilitator-form');
  await fac.getByRole('button', { name: 'Luo äänestys' }).click();

  // ---- the new vote, in draft; open it
  await expect(fac.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(fac.locator('.vote-status')).toHaveText('Luonnos');
  await fac.getByRole('button', { name: 'Avaa äänestys' }).click();
  await expect(fac.locator('.vote-status')).toHaveText('Auki');

  // ---- print three code slips; read the codes back from the PDF
  await fac.getByLabel('Montako koodia').fill('3');
  const downloading = fac.waitForEvent('download');
  await fac.getByRole('button', { name: 'Tulosta koodilaput' }).click();
  const download = await downloading;
  const pdfPath = path.join(dir, 'codes.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' });
  const alphabet = `[${BALLOT_CODE_ALPHABET}]`;
  const codes = [...text.matchAll(new RegExp(`(?<![0-9A-Z])(${alphabet}{4})\\s*(${alphabet}{4})\\s*(${alphabet})(?![0-9A-Z])`, 'g'))].map((m) => m[1]! + m[2]! + m[3]!);
  const unique = [...new Set(codes)].filter((c) => ballotCheckCharacter(c.slice(0, 8)) === c[8]);
  expect(unique, text).toHaveLength(3);
  await expect(fac.getByText('3 koodia tulostettu.')).toBeVisible();
  await expect(fac.getByTestId('turnout')).toHaveText(/^0 \/ \d+ läsnä$|^0 \/ 3 koodia$/);

  // ---- ballot page 1, a phone's width, by touch/mouse
  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const phone = await phoneContext.newPage();
  await phone.goto(`${roomOrigin}/#/ballot`);
  await expect(phone.getByRole('heading', { level: 1, name: 'Äänestä' })).toBeVisible();
  await shot(phone, 'ballot-1-code');
  violations.push(...(await axeViolations(phone, 'ballot-code')));
  // Lower case, spaces and a dash: all fine.
  const first = unique[0]!;
  await phone.getByLabel('Äänestyskoodi').fill(`${first.slice(0, 4).toLowerCase()} ${first.slice(4, 8)}-${first[8]}`);
  await phone.getByRole('button', { name: 'Jatka' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const q1 = phone.getByRole('group', { name: new RegExp(escape(subjects[0]!)) });
  const q2 = phone.getByRole('group', { name: new RegExp(escape(subjects[1]!)) });
  await expect(q1.getByRole('radio')).toHaveCount(4);
  await q1.getByRole('radio', { name: 'Vahvasti samaa mieltä' }).check();
  await q2.getByRole('radio', { name: 'Jokseenkin eri mieltä' }).check();
  await shot(phone, 'ballot-2-ballot');
  violations.push(...(await axeViolations(phone, 'ballot-form')));
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await phone.getByRole('button', { name: 'Tarkista äänesi' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Tarkista äänesi' })).toBeVisible();
  await expect(phone.locator('.review-row').nth(0)).toContainText('Vahvasti samaa mieltä');
  await expect(phone.locator('.review-row').nth(1)).toContainText('Jokseenkin eri mieltä');
  await shot(phone, 'ballot-3-review');
  violations.push(...(await axeViolations(phone, 'ballot-review')));
  await phone.getByRole('button', { name: 'Anna ääni' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Äänesi on annettu' })).toBeVisible();
  await shot(phone, 'ballot-4-done');
  violations.push(...(await axeViolations(phone, 'ballot-done')));
  // A kiosk serves the next person: back to the code entry by itself, the ballot gone.
  await expect(phone.getByRole('heading', { level: 1, name: 'Äänestä' })).toBeVisible({ timeout: 15_000 });
  await expect(phone.getByLabel('Äänestyskoodi')).toHaveValue('');

  // ---- the same code again: used
  await phone.getByLabel('Äänestyskoodi').fill(first);
  await phone.getByRole('button', { name: 'Jatka' }).click();
  await expect(phone.getByText('Tällä koodilla on jo äänestetty.')).toBeVisible();
  await shot(phone, 'ballot-5-used');
  violations.push(...(await axeViolations(phone, 'ballot-used')));
  // A mistyped code (one character wrong): told apart from an unknown one.
  const second = unique[1]!;
  const wrongChar = BALLOT_CODE_ALPHABET[(BALLOT_CODE_ALPHABET.indexOf(second[2]!) + 1) % BALLOT_CODE_ALPHABET.length]!;
  await phone.getByLabel('Äänestyskoodi').fill(second.slice(0, 2) + wrongChar + second.slice(3));
  await phone.getByRole('button', { name: 'Jatka' }).click();
  await expect(phone.getByText('Koodissa on kirjoitusvirhe.')).toBeVisible();
  await phone.getByLabel('Äänestyskoodi').fill(unknownCode());
  await phone.getByRole('button', { name: 'Jatka' }).click();
  await expect(phone.getByText('Tällaista koodia ei ole annettu.')).toBeVisible();

  // ---- ballot page 2, keyboard alone
  const kioskContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(`${roomOrigin}/#/ballot`);
  await expect(kiosk.getByRole('heading', { level: 1, name: 'Äänestä' })).toBeVisible();
  await tabTo(kiosk, (el) => el.id === 'ballot-code');
  await kiosk.keyboard.type(second);
  await kiosk.keyboard.press('Enter');
  await expect(kiosk.getByRole('heading', { level: 1, name: TITLE })).toBeFocused();
  // Into the first question: Space picks the first answer; into the second: Space, then an arrow.
  await tabTo(kiosk, (el) => el instanceof HTMLInputElement && el.type === 'radio');
  await kiosk.keyboard.press('Space');
  await tabTo(kiosk, (el) => el instanceof HTMLInputElement && el.type === 'radio');
  await kiosk.keyboard.press('Space');
  await kiosk.keyboard.press('ArrowDown');
  const k1 = kiosk.getByRole('group', { name: new RegExp(escape(subjects[0]!)) });
  const k2 = kiosk.getByRole('group', { name: new RegExp(escape(subjects[1]!)) });
  await expect(k1.getByRole('radio', { name: 'Vahvasti samaa mieltä' })).toBeChecked();
  await expect(k2.getByRole('radio', { name: 'Jokseenkin samaa mieltä' })).toBeChecked();
  await tabTo(kiosk, (el) => el.textContent === 'Tarkista äänesi');
  await kiosk.keyboard.press('Enter');
  await expect(kiosk.getByRole('heading', { level: 1, name: 'Tarkista äänesi' })).toBeFocused();
  await tabTo(kiosk, (el) => el.textContent === 'Anna ääni', 3);
  await kiosk.keyboard.press('Enter');
  await expect(kiosk.getByRole('heading', { level: 1, name: 'Äänesi on annettu' })).toBeVisible();

  // ---- a ballot that cannot reach the hub is NOT cast, and says so
  await kiosk.getByRole('button', { name: 'Seuraava äänestäjä' }).click();
  const third = unique[2]!;
  await kiosk.getByLabel('Äänestyskoodi').fill(third);
  await kiosk.getByRole('button', { name: 'Jatka' }).click();
  await kiosk.getByRole('group', { name: new RegExp(escape(subjects[0]!)) }).getByRole('radio', { name: 'Vahvasti eri mieltä' }).check();
  await kiosk.getByRole('button', { name: 'Tarkista äänesi' }).click();
  await kiosk.route('**/api/ballot', (route) => route.abort('internetdisconnected'));
  await kiosk.getByRole('button', { name: 'Anna ääni' }).click();
  await expect(kiosk.getByRole('alert')).toContainText('Ääntäsi EI annettu — yritä uudelleen.');
  await shot(kiosk, 'ballot-6-not-cast');
  violations.push(...(await axeViolations(kiosk, 'ballot-not-cast')));
  await kiosk.unroute('**/api/ballot');
  // Nothing was kept or sent: the facilitator still sees two ballots.
  await expect(fac.getByTestId('turnout')).toHaveText(/^2 \//);

  // ---- the table's show of hands (too many hands first)
  const tally = table.locator('.tally-section');
  await expect(tally.getByRole('heading', { name: TITLE })).toBeVisible();
  const size = Number((await tally.locator('.hint').innerText()).match(/(\d+) henkilö/)?.[1] ?? '0');
  expect(size).toBeGreaterThan(2);
  const cell = (subject: string, answer: string) => tally.getByRole('spinbutton', { name: `${subject} ${answer}`, exact: true });
  await cell(subjects[0]!, 'Vahvasti samaa mieltä').fill(String(size + 1));
  await tally.getByRole('button', { name: 'Lähetä pöydän tulos' }).click();
  await expect(tally.getByRole('alert')).toContainText('enemmän ääniä kuin pöydässä on ihmisiä');
  await cell(subjects[0]!, 'Vahvasti samaa mieltä').fill('2');
  await cell(subjects[0]!, 'Jokseenkin samaa mieltä').fill('1');
  await cell(subjects[1]!, 'Jokseenkin eri mieltä').fill('2');
  await cell(subjects[1]!, 'Vahvasti eri mieltä').fill('1');
  await expect(tally.locator('.count-total').first()).toHaveText(`3 / ${size}`);
  await tally.getByRole('button', { name: 'Lähetä pöydän tulos' }).click();
  await expect(tally.getByRole('status').filter({ hasText: /Vastaanotettu klo/ })).toBeVisible();
  await shot(table, 'table-tally');
  violations.push(...(await axeViolations(table, 'table-tally')));
  await expect(fac.locator('.tally-received')).toContainText('Pöytä 2');
  await expect(fac.getByTestId('turnout')).toHaveText(/^5 \//);

  // ---- close; results and the hash
  await fac.getByRole('button', { name: 'Sulje äänestys' }).click();
  await fac.getByRole('dialog').getByRole('button', { name: 'Sulje äänestys' }).click();
  await expect(fac.locator('.vote-status')).toHaveText('Suljettu');
  await expect(fac.getByRole('heading', { level: 2, name: 'Tulokset' })).toBeVisible();
  const hashText = (await fac.locator('.result-hash-value').innerText()).trim();
  expect(hashText).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4})+/);
  const results = fac.locator('.results-table');
  // Subject 1: 2 ballots + 2 at the table strongly agree, 1 somewhat: 5/5 agree.
  await expect(results.getByRole('row', { name: new RegExp(escape(subjects[0]!)) })).toContainText('Vahvasti tuettu');
  await expect(fac.getByRole('link', { name: 'Tulosraportti (PDF)' })).toBeVisible();
  await expect(fac.getByRole('link', { name: 'Nimettömät äänet (CSV)' })).toBeVisible();
  await fac.getByRole('button', { name: 'Näytä valkokankaalla' }).click();
  await expect(fac.getByText('Tulokset ovat nyt valkokankaalla.')).toBeVisible();
  await shot(fac, 'facilitator-closed');
  violations.push(...(await axeViolations(fac, 'vote-detail-closed')));

  // ---- the projector: the results take the whole screen, with the hash
  const projector = await facContext.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`${host.origin}/#/projector`);
  await expect(projector.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(projector.locator('.pr-row')).toHaveCount(2);
  await expect(projector.locator('.pr-row').first()).toContainText('Vahvasti tuettu');
  await expect(projector.getByText('Äänestyksen tarkiste')).toBeVisible();
  expect((await projector.locator('.pr-hash code').innerText()).replace(/\s+/g, ' ').trim()).toBe(hashText);
  await shot(projector, 'projector-results');
  violations.push(...(await axeViolations(projector, 'projector-results')));
  // Taken off the projector: the clock is back.
  await fac.getByRole('button', { name: 'Poista valkokankaalta' }).click();
  await expect(projector.locator('.projected-results')).toHaveCount(0);

  expect(violations, violations.join('\n')).toEqual([]);
  await Promise.all([facContext.close(), tableContext.close(), phoneContext.close(), kioskContext.close()]);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a ranking (instant runoff) and a dot vote on free options, ranked by keyboard on the ballot page', async ({ browser }) => {
  test.setTimeout(120_000);
  const facContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const fac = await facContext.newPage();
  await fac.goto(host.facilitatorUrl);
  await expect(fac.getByRole('heading', { level: 2, name: 'Ohjelma' })).toBeVisible();

  /** Creates and opens a vote on free options; returns its one printed code. */
  async function voteWithCode(title: string, method: RegExp, options: string[], extra: () => Promise<void>): Promise<string> {
    await fac.goto(`${host.origin}/#/votes?new=1`);
    await fac.getByLabel('Kysymys tai otsikko').fill(title);
    await fac.getByRole('radio', { name: method }).check();
    for (const [i, option] of options.entries()) {
      await fac.getByRole('button', { name: 'Lisää vaihtoehto' }).click();
      await fac.getByLabel(`Vaihtoehto ${i + 1}`, { exact: true }).fill(option);
    }
    await extra();
    await fac.getByRole('button', { name: 'Luo äänestys' }).click();
    await expect(fac.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await fac.getByRole('button', { name: 'Avaa äänestys' }).click();
    await fac.getByLabel('Montako koodia').fill('1');
    const downloading = fac.waitForEvent('download');
    await fac.getByRole('button', { name: 'Tulosta koodilaput' }).click();
    const pdfPath = path.join(dir, `${title}.pdf`);
    await (await downloading).saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' });
    const a = `[${BALLOT_CODE_ALPHABET}]`;
    const found = [...text.matchAll(new RegExp(`(?<![0-9A-Z])(${a}{4})\\s*(${a}{4})\\s*(${a})(?![0-9A-Z])`, 'g'))]
      .map((m) => m[1]! + m[2]! + m[3]!)
      .filter((c) => ballotCheckCharacter(c.slice(0, 8)) === c[8]);
    expect(found.length, text).toBeGreaterThan(0);
    return found[0]!;
  }

  const options = ['Kirjasto', 'Uimahalli', 'Nuorisotila'];
  const rankingCode = await voteWithCode('Mikä rakennetaan ensin?', /^Järjestys/, options, async () => {
    await fac.getByRole('radio', { name: 'Karsiva vaali (vaihtoehtoinen vaali)' }).check();
  });
  const rankingUrl = fac.url();
  const dotsCode = await voteWithCode('Mihin rahat käytetään?', /^Pisteäänestys/, options, async () => {
    await fac.getByLabel('Pisteitä henkilöä kohden').fill('3');
  });

  // ---- the ranking, by keyboard: Uimahalli to the top, Kirjasto to the bottom
  const kioskContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(`${host.origin}/#/ballot`);
  await tabTo(kiosk, (el) => el.id === 'ballot-code');
  await kiosk.keyboard.type(rankingCode);
  await kiosk.keyboard.press('Enter');
  await expect(kiosk.getByRole('heading', { level: 1, name: 'Mikä rakennetaan ensin?' })).toBeFocused();
  await tabTo(kiosk, (el) => el.getAttribute('aria-label')?.startsWith('Ylös: Uimahalli') ?? false);
  await kiosk.keyboard.press('Enter');
  // Focus stays on the moved option (now first: its Up is disabled, so on its Down) and the place is announced.
  await expect(kiosk.locator('.ranking-label')).toHaveText(['Uimahalli', 'Kirjasto', 'Nuorisotila']);
  await expect(kiosk.getByRole('status').filter({ hasText: 'Uimahalli on nyt sijalla 1/3.' })).toBeAttached();
  expect(await kiosk.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Alas: Uimahalli/);
  await tabTo(kiosk, (el) => el.getAttribute('aria-label')?.startsWith('Alas: Kirjasto') ?? false);
  await kiosk.keyboard.press('Enter');
  await expect(kiosk.locator('.ranking-label')).toHaveText(['Uimahalli', 'Nuorisotila', 'Kirjasto']);
  expect(await kiosk.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Ylös: Kirjasto, nyt sijalla 3/);
  await shot(kiosk, 'ballot-ranking');
  violations.push(...(await axeViolations(kiosk, 'ballot-ranking')));
  await tabTo(kiosk, (el) => el.textContent === 'Tarkista äänesi');
  await kiosk.keyboard.press('Enter');
  await expect(kiosk.locator('.review-ranking li')).toHaveText(['Uimahalli', 'Nuorisotila', 'Kirjasto']);
  await tabTo(kiosk, (el) => el.textContent === 'Anna ääni', 3);
  await kiosk.keyboard.press('Enter');
  await expect(kiosk.getByRole('heading', { level: 1, name: 'Äänesi on annettu' })).toBeVisible();

  // ---- the dots: 2 + 1, and no more than 3
  await kiosk.getByRole('button', { name: 'Seuraava äänestäjä' }).click();
  await kiosk.getByLabel('Äänestyskoodi').fill(dotsCode);
  await kiosk.getByRole('button', { name: 'Jatka' }).click();
  await expect(kiosk.getByText('3 pistettä jäljellä')).toBeVisible();
  await kiosk.getByRole('button', { name: 'Lisää pisteitä: Uimahalli' }).click();
  await kiosk.getByRole('button', { name: 'Lisää pisteitä: Uimahalli' }).click();
  await kiosk.getByRole('button', { name: 'Lisää pisteitä: Kirjasto' }).click();
  await expect(kiosk.getByText('0 pistettä jäljellä')).toBeVisible();
  await expect(kiosk.getByRole('button', { name: 'Lisää pisteitä: Nuorisotila' })).toBeDisabled();
  await shot(kiosk, 'ballot-dots');
  violations.push(...(await axeViolations(kiosk, 'ballot-dots')));
  await kiosk.getByRole('button', { name: 'Tarkista äänesi' }).click();
  await expect(kiosk.locator('.review-row').filter({ hasText: 'Uimahalli' })).toContainText('2 pistettä');
  await kiosk.getByRole('button', { name: 'Anna ääni' }).click();
  await expect(kiosk.getByRole('heading', { level: 1, name: 'Äänesi on annettu' })).toBeVisible();

  // ---- close the ranking: one ballot, Uimahalli wins in the first round
  await fac.goto(rankingUrl);
  await expect(fac.getByTestId('turnout')).toHaveText(/^1 \//);
  await fac.getByRole('button', { name: 'Sulje äänestys' }).click();
  await fac.getByRole('dialog').getByRole('button', { name: 'Sulje äänestys' }).click();
  await expect(fac.locator('.results-table').getByRole('row', { name: /Uimahalli/ })).toContainText('Voittaja');
  await expect(fac.locator('.rounds-table')).toBeVisible();
  await shot(fac, 'facilitator-ranking');
  violations.push(...(await axeViolations(fac, 'vote-detail-ranking')));

  expect(violations, violations.join('\n')).toEqual([]);
  await Promise.all([facContext.close(), kioskContext.close()]);
});

test('paper ballots entered by the facilitator, bad entries refused; re-opening a closed vote needs a reason', async ({ browser }) => {
  test.setTimeout(180_000);
  const facContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const fac = await facContext.newPage();
  await fac.goto(host.facilitatorUrl);
  await expect(fac.getByRole('heading', { level: 2, name: 'Ohjelma' })).toBeVisible();

  /** A new vote counted on paper only, opened. */
  async function paperVote(title: string, method: RegExp, pick: () => Promise<void>): Promise<void> {
    await fac.goto(`${host.origin}/#/votes?new=1`);
    await fac.getByLabel('Kysymys tai otsikko').fill(title);
    await fac.getByRole('radio', { name: method }).check();
    await pick();
    await fac.getByRole('checkbox', { name: /^Salainen lippu/ }).uncheck();
    await fac.getByRole('checkbox', { name: /^Paperiliput/ }).check();
    await fac.getByRole('button', { name: 'Luo äänestys' }).click();
    await expect(fac.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await fac.getByRole('button', { name: 'Avaa äänestys' }).click();
    await expect(fac.locator('.vote-status')).toHaveText('Auki');
  }

  async function close(): Promise<void> {
    await fac.getByRole('button', { name: 'Sulje äänestys' }).click();
    await fac.getByRole('dialog').getByRole('button', { name: 'Sulje äänestys' }).click();
    await expect(fac.locator('.vote-status')).toHaveText('Suljettu');
  }

  // ---- a yes / no vote on two recommendations, counted by hand
  const title = 'Hyväksytäänkö suositukset?';
  let subjects: string[] = [];
  await paperVote(title, /^Kyllä \/ ei/, async () => {
    const picks = fac.locator('.subject-picks input[type=checkbox]');
    await picks.nth(0).check();
    await picks.nth(1).check();
    subjects = [(await fac.locator('.subject-picks label').nth(0).innerText()).trim(), (await fac.locator('.subject-picks label').nth(1).innerText()).trim()];
  });
  const paper = fac.getByRole('region', { name: 'Paperilippujen äänet' });
  const cell = (subject: string, answer: string) => paper.getByRole('spinbutton', { name: `${subject} ${answer}`, exact: true });
  await cell(subjects[0]!, 'Kyllä').fill('-3');
  await paper.getByRole('button', { name: 'Tallenna paperiäänet' }).click();
  await expect(paper.getByRole('alert')).toHaveText('Kirjoita määrät kokonaislukuina (0 tai enemmän).');
  await expect(fac.getByTestId('turnout')).toHaveText(/^0\b/);
  violations.push(...(await axeViolations(fac, 'paper-counts-refused')));
  for (const [subject, counts] of [
    [subjects[0]!, ['12', '3', '1']],
    [subjects[1]!, ['7', '8', '1']],
  ] as const) {
    for (const [i, answer] of ['Kyllä', 'Ei', 'Tyhjä'].entries()) await cell(subject, answer).fill(counts[i]!);
  }
  await paper.getByRole('button', { name: 'Tallenna paperiäänet' }).click();
  await expect(paper.getByRole('status')).toHaveText('Tallennettu.');
  await expect(paper.getByRole('alert')).toHaveCount(0);
  await expect(fac.getByTestId('turnout')).toHaveText(/^16\b/);
  await shot(fac, 'paper-counts');
  violations.push(...(await axeViolations(fac, 'paper-counts')));
  await close();
  await expect(fac.locator('.results-table').getByRole('row', { name: new RegExp(escape(subjects[0]!)) })).toContainText('12');

  // ---- re-opening: refused without a reason, and the reason stays on the record
  await fac.getByRole('button', { name: 'Avaa uudelleen' }).click();
  const dialog = fac.getByRole('dialog', { name: 'Avaa äänestys uudelleen' });
  await expect(dialog.getByLabel('Peruste')).toBeFocused();
  await dialog.getByRole('button', { name: 'Avaa uudelleen' }).click();
  await expect(dialog.getByText('Kirjoita peruste (vähintään 3 merkkiä).')).toBeVisible();
  await expect(dialog.getByLabel('Peruste')).toHaveAttribute('aria-invalid', 'true');
  await shot(fac, 'reopen-refused');
  violations.push(...(await axeViolations(fac, 'reopen-refused')));
  await dialog.getByLabel('Peruste').fill('  ');
  await dialog.getByRole('button', { name: 'Avaa uudelleen' }).click();
  await expect(dialog.getByText('Kirjoita peruste (vähintään 3 merkkiä).')).toBeVisible();
  await expect(fac.locator('.vote-status')).toHaveText('Suljettu');
  const reason = 'Pöydän 3 paperiliput löytyivät laskennan jälkeen.';
  await dialog.getByLabel('Peruste').fill(reason);
  await dialog.getByRole('button', { name: 'Avaa uudelleen' }).click();
  await expect(dialog).toBeHidden();
  await expect(fac.locator('.vote-status')).toHaveText('Auki');
  const reopenings = fac.getByRole('region', { name: 'Uudelleenavaamiset' });
  await expect(reopenings).toContainText(reason);
  // The late ballots: the form starts from the saved count; the new one replaces it.
  await expect(cell(subjects[0]!, 'Ei')).toHaveValue('3');
  await cell(subjects[0]!, 'Kyllä').fill('14');
  await cell(subjects[1]!, 'Kyllä').fill('9');
  await paper.getByRole('button', { name: 'Tallenna paperiäänet' }).click();
  await expect(fac.getByTestId('turnout')).toHaveText(/^18\b/);
  await close();
  await expect(reopenings).toContainText(reason);
  await expect(fac.locator('.results-table').getByRole('row', { name: new RegExp(escape(subjects[0]!)) })).toContainText('14');
  await expect(fac.locator('.result-hash-value')).toBeVisible();
  await shot(fac, 'reopened-closed');
  violations.push(...(await axeViolations(fac, 'reopened-closed')));

  // ---- a ranking (Borda) on paper: each ballot's places, as written on it
  const options = ['Kirjasto', 'Uimahalli', 'Nuorisotila'];
  await paperVote('Mikä rakennetaan ensin? (paperi)', /^Järjestys/, async () => {
    for (const [i, option] of options.entries()) {
      await fac.getByRole('button', { name: 'Lisää vaihtoehto' }).click();
      await fac.getByLabel(`Vaihtoehto ${i + 1}`, { exact: true }).fill(option);
    }
    await fac.getByRole('radio', { name: 'Borda-laskenta' }).check();
  });
  const ballots = fac.getByRole('region', { name: 'Paperiliput' });
  const place = (option: string) => ballots.getByRole('textbox', { name: option, exact: true });
  const enter = async (places: Record<string, string>) => {
    for (const option of options) await place(option).fill(places[option] ?? '');
    await ballots.getByRole('button', { name: 'Tallenna lippu' }).click();
  };
  await enter({ Kirjasto: '1', Uimahalli: '1', Nuorisotila: '2' });
  await expect(ballots.getByRole('alert')).toHaveText('Sijalla 1 on useampi vaihtoehto: Kirjasto ja Uimahalli. Tarkista lippu – sitä ei tallennettu.');
  await expect(place('Kirjasto')).toHaveAttribute('aria-invalid', 'true');
  await shot(fac, 'paper-ranking-refused');
  violations.push(...(await axeViolations(fac, 'paper-ranking-refused')));
  await enter({ Kirjasto: '1', Nuorisotila: '3' });
  await expect(ballots.getByRole('alert')).toHaveText('Sija 2 puuttuu: sijat numeroidaan 1:stä alkaen ilman aukkoja. Lippua ei tallennettu.');
  await enter({ Kirjasto: '1', Uimahalli: '2' });
  await expect(ballots.getByRole('alert')).toHaveText('Jokaisella vaihtoehdolla on oltava sija; ilman sijaa: Nuorisotila. Lippua ei tallennettu.');
  await expect(fac.getByTestId('turnout')).toHaveText(/^0\b/);
  await enter({ Kirjasto: '2', Uimahalli: '1', Nuorisotila: '3' });
  await expect(ballots.getByRole('status')).toHaveText('1 lippu kirjattu tällä kertaa.');
  await expect(ballots.getByRole('alert')).toHaveCount(0);
  // Cleared for the next ballot, the cursor back on the first place.
  await expect(place('Kirjasto')).toHaveValue('');
  await expect(place('Kirjasto')).toBeFocused();
  await enter({ Kirjasto: '3', Uimahalli: '1', Nuorisotila: '2' });
  await expect(ballots.getByRole('status')).toHaveText('2 lippua kirjattu tällä kertaa.');
  await expect(fac.getByTestId('turnout')).toHaveText(/^2\b/);
  await shot(fac, 'paper-ranking');
  violations.push(...(await axeViolations(fac, 'paper-ranking')));
  await close();
  // Borda (n = 3): Uimahalli 2 + 2 = 4, Kirjasto 1 + 0, Nuorisotila 0 + 1.
  await expect(fac.locator('.results-table').getByRole('row', { name: /Uimahalli/ })).toContainText('Voittaja');

  expect(violations, violations.join('\n')).toEqual([]);
  await facContext.close();
});
