/**
 * Playwright fixture: a real web-mode server (the built `electron/web/serve-cli.ts`, what `npm run serve`
 * runs) with a fresh temp data folder for every test, on a free loopback port.
 */
import { test as base, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { startWebKiosk, type KioskServer } from '../fixtures/web-kiosk';
import { removeTempDirs } from '../fixtures/content';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export type { KioskServer };

/** A web-mode kiosk with a fresh data folder (removed by `stop`); `extraArgs` go to serve-cli. */
export async function startKiosk(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<{ server: KioskServer; stop: () => Promise<void> }> {
  const server = await startWebKiosk({ args: extraArgs, env });
  return { server, stop: server.stop };
}

/** A fixture body: a web-mode kiosk started with `args` for as long as the fixture lives. */
const serving =
  (args: string[] = []) =>
  // Playwright fixtures must destructure their dependencies, even when there are none.
  // eslint-disable-next-line no-empty-pattern
  async ({}, use: (server: KioskServer) => Promise<void>) => {
    const server = await startWebKiosk({ args });
    await use(server);
    await server.stop();
  };

export const test = base.extend<{ kiosk: KioskServer }>({ kiosk: serving() });

/** Removes the file's temp folders (test/fixtures/content.ts) when the worker ends. */
// eslint-disable-next-line no-empty-pattern
async function removeTempDirsAtWorkerEnd({}, use: () => Promise<void>) {
  await use();
  removeTempDirs();
}

/**
 * A `test` whose `server` runs on another content database (a test fixture's, through
 * `serve-cli --content`), a fresh server and data folder for every test: for tests that change
 * what the server keeps (PINs, settings). The temp folders the file made are removed when the
 * worker ends rather than in afterAll, so the workers can share the file's tests out one by one.
 */
export function testOnContent(db: string) {
  return base.extend<{ server: KioskServer }, { tempDirs: void }>({
    server: serving(['--content', db]),
    tempDirs: [removeTempDirsAtWorkerEnd, { scope: 'worker', auto: true }],
  });
}

/** As `testOnContent`, with one server per worker: for tests that only look. */
export function testOnContentPerWorker(db: string) {
  return base.extend<object, { server: KioskServer; tempDirs: void }>({
    server: [serving(['--content', db]), { scope: 'worker' }],
    tempDirs: [removeTempDirsAtWorkerEnd, { scope: 'worker', auto: true }],
  });
}

export { expect };
