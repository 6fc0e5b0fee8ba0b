import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium.js';

// e2e: the renderer served by `puntari host`, driven in Debian's Chromium (Electron cannot run
// here, and Playwright's own browser download is not reachable). Each test starts its own host
// with test/support/hub.ts; table pages go to http://room.test:PORT (→ 127.0.0.2) through
// test/support/roomProxy.ts.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  globalSetup: './test/support/globalSetup.ts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  // One retry on CI: a test that passes only on retry is reported as flaky in the output, not hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
});
