import { defineConfig, devices } from '@playwright/test';

import { CHROMIUM } from './e2e/chromium.ts';
import { BASE_PATH, BASED_PORT, PORT, PORTAL_ORIGIN } from './e2e/ports.ts';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  // The lazy sections' code arrives after the answer shows; with two workers and the servers on
  // a two-core CI machine, that once took over the 5 s default. A check that never holds still
  // fails, 10 s later.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // Copy buttons and paste handling are part of the product: every spec may use the clipboard.
    permissions: ['clipboard-read', 'clipboard-write'],
    screenshot: 'only-on-failure',
    launchOptions: CHROMIUM,
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /base-path\.spec/ },
    {
      name: 'base-path',
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${BASED_PORT}` },
      testMatch: /base-path\.spec/,
    },
  ],
  webServer: [
    {
      // The real server in demo mode, serving the production build.
      command: 'node_modules/.bin/tsx server/index.ts',
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        PORT: String(PORT),
        UPSTREAM_TIMEOUT_MS: '1500',
        // The browser retries too; here one attempt per request keeps the fault specs quick,
        // and the demo faults must not open the circuit for the specs that follow
        // (retries and the breaker are tested against a fault-injecting upstream in Vitest).
        UPSTREAM_RETRIES: '0',
        BREAKER_FAILURES: '10000',
        CLOUDFLARE_API_TOKEN: '',
        FRAME_ANCESTORS: PORTAL_ORIGIN,
        // A live participant refreshes every 2 s here, so a spec can watch it gain events.
        LIVE_REFRESH_MS: '2000',
        // Every spec looks up from one address: the per-user limit is tested in Vitest.
        RATE_LIMIT_PER_USER: '100000',
      },
    },
    {
      command: 'node_modules/.bin/tsx server/index.ts',
      url: `http://127.0.0.1:${BASED_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { PORT: String(BASED_PORT), CLOUDFLARE_API_TOKEN: '', BASE_PATH },
    },
  ],
});
