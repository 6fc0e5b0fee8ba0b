/**
 * How tests launch Chromium: Debian's /usr/bin/chromium (Playwright's own download cannot be had
 * here), with the room's name mapped to a second loopback address. Kept free of Playwright imports
 * so playwright.config.ts can use it too.
 *
 * `room.test` → 127.0.0.2 makes a table page a non-secure context (no crypto.randomUUID,
 * crypto.subtle, service workers), like a real table laptop on http://192.168.x.y. Every other
 * name (and any address outside 127.0.0.0/8) fails to resolve, so a test cannot reach anything
 * but loopback by accident.
 */
export const CHROMIUM_PATH = process.env.PUNTARI_CHROMIUM ?? '/usr/bin/chromium';

export const ROOM_HOSTNAME = 'room.test';
export const ROOM_ADDRESS = '127.0.0.2';

export const HOST_RESOLVER_RULES = [
  `MAP ${ROOM_HOSTNAME} ${ROOM_ADDRESS}`,
  `MAP *.${ROOM_HOSTNAME} ${ROOM_ADDRESS}`,
  'EXCLUDE localhost',
  'EXCLUDE 127.*',
  'EXCLUDE [::1]',
  'MAP * ~NOTFOUND',
].join(', ');

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--host-resolver-rules=${HOST_RESOLVER_RULES}`,
];
