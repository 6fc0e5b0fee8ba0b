import { chromium, expect, type Browser, type BrowserContext, type LaunchOptions } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

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
