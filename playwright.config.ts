import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against web mode (npm run serve): a fresh server per test
 * unless a file says otherwise (kiosk-fixture.ts), so the two workers share every file's tests
 * out one by one (fullyParallel) and finish together.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // One temp folder for the run, for work done once and shared by the workers (run-once.ts).
  globalSetup: './test/e2e/global-setup.ts',
  // Its own folder: Playwright empties outputDir, and test-results/ also holds vitest's report.
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
