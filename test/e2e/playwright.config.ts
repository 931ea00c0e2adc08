import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { electronBinary } from './workstation-fixture';

// Debian's Chromium: the product is tested offline, so Playwright's own browser download is never used.
const chromium = process.env.WFOS_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' } },
    // The same specs against the real Electron app wherever its binary is installed.
    ...(electronBinary() ? [{ name: 'electron', testIgnore: /serve-[^/]*\.spec\.ts$/ }] : []),
  ],
});
