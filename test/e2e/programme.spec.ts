/**
 * The facilitator's programme editor and run console on a fresh demo panel:
 * - plan: add an item (a zero duration refused at its field), reorder it with the Move up
 *   buttons, with the drag handle's keyboard (Space, arrows, Space) and once with the mouse;
 *   the order survives a reload; apply the evening template;
 * - run: start with Space, pause, +1, next with N; the screen shows the new item and the day's
 *   forecast; deleting the item on stage is refused; two facilitator windows press Next at
 *   once: one of them is told someone else moved on, and the programme advanced exactly once.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { type HostProcess, startDemoHost } from '../support/hub.js';
import { expectAccessible } from '../support/axe.js';

const SCREENS = path.resolve('.tmp/screens');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

let dir: string;
let host: HostProcess;

test.beforeEach(async () => {
  ({ dir, host } = await startDemoHost('programme'));
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Two windows press a key in the same millisecond: each page waits for a shared instant (the
 * pages and the test share this machine's clock), so neither has seen the other's effect yet.
 * keyboard.press on two pages one after the other would let the second see the first's result.
 */
async function pressTogether(pages: Page[], key: string): Promise<void> {
  const at = Date.now() + 500;
  await Promise.all(
    pages.map((page) =>
      page.evaluate(
        ({ key, at }) => {
          setTimeout(() => {
            while (Date.now() < at) {
              // spin to the shared instant: timers alone drift by milliseconds
            }
            document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code: `Key${key.toUpperCase()}`, bubbles: true }));
          }, Math.max(0, at - Date.now() - 40));
        },
        { key, at },
      ),
    ),
  );
}

const DAY_1 = '1. päivä: Kuuleminen ja keskustelu';

