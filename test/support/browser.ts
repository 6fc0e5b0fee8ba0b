import { chromium, expect, type Browser, type BrowserContext, type LaunchOptions, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOM_HOSTNAME } from './chromium.js';

export { CHROMIUM_ARGS, CHROMIUM_PATH, ROOM_ADDRESS, ROOM_HOSTNAME } from './chromium.js';

/** Debian's Chromium with the room's flags (see chromium.ts). Extra args are appended. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/**
 * The `puntari` session cookie a page has been given for origin, as a Cookie header. The
 * facilitator page trades its #code for the cookie after its first render, so this waits for it.
 */
export async function sessionCookie(context: BrowserContext, origin: string): Promise<string> {
  let value: string | undefined;
  await expect
    .poll(async () => {
      value = (await context.cookies(origin)).find((c) => c.name === 'puntari')?.value;
      return value !== undefined;
    }, { message: `a session for ${origin}`, timeout: 10_000 })
    .toBe(true);
  return `puntari=${value}`;
}

/**
 * The facilitator opens the room on the Sali screen, and a new laptop (its own browser context)
 * pairs as table `tableNo` through the join page and is approved there.
 */
export async function openRoomAndPairTable(browser: Browser, fac: Page, origin: string, tableNo: number): Promise<{ table: Page; tableContext: BrowserContext; roomOrigin: string }> {
  await fac.goto(`${origin}/#/room`);
  await fac.getByRole('button', { name: 'Avaa sali' }).click();
  await expect(fac.getByRole('img', { name: /QR-koodi/ })).toBeVisible();
  const pairingCode = (await fac.locator('.big-code').innerText()).trim();
  const roomPort = new URL((await fac.locator('.join-url').first().innerText()).trim()).port;
  const roomOrigin = `http://${ROOM_HOSTNAME}:${roomPort}`;
  const tableContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const table = await tableContext.newPage();
  await table.goto(`${roomOrigin}/`);
  await table.getByLabel('Parituskoodi').fill(pairingCode);
  await table.getByLabel('Tämän laitteen nimi').fill(`Pöydän ${tableNo} kone`);
  await table.getByLabel('Pöydän numero').fill(String(tableNo));
  await table.getByRole('button', { name: 'Liity' }).click();
  await fac.getByRole('button', { name: `Hyväksy Pöydän ${tableNo} kone` }).click();
  await expect(table.getByRole('heading', { level: 1, name: `Pöytä ${tableNo}` })).toBeVisible();
  return { table, tableContext, roomOrigin };
}
