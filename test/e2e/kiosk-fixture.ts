/**
 * Playwright fixture: a real web-mode server (`electron/web/serve-cli.ts`, what `npm run serve`
 * runs) with a fresh temp data folder for every test, on a free loopback port.
 */
import { test as base, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { startWebKiosk, type KioskServer } from '../fixtures/web-kiosk';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export type { KioskServer };

/** A web-mode kiosk with a fresh data folder (removed by `stop`); `extraArgs` go to serve-cli. */
export async function startKiosk(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<{ server: KioskServer; stop: () => Promise<void> }> {
  const server = await startWebKiosk({ args: extraArgs, env });
  return { server, stop: server.stop };
}

export const test = base.extend<{ kiosk: KioskServer }>({
  // Playwright fixtures must destructure their dependencies, even when there are none.
  // eslint-disable-next-line no-empty-pattern
  kiosk: async ({}, use) => {
    const server = await startWebKiosk();
    await use(server);
    await server.stop();
  },
});

export { expect };