function day(page: Page, title: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

async function titles(list: Locator): Promise<string[]> {
  return list.locator('.pe-item .agenda-title').allInnerTexts();
}

test('the facilitator plans the programme: add, reorder by keyboard and mouse, reload, template', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const fac = await context.newPage();
  await fac.goto(host.facilitatorUrl);
  await fac.getByRole('navigation').getByRole('link', { name: 'Ohjelma' }).click();
  await expect(fac.getByRole('heading', { level: 1, name: 'Ohjelma' })).toBeVisible();
  const day1 = day(fac, DAY_1);
  const list = day1.getByRole('list', { name: `Päivän ${DAY_1} ohjelmakohdat` });
  await expect(list.locator('.pe-item').first()).toBeVisible();
  const before = await titles(list);
  expect(before.length).toBeGreaterThan(4);
  await expect(day1.locator('.pe-item').first().locator('.agenda-time')).toHaveText('09:30–09:50');

  // ---- add an item: a zero duration is refused at its field, then added at the end
  await day1.getByRole('button', { name: `Lisää ohjelmakohta päivään ${DAY_1}` }).click();
  const form = day1.getByRole('form', { name: 'Uusi ohjelmakohta' });
  await form.getByLabel('Tyyppi').selectOption({ label: 'Yhteinen keskustelu' });
  await form.getByLabel('Otsikko').fill('Pikapalaute päivästä');
  await form.getByLabel('Kesto (min)').fill('0');
  await form.getByRole('button', { name: 'Lisää kohta' }).click();
  await expect(form.getByText('Keston pitää olla kokonainen määrä minuutteja väliltä 1–600.')).toBeVisible();
  await expect(form.getByLabel('Kesto (min)')).toHaveAttribute('aria-invalid', 'true');
  await shot(fac, 'programme-01-duration-refused');
  await form.getByLabel('Kesto (min)').fill('10');
  await form.getByLabel('Keskustelukysymys').fill('Mikä tänään jäi mieleen?');
  await form.getByRole('button', { name: 'Lisää kohta' }).click();
  await expect(form).toBeHidden();
  await expect.poll(() => titles(list)).toEqual([...before, 'Pikapalaute päivästä']);

  // ---- reorder with the keyboard: Move up twice (focus stays on the moved item's button)
  const up = list.getByRole('button', { name: 'Siirrä ylös: Pikapalaute päivästä' });
  await up.focus();
  await fac.keyboard.press('Enter');
  await expect.poll(() => titles(list)).toEqual([...before.slice(0, -1), 'Pikapalaute päivästä', before.at(-1)!]);
  await expect(up).toBeFocused();
  await fac.keyboard.press('Enter');
  const afterButtons = [...before.slice(0, -2), 'Pikapalaute päivästä', ...before.slice(-2)];
  await expect.poll(() => titles(list)).toEqual(afterButtons);

  // ---- and with the drag handle's keyboard: Space, ArrowUp, Space
  await list.getByRole('button', { name: 'Vedä siirtääksesi: Pikapalaute päivästä' }).focus();
  // dnd-kit measures between key presses: give it a frame or two.
  await fac.keyboard.press('Space');
  await fac.waitForTimeout(150);
  await fac.keyboard.press('ArrowUp');
  await fac.waitForTimeout(150);
  await fac.keyboard.press('Space');
  const afterHandleKeys = [...before.slice(0, -3), 'Pikapalaute päivästä', ...before.slice(-3)];
  await expect.poll(() => titles(list)).toEqual(afterHandleKeys);

  // ---- drag once with the mouse: the first item below the second
  const handle = list.getByRole('button', { name: `Vedä siirtääksesi: ${before[0]}` });
  const target = list.locator('.pe-item').nth(1);
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await fac.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await fac.mouse.down();
  await fac.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 10, { steps: 4 });
  await fac.mouse.move(from.x + from.width / 2, to.y + to.height * 0.8, { steps: 12 });
  await fac.mouse.up();
  const afterDrag = [afterHandleKeys[1]!, afterHandleKeys[0]!, ...afterHandleKeys.slice(2)];
  await expect.poll(() => titles(list)).toEqual(afterDrag);
  await expect(list.locator('.pe-item').first().locator('.agenda-time')).toHaveText('09:30–09:55');
  await shot(fac, 'programme-02-reordered');

  // ---- the order is the hub's: a reload shows it
  await fac.reload();
  await expect(fac.getByRole('heading', { level: 1, name: 'Ohjelma' })).toBeVisible();
  await expect.poll(() => titles(list)).toEqual(afterDrag);

  // ---- edit an item: the duration moves the planned times of the rest
  await list.getByRole('button', { name: 'Muokkaa kohtaa Pikapalaute päivästä' }).click();
  const edit = list.getByRole('form', { name: 'Muokkaa: Pikapalaute päivästä' });
  await edit.getByLabel('Kesto (min)').fill('601');
  await edit.getByRole('button', { name: 'Tallenna kohta' }).click();
  await expect(edit.getByText('Keston pitää olla kokonainen määrä minuutteja väliltä 1–600.')).toBeVisible();
  await edit.getByLabel('Kesto (min)').fill('12');
  await edit.getByRole('button', { name: 'Tallenna kohta' }).click();
  await expect(edit).toBeHidden();
  await expect(list.locator('.pe-item', { hasText: 'Pikapalaute päivästä' }).locator('.pe-item-meta')).toContainText('12 min');

  // ---- apply the evening template on a free date
  const template = fac.getByRole('region', { name: 'Aloita mallista' });
  await template.getByLabel('Malli').selectOption({ label: 'Asukasilta' });
  await template.getByLabel('Ensimmäinen päivä').fill('2026-12-03');
  await expect(template.getByLabel('Ohjelman kieli')).toHaveValue('fi');
  await template.getByRole('button', { name: 'Lisää mallin ohjelma' }).click();
  await expect(template.getByRole('status')).toHaveText('Mallista lisättiin 1 päivä.');
  const evening = day(fac, 'Asukasilta');
  await expect(evening.locator('.pe-item').first()).toBeVisible();
  await expect(evening.locator('.pe-day-times')).toContainText('klo 17:30');
  // The same date again is refused with the hub's words.
  await template.getByRole('button', { name: 'Lisää mallin ohjelma' }).click();
  await expect(template.getByRole('alert')).toContainText('Päivälle 2026-12-03 on jo ohjelma.');
  await shot(fac, 'programme-03-template');
  await expectAccessible(fac, 'programme-template');

  await context.close();
});

