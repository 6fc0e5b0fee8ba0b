import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// Unit tests: fast, node environment by default (renderer tests opt in with
// `// @vitest-environment jsdom` at the top of the file).
// Integration tests: the hub with a real SQLite file and real WebSockets on loopback.
export default defineConfig({
  root,
  plugins: [react()],
  test: {
    pool: 'forks',
    environment: 'node',
    passWithNoTests: true,
    restoreMocks: true,
    unstubEnvs: true,
    unstubGlobals: true,
    // One retry on CI, as for the e2e tests: vitest marks a test that needed it, so it is not hidden.
    retry: process.env.CI ? 1 : 0,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          testTimeout: 10_000,
          hookTimeout: 10_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
