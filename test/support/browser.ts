import { chromium, type Browser, type LaunchOptions } from '@playwright/test';
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