test('the facilitator runs the programme by keyboard; two windows pressing Next at once advance it once', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const a = await context.newPage();
  await a.goto(host.facilitatorUrl);
  await expect(a.getByRole('navigation')).toBeVisible();
  await a.getByRole('navigation').getByRole('link', { name: 'Kello' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Kello' })).toBeVisible();
  // The demo panel stands ready at the start of its second day: stop, to run from the beginning.
  await expect(a.locator('.run-phase')).toHaveText('Valmiina');
  await a.getByRole('button', { name: 'Lopeta ohjelma' }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Lopeta ohjelma' }).click();
  await expect(a.locator('.run-phase')).toHaveText('Ei käynnissä');
  await expect(a.getByText('Ensimmäinen kohta: Tervetuloa ja paneelin tehtävä')).toBeVisible();
  // The demo's first day was held already: its records are in the log.
  const history = await a.locator('.run-log tbody tr').count();
  await expect(a.getByRole('heading', { name: 'Pikanäppäimet' })).toBeVisible();
  await expect(a.getByRole('button', { name: 'Seuraava' })).toHaveAttribute('aria-keyshortcuts', 'N');
  await shot(a, 'run-01-idle');

  const title = a.locator('.run-title');
  const remaining = a.getByTestId('run-remaining');

  // ---- Space starts the first item
  await a.locator('body').press('Space');
  await expect(a.locator('.run-phase')).toHaveText('Käynnissä');
  await expect(title).toHaveText('Tervetuloa ja paneelin tehtävä');
  await expect(remaining).toHaveText(/^(20:00|19:5\d)$/);

  // ---- pause (the button), +1 with the "+" key: exactly a minute more
  await a.getByRole('button', { name: 'Pysäytä' }).click();
  await expect(a.locator('.run-phase')).toHaveText('Pysäytetty');
  await a.locator('body').click({ position: { x: 5, y: 5 } });
  const paused = await remaining.innerText();
  await a.keyboard.press('+');
  await expect(remaining).not.toHaveText(paused);
  const toSeconds = (text: string) => {
    const [m, s] = text.split(':').map(Number) as [number, number];
    return m * 60 + s;
  };
  expect(toSeconds(await remaining.innerText())).toBe(toSeconds(paused) + 60);
  await shot(a, 'run-02-paused-plus-one');

  // ---- N starts the next item; the forecast shows how the day goes
  await a.keyboard.press('n');
  await expect(title).toHaveText('Tutustuminen ja keskustelun pelisäännöt');
  await expect(a.locator('.run-phase')).toHaveText('Käynnissä');
  await expect(a.locator('.run-question')).toContainText('Kertokaa vuorotellen');
  const forecast = a.getByTestId('run-forecast');
  await expect(forecast).toContainText(/min myöhässä|min etuajassa|Aikataulussa/);
  await expect(forecast).toContainText(/Päivä päättyy tällä tahdilla klo \d\d:\d\d/);
  await expect(a.locator('.run-next')).toContainText('Asiantuntijakuuleminen: Palveluverkko nyt ja tulevaisuudessa');
  // The planned-versus-actual log has the first item.
  const log = a.getByRole('table');
  await expect(log.locator('tbody tr')).toHaveCount(history + 2);
  await expect(log.locator('tbody tr').nth(history)).toContainText('Tervetuloa ja paneelin tehtävä');
  await expect(a.locator('.run-jump-list li[aria-current="step"]')).toContainText('Tutustuminen ja keskustelun pelisäännöt');

  // ---- a message to the room, and the blackout key
  await a.getByLabel('Viesti, joka näkyy valkokankaalla ja pöytien näytöillä').fill('Kahvit ovat valmiina aulassa.');
  await a.getByRole('button', { name: 'Näytä salissa' }).click();
  await expect(a.getByText('Viesti näkyy nyt salissa.')).toBeVisible();
  await a.locator('body').click({ position: { x: 5, y: 5 } });
  await a.keyboard.press('b');
  await expect(a.getByRole('button', { name: 'Pimennä näytöt' })).toHaveAttribute('aria-pressed', 'true');
  await shot(a, 'run-03-running');
  await expectAccessible(a, 'run-running');
  await a.keyboard.press('b');
  await expect(a.getByRole('button', { name: 'Pimennä näytöt' })).toHaveAttribute('aria-pressed', 'false');

  // ---- the item on stage cannot be deleted
  const b = await context.newPage();
  await b.goto(`${host.origin}/#/programme`);
  const running = b.locator('.pe-item.is-on-stage');
  await expect(running).toContainText('Tutustuminen ja keskustelun pelisäännöt');
  await expect(running.locator('.pe-on-stage')).toHaveText('Käynnissä');
  await running.getByRole('button', { name: 'Poista kohta Tutustuminen ja keskustelun pelisäännöt' }).click();
  await b.getByRole('dialog').getByRole('button', { name: 'Poista' }).click();
  await expect(running.getByRole('alert')).toHaveText('Käynnissä olevaa ohjelmakohtaa ei voi poistaa tai siirtää.');
  await shot(b, 'programme-04-running-item-refused');

  // ---- two windows press Next at once
  await b.goto(`${host.origin}/#/run`);
  await expect(b.locator('.run-title')).toHaveText('Tutustuminen ja keskustelun pelisäännöt');
  await pressTogether([a, b], 'n');
  const next = 'Asiantuntijakuuleminen: Palveluverkko nyt ja tulevaisuudessa';
  await expect(title).toHaveText(next);
  await expect(b.locator('.run-title')).toHaveText(next);
  const stale = /Kello oli jo siirtynyt eteenpäin \(nyt: Asiantuntijakuuleminen: Palveluverkko nyt ja tulevaisuudessa\)/;
  await expect.poll(async () => (await a.getByText(stale).count()) + (await b.getByText(stale).count())).toBe(1);
  const staleOn = (await a.getByText(stale).count()) === 1 ? a : b;
  await shot(staleOn, 'run-04-stale');
  await expectAccessible(staleOn, 'run-stale');
  // Exactly one step: the log has the two items before, one record each, and nothing skipped.
  await expect(log.locator('tbody tr')).toHaveCount(history + 3);
  await expect(log.locator('tbody tr').nth(history + 1)).toContainText('Tutustuminen ja keskustelun pelisäännöt');
  await expect(log.locator('tbody tr').nth(history + 2)).toContainText(next);
  await expect(log.locator('tbody tr', { hasText: 'Ohitettu' })).toHaveCount(0);

  // ---- jump to an item: it waits, ready, until started
  await a.getByRole('button', { name: 'Siirry kohtaan Kahvitauko' }).first().click();
  await expect(title).toHaveText('Kahvitauko');
  await expect(a.locator('.run-phase')).toHaveText('Valmiina');
  await a.locator('body').click({ position: { x: 5, y: 5 } });
  await a.keyboard.press('Space');
  await expect(a.locator('.run-phase')).toHaveText('Käynnissä');
  await shot(a, 'run-05-after-jump');

  // ---- "−" takes minutes off: under the item's threshold (2 min) the countdown turns to a warning
  for (let i = 0; i < 14; i++) await a.keyboard.press('-');
  await expect(remaining).toHaveText(/^0:[0-5]\d$/);
  await expect(a.locator('.run-countdown')).toHaveClass(/tone-warning/);
  await expect(a.locator('.run-countdown-label')).toHaveText('Aikaa jäljellä');
  await shot(a, 'run-06-warning');

  await context.close();
});
