/**
 * The facilitator's navigation: one column of grouped links beside the page at every common laptop
 * width, no label wrapping and no page scrolling sideways on any screen, every group reachable with
 * Tab, the current screen marked. Screenshots of the widest screens in .tmp/screens/nav-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { type HostProcess, startDemoHost } from '../support/hub.js';

const SCREENS = path.resolve('.tmp/screens');

const GROUPS = [
  { label: 'Ennen tapaamisia', links: ['Yleiskuva', 'Paneeli', 'Paneelin valinta', 'Ohjelma', 'Osallistujat', 'Pöytäjako'] },
  { label: 'Tapaamisissa', links: ['Kello', 'Seinä', 'Kysymykset', 'Materiaalit', 'Äänestykset', 'Lausuma'] },
  { label: 'Sali ja laitteet', links: ['Sali', 'Salin tarkistus', 'Varmuuskopiot'] },
];
const ROUTES = ['', 'panel', 'selection', 'programme', 'people', 'seating', 'run', 'wall', 'questions', 'materials', 'votes', 'statement', 'room', 'roomcheck', 'backups', 'start'];

let dir: string;
let host: HostProcess;

test.beforeEach(async () => {
  ({ dir, host } = await startDemoHost('nav'));
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' });

async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${host.origin}/#/${route}`);
  await expect(nav(page).locator('a[aria-current="page"]')).toHaveAttribute('href', `#/${route}`);
  await expect(page.locator('main h1')).toBeVisible();
}

/** Every link inside the navigation's box, in one column, each link and group name on one line. */
async function expectOneBlock(page: Page, label: string): Promise<void> {
  const layout = await page.getByRole('navigation').evaluate((el) => {
    const box = el.getBoundingClientRect();
    const oneLine = (e: Element) => e.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(e).lineHeight);
    const links = [...el.querySelectorAll('a')].map((a) => {
      const r = a.getBoundingClientRect();
      return { name: a.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, oneLine: oneLine(a) };
    });
    const groups = [...el.querySelectorAll('ul')].map((ul) => document.getElementById(ul.getAttribute('aria-labelledby') ?? ''));
    return { box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom }, links, groupsOneLine: groups.map((g) => (g ? oneLine(g) : false)) };
  });
  expect(layout.links.length, `${label}: all links`).toBe(16);
  expect(layout.groupsOneLine, `${label}: group names on one line`).toEqual([true, true, true]);
  for (const link of layout.links) {
    expect(link.left, `${label}: ${link.name} inside the navigation`).toBeGreaterThanOrEqual(layout.box.left);
    expect(link.right, `${label}: ${link.name} inside the navigation`).toBeLessThanOrEqual(layout.box.right);
    expect(link.top, `${label}: ${link.name} inside the navigation`).toBeGreaterThanOrEqual(layout.box.top);
    expect(link.bottom, `${label}: ${link.name} inside the navigation`).toBeLessThanOrEqual(layout.box.bottom);
    expect(link.oneLine, `${label}: ${link.name} on one line`).toBe(true);
  }
  // A column: each link straight below the one before it, all starting at the same left edge.
  for (let i = 1; i < layout.links.length; i++) {
    expect(layout.links[i]!.top, `${label}: ${layout.links[i]!.name} below ${layout.links[i - 1]!.name}`).toBeGreaterThanOrEqual(layout.links[i - 1]!.bottom - 1);
    expect(layout.links[i]!.left, `${label}: ${layout.links[i]!.name} in the column`).toBe(layout.links[0]!.left);
  }
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(0);
}

test('the navigation stays one grouped column at laptop widths, and Tab reaches every group', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(host.facilitatorUrl);
  await expect(page.locator('.agenda-item').first()).toBeVisible();

  // ---- the groups, with visible names, their links by role and name
  for (const group of GROUPS) {
    await expect(nav(page).getByText(group.label, { exact: true })).toBeVisible();
    const list = nav(page).getByRole('list', { name: group.label });
    await expect(list.getByRole('link')).toHaveText(group.links);
  }
  await expect(nav(page).getByRole('link', { name: 'Avaa toinen paneeli' })).toBeVisible();

  // ---- one block at each width, on every facilitator screen; the current screen marked
  for (const [width, height] of [
    [1024, 720],
    [1280, 720],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const route of ROUTES) {
      await open(page, route);
      await expect(nav(page).locator('a[aria-current="page"]')).toHaveCount(1);
      await expectNoSidewaysScroll(page, `${width} #/${route}`);
    }
    await open(page, 'programme');
    await expectOneBlock(page, `${width}`);
    await expect(nav(page).getByRole('link', { name: 'Ohjelma' })).toHaveAttribute('aria-current', 'page');
  }

  // ---- the longest names, in Swedish and English, bold on their own screen, at the narrowest width
  await page.setViewportSize({ width: 1024, height: 720 });
  await open(page, 'start');
  for (const [language, start] of [
    ['Svenska', 'Öppna en annan panel'],
    ['English', 'Open another panel'],
  ] as const) {
    await page.getByRole('button', { name: language }).click();
    await expect(page.getByRole('navigation').getByRole('link', { name: start })).toHaveAttribute('aria-current', 'page');
    await expectOneBlock(page, `1024 ${language}`);
  }
  await page.getByRole('button', { name: 'Suomi' }).click();
  await expect(nav(page)).toBeVisible();

  // ---- keyboard only: from the top of the page, Tab walks the links in order through every group
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, '');
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  const reached: string[] = [];
  for (let i = 0; i < 40 && reached.length < 16; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el?.closest('nav')) return null;
      return { name: el.textContent ?? '', outline: getComputedStyle(el).outlineStyle };
    });
    if (focused) {
      reached.push(focused.name);
      expect(focused.outline, `focus visible on ${focused.name}`).not.toBe('none');
    }
  }
  expect(reached).toEqual([...GROUPS.flatMap((g) => g.links), 'Avaa toinen paneeli']);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);

  // ---- the widest screens, to look at
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await open(page, '');
    await expect(page.locator('.agenda-item').first()).toBeVisible();
    await page.screenshot({ path: path.join(SCREENS, `nav-overview-${width}.png`) });
    await open(page, 'programme');
    await expect(page.locator('.pe-item').first()).toBeVisible();
    await page.screenshot({ path: path.join(SCREENS, `nav-programme-${width}.png`) });
    await open(page, 'selection');
    await expect(page.getByText('LEXIMIN, valmis')).toBeVisible();
    await page.screenshot({ path: path.join(SCREENS, `nav-selection-${width}.png`) });
    await open(page, 'statement');
    await expect(page.getByRole('heading', { level: 1, name: 'Lausuma' })).toBeVisible();
    await page.screenshot({ path: path.join(SCREENS, `nav-statement-${width}.png`) });
  }
  await context.close();
});
